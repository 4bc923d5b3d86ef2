"""First come, first served at the deadline, and the tender's own bid chain.

A bid act counts by the moment it reached the platform (read before any lock): one that then
waited (for a lock, for a concurrent close) is accepted, unless it waited past the deadline plus
the in-flight bound (`bid.wait_exceeded`, never `bid.deadline_passed`); the opening waits for
that bound (`opening.bids_in_flight`). Bid links live on the tender's bid chain, whose head the
opening commits into the main chain; `verify()` checks both.
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import create_engine, text

from tests.kit import ACTORS, bidders, payload, present, published, refused, register_cast
from zhaocai.bidding.machine import TenderState
from zhaocai.bidding.rules.tender import BID_MAX_WAIT
from zhaocai.clock import ManualClock
from zhaocai.errors import ConflictError, RuleViolation
from zhaocai.platform import Platform
from zhaocai.store.engine import normalise_url


class WaitingClock(ManualClock):
    """A manual clock whose next reading is followed by a jump to `later`: the request reaches
    the platform at the current moment, then waits on its locks until `later`."""

    def __init__(self, start: datetime | None = None) -> None:
        super().__init__(start)
        self._later: datetime | None = None

    def wait_until(self, later: datetime) -> None:
        """The next request is read at now and handled at `later`."""
        self._later = later

    def now(self) -> datetime:
        moment = super().now()
        if self._later is not None:
            later, self._later = self._later, None
            self.set(later)
        return moment


@pytest.fixture
def waiting() -> WaitingClock:
    return WaitingClock()


@pytest.fixture
def store(db_url: str, waiting: WaitingClock) -> Any:
    with Platform.open(db_url, clock=waiting) as platform:
        register_cast(platform)
        suppliers = bidders(platform, ACTORS, 3)
        pub = published(platform, ACTORS, waiting)
        yield platform, pub, suppliers


def test_a_bid_received_before_the_close_is_accepted_after_it(store: Any, waiting: WaitingClock) -> None:
    platform, pub, (a, b, _c) = store
    deadline = pub.tender.deadline
    platform.tenders.submit_bid(a, pub.tender.id, payload("1500000.00"))
    waiting.set(deadline + timedelta(seconds=1))
    assert platform.tick().changes["tenders.close"] == 1  # another instance closed it first
    waiting.set(deadline - timedelta(milliseconds=2))
    waiting.wait_until(deadline + timedelta(seconds=2))  # reached the platform, then waited
    receipt = platform.tenders.submit_bid(b, pub.tender.id, payload("1600000.00"))
    assert receipt.received_at == deadline - timedelta(milliseconds=2)
    waiting.set(deadline - timedelta(milliseconds=1))
    waiting.wait_until(deadline + timedelta(seconds=3))
    replaced = platform.tenders.submit_bid(a, pub.tender.id, payload("1400000.00"))
    assert replaced.version == 2
    waiting.set(deadline + BID_MAX_WAIT)
    present(platform, pub.tender.id, 1, 2)
    record = platform.tenders.open_bids(ACTORS["supervisor"], pub.tender.id)
    assert {e.supplier_id: e.version for e in record.entries} == {a.supplier_id: 2, b.supplier_id: 1}
    assert platform.audit.verify().ok


def test_a_bid_that_waited_past_the_bound_has_its_own_code(store: Any, waiting: WaitingClock) -> None:
    platform, pub, (a, _b, _c) = store
    deadline = pub.tender.deadline
    waiting.set(deadline - timedelta(seconds=1))
    waiting.wait_until(deadline + BID_MAX_WAIT)
    error = refused(platform, RuleViolation, "bid.wait_exceeded",
                    platform.tenders.submit_bid, a, pub.tender.id, payload("1500000.00"))
    assert error.details["max_wait_seconds"] == int(BID_MAX_WAIT.total_seconds())
    assert "秒" in error.message_zh and "bid" not in error.message_zh


def test_a_bid_received_at_the_deadline_is_late_whatever_the_state(store: Any, waiting: WaitingClock) -> None:
    platform, pub, (a, b, _c) = store
    platform.tenders.submit_bid(b, pub.tender.id, payload("1500000.00"))
    waiting.set(pub.tender.deadline)
    refused(platform, RuleViolation, "bid.deadline_passed",
            platform.tenders.submit_bid, a, pub.tender.id, payload("1500000.00"))
    refused(platform, RuleViolation, "bid.deadline_passed", platform.tenders.withdraw_bid, b, pub.tender.id)
    platform.tick()
    refused(platform, RuleViolation, "bid.deadline_passed",
            platform.tenders.submit_bid, a, pub.tender.id, payload("1500000.00"))


def test_a_withdrawal_received_in_time_counts_after_the_close(store: Any, waiting: WaitingClock) -> None:
    platform, pub, (a, b, c) = store
    for supplier in (a, b, c):
        platform.tenders.submit_bid(supplier, pub.tender.id, payload("1500000.00"))
    waiting.set(pub.tender.deadline + timedelta(seconds=1))
    platform.tick()
    waiting.set(pub.tender.deadline - timedelta(microseconds=1))
    waiting.wait_until(pub.tender.deadline + timedelta(seconds=10))
    assert platform.tenders.withdraw_bid(c, pub.tender.id).kind == "withdrawal"
    waiting.set(pub.tender.deadline + timedelta(minutes=5))
    present(platform, pub.tender.id, 1, 2)
    record = platform.tenders.open_bids(ACTORS["supervisor"], pub.tender.id)
    assert c.supplier_id not in {e.supplier_id for e in record.entries}


def test_the_opening_waits_for_bids_in_flight(store: Any, waiting: WaitingClock) -> None:
    platform, pub, (a, _b, _c) = store
    platform.tenders.submit_bid(a, pub.tender.id, payload("1500000.00"))
    waiting.set(pub.tender.deadline + BID_MAX_WAIT - timedelta(microseconds=1))
    present(platform, pub.tender.id, 1, 2)
    error = refused(platform, ConflictError, "opening.bids_in_flight",
                    platform.tenders.open_bids, ACTORS["supervisor"], pub.tender.id)
    assert error.details["ready_at"] == (pub.tender.deadline + BID_MAX_WAIT).isoformat()
    waiting.set(pub.tender.deadline + BID_MAX_WAIT)
    record = platform.tenders.open_bids(ACTORS["supervisor"], pub.tender.id)
    assert record.tender_id == pub.tender.id


def _execute(url: str, sql: str, **params: Any) -> None:
    engine = create_engine(normalise_url(url))
    try:
        with engine.begin() as conn:
            conn.execute(text(sql), params)
    finally:
        engine.dispose()


def _opened_with_bids(platform: Platform, pub: Any, suppliers: list[Any], clock: ManualClock) -> None:
    for supplier in suppliers:
        platform.tenders.submit_bid(supplier, pub.tender.id, payload("1500000.00"))
    platform.tenders.submit_bid(suppliers[0], pub.tender.id, payload("1450000.00"))
    clock.set(pub.tender.deadline + timedelta(minutes=5))
    present(platform, pub.tender.id, 1, 2)
    platform.tenders.open_bids(ACTORS["supervisor"], pub.tender.id)


def test_bid_links_are_on_the_tender_chain_and_the_main_chain_commits_them(store: Any,
                                                                          waiting: WaitingClock) -> None:
    platform, pub, suppliers = store
    head_before = platform.audit.head()
    for supplier in suppliers:
        platform.tenders.submit_bid(supplier, pub.tender.id, payload("1500000.00"))
    assert platform.audit.head() == head_before  # the published head does not move with bids
    links = platform.audit.bid_links(pub.tender.id)
    assert [(link.seq, link.action, link.bid_chain) for link in links] == \
        [(i, "bid.submit", pub.tender.id) for i in (1, 2, 3)]
    assert platform.audit.verify().bid_links_checked == 3
    waiting.set(pub.tender.deadline + timedelta(minutes=5))
    present(platform, pub.tender.id, 1, 2)
    platform.tenders.open_bids(ACTORS["supervisor"], pub.tender.id)
    opened = [e for e in platform.audit.events(subject_id=pub.tender.id) if e.action in ("tender.open", "tender.fail")]
    assert json.loads(opened[0].change)["bid_chain"] == {"seq": 3, "hash": links[-1].hash}
    events = [e for e in platform.events.read(limit=1000) if e.subject_id == pub.tender.id]
    assert all("bid_chain" not in e.payload for e in events)  # the commitment is the auditor's


@pytest.mark.parametrize("tamper, reason", [
    ("UPDATE bid_link SET change = replace(change, '1', '2') WHERE seq = 2", "changed"),
    ("DELETE FROM bid_link WHERE seq = 4", "after bidding ended"),
    ("DELETE FROM bid_link WHERE seq = 1", "sequence"),
])
def test_verify_finds_a_changed_or_missing_bid_link(store: Any, waiting: WaitingClock, tamper: str,
                                                     reason: str) -> None:
    platform, pub, suppliers = store
    _opened_with_bids(platform, pub, suppliers, waiting)
    assert platform.audit.verify().ok
    _execute(platform.url, tamper)
    result = platform.audit.verify()
    assert not result.ok and result.broken_tender == pub.tender.id and reason in (result.reason or ""), result


def test_verify_finds_a_bid_link_added_after_the_opening(store: Any, waiting: WaitingClock) -> None:
    platform, pub, suppliers = store
    _opened_with_bids(platform, pub, suppliers, waiting)
    last = platform.audit.bid_links(pub.tender.id)[-1]
    # A well-formed link appended after the fact: the chain alone holds, the commitment does not.
    from zhaocai.store.unit_of_work import change_digest, link_hash

    change = json.dumps({"tender_id": pub.tender.id})
    digest = change_digest(change)
    at = last.at
    new = link_hash(last.seq + 1, at, last.actor_id, "bid.submit", "bid", "bid-late", digest, last.hash)
    _execute(platform.url, "INSERT INTO bid_link (tender_id, seq, at, actor_id, action, subject_type, subject_id, "
             "change, digest, prev_hash, hash) VALUES (:t, :s, :at, :a, 'bid.submit', 'bid', 'bid-late', :c, :d, "
             ":p, :h)", t=pub.tender.id, s=last.seq + 1, at=at, a=last.actor_id, c=change, d=digest, p=last.hash,
             h=new)
    result = platform.audit.verify()
    assert not result.ok and "after bidding ended" in (result.reason or ""), result


def test_a_cancelled_tender_commits_its_bid_chain(store: Any, waiting: WaitingClock) -> None:
    platform, pub, (a, _b, _c) = store
    platform.tenders.submit_bid(a, pub.tender.id, payload("1500000.00"))
    platform.tenders.request_cancellation(ACTORS["purchasing"], pub.tender.id, "项目取消")
    done = platform.tenders.approve_cancellation(ACTORS["purchasing2"], pub.tender.id)
    assert done.state == TenderState.CANCELLED
    cancel = next(e for e in platform.audit.events(subject_id=pub.tender.id) if e.action == "tender.cancel")
    assert json.loads(cancel.change)["bid_chain"]["seq"] == 1
    assert platform.audit.verify().ok
