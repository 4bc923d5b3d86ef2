"""PostgreSQL: bids lock only their tender. A bid on one tender does not wait for a bid in flight
on another; a bid on the same tender waits for it; a platform-wide command (a tick) waits for
every bid in flight, and the audit chain stays one line."""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest

from tests.kit import ACTORS, bidders, payload, published, register_cast
from zhaocai.clock import ManualClock
from zhaocai.platform import Platform
from zhaocai.store import UnitOfWork


def _in_thread(call: Callable[[], Any]) -> tuple[threading.Thread, list[Any]]:
    done: list[Any] = []
    thread = threading.Thread(target=lambda: done.append(call()), daemon=True)
    thread.start()
    return thread, done


def test_a_bid_waits_only_for_bids_on_its_own_tender(backend: str, db_url: str, clock: ManualClock) -> None:
    if backend != "postgresql":
        pytest.skip("SQLite has one writer at a time: every command waits for the one in flight")
    with Platform.open(db_url, clock=clock) as platform:
        register_cast(platform)
        a, b, c = bidders(platform, ACTORS, 3)
        first, second = published(platform, ACTORS, clock), published(platform, ACTORS, clock)
        platform.tenders.receipt_verify_key()
        runner = platform.internal
        # A bid on the first tender in flight: its transaction holds the tender's row.
        with UnitOfWork(runner.engine, a, "bid.submit", clock.now(), tender_id=first.tender.id) as held:
            held.record_bid(first.tender.id, "bid.submit", "bid", "bid-held", {"tender_id": first.tender.id})
            other, other_done = _in_thread(lambda: platform.tenders.submit_bid(
                b, second.tender.id, payload("1500000.00")))
            other.join(timeout=30)
            assert other_done and other_done[0].tender_id == second.tender.id  # did not wait
            same, same_done = _in_thread(lambda: platform.tenders.submit_bid(
                c, first.tender.id, payload("1600000.00")))
            clock_tick, tick_done = _in_thread(platform.tick)
            same.join(timeout=1.0)
            clock_tick.join(timeout=0.5)
            assert not same_done and not tick_done  # both wait for the bid in flight
        same.join(timeout=30)
        clock_tick.join(timeout=30)
        assert same_done and tick_done
        links = platform.audit.bid_links(first.tender.id)
        assert [link.subject_id for link in links] == ["bid-held", same_done[0].bid_id]
        clock.advance(timedelta(days=30))
        platform.tick()
        assert platform.audit.verify().ok
