"""Pure tender rules and the tender machine."""

from __future__ import annotations

import base64
import hashlib
import json
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime, timedelta
from decimal import Decimal
from types import SimpleNamespace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from zhaocai.bidding.bid_machine import BidMachine, BidStatus
from zhaocai.bidding.machine import TenderMachine, TenderState
from zhaocai.bidding.padding import BOX_OVERHEAD, SMALLEST_BUCKET
from zhaocai.bidding.payload import BidPayload
from zhaocai.bidding.rules import bid as bid_rules
from zhaocai.bidding.rules import opening as opening_rules
from zhaocai.bidding.rules import tender as tender_rules
from zhaocai.bidding.rules.opening import BidCheck, Sealed
from zhaocai.bidding.rules.tender import BID_MAX_WAIT, TenderMethod
from zhaocai.bidding.sealing import SINGLE, SealedBid, generate_tender_keys, parse_share
from zhaocai.clock import SHANGHAI
from zhaocai.errors import InvalidTransition, ZhaocaiError
from zhaocai.machines import allowed_events, fire, next_state
from zhaocai.profile import DEFAULT_PROFILE, RulesProfile
from zhaocai.suppliers.models import Eligibility

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
                                                            "withdraw_bid", "request_cancel", "reject_cancel",
                                                            "present_share"}
    assert "present_share" not in allowed_events(TenderMachine, "published")  # shares wait for the deadline


# -- the refusals the machine's validators name, and the machine itself, without a store -------

def _tender(state: str = "published", **kw: object) -> SimpleNamespace:
    base = {"id": "tdr-1", "state": state, "deadline": NOW, "method": "open_tender", "invitees": [],
            "category": "materials", "ceiling_fen": 100_000, "cancel_requested_by": None,
            "two_envelopes": False, "commercial_opened_at": None}
    return SimpleNamespace(**{**base, **kw})


def _code(call: Callable[[], object]) -> str:
    with pytest.raises(ZhaocaiError) as info:
        call()
    assert info.value.message_zh and info.value.message_en
    return info.value.code


def _verdict(eligible: bool) -> Eligibility:
    reasons = [] if eligible else [{"code": "supplier.not_admitted", "message_en": "not admitted",
                                    "message_zh": "未准入", "details": {}}]
    return Eligibility.model_validate({"supplier_id": "s1", "category": "materials", "amount": "1",
                                       "at": NOW, "eligible": eligible, "reasons": reasons})


def test_a_bid_is_taken_when_it_reached_the_platform_strictly_before_the_deadline() -> None:
    def send(tender: SimpleNamespace, now: datetime, **kw: object) -> str:
        return fire(TenderMachine, tender, "accept_bid", subject_id=tender.id, now=now, supplier_id="s1",
                    verdict=_verdict(True), **kw)

    assert send(_tender(), NOW - timedelta(microseconds=1)) == "published"
    assert _code(lambda: send(_tender(), NOW)) == "bid.deadline_passed"
    # First come, first served: a bid that reached the platform before the deadline and waited
    # (for a lock, for another instance's close) is taken, by a closed tender too...
    late = NOW + timedelta(seconds=5)
    assert send(_tender("closed"), late, received_at=NOW - timedelta(microseconds=1)) == "closed"
    assert send(_tender(), late, received_at=NOW - timedelta(microseconds=1)) == "published"
    assert _code(lambda: send(_tender("closed"), late, received_at=NOW)) == "bid.deadline_passed"
    # ...unless it waited past the in-flight bound, when the opening may have begun.
    assert _code(lambda: send(_tender("closed"), NOW + BID_MAX_WAIT,
                              received_at=NOW - timedelta(hours=1))) == "bid.wait_exceeded"
    assert tender_rules.bids_settled(NOW + BID_MAX_WAIT, NOW) and not tender_rules.bids_settled(NOW + BID_MAX_WAIT
                                                                                 - timedelta(microseconds=1), NOW)
    assert _code(lambda: send(_tender("draft"), NOW - timedelta(hours=1))) == "tender.transition"
    invited = _tender(method="invited_tender", invitees=["s2"])
    assert _code(lambda: send(invited, NOW - timedelta(hours=1))) == "bid.not_invited"
    assert _code(lambda: fire(TenderMachine, _tender(), "accept_bid", subject_id="tdr-1",
                              now=NOW - timedelta(hours=1), supplier_id="s1", verdict=_verdict(False))) \
        == "bid.supplier_ineligible"


def test_cancelling_takes_a_request_and_a_second_person() -> None:
    tender = _tender("opened")
    assert _code(lambda: fire(TenderMachine, tender, "cancel", subject_id="tdr-1", actor_id="p2")) \
        == "tender.cancel_not_requested"
    fire(TenderMachine, tender, "request_cancel", subject_id="tdr-1")
    tender.cancel_requested_by = "p1"
    assert _code(lambda: fire(TenderMachine, tender, "request_cancel", subject_id="tdr-1")) \
        == "tender.cancel_pending"
    assert _code(lambda: fire(TenderMachine, tender, "cancel", subject_id="tdr-1", actor_id="p1")) \
        == "tender.cancel_same_person"
    assert tender.state == "opened"
    assert fire(TenderMachine, tender, "cancel", subject_id="tdr-1", actor_id="p2") == TenderState.CANCELLED
    assert _code(lambda: fire(TenderMachine, _tender("awarded", cancel_requested_by="p1"), "cancel",
                              subject_id="tdr-1", actor_id="p2")) == "tender.transition"


def test_two_envelope_steps_wait_for_their_turn() -> None:
    single = _tender("opened")
    assert _code(lambda: fire(TenderMachine, single, "record_compliance", subject_id="tdr-1")) \
        == "opening.not_technical_stage"
    two = _tender("opened", two_envelopes=True)
    fire(TenderMachine, two, "record_compliance", subject_id="tdr-1")
    assert _code(lambda: fire(TenderMachine, two, "open_commercial", subject_id="tdr-1", pending=["b1"])) \
        == "opening.compliance_pending"
    fire(TenderMachine, two, "open_commercial", subject_id="tdr-1", pending=[])
    two.commercial_opened_at = NOW
    assert _code(lambda: fire(TenderMachine, two, "open_commercial", subject_id="tdr-1", pending=[])) \
        == "opening.not_technical_stage"
    assert tender_rules.evaluation_may_start(True, NOW) and not tender_rules.evaluation_may_start(True, None)


def test_an_amendment_never_brings_the_deadline_forward() -> None:
    tender = _tender()
    fire(TenderMachine, tender, "amend", subject_id="tdr-1", new_deadline=NOW)
    assert _code(lambda: fire(TenderMachine, tender, "amend", subject_id="tdr-1",
                              new_deadline=NOW - timedelta(seconds=1))) == "tender.deadline_earlier"
    assert _code(lambda: tender_rules.check_amendment_input("erratum", "text")) == "tender.amendment_input"
    assert _code(lambda: tender_rules.check_amendment_input("amendment", " ")) == "tender.amendment_input"
    assert _code(lambda: tender_rules.cancel_reason(" x ")) == "tender.cancel_reason"


def test_publication_rules_by_method() -> None:
    deadline = NOW + timedelta(days=20)
    tender_rules.check_publication(NOW, deadline, TenderMethod.OPEN, [], [], DEFAULT_PROFILE)
    assert _code(lambda: tender_rules.check_publication(NOW, deadline - timedelta(seconds=1), TenderMethod.OPEN,
                                                        [], [], DEFAULT_PROFILE)) == "tender.submission_period"
    assert _code(lambda: tender_rules.check_publication(NOW, deadline, TenderMethod.INVITED, ["a", "b"], [],
                                                        DEFAULT_PROFILE)) == "tender.invitees_too_few"
    assert _code(lambda: tender_rules.check_publication(NOW, deadline, TenderMethod.PRICE_INQUIRY,
                                                        ["a", "b", "c"], ["p1"], DEFAULT_PROFILE)) \
        == "tender.inquiry_officers"
    assert _code(lambda: tender_rules.check_draft(Decimal("100"), Decimal("2.01"), TenderMethod.OPEN, [],
                                                  DEFAULT_PROFILE)) == "tender.bid_security_cap"
    assert _code(lambda: tender_rules.check_draft(Decimal("100"), Decimal("2"), TenderMethod.OPEN, ["a"],
                                                  DEFAULT_PROFILE)) == "tender.invitees_open"


def test_a_clear_bid_prices_every_lot_within_the_ceiling() -> None:
    payload = BidPayload.model_validate({"lots": [{"lot": "L1", "price": "10.00"}, {"lot": "L2", "price": "5"}]})
    bid_rules.check_payload(["L2", "L1"], Decimal("15.00"), payload)
    assert _code(lambda: bid_rules.check_payload(["L1"], Decimal("100"), payload)) == "bid.lots_mismatch"
    assert _code(lambda: bid_rules.check_payload(["L1", "L2"], Decimal("14.99"), payload)) == "bid.above_ceiling"


def test_the_bid_machine() -> None:
    # a sealed box's length: one padding bucket plus the box's overhead
    sealed = SealedBid(envelopes={"bid": base64.b64encode(b"x" * (SMALLEST_BUCKET + BOX_OVERHEAD)).decode()})
    bid = SimpleNamespace(id="bid-1", state=BidStatus.ABSENT.value)
    assert _code(lambda: fire(BidMachine, bid, "submit", subject_id="bid-1", sealed=sealed, two_envelopes=True)) \
        == "bid.envelope_parts"
    assert fire(BidMachine, bid, "submit", subject_id="bid-1", sealed=sealed, two_envelopes=False) == "submitted"
    assert fire(BidMachine, bid, "submit", subject_id="bid-1", sealed=sealed, two_envelopes=False) == "submitted"
    assert fire(BidMachine, bid, "confirm", subject_id="bid-1") == "submitted"
    assert fire(BidMachine, bid, "withdraw", subject_id="bid-1") == "withdrawn"
    assert _code(lambda: fire(BidMachine, bid, "confirm", subject_id="bid-1")) == "bid.transition"
    assert fire(BidMachine, bid, "submit", subject_id="bid-1", sealed=sealed, two_envelopes=False) == "submitted"


def _sealed(envelope: str, receipt: dict[str, object], *, version: int = 1, confirmed: int = 0) -> Sealed:
    digest = hashlib.sha256(envelope.encode()).hexdigest()
    return Sealed("bid-1", "s1", version, NOW, digest, confirmed, envelope,
                  json.dumps({"envelope_hash": digest, "version": version, **receipt}))


def test_opening_rules() -> None:
    check = BidCheck(["L1"], Decimal("100.00"))
    good = json.dumps({"lots": [{"lot": "L1", "price": "99.99"}]}).encode()
    found = opening_rules.read_part(good, SINGLE, check)
    assert found.status == opening_rules.VALID and found.total == Decimal("99.99") and found.text
    assert opening_rules.read_part(json.dumps({"lots": [{"lot": "L1", "price": "100.01"}]}).encode(),
                                   SINGLE, check).problem == "above the ceiling price (Reg 51)"
    assert opening_rules.read_part(b"{", SINGLE, check).problem == "bid content is malformed"
    assert opening_rules.read_part(None, SINGLE, check).status == opening_rules.INVALID
    assert opening_rules.read_part(b"[]", "technical", check).problem == "technical part is malformed"
    assert opening_rules.read_commercial({"lots": [{"lot": "L1"}]}, b'{"lots": [{"lot": "L1", "price": "1"}]}',
                                         check).status == opening_rules.VALID
    row = _sealed('{"envelopes": {"bid": "x"}}', {})
    assert opening_rules.receipt_problem(row) is None and opening_rules.part_of(row, "bid") == "x"
    assert opening_rules.receipt_problem(row._replace(envelope_text='{"envelopes": {}}')) is not None
    assert opening_rules.counted([row, row._replace(id="bid-2", confirmed_through=1)], 1) == \
        ([row._replace(id="bid-2", confirmed_through=1)], [row])
    assert opening_rules.too_few_bids(2, DEFAULT_PROFILE) and opening_rules.too_few_bids(3, DEFAULT_PROFILE) is None
    assert opening_rules.too_few_valid(3, DEFAULT_PROFILE) is None


def test_a_quorum_of_this_tenders_shares_each_once() -> None:
    ceremony = generate_tender_keys("tdr-1", 3, 2)
    seats = [{"index": i + 1, "fingerprint": f} for i, f in enumerate(ceremony.fingerprints)]
    one, two, three = (parse_share(s) for s in ceremony.shares)
    assert [s.index for s in opening_rules.quorum_of("tdr-1", seats, 2, [three, one])] == [1, 3]
    assert _code(lambda: opening_rules.quorum_of("tdr-1", seats, 2, [one])) == "opening.quorum"
    assert _code(lambda: opening_rules.quorum_of("tdr-1", seats, 2, [one, one])) == "opening.share_duplicate"
    assert _code(lambda: opening_rules.quorum_of("tdr-1", seats, 2, [one, replace(two, index=3)])) \
        == "opening.share_invalid"
    foreign = parse_share(generate_tender_keys("tdr-2", 3, 2).shares[0])
    assert _code(lambda: opening_rules.quorum_of("tdr-1", seats, 2, [one, foreign])) == "opening.share_foreign"


def test_a_refused_move_names_the_state_and_the_event() -> None:
    with pytest.raises(InvalidTransition) as info:
        next_state(TenderMachine, "draft", "award", subject_id="tdr-1")
    assert info.value.code == "tender.transition"
    assert (info.value.details["state"], info.value.details["event"]) == ("draft", "award")
    assert "草稿" in info.value.message_zh and "定标" in info.value.message_zh


def test_bids_are_reconfirmed_through_every_amendment() -> None:
    assert tender_rules.needs_reconfirmation(confirmed_through=1, amendments=2)
    assert not tender_rules.needs_reconfirmation(confirmed_through=2, amendments=2)
    assert not tender_rules.needs_reconfirmation(confirmed_through=0, amendments=0)


def test_fewer_valid_bids_than_the_minimum_fail_the_tender() -> None:
    # Law 28, Reg 44: fewer than three valid bids.
    assert DEFAULT_PROFILE.min_valid_bids == 3
    assert tender_rules.shortfall(2, DEFAULT_PROFILE)
    assert not tender_rules.shortfall(3, DEFAULT_PROFILE)
