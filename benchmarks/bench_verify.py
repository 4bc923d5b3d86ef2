"""Deep verification figure: `verify(deep=True)` over a store of thousands of opened bids.

Setup (not timed) publishes a tender, writes DEEP_BIDS sealed, receipted bids with their
`bid.submit` links (as `bench_tenders` does) and opens them through the command, so the store
holds the bids, their links and an opening record of DEEP_BIDS lines. The floor is raw sqlite3
reading the same rows (every link, every bid with its envelope, the opening record) and hashlib
hashing the same bytes: each link's change and link body, each envelope, the record.
"""

from __future__ import annotations

import hashlib
import sqlite3
import tempfile
from pathlib import Path

from benchmarks.bench_tenders import STAFF, START, _bulk_bids, _custodians_present, _tender
from benchmarks.harness import Figure, Stopwatch, enrol
from zhaocai.clock import ManualClock
from zhaocai.platform import Platform

DEEP_BIDS = 5_000


def measure_deep_verify() -> tuple[float, float]:
    """verify(deep=True) over a store of DEEP_BIDS opened bids vs raw reads and hashlib."""
    folder = Path(tempfile.mkdtemp(prefix="zc-bench-"))
    path = folder / "deep.db"
    clock = ManualClock(START)
    platform = Platform.open(f"sqlite:///{path}", clock=clock)
    enrol(platform, *STAFF.values())
    pub = _tender(platform, clock)
    _bulk_bids(platform, pub.tender, DEEP_BIDS)
    clock.advance(days=22)
    _custodians_present(platform, pub.tender.id, "auditor", "supervisor")
    record = platform.tenders.open_bids(STAFF["supervisor"], pub.tender.id)
    assert record.valid_bids == DEEP_BIDS, record.failure_reason
    watch = Stopwatch()
    with watch.timing():
        result = platform.audit.verify(deep=True)
    platform.close()
    assert result.ok and result.rows_checked["bid"] == DEEP_BIDS, result.disagreements[:3]

    floor = Stopwatch()
    sha = hashlib.sha256
    with floor.timing():
        conn = sqlite3.connect(path)
        for seq, at, actor, action, st, sid, change, digest, prev, _link in conn.execute(
                "SELECT * FROM audit_event ORDER BY seq"):
            sha(change.encode()).hexdigest()
            sha("\x1f".join((str(seq), at, actor, action, st, sid, digest, prev)).encode()).hexdigest()
        for (envelope,) in conn.execute("SELECT envelope FROM bid"):
            sha(envelope.encode()).hexdigest()
        for (text,) in conn.execute("SELECT record FROM tender_opening"):
            sha(text.encode()).hexdigest()
        conn.close()
    return watch.seconds, floor.seconds


FIGURES = [
    Figure("deep_verify_5k", 12.0, measure_deep_verify,
           f"verify(deep=True) over a store of {DEEP_BIDS:,} opened bids (the chain, then every state table "
           "against it: one query per table) vs raw sqlite3 reads + hashlib.sha256 of the same bytes"),
]
