"""The lot and contract machines and the tender machine's moves within evaluation, with the pure
rules they name: no database, plain stand-in rows."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from decimal import Decimal as D
from types import SimpleNamespace
from typing import Any

import pytest

from zhaocai.actors import Actor, Role
from zhaocai.bidding.evaluating.machines import ContractMachine, ContractState, LotMachine, LotState
from zhaocai.bidding.machine import TenderMachine
from zhaocai.bidding.rules import AwardMethod, Quote, decide_inquiry, too_few_quotes
from zhaocai.bidding.rules.lots import shortfall_reason
from zhaocai.bidding.rules.scoring import CriterionKind, ScoringCriterion, ScoringScheme
from zhaocai.bidding.rules.sheets import sheet_points
from zhaocai.errors import (
    ConflictError,
    InvalidTransition,
    NotFoundError,
    PermissionDenied,
    RuleViolation,
    ValidationError,
)
from zhaocai.machines import fire, sources
from zhaocai.profile import RulesProfile

NOW = datetime(2026, 4, 1, 2, tzinfo=UTC)
BUYER = Actor(id="p-wang", name="王采购", roles=frozenset({Role.PURCHASING}))
SUPPLIER = Actor(id="u-s1", name="供应商", roles=frozenset({Role.SUPPLIER}), supplier_id="sup-1")
OTHER = Actor(id="u-s2", name="他人", roles=frozenset({Role.SUPPLIER}), supplier_id="sup-2")


@dataclass
class Tender:
    state: str
    id: str = "tdr-1"
    method: str = "open_tender"
    two_envelopes: bool = False
    commercial_opened_at: datetime | None = None
    officers: list[str] = field(default_factory=lambda: ["p-wang", "p-li"])


@dataclass
class Lot:
    state: str = LotState.EVALUATING.value
    lot_id: str = "L1"
    compliant: int = 3
    failure_reason: str | None = None


@dataclass
class Contract:
    state: str = ContractState.PENDING.value
    id: str = "ctr-1"
    lot_id: str = "L1"
    supplier_id: str = "sup-1"
    sign_by: datetime = NOW + timedelta(days=30)
    buyer_signed_by: str | None = None
    supplier_signed_by: str | None = None


@dataclass
class Verdict:
    eligible: bool = True
    reasons: list[Any] = field(default_factory=list)


def code_of(error: pytest.ExceptionInfo[Any]) -> str:
    return str(error.value.code)


# -- the tender machine's moves within evaluation --------------------------------------------------


def test_a_move_within_evaluation_keeps_the_state_and_is_refused_elsewhere_as_tender_transition() -> None:
    tender = Tender("evaluating")
    assert fire(TenderMachine, tender, "declare", subject_id=tender.id) == "evaluating"
    for state in ("opened", "publicising", "awarded", "failed"):
        with pytest.raises(InvalidTransition) as refused:
            fire(TenderMachine, Tender(state), "declare", subject_id="tdr-1")
        assert code_of(refused) == "tender.transition" and refused.value.details["event"] == "declare"
        assert "签署声明" in refused.value.message_zh


def test_the_order_of_evaluation_decides_what_the_committee_may_do() -> None:
    tender = Tender("evaluating")
    fire(TenderMachine, tender, "examine", subject_id=tender.id, compliance_at=None)
    with pytest.raises(ConflictError) as done:
        fire(TenderMachine, tender, "examine", subject_id=tender.id, compliance_at=NOW)
    assert code_of(done) == "compliance.already_checked"
    with pytest.raises(RuleViolation) as early:
        fire(TenderMachine, tender, "review", subject_id=tender.id, compliance_at=None)
    assert code_of(early) == "compliance.not_checked"
    with pytest.raises(ConflictError) as late:
        fire(TenderMachine, tender, "review", subject_id=tender.id, compliance_at=NOW, report_at=NOW)
    assert code_of(late) == "evaluation.report_done"
    with pytest.raises(RuleViolation) as lowest:
        fire(TenderMachine, tender, "commit_sheet", subject_id=tender.id, method=AwardMethod.LOWEST_EVALUATED_PRICE,
             compliance_at=NOW)
    assert code_of(lowest) == "scoring.not_comprehensive"
    with pytest.raises(RuleViolation) as closed:
        fire(TenderMachine, tender, "commit_sheet", subject_id=tender.id, method=AwardMethod.COMPREHENSIVE)
    assert code_of(closed) == "scoring.not_open"
    assert tender.state == "evaluating"


@pytest.mark.parametrize("event", ["reveal_sheet", "record_unrevealed"])
def test_sheets_are_revealed_only_once_every_member_has_committed(event: str) -> None:
    tender = Tender("evaluating")
    for uncommitted in (None, 1, 4):
        with pytest.raises(RuleViolation) as early:
            fire(TenderMachine, tender, event, subject_id=tender.id, method=AwardMethod.COMPREHENSIVE,
                 compliance_at=NOW, lot_id="L1", uncommitted=uncommitted)
        assert code_of(early) == "scoring.commitments_pending"
    with pytest.raises(RuleViolation) as lowest:
        fire(TenderMachine, tender, event, subject_id=tender.id, method=AwardMethod.LOWEST_EVALUATED_PRICE,
             compliance_at=NOW, lot_id="L1", uncommitted=0)
    assert code_of(lowest) == "scoring.not_comprehensive"
    assert fire(TenderMachine, tender, event, subject_id=tender.id, method=AwardMethod.COMPREHENSIVE,
                compliance_at=NOW, lot_id="L1", uncommitted=0) == "evaluating"


def test_a_committed_sheet_is_revealed_or_recorded_unrevealed_once() -> None:
    from zhaocai.bidding.evaluating.machines import SheetMachine

    for event, final in (("reveal", "revealed"), ("record_unrevealed", "unrevealed")):
        sheet_row = Tender("committed")
        assert fire(SheetMachine, sheet_row, event, subject_id="e-1") == final
        for again in ("reveal", "record_unrevealed"):
            with pytest.raises(InvalidTransition) as refused:
                fire(SheetMachine, sheet_row, again, subject_id="e-1")
            assert code_of(refused) == "evaluation.sheet.transition"


@pytest.mark.parametrize(("context", "code"), [
    ({"undecided": ["bid-2"]}, "abnormal.decision_missing"),
    ({"pending_pairs": [["sup-1", "sup-2"]]}, "related.determination_pending"),
    ({"waiting": {"L1": 0, "L2": 2}}, "scoring.not_all_submitted"),
    ({"revealed": {"L1": (3, 5), "L2": (2, 5)}}, "scoring.too_few_revealed"),
    ({"revealed": {"L1": (2, 4)}}, "scoring.too_few_revealed"),
])
def test_the_report_waits_for_every_decision_and_sheet(context: dict[str, Any], code: str) -> None:
    with pytest.raises(RuleViolation) as refused:
        fire(TenderMachine, Tender("evaluating"), "write_report", subject_id="tdr-1", compliance_at=NOW,
             **context)
    assert code_of(refused) == code
    fire(TenderMachine, Tender("evaluating"), "write_report", subject_id="tdr-1", compliance_at=NOW,
         waiting={"L1": 0}, revealed={"L1": (3, 5), "L2": (5, 5)})


def test_publicity_objections_and_the_award() -> None:
    tender = Tender("publicising")
    ends = NOW + timedelta(days=3)
    fire(TenderMachine, tender, "raise_objection", subject_id="tdr-1", now=NOW, publicity_ends=ends)
    with pytest.raises(RuleViolation) as over:
        fire(TenderMachine, tender, "raise_objection", subject_id="tdr-1", now=ends, publicity_ends=ends)
    assert code_of(over) == "objection.publicity_over"
    with pytest.raises(RuleViolation) as running:
        fire(TenderMachine, tender, "clear_for_award", subject_id="tdr-1", now=NOW, publicity_ends=ends,
             open_objections=0)
    assert code_of(running) == "award.publicity_running"
    with pytest.raises(RuleViolation) as waiting:
        fire(TenderMachine, tender, "clear_for_award", subject_id="tdr-1", now=ends, publicity_ends=ends,
             open_objections=1)
    assert code_of(waiting) == "award.open_objection"
    fire(TenderMachine, tender, "clear_for_award", subject_id="tdr-1", now=ends, publicity_ends=ends,
         open_objections=0)
    assert sources(TenderMachine, "decide_ineligible") == ["awarded", "publicising"]


def test_the_committee_is_drawn_for_an_opened_tender_that_is_no_inquiry_with_both_envelopes_open() -> None:
    fire(TenderMachine, Tender("opened"), "draw_committee", subject_id="tdr-1")
    with pytest.raises(RuleViolation) as inquiry:
        fire(TenderMachine, Tender("opened", method="price_inquiry"), "draw_committee", subject_id="tdr-1")
    assert code_of(inquiry) == "committee.price_inquiry"
    with pytest.raises(RuleViolation) as sealed:
        fire(TenderMachine, Tender("opened", two_envelopes=True), "draw_committee", subject_id="tdr-1")
    assert code_of(sealed) == "committee.commercial_not_opened"
    fire(TenderMachine, Tender("opened", two_envelopes=True, commercial_opened_at=NOW), "draw_committee",
         subject_id="tdr-1")


def test_only_the_inquirys_officers_take_its_steps() -> None:
    inquiry = Tender("opened", method="price_inquiry")
    fire(TenderMachine, inquiry, "inquire", subject_id="tdr-1", actor_id="p-li")
    with pytest.raises(PermissionDenied) as stranger:
        fire(TenderMachine, inquiry, "inquire", subject_id="tdr-1", actor_id="p-zhao", actor_name="赵")
    assert code_of(stranger) == "inquiry.not_an_officer"
    with pytest.raises(RuleViolation) as tender:
        fire(TenderMachine, Tender("opened"), "approve_override", subject_id="tdr-1")
    assert code_of(tender) == "inquiry.not_an_inquiry"


# -- lots --------------------------------------------------------------------------------------------


def test_a_lot_fails_on_a_recount_below_the_minimum_and_stays_failed() -> None:
    lot = Lot(compliant=2)
    reason = shortfall_reason(2, 3)
    assert fire(LotMachine, lot, "recount", subject_id="L1", min_valid_bids=3, reason=reason) == "failed"
    assert lot.failure_reason == reason and "不足 3 家" in reason
    lot.compliant = 1
    assert fire(LotMachine, lot, "recount", subject_id="L1", min_valid_bids=3, reason="later") == "failed"
    assert lot.failure_reason == reason  # the first reason stands
    kept = Lot(compliant=3)
    assert fire(LotMachine, kept, "recount", subject_id="L1", min_valid_bids=3, reason="x") == "evaluating"
    assert kept.failure_reason is None


def test_a_failed_lot_is_neither_scored_nor_ranked_nor_awarded() -> None:
    for event in ("score", "rank", "award", "reconsider", "retender"):
        with pytest.raises(InvalidTransition) as refused:
            fire(LotMachine, Lot(state="failed"), event, subject_id="L1")
        assert code_of(refused) == "evaluation.lot.transition"
        assert "流标" in refused.value.message_zh


def test_a_lot_is_ranked_awarded_and_may_be_re_tendered_or_awarded_again() -> None:
    lot = Lot()
    assert fire(LotMachine, lot, "rank", subject_id="L1") == "ranked"
    assert fire(LotMachine, lot, "reconsider", subject_id="L1") == "ranked"
    assert fire(LotMachine, lot, "award", subject_id="L1") == "awarded"
    assert fire(LotMachine, lot, "award", subject_id="L1") == "awarded"  # the next candidate
    assert fire(LotMachine, lot, "retender", subject_id="L1", reason="重新招标") == "failed"
    assert lot.failure_reason == "重新招标"
    assert sources(LotMachine, "retender") == ["awarded", "ranked"]


# -- contracts ---------------------------------------------------------------------------------------


def _sign(contract: Contract, actor: Actor, *, at: datetime = NOW, verdict: Verdict | None = None) -> str:
    after = fire(ContractMachine, contract, "sign", subject_id=contract.id, now=at, actor=actor,
                 eligibility=verdict or Verdict())
    if actor.supplier_id is None:
        contract.buyer_signed_by = actor.id
    else:
        contract.supplier_signed_by = actor.id
    return after


def test_a_contract_is_signed_by_both_sides_once_each() -> None:
    contract = Contract()
    assert _sign(contract, SUPPLIER) == "pending_signature"
    with pytest.raises(ConflictError) as twice:
        _sign(contract, SUPPLIER)
    assert code_of(twice) == "contract.side_signed"
    assert _sign(contract, BUYER) == "signed"
    with pytest.raises(InvalidTransition) as after:
        _sign(contract, BUYER)
    assert code_of(after) == "contract.transition" and "已签订" in after.value.message_zh


@pytest.mark.parametrize(("actor", "at", "verdict", "code"), [
    (OTHER, NOW, Verdict(), "contract.not_party"),
    (Actor(id="q", name="质量", roles=frozenset({Role.QUALITY})), NOW, Verdict(), "contract.not_party"),
    (BUYER, NOW + timedelta(days=30), Verdict(), "contract.deadline_passed"),
    (BUYER, NOW, Verdict(False, [SimpleNamespace(code="suspended", message_en="suspended",
                                                 message_zh="已暂停")]), "contract.supplier_ineligible"),
])
def test_a_signature_is_refused_with_the_rules_code(actor: Actor, at: datetime, verdict: Verdict,
                                                    code: str) -> None:
    contract = Contract()
    with pytest.raises((PermissionDenied, RuleViolation)) as refused:
        _sign(contract, actor, at=at, verdict=verdict)
    assert code_of(refused) == code and contract.state == "pending_signature"


def test_a_contract_lapses_only_after_its_deadline_and_a_void_one_is_never_signed() -> None:
    contract = Contract()
    with pytest.raises(RuleViolation):
        fire(ContractMachine, contract, "lapse", subject_id="ctr-1", now=NOW)
    assert fire(ContractMachine, contract, "lapse", subject_id="ctr-1", now=contract.sign_by) == "lapsed"
    void = Contract()
    assert fire(ContractMachine, void, "annul", subject_id="ctr-1") == "void"
    with pytest.raises(InvalidTransition):
        _sign(void, BUYER)


# -- the pure rules behind the handlers ----------------------------------------------------------------


SCHEME = ScoringScheme(D(40), (ScoringCriterion("T1", "T1", CriterionKind.TECHNICAL, D(40), D(40)),
                               ScoringCriterion("C1", "C1", CriterionKind.COMMERCIAL, D(20), D(20))))


def test_a_sheet_is_sealed_as_exact_hundredths() -> None:
    sheet = sheet_points({"b2": {"T1": D("39.5"), "C1": "20"}, "b1": {"T1": 0, "C1": D("0.01")}},
                         ["b1", "b2"], SCHEME)
    assert sheet == {"b1": {"T1": 0, "C1": 1}, "b2": {"T1": 3950, "C1": 2000}}
    assert list(sheet) == ["b1", "b2"]


@pytest.mark.parametrize(("scores", "code"), [
    ({"b1": {"T1": D(1), "C1": D(1)}}, "scoring.incomplete"),
    ({"b1": {"T1": D(1)}, "b2": {"T1": D(1), "C1": D(1)}}, "scoring.incomplete"),
    ({"b1": {"T1": D("1.001"), "C1": D(1)}, "b2": {"T1": D(1), "C1": D(1)}}, "scoring.precision"),
    ({"b1": {"T1": D("40.01"), "C1": D(1)}, "b2": {"T1": D(1), "C1": D(1)}}, "scoring.out_of_range"),
    ({"b1": {"T1": 1.5, "C1": D(1)}, "b2": {"T1": D(1), "C1": D(1)}}, "evaluation.float"),
    ({"b1": {"T1": "x", "C1": D(1)}, "b2": {"T1": D(1), "C1": D(1)}}, "scoring.precision"),
])
def test_a_sheet_is_refused_with_the_rules_code(scores: dict[str, Any], code: str) -> None:
    with pytest.raises(ValidationError) as refused:
        sheet_points(scores, ["b1", "b2"], SCHEME)
    assert code_of(refused) == code


def test_the_inquiry_minimum_is_one_rule() -> None:
    profile = RulesProfile()
    assert too_few_quotes(3, profile) is None
    short = too_few_quotes(2, profile)
    assert short is not None and short.code == "inquiry.too_few_quotes" and "实际 2 家" in short.zh
    with pytest.raises(RuleViolation) as refused:
        decide_inquiry([Quote("S1", D(1)), Quote("S2", D(2))], conducted_by=["a", "b"],
                       signed_by=["a", "b"], record_hash="h", profile=profile)
    assert (refused.value.code, refused.value.message_zh) == (short.code, short.zh)


def test_a_supplier_without_a_quote_for_the_lot_counts_but_never_wins_it() -> None:
    quotes = [Quote("S1", None), Quote("S2", D("9500")), Quote("S3", D("9900"))]
    result = decide_inquiry(quotes, conducted_by=["a", "b"], signed_by=["a", "b"], record_hash="h")
    assert result.winner_supplier_id == "S2" and result.ranked_supplier_ids == ("S2", "S3")


def test_the_committees_decisions_are_checked_by_pure_rules() -> None:
    from zhaocai.bidding.rules import AbnormalDecision
    from zhaocai.bidding.rules.abnormal import require_decidable
    from zhaocai.bidding.rules.compliance import require_open_question
    from zhaocai.bidding.rules.price_score import require_adjustable

    accepted = AbnormalDecision.EXPLANATION_ACCEPTED
    require_decidable("b1", flagged=True, decided=False, decision=accepted, explanation="成本说明")
    require_decidable("b1", flagged=True, decided=False, decision=AbnormalDecision.NO_EXPLANATION,
                      explanation="")
    for kwargs, code in (({"flagged": False, "decided": False}, "abnormal.not_flagged"),
                         ({"flagged": True, "decided": True}, "abnormal.already_decided")):
        with pytest.raises((ValidationError, ConflictError)) as refused:
            require_decidable("b1", decision=accepted, explanation="x", **kwargs)
        assert code_of(refused) == code
    with pytest.raises(ValidationError) as silent:
        require_decidable("b1", flagged=True, decided=False, decision=accepted, explanation=" ")
    assert code_of(silent) == "abnormal.explanation_missing"

    require_open_question("s1", "s2", is_question=True, determined=False, reason="同一地址")
    cases: list[tuple[dict[str, Any], str]] = [({"is_question": False, "determined": False, "reason": "x"}, "related.not_a_question"),
        ({"is_question": True, "determined": True, "reason": "x"}, "related.already_determined"),
        ({"is_question": True, "determined": False, "reason": ""}, "related.reason_missing")]
    for context, code in cases:
        with pytest.raises((ValidationError, ConflictError, NotFoundError)) as refused:
            require_open_question("s1", "s2", **context)
        assert code_of(refused) == code

    require_adjustable("b1", method=AwardMethod.LOWEST_EVALUATED_PRICE, compliant=True)
    with pytest.raises(RuleViolation) as method:
        require_adjustable("b1", method=AwardMethod.COMPREHENSIVE, compliant=True)
    assert code_of(method) == "evaluation.adjustment_method"
    with pytest.raises(RuleViolation) as void:
        require_adjustable("b1", method=AwardMethod.LOWEST_EVALUATED_PRICE, compliant=False)
    assert code_of(void) == "evaluation.bid_not_compliant"


def test_removals_and_overrides_are_checked_by_pure_rules() -> None:
    from zhaocai.bidding.rules.award import require_removal_approval
    from zhaocai.bidding.rules.inquiry import require_override_proposal

    supervisor = Actor(id="s-zhou", name="周纪检", roles=frozenset({Role.SUPERVISOR}))
    require_removal_approval("rmv-1", "b1", proposed_by="p-wang", approved_by=None, approver=supervisor)
    cases: list[tuple[dict[str, Any], str]] = [
        ({"proposed_by": "p-wang", "approved_by": None, "approver": BUYER}, "award.approver_role"),
        ({"proposed_by": "p-wang", "approved_by": "s-li", "approver": supervisor}, "award.removal_approved"),
        ({"proposed_by": "s-zhou", "approved_by": None, "approver": supervisor}, "award.self_approval")]
    for kwargs, code in cases:
        with pytest.raises((PermissionDenied, ConflictError)) as refused:
            require_removal_approval("rmv-1", "b1", **kwargs)
        assert code_of(refused) == code

    fine: dict[str, Any] = {"lots": ["L1"], "reason": "交货期更短", "quoted": True, "exists": False}
    require_override_proposal("L1", "S2", **fine)
    for change, code in (({"lots": ["L2"]}, "inquiry.unknown_lot"), ({"reason": " "}, "inquiry.override_reason"),
                         ({"quoted": False}, "inquiry.override_not_a_quote"),
                         ({"exists": True}, "inquiry.override_exists")):
        with pytest.raises((ValidationError, ConflictError)) as refused:
            require_override_proposal("L1", "S2", **{**fine, **change})
        assert code_of(refused) == code


@pytest.mark.parametrize("points", [[D(10)], [D("1.5"), D(2)], [D(3), D(1), D(2)],
                                    [D("7.25"), D(0), D(40), D("12.5"), D(9)],
                                    [D(1), D(1), D(1), D(1), D(1), D("0.01")]])
def test_a_criterion_score_from_the_aggregates_equals_the_one_from_the_points(points: list[D]) -> None:
    from zhaocai.bidding.rules.scoring import bid_score, committee_points, criterion_score_of

    criterion = SCHEME.criteria[0]
    centi = [int(p * 100) for p in points]
    part = criterion_score_of(criterion, len(centi), sum(centi), min(centi), max(centi), 5)
    mean, trimmed = committee_points(points, 5)
    assert (part.committee_points, part.trimmed) == (mean, trimmed)
    total = bid_score("b1", D("30.00"), [part])
    assert total.total == D("30.00") + part.score and total.technical_score == part.score
