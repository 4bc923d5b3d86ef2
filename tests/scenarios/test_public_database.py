"""The public "sunshine" database at every stage of a tender holds only what may be public.

Private values are planted (a legal representative's identity number, its keyed hash, a related
person's identity number, a bank account, a sealed price that is never opened, and the prices of
bids before their opening) and the file's bytes, and every cell, are searched for them after each
stage.
"""

from __future__ import annotations

import sqlite3
from datetime import timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import sqlite_utils
from sqlmodel import col, select

from tests.kit import payload, present, published, register_admitted_supplier, supplier_actor
from zhaocai.money import amount_in_words
from zhaocai.publish.public_db import WITHHELD, money_text
from zhaocai.publish.search import document_terms, search
from zhaocai.suppliers.tables import PersonRow

LEGAL_ID = "330782198811117777"
OWNER_ID = "33078219900202888X"
ACCOUNT = "6228480399887766554"
NEVER_OPENED = "1234567.89"  # sealed in a tender that is never opened
PRICES = ("1901234.56", "1912345.67", "1923456.78", "1934567.89")


def _plant(platform, actors) -> dict[str, Any]:
    """Four bidders; the last two are related (same legal representative, owner and account)."""
    ids = [register_admitted_supplier(platform, actors, name=f"阳光建材{n}有限公司") for n in range(2)]
    shared = {"legal_representative_id": LEGAL_ID, "bank_account": ACCOUNT,
              "persons": [{"role": "owner", "name": "张股东", "identity_number": OWNER_ID}]}
    ids += [register_admitted_supplier(platform, actors, name="义乌关联甲建材有限公司", **shared),
            register_admitted_supplier(platform, actors, name="义乌关联乙建材有限公司",
                                       **{**shared, "bank_account": ACCOUNT[:-1] + "3"})]
    with platform.internal.session() as session:
        hashes = {p.id_hash for p in session.exec(select(PersonRow).where(col(PersonRow.supplier_id).in_(ids)))}
    return {"ids": ids, "hashes": hashes}


def _private_text(planted: dict[str, Any]) -> list[str]:
    values = [LEGAL_ID, OWNER_ID, ACCOUNT, ACCOUNT[:-1] + "3", NEVER_OPENED]
    for digest in planted["hashes"]:
        values += [digest, digest[:16]]
    return values


def _cells(path: Path) -> list[Any]:
    db = sqlite_utils.Database(path)
    try:
        return [v for name in db.table_names() for row in db.execute(f'SELECT * FROM "{name}"').fetchall()
                for v in row]
    finally:
        db.close()


def _assert_absent(path: Path, values: list[str], stage: str) -> None:
    raw = path.read_bytes()
    cells = _cells(path)
    for value in values:
        assert value.encode("utf-8") not in raw, f"{stage}: {value!r} found in the file"
        assert not any(isinstance(c, str) and value in c for c in cells), f"{stage}: {value!r} in a cell"
        if value.replace(".", "").isdigit() and "." in value:
            fen = int(value.replace(".", ""))
            assert fen not in cells, f"{stage}: {value} as fen in a cell"
            shown = money_text(Decimal(value))  # the display column's form, ¥1,234,567.89
            assert shown is not None and shown[1:].encode() not in raw, f"{stage}: {shown} in the file"
            words = amount_in_words(Decimal(value))
            assert words.encode() not in raw, f"{stage}: {value} in words in the file"


def _tables(path: Path) -> dict[str, list[dict[str, Any]]]:
    db = sqlite_utils.Database(path)
    try:
        return {name: list(db.table(name).rows) for name in db.table_names()
                if not name.endswith(("_fts", "_fts_data", "_fts_idx", "_fts_docsize", "_fts_config"))}
    finally:
        db.close()


def test_public_database_at_every_stage_holds_only_public_facts(platform, actors, clock, tmp_path: Path) -> None:
    planted = _plant(platform, actors)
    users = [supplier_actor(s) for s in planted["ids"]]
    private = _private_text(planted)
    # A tender that stays sealed throughout: its price must never appear.
    sealed = published(platform, actors, clock, title="Sealed until 2027",
                       deadline=clock.now() + timedelta(days=300))
    platform.tenders.submit_bid(users[0], sealed.tender.id, payload(NEVER_OPENED))

    pub = published(platform, actors, clock, title="HRB400E 钢筋 for the sunshine test")
    tid = pub.tender.id
    live = tmp_path / "live.db"  # one file refreshed in place at every stage, as a portal serves it
    path = platform.publish.public_database(tmp_path / "s1.db")
    _assert_absent(path, private + list(PRICES), "published")
    _assert_absent(platform.publish.public_database(live), private + list(PRICES), "published, live")
    tables = _tables(path)
    assert {t["id"] for t in tables["tenders"]} == {tid, sealed.tender.id}
    assert tables["opening_entries"] == [] and tables["items"]

    for user, price in zip(users, PRICES, strict=True):
        clock.advance(hours=2)
        platform.tenders.submit_bid(user, tid, {**payload(price), "bid_security_account": ACCOUNT})
    path = platform.publish.public_database(tmp_path / "s2.db")
    _assert_absent(path, private + list(PRICES), "bids submitted")
    _assert_absent(platform.publish.public_database(live), private + list(PRICES), "bids submitted, live")
    assert not any(s["id"] in planted["ids"] for s in _tables(path)["suppliers"])  # not even who bid
    for name in ("义乌关联甲建材有限公司", "阳光建材0有限公司"):  # nor in the search words
        assert document_terms(name).encode() not in path.read_bytes() and name.encode() not in path.read_bytes()

    clock.set(pub.tender.deadline + timedelta(minutes=1))
    platform.tick()
    path = platform.publish.public_database(tmp_path / "s3.db")
    _assert_absent(path, private + list(PRICES), "closed")
    _assert_absent(platform.publish.public_database(live), private + list(PRICES), "closed, live")
    assert next(t for t in _tables(path)["tenders"] if t["id"] == tid)["state"] == "closed"

    clock.advance(minutes=20)
    present(platform, tid, 1, 2)
    platform.tenders.open_bids(actors["supervisor"], tid)
    path = platform.publish.public_database(tmp_path / "s4.db")
    _assert_absent(path, private, "opened")
    _assert_absent(platform.publish.public_database(live), private, "opened, live")
    tables = _tables(path)
    entries = [e for e in tables["opening_entries"] if e["tender_id"] == tid]
    assert sorted(e["total_price"] for e in entries) == sorted(
        f"{__import__('decimal').Decimal(p) + 1000:.2f}" for p in PRICES)  # lot 1 + lot 2 (1000.00)
    flags = [f for f in tables["red_flags"] if f["code"] == "REG40-RELATED-PARTIES"]
    assert flags and WITHHELD in flags[0]["evidence"]
    assert set(planted["ids"][2:]) <= set(__import__("json").loads(flags[0]["supplier_ids"]))


def test_full_text_search_and_blacklist(platform, actors, clock, tmp_path: Path) -> None:
    supplier = register_admitted_supplier(platform, actors, name="义乌劣质钢材贸易行",
                                          bank_account=ACCOUNT)
    request = platform.suppliers.propose_blacklist(actors["purchasing"], supplier, "伪造质保书 falsified certificates",
                                                   evidence=["质检报告 ZJ-2026-0211"], ban_days=365)
    platform.suppliers.approve_blacklist(actors["supervisor"], request.id)
    published(platform, actors, clock, title="Ready-mix concrete C30 商品混凝土")
    path = platform.publish.public_database(tmp_path / "fts.db")
    db = sqlite_utils.Database(path)
    try:
        def found(table: str, column: str, query: str) -> list[str]:
            return [db.execute(f"SELECT {column} FROM {table} WHERE rowid = ?", (rowid,)).fetchone()[0]
                    for rowid in search(db.conn, f"{table}_fts", query)]

        for query in ("商品混凝", "混凝土", "concrete", "C30", "混凝土 C30"):
            assert found("tenders", "title", query) == ["Ready-mix concrete C30 商品混凝土"], query
        assert found("tenders", "title", "钢筋") == []
        assert found("items", "name", "rebar") == ["rebar Φ12"]
        assert found("suppliers", "name", "钢材贸易") == ["义乌劣质钢材贸易行"]
        assert found("suppliers", "name", "钢材") == ["义乌劣质钢材贸易行"]
        assert found("suppliers", "name", "劣") == ["义乌劣质钢材贸易行"]
        banned = list(db.table("blacklist").rows)
        assert banned[0]["reason"] == "伪造质保书 falsified certificates" and banned[0]["ban_days"] == 365
        assert set(banned[0]) == {"supplier_id", "supplier_name", "credit_code", "reason", "decided_at",
                                  "ban_days", "ban_until"}
    finally:
        db.close()
    assert ACCOUNT.encode() not in path.read_bytes()
    assert b"ZJ-2026-0211" not in path.read_bytes()  # the evidence stays internal
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)


SCORE_MARKER = "23.17"


def test_public_database_through_evaluation_award_and_contract(platform, actors, clock, tmp_path: Path) -> None:
    from tests import kit

    kit.add_experts(platform, actors)
    flow = kit.build_tender(platform, clock, "checked", lots=2, bidders=3, pool=0, committee=5, performance=True,
                            prices=[("1900000.00", "100000.00"), ("1950000.00", "95000.00"), ("1980000.00", "99000.00")])
    committee = platform.evaluation.committee(actors["purchasing"], flow.tender_id)
    member_names = {m.name for m in committee.members if m.active}
    assert member_names & set(kit.EXPERT_NAMES)
    with platform.internal.session() as session:
        from zhaocai.bidding.evaluating.tables import ExpertRow
        expert_hashes = [h for e in session.exec(select(ExpertRow)) for h in e.person_hashes]
    always_private = [*kit.EXPERT_IDS, *expert_hashes, *(h[:16] for h in expert_hashes)]

    flow.score(flow.members[:2], marker=SCORE_MARKER)  # two of five sheets in
    path = platform.publish.public_database(tmp_path / "partial.db")
    _assert_absent(path, [*always_private, *kit.EXPERT_NAMES, SCORE_MARKER], "evaluating, partial scores")
    tables = _tables(path)
    assert tables["evaluation_results"] == [] and tables["committee"] == [] and tables["candidates"] == []
    assert next(t for t in tables["tenders"] if t["id"] == flow.tender_id)["state"] == "evaluating"

    flow.score(flow.members[2:])
    flow.to("publicising")
    path = platform.publish.public_database(tmp_path / "publicising.db")
    _assert_absent(path, [*always_private, *kit.EXPERT_NAMES], "publicising")
    tables = _tables(path)
    assert {c["lot_id"] for c in tables["candidates"]} == {"L1", "L2"}
    assert len(tables["evaluation_results"]) == 6 and tables["committee"] == []
    assert all(r["total_score"] for r in tables["evaluation_results"])

    award = flow.to("awarded").award
    path = platform.publish.public_database(tmp_path / "awarded.db")
    _assert_absent(path, always_private, "awarded")
    tables = _tables(path)
    assert {r["name"] for r in tables["committee"]} == member_names
    assert len(tables["committee"]) == 5
    assert {(a["lot_id"], a["amount"]) for a in tables["awards"]} == {(n.lot_id, f"{n.amount:.2f}")
                                                                      for n in award.notices}
    assert all(a["amount_in_words"].endswith(("整", "分", "角")) for a in tables["awards"])
    assert tables["contracts"] == []  # not signed yet

    flow.to("contracted")
    path = platform.publish.public_database(tmp_path / "contracted.db")
    _assert_absent(path, [*always_private, "私下备注"], "contracted")
    tables = _tables(path)
    assert len(tables["contracts"]) == 2 and tables["contract_performance"][0]["kind"] == "late_delivery"
    assert next(t for t in tables["tenders"] if t["id"] == flow.tender_id)["state"] == "contracted"


def test_statistical_and_supplier_flags_never_reach_the_public_file(tmp_path: Path) -> None:
    """Every code over a history with planted cartels is computed; the public file carries the
    procedural and hard-evidence tender flags and none of the withheld codes, in any byte."""
    from datetime import UTC, datetime

    from zhaocai.integrity import compute_flags
    from zhaocai.integrity.evaluation_history import generate_evaluation_history
    from zhaocai.integrity.model import FLAG_INFO
    from zhaocai.publish.public_db import PUBLIC_EVIDENCE_CODES, publishable, write_public_database
    from zhaocai.publish.settings import PublishSettings

    history = generate_evaluation_history(seed=1, tenders=3000)
    flags = compute_flags(history.tenders, history.suppliers)
    computed = {f.code for f in flags}
    withheld = {code for code, info in FLAG_INFO.items()
                if info.kind != "procedure" and code not in PUBLIC_EVIDENCE_CODES}
    # The history fires the statistical and network signals the rule is about.
    assert {"ZC-CARTEL", "ZC-CARTEL-MEMBER", "ZC-LOYAL-LOSER", "ZC-BID-SUPPRESSION", "ZC-INSIDER",
            "ZC-SCREEN-COVER", "ZC-LATE-HAIR", "ZC-NEAR-EQUAL", "R058"} <= computed
    assert not any(publishable(f) for f in flags if f.code in withheld or f.subject != "tender")
    path = write_public_database(tmp_path / "flags.db", [], [], flags, PublishSettings(),
                                 datetime(2026, 1, 1, tzinfo=UTC))
    rows = _tables(path)["red_flags"]
    published = {r["code"] for r in rows}
    procedural = {c for c, i in FLAG_INFO.items() if i.kind == "procedure"}
    assert published and published <= procedural | PUBLIC_EVIDENCE_CODES
    assert {"R003", "REG40-RELATED-PARTIES"} <= published
    assert len(rows) == sum(1 for f in flags if publishable(f))
    raw = path.read_bytes()
    for code in sorted(withheld):
        assert code.encode() not in raw, f"{code} found in the public file"
    assert not any(r["subject"] != "tender" for r in rows)
