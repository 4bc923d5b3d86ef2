"""Bids racing the deadline from several processes, each with its own clock, on one store.

No bid received at or after the deadline is accepted, and no acknowledged bid is missing from
the opening record (each supplier's last acknowledged version is the one opened).
"""

from __future__ import annotations

import multiprocessing
import time
from datetime import datetime, timedelta
from typing import Any

from tests.kit import ACTORS, LOTS, bidders, present, published
from zhaocai.bidding.machine import TenderState
from zhaocai.clock import ManualClock
from zhaocai.errors import ZhaocaiError
from zhaocai.platform import Platform

BIDDERS = 6
BEFORE = 6  # attempts per bidder before the deadline
AFTER = 2  # attempts per bidder at or after it


def bid_worker(url: str, tender_id: str, supplier_id: str, deadline: str, start: float,
               worker: int) -> list[dict[str, Any]]:
    """One process: its own platform and clock; submits versions around the deadline."""
    from tests.kit import supplier_actor

    end = datetime.fromisoformat(deadline)
    clock = ManualClock(end - timedelta(seconds=1))
    platform = Platform.open(url, clock)
    actor = supplier_actor(supplier_id)
    moments = [end - timedelta(milliseconds=(BEFORE - i) * 3 + worker % 3) for i in range(BEFORE)]
    moments += [end + timedelta(microseconds=i * 500) for i in range(AFTER)]
    outcomes: list[dict[str, Any]] = []
    while time.time() < start:
        time.sleep(0.001)
    try:
        for i, moment in enumerate(moments):
            clock.set(moment)
            price = f"{1_000_000 + worker * 1000 + i}.00"
            try:
                receipt = platform.tenders.submit_bid(actor, tender_id, {"lots": [{"lot": "L1", "price": price}]})
                outcomes.append({"at": moment.isoformat(), "ok": True, "version": receipt.version,
                                 "received_at": receipt.received_at.isoformat(),
                                 "hash": receipt.envelope_hash, "price": price})
            except ZhaocaiError as exc:
                outcomes.append({"at": moment.isoformat(), "ok": False, "code": exc.code})
            time.sleep(0.002 * (worker % 2))
    finally:
        platform.close()
    return outcomes


def tick_worker(url: str, deadline: str, start: float, delay: float) -> int:
    """A scheduler in another process: ticks just after the deadline, closing the tender."""
    clock = ManualClock(datetime.fromisoformat(deadline) + timedelta(microseconds=1))
    platform = Platform.open(url, clock)
    while time.time() < start + delay:
        time.sleep(0.001)
    try:
        return platform.tick().changes["tenders.close"]
    finally:
        platform.close()


def test_bids_racing_the_deadline_from_processes(db_url: str, clock: ManualClock) -> None:
    with Platform.open(db_url, clock=clock) as platform:
        suppliers = bidders(platform, ACTORS, BIDDERS)
        pub = published(platform, ACTORS, clock, lots=[LOTS[0]])
        platform.tenders.receipt_verify_key()
    deadline = pub.tender.deadline.isoformat()
    ctx = multiprocessing.get_context("spawn")
    start = time.time() + 3.0  # every process starts together, after spawning
    with ctx.Pool(BIDDERS + 1) as pool:
        ticker = pool.apply_async(tick_worker, (db_url, deadline, start, 0.05))
        results = pool.starmap(bid_worker, [(db_url, pub.tender.id, s.supplier_id, deadline, start, w)
                                            for w, s in enumerate(suppliers)])
        closed_by_tick = ticker.get(timeout=120)
    acked = {s.supplier_id: [o for o in outs if o["ok"]] for s, outs in zip(suppliers, results, strict=True)}
    refused = [o for outs in results for o in outs if not o["ok"]]
    # Nothing received at or after the deadline is accepted.
    for outs in acked.values():
        for o in outs:
            assert datetime.fromisoformat(o["received_at"]) < pub.tender.deadline
    assert all(o["code"] == "bid.deadline_passed" for o in refused)
    assert all(not o["ok"] for outs in results for o in outs if datetime.fromisoformat(o["at"]) >= pub.tender.deadline)
    assert closed_by_tick in (0, 1)

    clock.set(pub.tender.deadline + timedelta(hours=1))
    with Platform.open(db_url, clock=clock) as platform:
        present(platform, pub.tender.id, 1, 2)
        record = platform.tenders.open_bids(ACTORS["supervisor"], pub.tender.id)
        entries = {e.supplier_id: e for e in record.entries}
        assert len(entries) == len(record.entries)
        expected = {s: outs[-1] for s, outs in acked.items() if outs}
        assert set(entries) == set(expected)  # no acknowledged bid missing, nothing else
        for supplier_id, last in expected.items():
            entry = entries[supplier_id]
            assert entry.version == last["version"] and entry.envelope_hash == last["hash"]
            if record.outcome == TenderState.OPENED:
                assert str(entry.total_price) == last["price"]
        assert platform.audit.verify().ok
