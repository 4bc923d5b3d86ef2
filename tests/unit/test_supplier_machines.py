"""The register's state machines, every transition, guard and rule they name (pure: no store)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal
from types import SimpleNamespace
from typing import Any

import pytest

from zhaocai.actors import Actor, Role
from zhaocai.categories import Category
from zhaocai.errors import ConflictError, InvalidTransition, PermissionDenied, RuleViolation
from zhaocai.machines import allows, fire, next_state, sources
from zhaocai.suppliers.admission_rules import ReviewFact
from zhaocai.suppliers.machines import (
    AdmissionMachine,
    AppealMachine,
    RequestMachine,
    StandingMachine,
    decide_request,
    move_appeal,
    standing_field,
    standing_of,
)
from zhaocai.suppliers.rules import DEFAULT_POLICIES, Department, HeldQualification
from zhaocai.suppliers.standing_rules import approval_of

NOW = datetime(2026, 3, 2, 1, tzinfo=UTC)
P = Actor(id="p-wang", name="王采购", roles=frozenset({Role.PURCHASING}))
Q = Actor(id="q-li", name="李质量", roles=frozenset({Role.QUALITY}))
S = Actor(id="s-zhou", name="周纪检", roles=frozenset({Role.SUPERVISOR}))
LICENCE = HeldQualification("business_licence", "", "BL-1", NOW - timedelta(days=9),
                            NOW + timedelta(days=9))
QMS = HeldQualification("quality_management_certificate", "", "Q-1", NOW - timedelta(days=9),
                        NOW + timedelta(days=9))


def passed(*departments: Department, by: str = "") -> list[ReviewFact]:
    return [ReviewFact(d, by or f"r-{d.value}", True) for d in departments]


def admit_facts(**changes: Any) -> dict[str, Any]:
    facts: dict[str, Any] = {
        "supplier_id": "S1", "registered_by": "u-reg", "reviews": passed(*Department),
        "ceiling": Decimal(500_000), "threshold": Decimal(1_000_000), "inspection_passed": False,
        "matches": [], "screening": None, "categories": [Category.MATERIALS],
        "policies": DEFAULT_POLICIES, "held": [LICENCE, QMS], "at": NOW}
    return {**facts, **changes}


def review_facts(review: ReviewFact, reviews: list[ReviewFact], **changes: Any) -> dict[str, Any]:
    facts = {"supplier_id": "S1", "registered_by": "u-reg", "application_round": 1,
             "reviews": reviews, "review": review, "actor": P, "ceiling": Decimal(500_000),
             "threshold": Decimal(1_000_000)}
    return {**facts, **changes}


def refusal(machine: type[Any], state: str, event: str, **facts: Any) -> Any:
    with pytest.raises(Exception) as info:
        next_state(machine, state, event, subject_id="S1", **facts)
    return info.value


# --- admission ------------------------------------------------------------------------------

def test_reviews_move_the_application_and_a_large_ceiling_to_site_inspection() -> None:
    first = ReviewFact(Department.PURCHASING, "p-wang", True)
    assert next_state(AdmissionMachine, "applied", "review", subject_id="S1",
                      **review_facts(first, [])) == "under_review"
    last = ReviewFact(Department.TECHNICAL, "t-sun", True)
    two = passed(Department.PURCHASING, Department.QUALITY)
    assert next_state(AdmissionMachine, "under_review", "review", subject_id="S1",
                      **review_facts(last, two)) == "under_review"
    assert next_state(AdmissionMachine, "under_review", "review", subject_id="S1",
                      **review_facts(last, two, ceiling=Decimal(1_000_000))) == "site_inspection"
    failing = ReviewFact(Department.TECHNICAL, "t-sun", False)
    assert next_state(AdmissionMachine, "under_review", "review", subject_id="S1",
                      **review_facts(failing, two, ceiling=Decimal(2_000_000))) == "under_review"


def test_review_rules_refuse_with_their_own_codes() -> None:
    one = ReviewFact(Department.PURCHASING, "p-wang", True)
    err = refusal(AdmissionMachine, "applied", "review", **review_facts(one, [], registered_by="p-wang"))
    assert isinstance(err, PermissionDenied) and err.code == "permission.registrant_review"
    again = ReviewFact(Department.PURCHASING, "p-zhang", True)
    err = refusal(AdmissionMachine, "under_review", "review", **review_facts(again, [one]))
    assert isinstance(err, ConflictError) and err.code == "supplier.review.duplicate"
    same_person = ReviewFact(Department.QUALITY, "p-wang", True)
    err = refusal(AdmissionMachine, "under_review", "review", **review_facts(same_person, [one]))
    assert err.code == "permission.distinct_people"
    err = refusal(AdmissionMachine, "site_inspection", "review", **review_facts(one, []))
    assert isinstance(err, InvalidTransition) and err.code == "supplier.admission.transition"


def test_admission_is_decided_by_the_facts() -> None:
    assert next_state(AdmissionMachine, "under_review", "admit", subject_id="S1",
                      **admit_facts()) == "admitted"
    err = refusal(AdmissionMachine, "applied", "admit", **admit_facts(reviews=[]))
    assert err.code == "supplier.admission.reviews_missing"
    assert err.details["missing"] == ["purchasing", "quality", "technical"]
    failing = [*passed(Department.PURCHASING, Department.TECHNICAL),
               ReviewFact(Department.QUALITY, "q", False)]
    err = refusal(AdmissionMachine, "under_review", "admit", **admit_facts(reviews=failing))
    assert err.code == "supplier.admission.reviews_missing" and err.details["failed"] == ["quality"]
    err = refusal(AdmissionMachine, "under_review", "admit",
                  **admit_facts(reviews=passed(*Department, by="one")))
    assert err.code == "permission.distinct_people"
    large = admit_facts(ceiling=Decimal(1_000_000))
    err = refusal(AdmissionMachine, "site_inspection", "admit", **large)
    assert isinstance(err, RuleViolation) and err.code == "supplier.admission.inspection_required"
    assert next_state(AdmissionMachine, "site_inspection", "admit", subject_id="S1",
                      **{**large, "inspection_passed": True}) == "admitted"
    err = refusal(AdmissionMachine, "under_review", "admit", **admit_facts(held=[LICENCE]))
    assert err.code == "supplier.qualification_missing"
    assert err.details["gaps"][0]["type"] == "quality_management_certificate"
    err = refusal(AdmissionMachine, "admitted", "admit", **admit_facts())
    assert err.code == "supplier.admission.transition"


def test_admission_screening_needs_an_uninvolved_supervisors_decision() -> None:
    match = SimpleNamespace(blacklisted_id="S9", blacklisted_name="坏", attribute="phone",
                            model_dump=lambda: {"blacklisted_id": "S9", "attribute": "phone"})
    err = refusal(AdmissionMachine, "under_review", "admit", **admit_facts(matches=[match]))
    assert err.code == "supplier.admission.blacklist_match"
    seen = [{"blacklisted_id": "S9", "attribute": "phone"}]
    by_reviewer = SimpleNamespace(decision="admit", matches_seen=seen, decided_by="r-quality")
    err = refusal(AdmissionMachine, "under_review", "admit",
                  **admit_facts(matches=[match], screening=by_reviewer))
    assert err.code == "supplier.admission.blacklist_match"
    cleared = SimpleNamespace(decision="admit", matches_seen=seen, decided_by="s-zhou")
    assert next_state(AdmissionMachine, "under_review", "admit", subject_id="S1",
                      **admit_facts(matches=[match], screening=cleared)) == "admitted"


def test_inspection_reject_and_reapply() -> None:
    facts = {"inspectors": ["p-wang", "t-sun"], "min_inspectors": 2}
    assert next_state(AdmissionMachine, "site_inspection", "inspect", subject_id="S1",
                      **facts) == "site_inspection"
    assert refusal(AdmissionMachine, "under_review", "inspect", **facts).code == \
        "supplier.admission.transition"
    # One inspector records the report; the co-inspectors sign it in their own commands and
    # admission counts the signatures (test_suppliers_admission.py), not the machine's move.
    assert next_state(AdmissionMachine, "site_inspection", "inspect", subject_id="S1") == "site_inspection"
    assert sources(AdmissionMachine, "reject") == ["applied", "site_inspection", "under_review"]
    assert next_state(AdmissionMachine, "rejected", "reapply", subject_id="S1") == "applied"
    for standing in ("reapply_eligible", "exited"):
        assert next_state(AdmissionMachine, "admitted", "reapply", subject_id="S1",
                          standing=standing) == "applied"
    err = refusal(AdmissionMachine, "admitted", "reapply", standing="blacklisted")
    assert isinstance(err, InvalidTransition) and err.code == "supplier.admission.transition"
    assert err.details == {"id": "S1", "state": "admitted", "event": "reapply",
                           "machine": "AdmissionMachine"}
    assert "已准入" in err.message_zh and "重新申请" in err.message_zh


# --- standing -------------------------------------------------------------------------------

@pytest.mark.parametrize("previous", ["active", "warned", "suspended"])
def test_an_appeal_restores_the_standing_held_before_the_blacklisting(previous: str) -> None:
    assert next_state(StandingMachine, "blacklisted", "restore", subject_id="S1",
                      previous=previous) == previous


@pytest.mark.parametrize("previous", [None, "blacklisted", "exited", "reapply_eligible"])
def test_restore_without_a_previous_standing_is_refused(previous: str | None) -> None:
    err = refusal(StandingMachine, "blacklisted", "restore", previous=previous)
    assert isinstance(err, InvalidTransition) and err.code == "supplier.standing.transition"
    assert err.details == {"id": "S1", "state": "blacklisted", "event": "restore",
                           "machine": "StandingMachine"}
    assert "“已清退”状态，不能申诉恢复" in err.message_zh


def test_standing_transitions() -> None:
    assert sources(StandingMachine, "admit") == ["exited", "reapply_eligible", "unadmitted"]
    assert sources(StandingMachine, "warn") == ["active"]
    assert sources(StandingMachine, "clear_warning") == ["warned"]
    assert sources(StandingMachine, "suspend") == ["active", "warned"]
    assert sources(StandingMachine, "reinstate") == ["suspended"]
    assert sources(StandingMachine, "request_reinstatement") == ["suspended"]
    assert sources(StandingMachine, "blacklist") == ["active", "suspended", "warned"]
    assert sources(StandingMachine, "propose_blacklist") == ["active", "suspended", "warned"]
    assert sources(StandingMachine, "appeal") == ["blacklisted"]
    assert sources(StandingMachine, "restore") == ["blacklisted"]
    assert sources(StandingMachine, "end_ban") == ["blacklisted"]
    assert sources(StandingMachine, "exit") == ["active", "warned"]
    assert next_state(StandingMachine, "warned", "suspend", subject_id="S1") == "suspended"


def test_a_ban_ends_at_its_end_not_before() -> None:
    ended = {"ban_until": NOW, "at": NOW, "supplier_id": "S1"}
    assert next_state(StandingMachine, "blacklisted", "end_ban", subject_id="S1",
                      **ended) == "reapply_eligible"
    running = {**ended, "ban_until": NOW + timedelta(seconds=1)}
    assert refusal(StandingMachine, "blacklisted", "end_ban", **running).code == "supplier.ban.running"
    assert not allows(StandingMachine, "blacklisted", "end_ban", **running)


def test_one_pending_proposal_or_reinstatement_request_per_supplier() -> None:
    none = {"pending": None, "supplier_id": "S1"}
    assert next_state(StandingMachine, "warned", "propose_blacklist", subject_id="S1",
                      kind="blacklist", **none) == "warned"
    pending = {"pending": object(), "supplier_id": "S1"}
    assert refusal(StandingMachine, "warned", "propose_blacklist", kind="blacklist",
                   **pending).code == "supplier.blacklist.pending"
    assert refusal(StandingMachine, "suspended", "request_reinstatement", kind="reinstatement",
                   **pending).code == "supplier.reinstatement.pending"
    assert refusal(StandingMachine, "active", "request_reinstatement", kind="reinstatement",
                   **none).code == "supplier.standing.transition"


def test_a_supplier_never_admitted_has_no_standing_to_change() -> None:
    row = SimpleNamespace(id="S1", standing=None)
    assert standing_of(row) == "unadmitted"
    with pytest.raises(InvalidTransition) as info:
        fire(StandingMachine, standing_field(row), "warn", subject_id="S1")
    assert info.value.code == "supplier.standing.transition" and row.standing is None
    assert fire(StandingMachine, standing_field(row), "admit", subject_id="S1") == "active"
    assert row.standing == "active"


# --- requests and appeals -------------------------------------------------------------------

def _request(**changes: Any) -> SimpleNamespace:
    fields = {"id": "req-1", "state": "pending", "requested_by": "p-wang", "approvals": [],
              "supplier_id": "S1", "appeal": None}
    return SimpleNamespace(**{**fields, **changes})


def _approve(request: SimpleNamespace, actor: Actor, **facts: Any) -> str:
    return decide_request(request, "approve", actor=actor, requested_by=request.requested_by,
                          action="supplier.blacklist.approve", approval=approval_of(actor, NOW),
                          approvals=list(request.approvals), supplier_id="S1", **facts)


def test_a_blacklisting_needs_two_approvers_one_a_supervisor() -> None:
    proposal = _request(approvals=[approval_of(P, NOW)])
    with pytest.raises(PermissionDenied) as denied:
        _approve(proposal, P, needed=2)
    assert denied.value.code == "permission.self_approval"
    with pytest.raises(RuleViolation) as info:
        _approve(proposal, Q, needed=2)
    assert info.value.code == "supplier.blacklist.supervisor_required"
    assert proposal.state == "pending"
    assert _approve(proposal, S, needed=2) == "approved"
    with pytest.raises(ConflictError) as decided:
        _approve(proposal, Q, needed=2)
    assert decided.value.code == "supplier.request.decided"


def test_a_system_proposal_waits_for_two_human_approvals() -> None:
    proposal = _request(requested_by="system")
    assert _approve(proposal, Q, needed=2) == "pending"
    proposal.approvals = [approval_of(Q, NOW)]
    with pytest.raises(PermissionDenied) as twice:
        _approve(proposal, Q, needed=2)
    assert twice.value.code == "permission.distinct_people"
    assert _approve(proposal, S, needed=2) == "approved"


def test_a_live_bid_needs_a_supervisor_other_than_the_proposer() -> None:
    by_supervisor = _request(requested_by="s-zhou", approvals=[approval_of(S, NOW)])
    with pytest.raises(RuleViolation) as info:
        _approve(by_supervisor, Q, needed=2, live=["T1"])
    assert info.value.code == "supplier.live_bid.supervisor_required"
    assert _approve(by_supervisor, Q, needed=2) == "approved"


def test_a_request_is_rejected_once_and_not_by_its_requester() -> None:
    request = _request()
    facts = {"actor": P, "requested_by": "p-wang", "action": "supplier.blacklist.reject"}
    with pytest.raises(PermissionDenied):
        decide_request(request, "reject", **facts)
    assert decide_request(request, "reject", **{**facts, "actor": S}) == "rejected"
    with pytest.raises(ConflictError) as info:
        decide_request(request, "reject", **{**facts, "actor": S})
    assert info.value.code == "supplier.request.decided"
    assert sources(RequestMachine, "approve") == ["pending"]


def test_one_appeal_per_blacklisting_decided_by_someone_uninvolved() -> None:
    request = _request(state="approved")
    with pytest.raises(ConflictError) as none:
        move_appeal(request, "uphold", actor=S, involved=set())
    assert none.value.code == "supplier.appeal.none"
    assert move_appeal(request, "lodge") == "pending" and request.appeal == {"state": "pending"}
    with pytest.raises(ConflictError) as used:
        move_appeal(request, "lodge")
    assert used.value.code == "supplier.appeal.used"
    with pytest.raises(PermissionDenied) as involved:
        move_appeal(request, "dismiss", actor=S, involved={"s-zhou"})
    assert involved.value.code == "permission.appeal_decider"
    assert move_appeal(request, "dismiss", actor=S, involved={"p-wang"}) == "dismissed"
    with pytest.raises(ConflictError) as again:
        move_appeal(request, "lodge")
    assert again.value.code == "supplier.appeal.used"
    assert sources(AppealMachine, "lodge") == ["none"]
