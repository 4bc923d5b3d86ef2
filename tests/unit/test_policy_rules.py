"""The law's floors and the pure comparisons of a tender's numbers with the policy (no store)."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from types import SimpleNamespace
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from zhaocai.actors import Actor, Role
from zhaocai.errors import RuleViolation, ZhaocaiError
from zhaocai.machines import fire
from zhaocai.policy.compare import (
    Deviation,
    breaches,
    check_proposal,
    deviations,
    frozen_profile,
    governing_policy,
    policy_breaches,
    require_deviation_needed,
    strictest,
)
from zhaocai.policy.floors import RULES, Binding, Direction, law_floors, rule
from zhaocai.policy.machines import DeviationMachine, DeviationState, ProposalMachine, ProposalState
from zhaocai.profile import DEFAULT_PROFILE, RulesProfile

LAW = [Binding.LAW]

# The numbers the law (and 三三二) fixes, with their direction and source, as the rules state them.
EXPECTED_FLOORS = {
    "min_valid_bids": ("at_least", Fraction(3), "Law 28, Reg 44", "law"),
    "min_invitees": ("at_least", Fraction(3), "Law 17", "law"),
    "inquiry_min_suppliers": ("at_least", Fraction(3), "三三二", "organisation"),
    "inquiry_min_officers": ("at_least", Fraction(2), "三三二", "organisation"),
    "open_tender_min_days": ("at_least", Fraction(20), "Law 24", "law"),
    "invited_tender_min_days": ("at_least", Fraction(20), "Law 24", "law"),
    "amendment_notice_days": ("at_least", Fraction(15), "Law 23, Reg 21", "law"),
    "bid_security_cap_percent": ("at_most", Fraction(2), "Reg 26", "law"),
    "committee_min_size": ("at_least", Fraction(5), "Law 37", "law"),
    "committee_expert_share": ("at_least", Fraction(2, 3), "Law 37", "law"),
    "max_candidates": ("at_most", Fraction(3), "Reg 53", "law"),
    "publicity_days": ("at_least", Fraction(3), "Reg 54", "law"),
    "contract_within_days": ("at_most", Fraction(30), "Law 46", "law"),
}

# The defect: one officer alone drafted these numbers and nothing stopped them.
LAX = RulesProfile(open_tender_min_days=0, min_valid_bids=1, amendment_notice_days=0, committee_min_size=3,
                   committee_expert_share_num=1, committee_expert_share_den=3,
                   bid_security_cap_percent=Decimal(20), publicity_days=1, contract_within_days=365,
                   inquiry_min_suppliers=1, inquiry_min_officers=1, inquiry_min_days=0)


def test_every_floor_has_its_number_direction_and_source() -> None:
    floored = {r.name: (r.direction.value, r.floor, r.source, r.binding.value if r.binding else None)
               for r in RULES if r.floor is not None}
    assert floored == EXPECTED_FLOORS


def test_every_number_of_the_profile_is_a_rule() -> None:
    covered = {f for r in RULES for f in r.field_names}
    assert covered == set(RulesProfile.model_fields)


def test_the_defaults_are_the_floors() -> None:
    assert law_floors() == DEFAULT_PROFILE
    assert breaches(DEFAULT_PROFILE, [Binding.LAW, Binding.ORGANISATION]) == ()


def test_laxer_is_computed_from_the_direction() -> None:
    days, cap, trimmed = rule("open_tender_min_days"), rule("bid_security_cap_percent"), \
        rule("trimmed_mean_min_members")
    assert days.direction is Direction.AT_LEAST and days.laxer(Fraction(19), Fraction(20))
    assert not days.laxer(Fraction(21), Fraction(20))
    assert cap.laxer(Fraction(3), Fraction(2)) and not cap.laxer(Fraction(1), Fraction(2))
    assert trimmed.laxer(Fraction(4), Fraction(5)) and trimmed.laxer(Fraction(6), Fraction(5))


def test_the_lax_profile_deviates_in_every_number_it_lowered() -> None:
    found = {d.rule: d for d in deviations(LAX, DEFAULT_PROFILE)}
    assert set(found) == {"open_tender_min_days", "min_valid_bids", "amendment_notice_days",
                          "committee_min_size", "committee_expert_share", "bid_security_cap_percent",
                          "publicity_days", "contract_within_days", "inquiry_min_suppliers",
                          "inquiry_min_officers", "inquiry_min_days"}
    assert found["committee_expert_share"] == Deviation("committee_expert_share", "2/3", "1/3", "Law 37")
    assert found["bid_security_cap_percent"].asked_value == "20"
    assert {b.rule for b in breaches(LAX, LAW)} == set(found) - {
        "inquiry_min_suppliers", "inquiry_min_officers", "inquiry_min_days"}


def test_a_register_number_is_no_tender_deviation() -> None:
    assert deviations(RulesProfile(site_inspection_threshold=Decimal(10**9)), DEFAULT_PROFILE) == ()


def test_stricter_numbers_are_free() -> None:
    strict = RulesProfile(open_tender_min_days=30, max_candidates=2, bid_security_cap_percent=Decimal(1))
    assert deviations(strict, DEFAULT_PROFILE) == ()
    assert frozen_profile(strict, DEFAULT_PROFILE, True, None) == (strict, ())


def test_a_statutory_tender_never_goes_below_the_law_even_with_an_approval() -> None:
    asked = RulesProfile(open_tender_min_days=5)
    approved = deviations(asked, DEFAULT_PROFILE)
    with pytest.raises(RuleViolation) as info:
        frozen_profile(asked, DEFAULT_PROFILE, True, approved)
    assert info.value.code == "policy.below_statutory_floor"
    assert info.value.details["rule"] == "open_tender_min_days" and info.value.details["floor"] == "20"
    assert frozen_profile(asked, DEFAULT_PROFILE, False, approved) == (asked, approved)


def test_an_approval_is_for_exactly_these_numbers() -> None:
    approved = deviations(RulesProfile(open_tender_min_days=5), DEFAULT_PROFILE)
    with pytest.raises(RuleViolation) as info:
        frozen_profile(RulesProfile(open_tender_min_days=4), DEFAULT_PROFILE, False, approved)
    assert info.value.code == "policy.deviation_required"
    assert info.value.details | {"deviations": None} == {
        "rule": "open_tender_min_days", "policy_value": "20", "asked_value": "4", "source": "Law 24",
        "count": 1, "pending": False, "deviations": None}


def test_statutory_tenders_use_the_stricter_of_policy_and_law() -> None:
    lax_policy = RulesProfile(min_valid_bids=2, max_candidates=5, open_tender_min_days=25)
    governing = governing_policy(lax_policy, True)
    assert (governing.min_valid_bids, governing.max_candidates, governing.open_tender_min_days) == (3, 3, 25)
    assert governing_policy(lax_policy, False) == lax_policy
    assert strictest(DEFAULT_PROFILE, RulesProfile(committee_expert_share_num=4,
                                                   committee_expert_share_den=5)).committee_expert_share_num == 4


def test_a_policy_below_a_floor_is_named() -> None:
    assert [b.rule for b in policy_breaches(RulesProfile(inquiry_min_officers=1, max_candidates=4))] == [
        "inquiry_min_officers", "max_candidates"]


def _profiles() -> st.SearchStrategy[RulesProfile]:
    def number(name: str, low: int, high: int) -> st.SearchStrategy[Any]:
        kind = type(getattr(DEFAULT_PROFILE, name))
        if kind is bool:
            return st.booleans()
        if kind is Decimal:
            return st.integers(low, high).map(Decimal)
        return st.integers(low, high)

    fields = {name: number(name, 3 if name in ("committee_min_size", "trimmed_mean_min_members") else 1,
                           10**6) for name in RulesProfile.model_fields}
    fields["open_tender_min_days"] = st.integers(0, 400)
    fields["committee_expert_share_num"] = st.integers(-3, 10)
    fields["committee_expert_share_den"] = st.integers(-3, 10)
    return st.fixed_dictionaries({k: st.one_of(st.just(getattr(DEFAULT_PROFILE, k)), v)
                                  for k, v in fields.items()}).map(lambda d: RulesProfile(**d))


@given(asked=_profiles(), policy=_profiles(), statutory=st.booleans(), approve=st.booleans(),
       tamper=st.booleans())
def test_frozen_numbers_never_laxer_than_policy_without_approval(
        asked: RulesProfile, policy: RulesProfile, statutory: bool, approve: bool, tamper: bool) -> None:
    """Whatever numbers a drafter supplies, the frozen rules are never laxer than the governing
    policy except in exactly the approved deviations, and never below the law when statutory."""
    governing = governing_policy(policy, statutory)
    wanted = deviations(asked, governing)
    approved = (wanted[1:] if tamper else wanted) if approve else None
    try:
        frozen, made = frozen_profile(asked, policy, statutory, approved)
    except RuleViolation as exc:
        below = statutory and bool(breaches(asked, LAW))
        assert exc.code == ("policy.below_statutory_floor" if below else "policy.deviation_required")
        assert below or tuple(approved or ()) != wanted
        return
    assert made == deviations(frozen, governing) == tuple(approved or ())
    if statutory:
        assert breaches(frozen, LAW) == ()
    followed, none = frozen_profile(None, policy, statutory, None)
    assert none == () and deviations(followed, governing) == ()
    assert not statutory or breaches(followed, LAW) == ()


# -- the proposal and deviation machines, without a store ------------------------------------

def _refused(call: Any) -> str:
    with pytest.raises(ZhaocaiError) as info:
        call()
    assert info.value.message_zh and info.value.message_en
    return info.value.code


def _person(person_id: str) -> Actor:
    return Actor(id=person_id, name=person_id, roles=frozenset({Role.SUPERVISOR}))


def test_a_proposal_is_decided_once_by_another_person_over_the_current_version() -> None:
    row = SimpleNamespace(id="pol-1", state=ProposalState.PROPOSED.value, proposed_by="a1", base_version=2)
    assert _refused(lambda: fire(ProposalMachine, row, "approve", subject_id="pol-1", actor=_person("a1"),
                                 current_version=2)) == "permission.self_approval"
    assert _refused(lambda: fire(ProposalMachine, row, "approve", subject_id="pol-1", actor=_person("s1"),
                                 current_version=3)) == "policy.stale_proposal"
    assert row.state == "proposed"
    assert fire(ProposalMachine, row, "approve", subject_id="pol-1", actor=_person("s1"), current_version=2) \
        == ProposalState.ADOPTED
    assert _refused(lambda: fire(ProposalMachine, row, "reject", subject_id="pol-1", actor=_person("s1"))) \
        == "policy.transition"


def test_a_deviation_is_decided_by_neither_requester_nor_drafter_while_still_asked() -> None:
    row = SimpleNamespace(id="dev-1", tender_id="tdr-1", state=DeviationState.REQUESTED.value, requested_by="p1")

    def approve(actor: str, drafter: str = "p2", asked: bool = True) -> str:
        return fire(DeviationMachine, row, "approve", subject_id="dev-1", actor=_person(actor), drafted_by=drafter,
                    asked=asked)

    assert _refused(lambda: approve("p1")) == "permission.self_approval"
    assert _refused(lambda: approve("s1", drafter="s1")) == "policy.deviation_drafter"
    assert _refused(lambda: approve("s1", asked=False)) == "policy.deviation_stale"
    assert approve("s1") == DeviationState.APPROVED
    assert _refused(lambda: approve("s2")) == "policy.deviation.transition"
    assert fire(DeviationMachine, row, "annul", subject_id="dev-1") == DeviationState.VOID


def test_a_proposal_goes_below_no_floor_and_changes_something() -> None:
    from zhaocai.profile import DEFAULT_PROFILE

    assert _refused(lambda: check_proposal(DEFAULT_PROFILE, DEFAULT_PROFILE, 0)) == "policy.no_change"
    low = DEFAULT_PROFILE.model_copy(update={"min_valid_bids": 2})
    assert _refused(lambda: check_proposal(low, DEFAULT_PROFILE, 0)) == "policy.below_floor"
    assert _refused(lambda: require_deviation_needed((), "tdr-1")) == "policy.deviation_not_needed"
