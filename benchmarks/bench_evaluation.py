"""Evaluation figure: a tender of 10,000 compliant bids, 7 members, 5 criteria — every member
commits to a sheet, then every member reveals it, then the report (committee scores, outliers,
ranking, candidates).

Setup (not timed) writes the state after opening, drawing and the compliance check directly with
bulk inserts, as `bench_tenders` does for sealed bids; each member's `commit_sheet` (the member's
own work, on their own machine) is not timed either. The floor is raw sqlite3 and hashlib doing
what commit and reveal cannot skip: one transaction per member storing the commitment's digest;
then per member, the sha256 of the sheet's canonical JSON with its nonce checked against the
commitment and the same 50,000 scores inserted into a table with the same key, one transaction
per member; then one aggregate query (count, sum, min, max per bid and criterion).
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import tempfile
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import insert

from benchmarks.chain import append_links
from benchmarks.harness import Figure, Stopwatch, enrol
from zhaocai import commit_sheet
from zhaocai.actors import Actor, Role
from zhaocai.bidding.custody import generate_custodian_key
from zhaocai.bidding.evaluating.tables import (
    CommitteeRow,
    EntryRow,
    EvaluationRow,
    ExpertRow,
    LotRow,
    MemberRow,
)
from zhaocai.bidding.rules.commitments import SCHEME
from zhaocai.bidding.tables import OpeningRecordRow, TenderRow
from zhaocai.clock import SHANGHAI, ManualClock
from zhaocai.platform import Platform
from zhaocai.store.types import canonical_json

BIDS = 10_000
MEMBERS = 7
CRITERIA = {"T1": 20, "T2": 15, "T3": 15, "C1": 10, "C2": 10}
START = datetime(2026, 3, 2, 9, tzinfo=SHANGHAI)
BUYER = Actor(id="p-wang", name="王采购", roles=frozenset({Role.PURCHASING}))
CUSTODIANS = [{"actor_id": "a-zheng", "name": "郑", "supervisor": False},
              {"actor_id": "s-zhou", "name": "周", "supervisor": True}]
KEEPERS = [Actor(id="a-zheng", name="郑审计", roles=frozenset({Role.AUDITOR})),
           Actor(id="s-zhou", name="周纪检", roles=frozenset({Role.SUPERVISOR}))]


def _tender(platform: Platform, clock: ManualClock) -> str:
    evaluation = {"method": "comprehensive_scoring",
                  "weights": {"price": "30", "technical": "50", "commercial": "20"},
                  "criteria": [{"name": n, "part": "technical" if n.startswith("T") else "commercial",
                                "weight": str(w)} for n, w in CRITERIA.items()]}
    view = platform.tenders.create_draft(BUYER, {
        "title": "bench", "buyer": "津义", "category": "materials", "method": "open_tender",
        "lots": [{"id": "L1", "title": "rebar", "items": [{"name": "rebar", "quantity": "1", "unit": "t"}]}],
        "estimate": "800000", "ceiling_price": "850000", "deadline": clock.now() + timedelta(days=21),
        "custodians": CUSTODIANS, "threshold": 2, "evaluation": evaluation})
    for keeper in KEEPERS:  # each custodian registers their own key (the bids are never opened here)
        platform.tenders.register_custodian_key(keeper, generate_custodian_key().public_key)
    platform.tenders.publish(BUYER, view.id)
    return view.id


def _evaluating(platform: Platform, tender_id: str, now: datetime) -> tuple[list[str], list[str]]:
    """Write the state after opening, draw, declarations and compliance (setup only)."""
    bids = [f"bid-{i:05d}" for i in range(BIDS)]
    members = [f"e-{m}" for m in range(MEMBERS)]
    prices = {b: 70_000_000 + i * 137 for i, b in enumerate(bids)}
    # The opening record's lines: the evaluation checks each entry's price against its line.
    record = {"entries": [{"bid_id": b, "supplier_id": f"sup-{i:05d}",
                           "status": "valid", "lot_prices": {"L1": str(Decimal(prices[b]).scaleb(-2))}} for i, b in enumerate(bids)]}
    digest = hashlib.sha256(canonical_json(record).encode("utf-8")).hexdigest()
    with platform.internal.engine.begin() as conn:
        # The links the commands would have recorded: every evaluation step checks the tender's
        # state and opening record against them.
        append_links(conn, now, [
            ("s-zhou", "tender.close", "tender", tender_id,
             {"tender_id": tender_id, "from": "published", "to": "closed"}),
            ("s-zhou", "tender.open", "tender", tender_id,
             {"tender_id": tender_id, "from": "closed", "to": "opened", "stage": "bid", "record_digest": digest}),
            ("p-wang", "committee.draw", "tender", tender_id,
             {"tender_id": tender_id, "from": "opened", "to": "evaluating", "members": members}),
        ])
        conn.execute(TenderRow.__table__.update().where(  # type: ignore[attr-defined]
            TenderRow.__table__.c.id == tender_id).values(state="evaluating"))  # type: ignore[attr-defined]
        conn.execute(insert(OpeningRecordRow.__table__), [{  # type: ignore[attr-defined]
            "tender_id": tender_id, "stage": "bid", "opened_at": now, "opened_by": "s-zhou",
            "record": record, "digest": digest}])
        conn.execute(insert(ExpertRow.__table__), [{  # type: ignore[attr-defined]
            "id": m, "name": m, "specialties": ["materials"], "employer_id": None, "person_hashes": [],
            "relatives_at": [], "active": True, "updated_by": "adm", "updated_at": now} for m in members])
        conn.execute(insert(CommitteeRow.__table__), [{  # type: ignore[attr-defined]
            "tender_id": tender_id, "opening_digest": digest, "draw_time": now.isoformat(), "seed_hex": "00",
            "category": "materials", "size": MEMBERS, "drafter_id": "p-wang", "inputs": {}, "members": members,
            "representatives": [], "recusals": [], "withdrawn": [], "drawn_by": "p-wang", "drawn_at": now}])
        conn.execute(insert(MemberRow.__table__), [{  # type: ignore[attr-defined]
            "tender_id": tender_id, "member_id": m, "name": m, "kind": "expert", "position": i + 1,
            "active": True, "declared_at": now, "statement": "无利害关系"} for i, m in enumerate(members)])
        conn.execute(insert(EvaluationRow.__table__), [{  # type: ignore[attr-defined]
            "tender_id": tender_id, "compliance_at": now, "compliance_by": "e-0"}])
        conn.execute(insert(LotRow.__table__), [{  # type: ignore[attr-defined]
            "tender_id": tender_id, "lot_id": "L1", "title": "rebar", "status": "evaluating",
            "compliant": BIDS}])
        conn.execute(insert(EntryRow.__table__), [{  # type: ignore[attr-defined]
            "tender_id": tender_id, "lot_id": "L1", "bid_id": b, "supplier_id": f"sup-{i:05d}",
            "content_hash": hashlib.sha256(b.encode()).hexdigest(), "price_fen": prices[b],
            "compliant": True, "reasons": [], "abnormal": None, "adjustments": []}
            for i, b in enumerate(bids)])
    return bids, members


def _sheets(bids: list[str], members: list[str]) -> dict[str, dict[str, dict[str, Decimal]]]:
    """Members agree within about a point; one member in 50 strays on one criterion."""
    half = Decimal("0.5")
    sheets: dict[str, dict[str, dict[str, Decimal]]] = {m: {} for m in members}
    for i, b in enumerate(bids):
        for j, m in enumerate(members):
            row = {}
            for k, (c, top) in enumerate(CRITERIA.items()):
                base = Decimal(top * 6 // 10 + (i * 7 + k * 3) % (top * 3 // 10 + 1))
                points = base + half * ((i + j * 3 + k) % 3 - 1)
                if (i + j) % 50 == 0 and k == 0:
                    points = Decimal(0)
                row[c] = min(max(points, Decimal(0)), Decimal(top))
            sheets[m][b] = row
    return sheets


def measure_evaluation_10k() -> tuple[float, float]:
    """Submit 7 sealed sheets of 10,000 bids × 5 criteria and compile the report, vs raw sqlite3."""
    folder = Path(tempfile.mkdtemp(prefix="zc-bench-"))
    clock = ManualClock(START)
    platform = Platform.open(f"sqlite:///{folder / 'eval.db'}", clock=clock)
    enrol(platform, BUYER, *KEEPERS, *(Actor(id=f"e-{m}", name=f"e-{m}", roles=frozenset({Role.EXPERT}))
                             for m in range(MEMBERS)))
    tender_id = _tender(platform, clock)
    clock.advance(days=22)
    bids, members = _evaluating(platform, tender_id, clock.now())
    sheets = _sheets(bids, members)
    actors = [Actor(id=m, name=m, roles=frozenset({Role.EXPERT})) for m in members]
    kept = {m: commit_sheet(sheets[m], tender_id=tender_id, lot_id="L1", member_id=m) for m in members}
    watch = Stopwatch()
    with watch.timing():
        for actor in actors:
            platform.evaluation.commit_scores(actor, tender_id, "L1", kept[actor.id].digest)
        for actor in actors:
            platform.evaluation.reveal_scores(actor, tender_id, "L1", sheets[actor.id], kept[actor.id].nonce)
        report = platform.evaluation.compile_report(actors[0], tender_id)
    assert len(report.lots[0].candidates) == 3
    assert sum(1 for e in report.lots[0].entries if e.rank) == BIDS
    platform.close()

    raw = sqlite3.connect(folder / "floor.db", isolation_level=None)
    raw.execute("PRAGMA journal_mode=WAL")
    raw.execute("PRAGMA synchronous=FULL")
    raw.execute("CREATE TABLE score (tender_id TEXT, lot_id TEXT, bid_id TEXT, criterion_id TEXT, "
                "member_id TEXT, points_centi BIGINT, "
                "PRIMARY KEY (tender_id, lot_id, bid_id, criterion_id, member_id)) WITHOUT ROWID")
    raw.execute("CREATE TABLE commitment (tender_id TEXT, lot_id TEXT, member_id TEXT, digest TEXT, "
                "PRIMARY KEY (tender_id, lot_id, member_id))")
    points = {m: {b: {c: int(p * 100) for c, p in row.items()} for b, row in sheets[m].items()} for m in members}
    rows = {m: [(tender_id, "L1", b, c, m, v) for b, row in points[m].items() for c, v in row.items()]
            for m in members}
    floor = Stopwatch()
    with floor.timing():
        for m in members:
            raw.execute("BEGIN IMMEDIATE")
            raw.execute("INSERT INTO commitment VALUES (?, 'L1', ?, ?)", (tender_id, m, kept[m].digest))
            raw.execute("COMMIT")
        for m in members:
            opened = json.dumps({"lot_id": "L1", "member_id": m, "nonce": kept[m].nonce, "points": points[m],
                                 "scheme": SCHEME, "tender_id": tender_id},
                                sort_keys=True, separators=(",", ":")).encode()
            assert hashlib.sha256(opened).hexdigest() == kept[m].digest
            raw.execute("BEGIN IMMEDIATE")
            raw.executemany("INSERT INTO score VALUES (?, ?, ?, ?, ?, ?)", rows[m])
            raw.execute("COMMIT")
        result: Any = raw.execute(
            "SELECT bid_id, criterion_id, count(*), sum(points_centi), min(points_centi), "
            "max(points_centi) FROM score WHERE tender_id = ? AND lot_id = 'L1' "
            "GROUP BY bid_id, criterion_id", (tender_id,)).fetchall()
    assert len(result) == BIDS * len(CRITERIA)
    raw.close()
    _ = UTC
    return watch.seconds, floor.seconds


FIGURES = [
    Figure("evaluation_10k", 3.0, measure_evaluation_10k,
           f"{MEMBERS} score sheets of {BIDS:,} bids × {len(CRITERIA)} criteria committed, then revealed "
           "and checked against their commitments, then the report (trimmed means, outliers, price scores, "
           "ranking) vs raw sqlite3 and hashlib: the commitments stored, each sheet's sha256 checked and its "
           "scores inserted (one transaction per member) + one aggregate query"),
]
