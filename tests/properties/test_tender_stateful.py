"""Stateful property: whatever happens, the opening record holds exactly the acknowledged bids.

Each example publishes a tender; rules: amend, submit, replace, withdraw, confirm, advance the clock (across the
deadline too), tick, custodians present their own shares (or a foreign one, or before the
deadline, or twice), open, cancel.
Invariants: every bid acknowledged before the deadline appears in the opening record exactly
once, in its last confirmed version; nothing is opened before the deadline or with fewer than k
presented shares; a tender with too few valid bids is never opened for evaluation.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal

import pytest
from hypothesis import event
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    rule,
    run_state_machine_as_test,
)

from tests.kit import (
    ACTORS,
    LOTS,
    bidders,
    draft,
    fresh_store,
    own_share,
    register_cast,
    register_custodian_keys,
)
from zhaocai.actors import Actor
from zhaocai.bidding.machine import TenderMachine, TenderState
from zhaocai.bidding.receipts import verify_receipt
from zhaocai.bidding.rules import tender as tender_rules
from zhaocai.bidding.rules.tender import BID_MAX_WAIT, bids_settled
from zhaocai.bidding.sealing import generate_tender_keys
from zhaocai.clock import SHANGHAI, ManualClock
from zhaocai.errors import InvalidTransition, ZhaocaiError
from zhaocai.machines import next_state
from zhaocai.platform import Platform
from zhaocai.profile import DEFAULT_PROFILE
from zhaocai.testing.custody import custodian, seat_holder

SUPPLIERS = 4
K = 2


@dataclass
class Acked:
    """The model's view of one supplier's live bid."""

    version: int
    price: Decimal
    envelope_hash: str
    confirmed_through: int


class TenderLife(RuleBasedStateMachine):
    """One tender over one fresh store."""

    backend = "sqlite"

    def __init__(self) -> None:
        super().__init__()
        self._store = fresh_store(self.backend)
        url = self._store.__enter__()
        self.clock = ManualClock(datetime(2026, 3, 2, 9, tzinfo=SHANGHAI))
        self.platform = Platform.open(url, clock=self.clock)
        register_cast(self.platform)
        self.suppliers: list[Actor] = bidders(self.platform, ACTORS, SUPPLIERS)
        view = self.platform.tenders.create_draft(ACTORS["purchasing"], draft(self.clock, lots=[LOTS[0]]))
        self.tender_id = view.id
        self.deadline = view.deadline
        self.state = TenderState.DRAFT
        self.amendments = 0
        self.bids: dict[str, Acked] = {}
        self.opened = False
        self.presented: set[int] = set()
        self.foreign = generate_tender_keys(self.tender_id, 3, 2).shares  # right tender, wrong key
        self.other_tender = generate_tender_keys("tdr-elsewhere", 3, 2).shares
        register_custodian_keys(self.platform)
        self.publication = self.platform.tenders.publish(ACTORS["purchasing"], self.tender_id)
        self.state = TenderState.PUBLISHED

    def teardown(self) -> None:
        self.platform.close()
        self._store.__exit__(None, None, None)

    @property
    def before_deadline(self) -> bool:
        return tender_rules.accepts_bids(self.clock.now(), self.deadline)

    @property
    def accepting(self) -> bool:
        return self.state == TenderState.PUBLISHED and self.before_deadline

    @initialize(prices=st.lists(st.integers(1, 2_000_000), max_size=SUPPLIERS))
    def early_bids(self, prices: list[int]) -> None:
        for who, yuan in enumerate(prices):
            self.submit(who, yuan, 0)

    @rule(who=st.integers(0, SUPPLIERS - 1), yuan=st.integers(1, 2_100_000), fen=st.integers(0, 99))
    def submit(self, who: int, yuan: int, fen: int) -> None:
        price = Decimal(f"{yuan}.{fen:02d}")
        supplier = self.suppliers[who]
        payload = {"lots": [{"lot": "L1", "price": str(price)}]}
        try:
            receipt = self.platform.tenders.submit_bid(supplier, self.tender_id, payload)
        except ZhaocaiError as exc:
            ceiling = price > Decimal("2100000.00")
            assert not self.accepting or ceiling, exc
            return
        assert self.accepting and price <= Decimal("2100000.00")
        assert receipt.received_at < self.deadline
        assert verify_receipt(receipt, self.platform.tenders.receipt_verify_key())
        previous = self.bids.get(supplier.supplier_id or "")
        assert receipt.version >= (previous.version + 1 if previous else 1)
        self.bids[supplier.supplier_id or ""] = Acked(receipt.version, price, receipt.envelope_hash,
                                                      self.amendments)

    @rule(who=st.integers(0, SUPPLIERS - 1))
    def withdraw(self, who: int) -> None:
        supplier = self.suppliers[who]
        live = supplier.supplier_id in self.bids
        try:
            self.platform.tenders.withdraw_bid(supplier, self.tender_id)
        except ZhaocaiError:
            assert not (self.accepting and live)
            return
        assert self.accepting and live
        del self.bids[supplier.supplier_id or ""]

    @rule(who=st.integers(0, SUPPLIERS - 1))
    def confirm(self, who: int) -> None:
        supplier = self.suppliers[who]
        live = supplier.supplier_id in self.bids
        try:
            self.platform.tenders.confirm_bid(supplier, self.tender_id)
        except ZhaocaiError:
            assert not (self.accepting and live)
            return
        assert self.accepting and live
        self.bids[supplier.supplier_id or ""].confirmed_through = self.amendments

    @rule()
    def amend(self) -> None:
        try:
            result = self.platform.tenders.amend(ACTORS["purchasing"], self.tender_id, "change")
        except ZhaocaiError:
            assert not self.accepting
            return
        assert self.accepting
        expected = tender_rules.amended_deadline(self.clock.now(), self.deadline, DEFAULT_PROFILE)
        assert result.deadline_after == expected
        self.deadline = expected
        self.amendments += 1

    @rule(step=st.sampled_from(["hour", "days", "weeks", "to_deadline", "to_deadline", "just_before"]))
    def advance(self, step: str) -> None:
        now = self.clock.now()
        if step == "hour":
            self.clock.advance(hours=1)
        elif step == "days":
            self.clock.advance(days=4)
        elif step == "weeks":
            self.clock.advance(days=12)
        elif step == "to_deadline" and now < self.deadline:
            self.clock.set(self.deadline)
        elif step == "just_before" and now < self.deadline - timedelta(microseconds=1):
            self.clock.set(self.deadline - timedelta(microseconds=1))

    @rule()
    def tick(self) -> None:
        self.platform.tick()
        if self.state == TenderState.PUBLISHED and not self.before_deadline:
            self.state = TenderState.CLOSED

    @rule(index=st.integers(1, 3), extra=st.sampled_from([None, None, None, "foreign", "other_tender"]))
    def present(self, index: int, extra: str | None) -> None:
        """The custodian of seat `index` presents their own share (or a foreign one)."""
        holder = seat_holder(self.platform, self.tender_id, index)
        share = own_share(self.platform, self.tender_id, holder) if extra is None else \
            (self.foreign if extra == "foreign" else self.other_tender)[index - 1]
        closed = self.state in (TenderState.PUBLISHED, TenderState.CLOSED) and not self.before_deadline
        try:
            self.platform.tenders.present_share(custodian(holder), self.tender_id, share)
        except ZhaocaiError:
            assert not closed or index in self.presented or extra is not None
            return
        assert closed and index not in self.presented and extra is None, "a share counted when it must not"
        self.presented.add(index)

    @rule()
    def open(self) -> None:
        # The opening waits for the bids in flight: the deadline plus the in-flight bound.
        closed = self.state in (TenderState.PUBLISHED, TenderState.CLOSED) and not self.before_deadline \
            and bids_settled(self.clock.now(), self.deadline)
        try:
            record = self.platform.tenders.open_bids(ACTORS["supervisor"], self.tender_id)
        except ZhaocaiError:
            assert not closed or len(self.presented) < K
            return
        assert closed and len(self.presented) >= K, "opened when it must not"
        assert sorted(record.custodians_present) == sorted(
            seat_holder(self.platform, self.tender_id, i) for i in self.presented)
        self.opened = True
        counted = {s: b for s, b in self.bids.items() if b.confirmed_through == self.amendments}
        entries = {e.supplier_id: e for e in record.entries}
        assert len(entries) == len(record.entries)  # each bidder exactly once
        assert set(entries) == set(self.bids)  # every live acknowledged bid, nothing else
        for supplier_id, bid in self.bids.items():
            entry = entries[supplier_id]
            assert entry.version == bid.version and entry.envelope_hash == bid.envelope_hash
            if supplier_id not in counted:
                assert entry.status == "not_reconfirmed" and entry.total_price is None
        if len(counted) < DEFAULT_PROFILE.min_valid_bids:
            assert record.outcome == TenderState.FAILED
            assert all(e.total_price is None for e in record.entries)
        else:
            assert record.outcome == TenderState.OPENED
            for supplier_id, bid in counted.items():
                assert entries[supplier_id].status == "valid"
                assert entries[supplier_id].total_price == bid.price
        event(f"opened: {record.outcome.value}, {record.valid_bids} valid")
        self.state = record.outcome

    @rule(quorum=st.sampled_from([{1, 2}, {2, 3}, {1, 3}, {1, 2, 3}]), hours=st.integers(0, 48))
    def deadline_then_open(self, quorum: set[int], hours: int) -> None:
        if not bids_settled(self.clock.now(), self.deadline):
            self.clock.set(self.deadline + BID_MAX_WAIT + timedelta(hours=hours))
        for index in sorted(quorum):
            self.present(index, None)
        self.open()

    @rule(really=st.integers(0, 3))
    def cancel(self, really: int) -> None:
        if really:
            return
        tenders = self.platform.tenders
        try:
            tenders.request_cancellation(ACTORS["purchasing"], self.tender_id, "budget withdrawn")
            tenders.approve_cancellation(ACTORS["supervisor"], self.tender_id)
        except ZhaocaiError:
            assert self.state in (TenderState.FAILED, TenderState.CANCELLED)
            return
        assert self.state not in (TenderState.FAILED, TenderState.CANCELLED)
        self.state = TenderState.CANCELLED

    @invariant()
    def store_agrees(self) -> None:
        view = self.platform.tenders.get(ACTORS["auditor"], self.tender_id)
        expected = self.state
        if expected == TenderState.PUBLISHED and not self.before_deadline:
            expected = TenderState.CLOSED
        assert view.state == expected
        records = self.platform.tenders.opening_records(self.tender_id)
        assert bool(records) == self.opened
        for record in records:
            assert record.opened_at >= view.deadline  # never before the deadline
            assert len(record.custodians_present) >= K
        if view.state == TenderState.FAILED:
            with pytest.raises(InvalidTransition):
                next_state(TenderMachine, view.state, "start_evaluation", subject_id=self.tender_id)
        if view.state == TenderState.OPENED:
            assert records[-1].valid_bids >= DEFAULT_PROFILE.min_valid_bids


@pytest.mark.parametrize("backend_name", ["sqlite", "postgresql"])
def test_tender_life(backend_name: str) -> None:
    if backend_name == "postgresql" and not os.environ.get("ZHAOCAI_TEST_DATABASE_URL"):
        pytest.skip("PostgreSQL run skipped: set ZHAOCAI_TEST_DATABASE_URL")
    machine = type(f"TenderLife_{backend_name}", (TenderLife,), {"backend": backend_name})
    run_state_machine_as_test(machine)
