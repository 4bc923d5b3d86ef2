"""Comprehensive scoring: trimmed mean, weights, totals, outliers, sealed scores."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from zhaocai.bidding.rules import (
    CriterionKind,
    OutlierRule,
    ScoreSheet,
    ScoringCriterion,
    ScoringScheme,
    committee_points,
    evaluate,
    scores_visible,
)
from zhaocai.errors import RuleViolation, ValidationError

T, C = CriterionKind.TECHNICAL, CriterionKind.COMMERCIAL

# price 30 + T1 40 + T2 10 + C1 20 = 100; C1 is scored out of 10 and counts double
SCHEME = ScoringScheme(D(30), (
    ScoringCriterion("T1", "施工方案 method statement", T, D(40), D(40)),
    ScoringCriterion("T2", "工期 schedule", T, D(10), D(10)),
    ScoringCriterion("C1", "业绩 references", C, D(20), D(10)),
))
MEMBERS = ["m1", "m2", "m3", "m4", "m5"]
# bid X: points per member for T1, T2, C1
X = {"m1": (30, 8, 9), "m2": (32, 8, 8), "m3": (35, 9, 8), "m4": (36, 7, 10), "m5": (20, 6, 8)}
PRICE_SCORES = {"X": D("27.85"), "Y": D("24.74")}


def _sheets(members: list[str] = MEMBERS) -> list[ScoreSheet]:
    return [ScoreSheet(m, {
        "X": {"T1": D(X[m][0]), "T2": D(X[m][1]), "C1": D(X[m][2])},
        "Y": {"T1": D(30), "T2": D(7), "C1": D(8)},
    }) for m in members]


def test_weights_must_sum_to_100() -> None:
    with pytest.raises(ValidationError) as info:
        ScoringScheme(D(30), (ScoringCriterion("T1", "t", T, D(60), D(60)),))
    assert info.value.code == "scoring.weights_not_100"


def test_trimmed_mean_with_five_members() -> None:
    result = evaluate(SCHEME, _sheets(), committee_member_ids=MEMBERS, price_scores=PRICE_SCORES)
    x = result.by_bid()["X"]
    parts = {p.criterion_id: p for p in x.criteria}
    # T1: 20 30 32 35 36 → drop 20 and 36 → (30 + 32 + 35) / 3 = 32.333… × 40/40 → 32.33
    assert parts["T1"].trimmed and parts["T1"].score == D("32.33")
    # T2: 6 7 8 8 9 → drop 6 and 9 → (7 + 8 + 8) / 3 = 7.666… → 7.67
    assert parts["T2"].score == D("7.67")
    # C1: 8 8 8 9 10 → drop 8 and 10 → (8 + 8 + 9) / 3 = 8.333… × 20/10 = 16.666… → 16.67
    assert round(parts["C1"].committee_points, 4) == D("8.3333")
    assert parts["C1"].score == D("16.67")
    # technical 32.33 + 7.67 = 40.00; commercial 16.67; total 27.85 + 40.00 + 16.67 = 84.52
    assert (x.technical_score, x.commercial_score, x.total) == (D("40.00"), D("16.67"), D("84.52"))
    # Y: all members 30, 7, 8 → 30.00 + 7.00 + 16.00 + price 24.74 = 77.74
    assert result.by_bid()["Y"].total == D("77.74")


def test_plain_mean_below_the_trimming_threshold() -> None:
    # three members: T1 30, 32, 35 → 97 / 3 = 32.33 (no trimming)
    three = MEMBERS[:3]
    x = evaluate(SCHEME, _sheets(three), committee_member_ids=three,
                 price_scores=PRICE_SCORES).by_bid()["X"]
    t1 = next(p for p in x.criteria if p.criterion_id == "T1")
    assert not t1.trimmed and t1.score == D("32.33")
    assert committee_points([D(1), D(2), D(6)], 5) == (D(3), False)
    assert committee_points([D(1), D(2), D(3), D(4), D(100)], 5) == (D(3), True)


def test_outliers() -> None:
    result = evaluate(SCHEME, _sheets(), committee_member_ids=MEMBERS, price_scores=PRICE_SCORES)
    found = {(o.member_id, o.bid_id, o.criterion_id) for o in result.outliers}
    # m5 T1 20 vs mean of the others (30+32+35+36)/4 = 33.25 → 13.25 > 20 % × 40 = 8 → flagged
    # m5 T2 6 vs (8+8+9+7)/4 = 8 → 2, not greater than 20 % × 10 = 2 → not flagged
    # weighted totals m1..m5 = 56, 56, 60, 63, 42; m5 vs (56+56+60+63)/4 = 58.75 → 16.75 > 20 % × 70 = 14
    assert found == {("m5", "X", "T1"), ("m5", "X", None)}
    t1 = next(o for o in result.outliers if o.criterion_id == "T1")
    assert (t1.others_mean, t1.deviation, t1.threshold) == (D("33.25"), D("13.25"), D(8))
    # a higher floor silences the criterion flag: max(8, 15) = 15 ≥ 13.25; total: max(14, 15) = 15 < 16.75
    strict = evaluate(SCHEME, _sheets(), committee_member_ids=MEMBERS, price_scores=PRICE_SCORES,
                      outlier_rule=OutlierRule(D(20), D(15)))
    assert {(o.member_id, o.criterion_id) for o in strict.outliers} == {("m5", None)}


def test_sealed_until_everyone_submitted() -> None:
    assert not scores_visible(["m1", "m2"], MEMBERS)
    assert scores_visible(MEMBERS, list(reversed(MEMBERS)))
    assert not scores_visible([], [])
    with pytest.raises(RuleViolation) as info:
        evaluate(SCHEME, _sheets(MEMBERS[:4]), committee_member_ids=MEMBERS, price_scores=PRICE_SCORES)
    assert info.value.code == "scoring.not_all_submitted"
    assert info.value.details["waiting"] == ["m5"]


def test_incomplete_or_out_of_range_sheets_are_refused() -> None:
    sheets = _sheets()
    del sheets[0].scores["X"]["T2"]  # type: ignore[attr-defined]
    with pytest.raises(ValidationError) as info:
        evaluate(SCHEME, sheets, committee_member_ids=MEMBERS, price_scores=PRICE_SCORES)
    assert info.value.code == "scoring.incomplete"
    sheets = _sheets()
    sheets[1].scores["Y"]["C1"] = D(11)  # type: ignore[index]
    with pytest.raises(ValidationError) as info:
        evaluate(SCHEME, sheets, committee_member_ids=MEMBERS, price_scores=PRICE_SCORES)
    assert info.value.code == "scoring.out_of_range"
    sheets = _sheets()
    sheets[2].scores["Y"]["C1"] = 8.5  # type: ignore[index]
    with pytest.raises(ValidationError) as info:
        evaluate(SCHEME, sheets, committee_member_ids=MEMBERS, price_scores=PRICE_SCORES)
    assert info.value.code == "evaluation.float"


def test_sheet_from_a_non_member_is_refused() -> None:
    sheets = [*_sheets(), ScoreSheet("intruder", _sheets()[0].scores)]
    with pytest.raises(ValidationError) as info:
        evaluate(SCHEME, sheets, committee_member_ids=MEMBERS, price_scores=PRICE_SCORES)
    assert info.value.code == "scoring.not_a_member"
