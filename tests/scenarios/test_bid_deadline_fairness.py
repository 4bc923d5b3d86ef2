"""First come, first served at the deadline, under real contention, on real time.

Eight processes send bids as fast as they can from shortly before the deadline to shortly after
it, each with its own platform and a clock running in real time (shifted so that the deadline
falls a moment after they start), while another process ticks, closing the tender at the
deadline. Commands queue for the store's locks, so many bids are handled after the deadline.

A bid that reached the platform before the deadline is never refused as late: every refusal is
of a bid sent at or after the deadline (less the instant between sending and reaching the
service), every acknowledged bid reached the platform before the deadline, and the opening holds
each supplier's last acknowledged version, none missing.
"""

from __future__ import annotations

import multiprocessing
import time
from datetime import UTC, datetime, timedelta
from typing import Any

from tests.kit import ACTORS, LOTS, bidders, present, published, register_cast
from zhaocai.bidding.machine import TenderState
from zhaocai.clock import ManualClock
from zhaocai.errors import ZhaocaiError
from zhaocai.platform import Platform

BIDDERS = 8
LEAD = 2.0  # seconds from the start to the deadline
AFTER = 0.5  # seconds of sending after the deadline
# The instant between reading the clock in a worker and the service reading it: a bid sent
# closer than this to the deadline may fairly reach the platform after it.
SLACK = timedelta(milliseconds=150)


class ShiftedClock:
    """Real time, shifted: every process shares `time.time()`, so they agree to the microsecond."""

    def __init__(self, shift: float) -> None:
        self.shift = shift

    def now(self) -> datetime:
        return datetime.fromtimestamp(time.time() + self.shift, UTC)


def _started(platform: Platform, clock: ShiftedClock, end: datetime, gate: Any) -> None:
    """Report ready, wait for the common start, then run the clock so the deadline comes LEAD later."""
    ready, go, start_at = gate
    ready.put(1)
    go.wait()
    start = start_at.value
    clock.shift = end.timestamp() - (start + LEAD)
    while time.time() < start:
        time.sleep(0.001)


def bid_worker(url: str, tender_id: str, supplier_id: str, deadline: str, gate: Any,
               worker: int) -> list[dict[str, Any]]:
    """One process: sends versions of its bid back to back around the deadline."""
    from tests.kit import supplier_actor

    end = datetime.fromisoformat(deadline)
    clock = ShiftedClock(end.timestamp() - 60 - time.time())  # a minute before the deadline
    platform = Platform.open(url, clock)
    register_cast(platform)
    actor = supplier_actor(supplier_id)
    # A first bid before the race: the process's first command pays for caches and connections.
    first = platform.tenders.submit_bid(actor, tender_id, {"lots": [{"lot": "L1", "price": "999999.00"}]})
    outcomes: list[dict[str, Any]] = [{"sent": first.received_at.isoformat(), "ok": True, "version": 1,
                                       "received_at": first.received_at.isoformat(),
                                       "done": first.received_at.isoformat(), "hash": first.envelope_hash}]
    _started(platform, clock, end, gate)
    try:
        i = 0
        while (sent := clock.now()) < end + timedelta(seconds=AFTER):
            price = f"{1_000_000 + worker * 1000 + i}.00"
            i += 1
            try:
                receipt = platform.tenders.submit_bid(actor, tender_id, {"lots": [{"lot": "L1", "price": price}]})
                outcomes.append({"sent": sent.isoformat(), "ok": True, "version": receipt.version,
                                 "received_at": receipt.received_at.isoformat(),
                                 "done": clock.now().isoformat(), "hash": receipt.envelope_hash})
            except ZhaocaiError as exc:
                outcomes.append({"sent": sent.isoformat(), "ok": False, "code": exc.code,
                                 "done": clock.now().isoformat()})
    finally:
        platform.close()
    return outcomes


def tick_worker(url: str, deadline: str, gate: Any) -> int:
    """A scheduler in another process: ticks at the deadline, closing the tender."""
    end = datetime.fromisoformat(deadline)
    clock = ShiftedClock(0.0)
    platform = Platform.open(url, clock)
    register_cast(platform)
    _started(platform, clock, end, gate)
    try:
        while clock.now() < end:
            time.sleep(0.005)
        return int(platform.tick().changes["tenders.close"])
    finally:
        platform.close()


def test_no_bid_received_before_the_deadline_is_refused(db_url: str, clock: ManualClock) -> None:
    with Platform.open(db_url, clock=clock) as platform:
        register_cast(platform)
        suppliers = bidders(platform, ACTORS, BIDDERS)
        pub = published(platform, ACTORS, clock, lots=[LOTS[0]])
        platform.tenders.receipt_verify_key()
    deadline = pub.tender.deadline
    ctx = multiprocessing.get_context("spawn")
    with ctx.Manager() as manager, ctx.Pool(BIDDERS + 1) as pool:
        gate = (manager.Queue(), manager.Event(), manager.Value("d", 0.0))
        ticker = pool.apply_async(tick_worker, (db_url, deadline.isoformat(), gate))
        bids = pool.starmap_async(bid_worker, [(db_url, pub.tender.id, s.supplier_id, deadline.isoformat(), gate, w)
                                               for w, s in enumerate(suppliers)])
        for _ in range(BIDDERS + 1):  # every process has opened its platform
            gate[0].get(timeout=300)
        gate[2].value = time.time() + 0.3
        gate[1].set()
        results = bids.get(timeout=300)
        assert ticker.get(timeout=120) == 1
    outcomes = [o for outs in results for o in outs]
    accepted = [o for o in outcomes if o["ok"]]
    refused = [o for o in outcomes if not o["ok"]]
    assert accepted and refused, (len(accepted), len(refused), [len(r) for r in results], outcomes[:2])
    # Contention was real: some bids sent before the deadline were handled after it.
    assert any(datetime.fromisoformat(o["done"]) >= deadline for o in accepted)
    assert all(datetime.fromisoformat(o["received_at"]) < deadline for o in accepted)
    assert {o["code"] for o in refused} == {"bid.deadline_passed"}
    early = [o for o in refused if datetime.fromisoformat(o["sent"]) < deadline - SLACK]
    assert early == [], early[:3]

    clock.set(deadline + timedelta(hours=1))
    with Platform.open(db_url, clock=clock) as platform:
        register_cast(platform)
        present(platform, pub.tender.id, 1, 2)
        record = platform.tenders.open_bids(ACTORS["supervisor"], pub.tender.id)
        entries = {e.supplier_id: e for e in record.entries}
        last = {s.supplier_id: [o for o in outs if o["ok"]][-1] for s, outs in zip(suppliers, results, strict=True)
                if any(o["ok"] for o in outs)}
        assert set(entries) == set(last)
        for supplier_id, ack in last.items():
            assert (entries[supplier_id].version, entries[supplier_id].envelope_hash) == (ack["version"], ack["hash"])
        assert record.outcome in (TenderState.OPENED, TenderState.FAILED)
        checked = platform.audit.verify()
        assert checked.ok and checked.bid_links_checked == len(accepted), checked
