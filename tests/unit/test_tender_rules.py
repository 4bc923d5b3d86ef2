"""Pure tender rules and the tender machine."""

from __future__ import annotations

from datetime import datetime, timedelta
from decimal import Decimal
from types import SimpleNamespace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from zhaocai.bidding.machine import TenderMachine, TenderState
from zhaocai.bidding.rules import tender as tender_rules
from zhaocai.bidding.rules.tender import TenderMethod
from zhaocai.clock import SHANGHAI
from zhaocai.errors import InvalidTransition
from zhaocai.machines import allowed_events, fire, next_state
from zhaocai.profile import DEFAULT_PROFILE, RulesProfile

NOW = datetime(2026, 3, 2, 9, tzinfo=SHANGHAI)


def test_minimum_periods_follow_the_method_and_profile() -> None:
    assert tender_rules.earliest_deadline(NOW, TenderMethod.OPEN, DEFAULT_PROFILE) == NOW + timedelta(days=20)
    assert tender_rules.earliest_deadline(NOW, TenderMethod.PRICE_INQUIRY, DEFAULT_PROFILE) == NOW + timedelta(days=3)
    quick = RulesProfile(open_tender_min_days=5)
    assert tender_rules.earliest_deadline(NOW, TenderMethod.OPEN, quick) == NOW + timedelta(days=5)


def test_bid_security_cap_is_two_percent_of_the_estimate() -> None:
    assert tender_rules.bid_security_cap(Decimal("1234567.89"), DEFAULT_PROFILE) == Decimal("24691.36")


def test_invitees_needed_by_method() -> None:
    assert tender_rules.minimum_invitees(TenderMethod.OPEN, DEFAULT_PROFILE) == 0
    assert tender_rules.minimum_invitees(TenderMethod.INVITED, DEFAULT_PROFILE) == 3
    assert tender_rules.minimum_invitees(TenderMethod.PRICE_INQUIRY, DEFAULT_PROFILE) == 3


@given(before=st.integers(min_value=-5 * 86400, max_value=40 * 86400))
def test_an_amendment_leaves_at_least_the_notice_period(before: int) -> None:
    deadline = NOW + timedelta(days=20)
    issued = deadline - timedelta(seconds=before)
    moved = tender_rules.amended_deadline(issued, deadline, DEFAULT_PROFILE)
    assert moved >= deadline
    assert moved - issued >= timedelta(days=15)
    if before >= 15 * 86400:
        assert moved == deadline


def test_deadline_is_exclusive() -> None:
    assert tender_rules.accepts_bids(NOW - timedelta(microseconds=1), NOW)
    assert not tender_rules.accepts_bids(NOW, NOW) and tender_rules.is_due_to_close(NOW, NOW)


def test_the_machine_walks_the_whole_life() -> None:
    tender = SimpleNamespace(id="tdr-1", state="draft", deadline=NOW)
    for event in ("publish", "close", "open", "start_evaluation", "publicise", "award", "contract"):
        fire(TenderMachine, tender, event, subject_id=tender.id, now=NOW)
    assert tender.state == TenderState.CONTRACTED


def test_a_published_tender_closes_only_at_its_deadline() -> None:
    tender = SimpleNamespace(id="tdr-1", state="published", deadline=NOW)
    with pytest.raises(InvalidTransition):
        fire(TenderMachine, tender, "close", subject_id=tender.id, now=NOW - timedelta(microseconds=1))
    assert fire(TenderMachine, tender, "close", subject_id=tender.id, now=NOW) == TenderState.CLOSED


@pytest.mark.parametrize(("state", "event"), [("draft", "open"), ("published", "open"),
                                              ("cancelled", "open"), ("failed", "start_evaluation"),
                                              ("contracted", "cancel"), ("awarded", "cancel")])
def test_forbidden_moves_are_refused(state: str, event: str) -> None:
    with pytest.raises(InvalidTransition) as info:
        next_state(TenderMachine, state, event, subject_id="tdr-1")
    assert info.value.code == "tender.transition"
    assert "tdr-1" in info.value.message_zh and state not in info.value.message_zh


def test_failed_and_cancelled_are_final() -> None:
    assert allowed_events(TenderMachine, "failed") == ["retender"]  # a new draft; it stays failed
    assert allowed_events(TenderMachine, "cancelled") == []
    assert set(allowed_events(TenderMachine, "closed")) == {"open", "fail", "cancel", "accept_bid", "confirm_bid",
                                                            "withdraw_bid", "request_cancel", "reject_cancel"}
