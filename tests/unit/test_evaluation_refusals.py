"""Every refusal of the evaluation rules names itself: its code, and details that say which input
was wrong (the field, the bid, the member, the people). A client shows these details to the
person who must fix the input, so they are part of each rule's published answer."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal as D
from typing import Any

import pytest

from zhaocai.bidding.rules import (
    AbnormalDecision,
    Adjustment,
    AwardMethod,
    Bidder,
    BuyerRepresentative,
    Contender,
    CriterionKind,
    Expert,
    OpenedBid,
    Override,
    PriceScoreFormula,
    Quote,
    Reason,
    Removal,
    ScoreSheet,
    ScoringCriterion,
    ScoringScheme,
    apply_decisions,
    award_notice,
    benchmark_price,
    check_bid,
    check_compliance,
    decide_award,
    decide_inquiry,
    draw_committee,
    evaluate,
    evaluated_price,
    find_abnormally_low,
    price_scores,
    rank_lot,
    related_bidders,
    signing_officers,
    validate_composition,
    validate_sheet,
)
from zhaocai.bidding.rules.common import as_decimal, require_unique
from zhaocai.bidding.rules.compliance import BidderFacts, ComplianceResult
from zhaocai.errors import PermissionDenied, RuleViolation, ValidationError, ZhaocaiError
from zhaocai.profile import RulesProfile

T, C = CriterionKind.TECHNICAL, CriterionKind.COMMERCIAL
OPENING = "ab" * 32


def refusal(error: type[ZhaocaiError], call: Any, *args: Any, **kwargs: Any) -> ZhaocaiError:
    """The error `call` raises; it must carry both messages."""
    with pytest.raises(error) as info:
        call(*args, **kwargs)
    assert info.value.message_en and info.value.message_zh
    return info.value


# --- shared: numbers and identifiers -----------------------------------------------------------

@pytest.mark.parametrize("value", [1.5, True])
def test_a_float_or_bool_is_refused_naming_the_field(value: object) -> None:
    error = refusal(ValidationError, as_decimal, value, field="weight")
    assert (error.code, error.details) == ("evaluation.float", {"field": "weight", "value": repr(value)})


@pytest.mark.parametrize("value", ["abc", "NaN", "Infinity", None, D("NaN"), D("-Infinity")])
def test_what_is_not_a_finite_number_is_refused_naming_the_field(value: object) -> None:
    error = refusal(ValidationError, as_decimal, value, field="weight")
    assert (error.code, error.details) == ("evaluation.not_a_number",
                                           {"field": "weight", "value": repr(value)})


@pytest.mark.parametrize("value,number", [("12", D(12)), (" 7.5 ", D("7.5")), (5, D(5)),
                                          (D("0.125"), D("0.125"))])
def test_str_int_and_decimal_are_read_exactly(value: object, number: D) -> None:
    read = as_decimal(value, field="x")
    assert isinstance(read, D) and read == number


def test_duplicates_are_named_once_each_in_order() -> None:
    error = refusal(ValidationError, require_unique, ["b", "a", "b", "c", "a", "b"], what="bid id")
    assert (error.code, error.details) == ("evaluation.duplicate_id",
                                           {"what": "bid id", "duplicates": ["a", "b"]})
    require_unique(["a", "b"], what="bid id")


def _scheme() -> ScoringScheme:
    return ScoringScheme(D(30), (ScoringCriterion("T1", "technical", T, D(60), D(60)),
                                 ScoringCriterion("C1", "commercial", C, D(10), D(10))))


DUPLICATES: list[tuple[str, Any]] = [
    ("bid id", lambda: check_compliance([OpenedBid("B", "S1", D(1)), OpenedBid("B", "S2", D(2))],
                                        ceiling_price=None)),
    ("bidder", lambda: related_bidders([BidderFacts("S", "甲"), BidderFacts("S", "乙")])),
    ("expert id", lambda: draw_committee([Expert("E", "a", frozenset({"x"}))] * 2, category="x",
                                         bidders=[], drafter_id="D", representatives=[], seed=b"s")),
    ("representative id", lambda: draw_committee(
        [], category="x", bidders=[], drafter_id="D", seed=b"s",
        representatives=[BuyerRepresentative("R", "a"), BuyerRepresentative("R", "b")])),
    ("bidder id", lambda: draw_committee([], category="x", bidders=[Bidder("S"), Bidder("S")],
                                         drafter_id="D", representatives=[], seed=b"s")),
    ("quoting supplier", lambda: decide_inquiry([Quote("S", D(1)), Quote("S", D(2))],
                                                conducted_by=["a", "b"], signed_by=["a", "b"],
                                                record_hash="h")),
    ("candidate", lambda: decide_award(["B", "B"])),
    ("bid id", lambda: rank_lot("L", [Contender("B", "h1", total_score=D(1)),
                                      Contender("B", "h2", total_score=D(2))],
                                opening_record_hash=OPENING, method=AwardMethod.COMPREHENSIVE)),
    ("bid content hash", lambda: rank_lot("L", [Contender("B1", "h", total_score=D(1)),
                                                Contender("B2", "h", total_score=D(2))],
                                          opening_record_hash=OPENING,
                                          method=AwardMethod.COMPREHENSIVE)),
    ("criterion id", lambda: ScoringScheme(D(30), (ScoringCriterion("T", "a", T, D(35), D(35)),
                                                   ScoringCriterion("T", "b", T, D(35), D(35))))),
    ("member score sheet", lambda: evaluate(_scheme(), [ScoreSheet("M"), ScoreSheet("M")],
                                            committee_member_ids=["M"], price_scores={})),
]


@pytest.mark.parametrize("what,call", DUPLICATES, ids=[w for w, _ in DUPLICATES])
def test_every_rule_refuses_duplicate_ids_saying_which_kind(what: str, call: Any) -> None:
    error = refusal(ValidationError, call)
    assert error.code == "evaluation.duplicate_id"
    assert error.details["what"] == what


# --- amounts are read field by field ---------------------------------------------------------

def _float_field(call: Any) -> tuple[str, str]:
    error = refusal(ValidationError, call)
    return error.code, error.details["field"]


FLOAT_FIELDS: list[tuple[str, Any]] = [
    ("price", lambda: check_bid(OpenedBid("B", "S", 1.5), ceiling_price=None)),  # type: ignore[arg-type]
    ("security_paid", lambda: check_bid(OpenedBid("B", "S", D(1), security_paid=0.5),  # type: ignore[arg-type]
                                        ceiling_price=None)),
    ("security_required", lambda: check_bid(OpenedBid("B", "S", D(1)), ceiling_price=None,
                                            security_required=0.5)),  # type: ignore[arg-type]
    ("ceiling_price", lambda: check_bid(OpenedBid("B", "S", D(1)), ceiling_price=9.5)),  # type: ignore[arg-type]
    ("quote of S2", lambda: decide_inquiry(
        [Quote("S1", D(1)), Quote("S2", 2.5), Quote("S3", D(3))],  # type: ignore[arg-type]
        conducted_by=["a", "b"], signed_by=["a", "b"], record_hash="h")),
    ("price of B2", lambda: find_abnormally_low({"B1": D(1), "B2": 2.5})),  # type: ignore[dict-item]
    ("price of B2", lambda: price_scores({"B1": D(1), "B2": 2.5},  # type: ignore[dict-item]
                                         PriceScoreFormula(D(30)))),
    ("price", lambda: evaluated_price(1.5)),  # type: ignore[arg-type]
    ("amount", lambda: award_notice(tender_ref="R", tender_title="T", lot_name=None, supplier_name="S",
                                    amount=1.5, contract_deadline_at=datetime(2026, 5, 1, tzinfo=UTC))),  # type: ignore[arg-type]
    ("adjustment adj.missing_item", lambda: evaluated_price(
        D(1), [Adjustment(0.5, Reason("adj.missing_item", "m", "缺项"))])),  # type: ignore[arg-type]
]


@pytest.mark.parametrize("field,call", FLOAT_FIELDS, ids=[f for f, _ in FLOAT_FIELDS])
def test_a_float_amount_is_refused_naming_its_field(field: str, call: Any) -> None:
    assert _float_field(call) == ("money.float", field)


NUMBER_FIELDS: list[tuple[str, Any]] = [
    ("full_marks", lambda: PriceScoreFormula(30.0)),  # type: ignore[arg-type]
    ("discount_percent", lambda: PriceScoreFormula(D(30), discount_percent=5.0)),  # type: ignore[arg-type]
    ("deduct_above_per_point", lambda: PriceScoreFormula(D(30), deduct_above_per_point=1.0)),  # type: ignore[arg-type]
    ("deduct_below_per_point", lambda: PriceScoreFormula(D(30), deduct_below_per_point=0.5)),  # type: ignore[arg-type]
    ("abnormally_low_vs_mean_percent", lambda: find_abnormally_low(
        {"B1": D(1)}, RulesProfile.model_construct(abnormally_low_vs_mean_percent=40.0))),
    ("abnormally_low_vs_next_percent", lambda: find_abnormally_low(
        {"B1": D(1)}, RulesProfile.model_construct(abnormally_low_vs_next_percent=30.0))),
    ("total score of P", lambda: rank_lot("L", [Contender("P", "h", total_score=80.5)],  # type: ignore[arg-type]
                                          opening_record_hash=OPENING,
                                          method=AwardMethod.COMPREHENSIVE)),
    ("evaluated price of P", lambda: rank_lot("L", [Contender("P", "h", evaluated_price=80.5)],  # type: ignore[arg-type]
                                              opening_record_hash=OPENING,
                                              method=AwardMethod.LOWEST_EVALUATED_PRICE)),
    ("technical score of P", lambda: rank_lot(
        "L", [Contender("P", "h", total_score=D(80), technical_score=40.5)],  # type: ignore[arg-type]
        opening_record_hash=OPENING, method=AwardMethod.COMPREHENSIVE)),
    ("price_weight", lambda: ScoringScheme(30.0, ())),  # type: ignore[arg-type]
    ("weight of T1", lambda: ScoringScheme(D(30), (ScoringCriterion("T1", "t", T, 70.0, D(70)),))),  # type: ignore[arg-type]
    ("max points of T1", lambda: ScoringScheme(D(30), (ScoringCriterion("T1", "t", T, D(70), 70.0),))),  # type: ignore[arg-type]
    ("M1/B1/T1", lambda: validate_sheet(ScoreSheet("M1", {"B1": {"T1": 1.5, "C1": D(1)}}),  # type: ignore[dict-item]
                                        _scheme(), ["B1"])),
    ("price score of B1", lambda: evaluate(
        _scheme(), [ScoreSheet("M1", {"B1": {"T1": D(1), "C1": D(1)}})],
        committee_member_ids=["M1"], price_scores={"B1": 20.5})),  # type: ignore[dict-item]
    ("percent_of_max", lambda: _outliers_with(percent_of_max=20.0)),
    ("M2/B1/C1", lambda: _outliers_with(points=1.5)),
    ("min_points", lambda: _outliers_with(min_points=1.0)),
]


def _outliers_with(points: object = D(5), **rule: Any) -> object:
    from zhaocai.bidding.rules import OutlierRule, find_outliers
    sheets = [ScoreSheet("M1", {"B1": {"T1": D(30), "C1": D(5)}}),
              ScoreSheet("M2", {"B1": {"T1": D(30), "C1": points}})]  # type: ignore[dict-item]
    return find_outliers(sheets, _scheme(), ["B1"], OutlierRule(**rule))


@pytest.mark.parametrize("field,call", NUMBER_FIELDS, ids=[f for f, _ in NUMBER_FIELDS])
def test_a_float_setting_or_score_is_refused_naming_its_field(field: str, call: Any) -> None:
    assert _float_field(call) == ("evaluation.float", field)


# --- compliance and abnormal bids --------------------------------------------------------------

def test_a_compliance_result_keeps_the_bid_and_supplier() -> None:
    result = check_bid(OpenedBid("B7", "S7", D("0")), ceiling_price=None)
    assert (result.bid_id, result.supplier_id, result.price) == ("B7", "S7", D("0.00"))
    (reason,) = result.reasons
    assert reason.code == "compliance.price_not_positive"
    assert "0" in reason.en and "0" in reason.zh


def test_a_non_positive_price_is_refused_by_the_abnormal_rule_naming_the_bid() -> None:
    error = refusal(ValidationError, find_abnormally_low, {"B1": D(100), "B2": D(0)})
    assert (error.code, error.details) == ("abnormal.price_not_positive", {"bid_id": "B2"})
    assert "B2" in error.message_en and "B2" in error.message_zh


def _flagged() -> tuple[list[ComplianceResult], Any]:
    prices = {"B1": D(50), "B2": D(100), "B3": D(105)}
    results = [ComplianceResult(b, f"S-{b}", p, ()) for b, p in prices.items()]
    return results, find_abnormally_low(prices)


def test_a_decision_missing_or_not_asked_for_is_refused_naming_the_bids() -> None:
    results, flags = _flagged()
    assert [f.bid_id for f in flags] == ["B1"]
    assert flags[0].reason.code == "abnormal.low_price"
    error = refusal(RuleViolation, apply_decisions, results, flags, {})
    assert (error.code, error.details) == ("abnormal.decision_missing", {"bid_ids": ["B1"]})
    decisions = {"B1": AbnormalDecision.EXPLANATION_ACCEPTED, "B3": AbnormalDecision.NO_EXPLANATION,
                 "B2": AbnormalDecision.NO_EXPLANATION}
    error = refusal(ValidationError, apply_decisions, results, flags, decisions)
    assert (error.code, error.details) == ("abnormal.not_flagged", {"bid_ids": ["B2", "B3"]})


@pytest.mark.parametrize("decision,code", [
    (AbnormalDecision.NO_EXPLANATION, "abnormal.no_explanation"),
    (AbnormalDecision.REJECTED_BELOW_COST, "abnormal.rejected_below_cost"),
])
def test_a_rejected_flagged_bid_gets_the_decision_as_its_reason(decision: AbnormalDecision, code: str) -> None:
    results, flags = _flagged()
    out = apply_decisions(results, flags, {"B1": decision})
    assert [[r.code for r in o.reasons] for o in out] == [[code], [], []]


# --- committee -------------------------------------------------------------------------------

@pytest.mark.parametrize("size,reps,code,details", [
    (3, 1, "committee.too_small", {"size": 3, "min_size": 5}),
    (6, 1, "committee.even_size", {"size": 6}),
    (5, -1, "committee.bad_representatives", {"representatives": -1}),
    (5, 2, "committee.expert_share", {"size": 5, "experts": 3, "representatives": 2, "num": 2, "den": 3}),
])
def test_each_bad_composition_names_the_numbers(size: int, reps: int, code: str, details: dict[str, int]) -> None:
    error = refusal(RuleViolation, validate_composition, size, reps)
    assert (error.code, error.details) == (code, details)
    if reps >= 0:
        assert str(size) in error.message_en and str(size) in error.message_zh


def test_the_expert_share_refusal_says_how_many_representatives_may_sit() -> None:
    # Law 37: experts at least two thirds. Of 5 members at least ceil(10/3) = 4 are experts, so at
    # most 1 is the buyer's; of 7, at least 5 experts and at most 2 representatives.
    error = refusal(RuleViolation, validate_composition, 5, 2)
    assert "at most 1 buyer" in error.message_en and "至多 1 人" in error.message_zh
    error = refusal(RuleViolation, validate_composition, 7, 3)
    assert "at most 2 buyer" in error.message_en and "至多 2 人" in error.message_zh
    assert validate_composition(7, 2) == 5


def test_a_bad_expert_share_names_the_fraction() -> None:
    error = refusal(RuleViolation, validate_composition, 5, 1,
                    RulesProfile(committee_expert_share_num=4, committee_expert_share_den=3))
    assert (error.code, error.details) == ("committee.bad_share", {"num": 4, "den": 3})
    assert "4/3" in error.message_en


def _pool(n: int, **extra: Any) -> list[Expert]:
    return [Expert(f"E{i}", f"expert {i}", frozenset({"civil"}), **extra) for i in range(n)]


def test_the_draw_uses_the_profile_it_is_given() -> None:
    small = RulesProfile(committee_min_size=3)
    draw = draw_committee(_pool(3), category="civil", bidders=[], drafter_id="D",
                          representatives=[], seed=b"seed", profile=small)
    assert (draw.size, len(draw.members), draw.category) == (3, 3, "civil")


def test_a_representative_employed_by_a_bidder_cannot_sit() -> None:
    rep = BuyerRepresentative("R1", "rep", employer_id="S2")
    error = refusal(RuleViolation, draw_committee, _pool(5), category="civil",
                    bidders=[Bidder("S1"), Bidder("S2")], drafter_id="D", representatives=[rep],
                    seed=b"seed", size=5)
    assert (error.code, error.details) == ("committee.representative_interest",
                                           {"person_id": "R1", "reason": "recusal.employee",
                                            "bidder_id": "S2"})


def test_a_pool_too_small_says_how_many_were_found_and_recused() -> None:
    pool = [*_pool(4), Expert("E9", "related", frozenset({"civil"}), relatives_organisation_ids=frozenset({"S1"})),
            Expert("D", "drafter", frozenset({"civil"}))]
    error = refusal(RuleViolation, draw_committee, pool, category="civil", bidders=[Bidder("S1")],
                    drafter_id="D", representatives=[], seed=b"seed")
    assert (error.code, error.details) == ("committee.too_few_experts",
                                           {"category": "civil", "needed": 5, "found": 4, "recused": 2})


def test_recusals_name_the_drafter_and_the_relative() -> None:
    from zhaocai.bidding.rules import expert_interests
    drafter = Expert("D", "drafter", frozenset({"civil"}), relatives_organisation_ids=frozenset({"S2"}))
    found = expert_interests(drafter, [Bidder("S2"), Bidder("S1")], drafter_id="D")
    assert [(r.expert_id, r.reason.code, r.bidder_id) for r in found] == [
        ("D", "recusal.drafter", None), ("D", "recusal.relative", "S2")]
    assert "drafted" in found[0].reason.en and found[0].reason.zh
    assert "S2" in found[1].reason.en and "S2" in found[1].reason.zh


# --- inquiry ---------------------------------------------------------------------------------

def test_too_few_officers_names_who_did_both() -> None:
    error = refusal(RuleViolation, signing_officers, ["a", "b"], ["b", "c"])
    assert (error.code, error.details) == ("inquiry.too_few_officers", {"officers": ["b"], "needed": 2})


def _quotes(*prices: str) -> list[Quote]:
    return [Quote(f"S{i + 1}", D(p)) for i, p in enumerate(prices)]


def _inquiry(quotes: list[Quote], **kwargs: Any) -> Any:
    return decide_inquiry(quotes, conducted_by=["a", "b"], signed_by=["a", "b"], record_hash="h", **kwargs)


def test_an_inquiry_uses_the_profile_it_is_given() -> None:
    one = RulesProfile(inquiry_min_officers=1, inquiry_min_suppliers=2)
    result = decide_inquiry(_quotes("10", "9"), conducted_by=["a"], signed_by=["a"], record_hash="h",
                            profile=one)
    assert (result.winner_supplier_id, result.officers) == ("S2", ("a",))


def test_too_few_quotes_says_how_many() -> None:
    error = refusal(RuleViolation, _inquiry, _quotes("10", "9"))
    assert (error.code, error.details) == ("inquiry.too_few_quotes", {"quotes": 2, "needed": 3})


def test_a_quote_below_one_yuan_is_still_a_price() -> None:
    assert _inquiry(_quotes("10", "0.50", "9")).winner_supplier_id == "S2"


def test_no_compliant_quote_is_refused() -> None:
    quotes = [Quote("S1", D(0)), Quote("S2", D(5), compliant=False), Quote("S3", D(-1))]
    error = refusal(RuleViolation, _inquiry, quotes)
    assert error.code == "inquiry.no_compliant_quote"


@pytest.mark.parametrize("override,error_type,code,details", [
    (Override("S2", Reason("o", "o", "理由"), "p1"), RuleViolation, "inquiry.override_not_approved",
     {"supplier_id": "S2"}),
    (Override("S2", Reason("o", "o", "理由"), "p1", "p1"), PermissionDenied, "inquiry.self_approval",
     {"person": "p1"}),
    (Override("S9", Reason("o", "o", "理由"), "p1", "p2"), ValidationError,
     "inquiry.override_not_compliant", {"supplier_id": "S9"}),
])
def test_each_bad_override_is_refused(override: Override, error_type: type[ZhaocaiError], code: str,
                                      details: dict[str, str]) -> None:
    error = refusal(error_type, _inquiry, _quotes("10", "9", "11"), override=override)
    assert (error.code, error.details) == (code, details)


def test_an_approved_override_is_kept_on_the_result() -> None:
    override = Override("S1", Reason("o", "o", "理由"), "p1", "p2")
    result = _inquiry(_quotes("10", "9", "11"), override=override)
    assert (result.winner_supplier_id, result.lowest_supplier_id, result.override) == ("S1", "S2", override)


# --- award -----------------------------------------------------------------------------------

def test_no_candidates_and_unknown_candidates_are_refused() -> None:
    assert refusal(RuleViolation, decide_award, []).code == "award.no_candidates"
    error = refusal(ValidationError, decide_award, ["B1"], [Removal("B9", Reason("r", "r", "理由"), "p1", "p2")])
    assert (error.code, error.details) == ("award.not_a_candidate", {"bid_id": "B9"})


def test_a_removal_approved_by_its_author_is_refused_naming_both() -> None:
    removal = Removal("B1", Reason("r", "r", "理由"), "p1", "p1")
    error = refusal(PermissionDenied, decide_award, ["B1", "B2"], [removal])
    assert (error.code, error.details) == ("award.self_approval", {"bid_id": "B1", "person": "p1"})


# --- price score -----------------------------------------------------------------------------

def test_a_bad_formula_is_refused_with_all_its_numbers() -> None:
    error = refusal(ValidationError, PriceScoreFormula, D(0))
    assert (error.code, error.details) == ("price_score.bad_formula", {
        "full_marks": "0", "discount_percent": "0", "deduct_above_per_point": "1",
        "deduct_below_per_point": "0"})
    error = refusal(ValidationError, PriceScoreFormula, D(30), discount_percent=D(100))
    assert error.details["discount_percent"] == "100"


def test_no_valid_prices_cannot_be_scored() -> None:
    error = refusal(ValidationError, benchmark_price, [], PriceScoreFormula(D(30)))
    assert error.code == "price_score.no_valid_bids"


# --- ranking ---------------------------------------------------------------------------------

@pytest.mark.parametrize("method,contender,what", [
    (AwardMethod.COMPREHENSIVE, Contender("P", "h", evaluated_price=D(1)), "total score"),
    (AwardMethod.LOWEST_EVALUATED_PRICE, Contender("P", "h", total_score=D(1)), "evaluated price"),
])
def test_a_missing_ranking_value_names_the_bid_and_the_value(method: AwardMethod, contender: Contender,
                                                             what: str) -> None:
    error = refusal(ValidationError, rank_lot, "L", [contender], opening_record_hash=OPENING, method=method)
    assert (error.code, error.details) == ("ranking.missing_value", {"bid_id": "P", "what": what})
    assert "P" in error.message_en and what in error.message_en


def test_technical_scores_for_some_bids_only_are_refused() -> None:
    contenders = [Contender("P", "h1", total_score=D(80), technical_score=D(40)),
                  Contender("Q", "h2", total_score=D(80))]
    error = refusal(ValidationError, rank_lot, "L", contenders, opening_record_hash=OPENING,
                    method=AwardMethod.COMPREHENSIVE)
    assert error.code == "ranking.missing_value"


# --- scoring ---------------------------------------------------------------------------------

def test_bad_weights_are_refused() -> None:
    bad = [(D(-1), (ScoringCriterion("T1", "t", T, D(101), D(10)),)),
           (D(100), (ScoringCriterion("T1", "t", T, D(0), D(10)),)),
           (D(90), (ScoringCriterion("T1", "t", T, D(10), D(0)),))]
    for price_weight, criteria in bad:
        error = refusal(ValidationError, ScoringScheme, price_weight, criteria)
        assert (error.code, error.details) == ("scoring.bad_weight", {})
    error = refusal(ValidationError, ScoringScheme, D(30), (ScoringCriterion("T1", "t", T, D(60), D(60)),))
    assert (error.code, error.details) == ("scoring.weights_not_100", {"total": "90"})
    assert "90" in error.message_en and "90" in error.message_zh


@pytest.mark.parametrize("scores,code,details", [
    ({}, "scoring.incomplete", {"member_id": "M1"}),
    ({"B1": {"T1": D(1)}}, "scoring.incomplete", {"member_id": "M1", "bid_id": "B1"}),
    ({"B1": {"T1": D(61), "C1": D(1)}}, "scoring.out_of_range",
     {"member_id": "M1", "bid_id": "B1", "criterion_id": "T1"}),
    ({"B1": {"T1": D(1), "C1": D("-0.01")}}, "scoring.out_of_range",
     {"member_id": "M1", "bid_id": "B1", "criterion_id": "C1"}),
])
def test_a_bad_sheet_names_the_member_bid_and_criterion(scores: dict[str, dict[str, D]], code: str,
                                                        details: dict[str, str]) -> None:
    error = refusal(ValidationError, validate_sheet, ScoreSheet("M1", scores), _scheme(), ["B1"])
    assert (error.code, error.details) == (code, details)


def test_zero_points_and_full_points_are_in_range() -> None:
    validate_sheet(ScoreSheet("M1", {"B1": {"T1": D(0), "C1": D(10)}}), _scheme(), ["B1"])
    validate_sheet(ScoreSheet("M1", {"B1": {"T1": D("0.5"), "C1": D(0)}}), _scheme(), ["B1"])


def test_sheets_from_strangers_are_refused_naming_them() -> None:
    sheets = [ScoreSheet(m, {"B1": {"T1": D(1), "C1": D(1)}}) for m in ("M1", "X2", "X1")]
    error = refusal(ValidationError, evaluate, _scheme(), sheets, committee_member_ids=["M1"],
                    price_scores={"B1": D(10)})
    assert (error.code, error.details) == ("scoring.not_a_member", {"member_ids": ["X1", "X2"]})
    assert "X1, X2" in error.message_en


@pytest.mark.parametrize("price_score", [D("-0.01"), D("30.01")])
def test_a_price_score_outside_the_price_weight_is_refused(price_score: D) -> None:
    sheets = [ScoreSheet("M1", {"B1": {"T1": D(1), "C1": D(1)}})]
    error = refusal(ValidationError, evaluate, _scheme(), sheets, committee_member_ids=["M1"],
                    price_scores={"B1": price_score})
    assert (error.code, error.details) == ("scoring.price_score_out_of_range", {"bid_id": "B1"})
