"""Tender figures: sealed bid submission per transaction, and opening a tender of 10,000 bids."""

from __future__ import annotations

import base64
import json
import sqlite3
import tempfile
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from nacl.public import PrivateKey, PublicKey, SealedBox
from sqlalchemy import insert

from benchmarks.chain import append_links
from benchmarks.harness import Figure, Stopwatch, enrol, raw_sqlite
from zhaocai.actors import Actor, Role
from zhaocai.bidding.custody import generate_custodian_key, open_share
from zhaocai.bidding.padding import pad
from zhaocai.bidding.receipts import ReceiptKind, ReceiptSigner
from zhaocai.bidding.sealing import envelope_digest, seal_bid
from zhaocai.bidding.tables import BidRow
from zhaocai.clock import SHANGHAI, ManualClock
from zhaocai.platform import Platform
from zhaocai.store.types import canonical_json
from zhaocai.suppliers.rules import DEFAULT_POLICIES, Department

SUBMISSIONS = 500
OPEN_BIDS = 10_000
START = datetime(2026, 3, 2, 9, tzinfo=SHANGHAI)


def _person(id: str, *roles: Role) -> Actor:
    return Actor(id=id, name=id, organisation="浙江津义建设", roles=frozenset(roles))


STAFF = {"purchasing": _person("p-wang", Role.PURCHASING), "purchasing2": _person("p-li", Role.PURCHASING),
         "quality": _person("q-zhao", Role.QUALITY), "technical": _person("t-chen", Role.TECHNICAL),
         "supervisor": _person("s-zhou", Role.SUPERVISOR), "auditor": _person("a-zheng", Role.AUDITOR),
         "finance": _person("f-sun", Role.FINANCE)}
CUSTODIANS = [{"actor_id": "a-zheng", "name": "郑", "supervisor": False},
              {"actor_id": "s-zhou", "name": "周", "supervisor": True},
              {"actor_id": "f-sun", "name": "孙", "supervisor": False}]
KEYS = {c["actor_id"]: generate_custodian_key() for c in CUSTODIANS}
"""Each custodian's own key pair (registered before the tender is published)."""


def _credit_code(seed: int) -> str:
    from zhaocai.identifiers import CREDIT_CODE_CHARSET, credit_code_check_character

    body, n = "", seed
    for _ in range(9):
        n, r = divmod(n, 31)
        body = CREDIT_CODE_CHARSET[r] + body
    first17 = "91330782" + body
    return first17 + credit_code_check_character(first17)


def _admit(platform: Platform, seed: int) -> str:
    quals = [{"type": r.type, "grade": r.min_grade or "", "number": f"Q-{seed}", "issuer": "义乌市",
              "valid_from": datetime(2020, 1, 1, tzinfo=UTC), "valid_until": datetime(2040, 1, 1, tzinfo=UTC)}
             for r in DEFAULT_POLICIES[next(iter(DEFAULT_POLICIES))]]
    suppliers = platform.suppliers
    view = suppliers.register(STAFF["purchasing2"], {
        "credit_code": _credit_code(seed), "name": f"供应商{seed}", "legal_representative": f"法人{seed}",
        "legal_representative_id": f"330782{seed:012d}", "address": f"义乌{seed}号",
        "contacts": [{"name": "联系人", "phone": f"139{seed:08d}"}], "bank_name": "义乌农商银行",
        "bank_account": f"6228{seed:012d}", "categories": ["materials"], "ceiling": "900000",
        "qualifications": quals})
    for key, department in (("purchasing", Department.PURCHASING), ("quality", Department.QUALITY),
                            ("technical", Department.TECHNICAL)):
        suppliers.review(STAFF[key], view.id, department, passed=True, comment="ok")
    suppliers.admit(STAFF["purchasing"], view.id)
    # Its administrator user signs the supplier's integrity pledge: no bid without one.
    platform.people.sign_pledge(f"u-{view.id}", {"valid_until": datetime(2040, 1, 1, tzinfo=UTC)})
    return view.id


def _custodians_present(platform: Platform, tender_id: str, *roles: str) -> None:
    """The custodians (by their STAFF key) open their own sealed shares and present them."""
    for role in roles:
        actor = STAFF[role]
        sealed = platform.tenders.sealed_share(actor, tender_id)
        platform.tenders.present_share(actor, tender_id, open_share(KEYS[actor.id].private_key, sealed.sealed_share))


def _tender(platform: Platform, clock: ManualClock) -> Any:
    tenders = platform.tenders
    for role in ("auditor", "supervisor", "finance"):
        tenders.register_custodian_key(STAFF[role], KEYS[STAFF[role].id].public_key)
    view = tenders.create_draft(STAFF["purchasing"], {
        "title": "bench", "buyer": "津义", "category": "materials", "method": "open_tender",
        "lots": [{"id": "L1", "title": "rebar", "items": [{"name": "rebar", "quantity": "1", "unit": "t"}]}],
        "estimate": "800000", "ceiling_price": "850000", "deadline": clock.now() + timedelta(days=21),
        "custodians": CUSTODIANS, "threshold": 2})
    return tenders.publish(STAFF["purchasing"], view.id)


def _payload(i: int) -> dict[str, Any]:
    return {"lots": [{"lot": "L1", "price": f"{700000 + i}.{i % 100:02d}",
                      "technical": {"standard": "GB/T 1499.2-2018", "delivery": "30 days"}}],
            "documents": {"author": f"author {i}", "project_manager": f"pm {i % 97}"},
            "bid_security_account": f"6228 0000 {i:08d}"}


def measure_bid_submit() -> tuple[float, float]:
    """SUBMISSIONS bids, one command each (eligibility, seal, receipt, audit), vs raw seal + inserts."""
    folder = Path(tempfile.mkdtemp(prefix="zc-bench-"))
    clock = ManualClock(START)
    platform = Platform.open(f"sqlite:///{folder / 'lib.db'}", clock=clock)
    enrol(platform, *STAFF.values())
    supplier_ids = [_admit(platform, 10_000 + i) for i in range(SUBMISSIONS)]
    pub = _tender(platform, clock)
    actors = [Actor(id=f"u-{s}", name=s, roles=frozenset({Role.SUPPLIER}), supplier_id=s) for s in supplier_ids]
    platform.tenders.receipt_verify_key()
    watch = Stopwatch()
    with watch.timing():
        for i, actor in enumerate(actors):
            platform.tenders.submit_bid(actor, pub.tender.id, _payload(i))
    platform.close()

    with sqlite3.connect(folder / "lib.db") as source:
        schema = [r[0] for r in source.execute(
            "SELECT sql FROM sqlite_master WHERE type='table' AND name IN ('bid','bid_link')")]
        bids = source.execute("SELECT * FROM bid").fetchall()
        # A bid's link is on its tender's bid chain (`bid_link`), in the order the bids came.
        audits = source.execute("SELECT * FROM bid_link WHERE action = 'bid.submit' ORDER BY seq").fetchall()
    raw = raw_sqlite(folder / "raw.db")
    for ddl in schema:
        raw.execute(ddl)
    box = SealedBox(PublicKey(bytes.fromhex(pub.tender.public_key)))
    floor = Stopwatch()
    with floor.timing():
        for i, (bid, audit) in enumerate(zip(bids, audits, strict=True)):
            sealed = base64.b64encode(box.encrypt(pad(json.dumps(_payload(i)).encode()))).decode()
            raw.execute("BEGIN IMMEDIATE")
            raw.execute(f"INSERT INTO bid VALUES ({','.join('?' * len(bid))})", (*bid[:5], sealed, *bid[6:]))
            raw.execute(f"INSERT INTO bid_link VALUES ({','.join('?' * len(audit))})", audit)
            raw.execute("COMMIT")
    raw.close()
    return watch.seconds, floor.seconds


def _bulk_bids(platform: Platform, tender: Any, count: int) -> list[str]:
    """Insert `count` sealed, receipted bids directly (setup only); return the clear payload texts."""
    platform.tenders.receipt_verify_key()  # the key provider's key, registered in the store
    signer = ReceiptSigner(platform.keys)
    rows, clear, links = [], [], []
    received = START + timedelta(days=1)
    for i in range(count):
        payload = _payload(i)
        clear.append(json.dumps(payload))
        envelope = seal_bid(tender.public_key, payload).model_dump(mode="json")
        digest = envelope_digest(envelope)
        bid_id, supplier_id = f"bid-{uuid.uuid4().hex[:12]}", f"sup-bench-{i:05d}"
        receipt = signer.sign(ReceiptKind.SUBMISSION, tender_id=tender.id, bid_id=bid_id,
                              supplier_id=supplier_id, version=1, received_at=received, envelope_hash=digest)
        rows.append({"id": bid_id, "tender_id": tender.id, "supplier_id": supplier_id, "version": 1,
                     "status": "submitted", "envelope": envelope, "envelope_hash": digest,
                     "received_at": received, "confirmed_through": 0,
                     "receipt": receipt.model_dump(mode="json"), "withdrawn_at": None})
        # The link `bid.submit` records: opening checks every bid row against it.
        links.append((supplier_id, "bid.submit", "bid", bid_id, {
            "tender_id": tender.id, "bid_id": bid_id, "supplier_id": supplier_id, "version": 1,
            "envelope_hash": digest, "received_at": received, "signature": receipt.signature,
            "confirmed_through": 0}))
    with platform.internal.engine.begin() as conn:
        conn.execute(insert(BidRow.__table__), rows)  # type: ignore[arg-type]
        append_links(conn, received, links)
    return clear


def measure_open_10k() -> tuple[float, float]:
    """Open a tender of OPEN_BIDS bids once 2 of 3 custodians presented their shares, vs raw
    decryption plus one bulk write."""
    folder = Path(tempfile.mkdtemp(prefix="zc-bench-"))
    clock = ManualClock(START)
    platform = Platform.open(f"sqlite:///{folder / 'open.db'}", clock=clock)
    enrol(platform, *STAFF.values())
    pub = _tender(platform, clock)
    _bulk_bids(platform, pub.tender, OPEN_BIDS)
    clock.advance(days=22)
    # Two custodians present their shares first, each in their own command (not timed: the
    # opening is what compares with the floor of decrypting and writing).
    _custodians_present(platform, pub.tender.id, "auditor", "supervisor")
    watch = Stopwatch()
    with watch.timing():
        record = platform.tenders.open_bids(STAFF["supervisor"], pub.tender.id)
    assert record.valid_bids == OPEN_BIDS, record.failure_reason
    platform.close()

    # Floor: ciphertexts of the same (padded) size decrypted with raw libsodium, one bulk insert.
    key = PrivateKey.generate()
    box = SealedBox(key)
    sealed = [SealedBox(key.public_key).encrypt(pad(canonical_json(_payload(i)).encode()))
              for i in range(OPEN_BIDS)]
    raw = raw_sqlite(folder / "floor.db")
    raw.execute("CREATE TABLE opened (bid_id TEXT PRIMARY KEY, payload TEXT NOT NULL)")
    floor = Stopwatch()
    with floor.timing():
        opened = [(str(i), box.decrypt(c).decode()) for i, c in enumerate(sealed)]
        raw.execute("BEGIN IMMEDIATE")
        raw.executemany("INSERT INTO opened VALUES (?, ?)", opened)
        raw.execute("COMMIT")
    raw.close()
    return watch.seconds, floor.seconds


FIGURES = [
    Figure("bid_submit", 4.0, measure_bid_submit,
           f"{SUBMISSIONS} bids, one command each (eligibility, sealing, signed receipt, audit) vs raw "
           "sealed-box encryption + raw sqlite3 insert of the bid and its audit row per transaction"),
    Figure("tender_open_10k", 2.0, measure_open_10k,
           f"opening a tender of {OPEN_BIDS:,} bids once two custodians presented their shares (key "
           "recovery from the presented shares, decryption, receipt checks, opening record) vs raw "
           "sealed-box decryption + one bulk insert"),
]
