"""Pure tender rules and the tender machine."""

from __future__ import annotations

from datetime import datetime, timedelta
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from zhaocai.bidding.machine import TenderState, allowed_events, next_state
from zhaocai.bidding.rules import tender as tender_rules
from zhaocai.bidding.rules.tender import TenderMethod
from zhaocai.clock import SHANGHAI
from zhaocai.errors import InvalidTransition
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
    state = "draft"
    for event in ("publish", "close", "open", "start_evaluation", "publicise", "award", "contract"):
        state = next_state(state, event).value
    assert state == TenderState.CONTRACTED


@pytest.mark.parametrize(("state", "event"), [("draft", "open"), ("published", "open"),
                                              ("cancelled", "open"), ("failed", "start_evaluation"),
                                              ("contracted", "cancel"), ("awarded", "cancel")])
def test_forbidden_moves_are_refused(state: str, event: str) -> None:
    with pytest.raises(InvalidTransition) as info:
        next_state(state, event)
    assert info.value.code == "tender.transition"


def test_failed_and_cancelled_are_final() -> None:
    assert allowed_events("failed") == [] and allowed_events("cancelled") == []
    assert set(allowed_events("closed")) == {"open", "fail", "cancel"}


def test_a_refused_move_names_the_state_and_the_event() -> None:
    with pytest.raises(InvalidTransition) as info:
        next_state("draft", "award")
    assert (info.value.code, info.value.details) == ("tender.transition", {"state": "draft", "event": "award"})


def test_bids_are_reconfirmed_through_every_amendment() -> None:
    assert tender_rules.needs_reconfirmation(confirmed_through=1, amendments=2)
    assert not tender_rules.needs_reconfirmation(confirmed_through=2, amendments=2)
    assert not tender_rules.needs_reconfirmation(confirmed_through=0, amendments=0)


def test_fewer_valid_bids_than_the_minimum_fail_the_tender() -> None:
    # Law 28, Reg 44: fewer than three valid bids.
    assert DEFAULT_PROFILE.min_valid_bids == 3
    assert tender_rules.shortfall(2, DEFAULT_PROFILE)
    assert not tender_rules.shortfall(3, DEFAULT_PROFILE)
