"""The supplier register's pure rules, pinned value by value (no store): grades, qualification
gaps, admission reviews, scorecard settings and bands, periods, and the normalisation of facts."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal as D

import pytest
from pydantic import ValidationError as PydanticError

from zhaocai.categories import Category
from zhaocai.suppliers.admission_rules import ReviewFact, failed_reviews, inspection_needed, missing_reviews
from zhaocai.suppliers.rules import (
    DEFAULT_POLICIES,
    GRADE_RANK,
    UNGRADED_RANK,
    Department,
    HeldQualification,
    PeriodKind,
    QualificationRequirement,
    ScorecardCriterion,
    SupplierSettings,
    criterion_score,
    grade_for,
    grade_rank,
    normalise_account,
    normalise_address,
    normalise_email,
    normalise_identity,
    normalise_phone,
    period_bounds,
    previous_period,
    qualification_gaps,
    total_centi,
)

AT = datetime(2026, 3, 2, 1, 0, tzinfo=UTC)
DAY = timedelta(days=1)


def held(type: str = "construction_enterprise_qualification", grade: str = "二级", number: str = "Q-1",
         start: datetime = AT - 30 * DAY, end: datetime = AT + 30 * DAY) -> HeldQualification:
    return HeldQualification(type, grade, number, start, end)


SPECIALIST_GRADE = QualificationRequirement(type="construction_enterprise_qualification",
                                            min_grade="二级", label_zh="建筑业企业资质")


def test_the_grade_table_is_the_published_order() -> None:
    # 特级 > 甲级 = 一级 > 乙级 = 二级 > 丙级 = 三级 > 四级 (资质等级, lower rank is better)
    assert GRADE_RANK == {"特级": 0, "甲级": 1, "一级": 1, "乙级": 2, "二级": 2, "丙级": 3, "三级": 3,
                          "四级": 4}
    assert grade_rank(" 二级 ") == 2 and grade_rank("三级") == 3
    assert grade_rank(None) == grade_rank("") == grade_rank("五级") == UNGRADED_RANK == 99


@pytest.mark.parametrize("grade,admitted", [("特级", True), ("一级", True), ("甲级", True), ("二级", True),
                                            ("乙级", True), ("三级", False), ("丙级", False),
                                            ("四级", False), ("无", False)])
def test_an_under_graded_supplier_is_not_admitted(grade: str, admitted: bool) -> None:
    gaps = qualification_gaps(Category.SPECIALIST, [SPECIALIST_GRADE], [held(grade=grade)], AT)
    assert (gaps == []) is admitted
    if not admitted:
        (gap,) = gaps
        assert (gap.problem, gap.min_grade, gap.found) == ("missing", "二级", {"grades_held": [grade]})
        assert gap.category is Category.SPECIALIST and gap.type == SPECIALIST_GRADE.type
        assert "二级及以上的建筑业企业资质" in gap.detail_zh and grade in gap.detail_en


def test_the_specialist_policy_needs_grade_two() -> None:
    (req,) = [r for r in DEFAULT_POLICIES[Category.SPECIALIST] if r.min_grade]
    assert (req.type, req.min_grade) == ("construction_enterprise_qualification", "二级")
    with pytest.raises(PydanticError):
        QualificationRequirement(type="x", min_grade="五级")


def test_validity_is_half_open() -> None:
    ok = qualification_gaps(Category.SPECIALIST, [SPECIALIST_GRADE], [held(start=AT, end=AT + DAY)], AT)
    assert ok == []
    (expired,) = qualification_gaps(Category.SPECIALIST, [SPECIALIST_GRADE],
                                    [held(number="old", start=AT - 9 * DAY, end=AT - 5 * DAY),
                                     held(number="last", start=AT - 5 * DAY, end=AT)], AT)
    assert (expired.problem, expired.found) == ("expired", {"number": "last", "valid_until": AT.isoformat()})
    assert "last" in expired.detail_en and "已于" in expired.detail_zh
    (future,) = qualification_gaps(Category.SPECIALIST, [SPECIALIST_GRADE],
                                   [held(number="late", start=AT + 2 * DAY),
                                    held(number="soon", start=AT + DAY)], AT)
    assert (future.problem, future.found) == ("missing", {"number": "soon",
                                                          "valid_from": (AT + DAY).isoformat()})
    assert "起才有效" in future.detail_zh


def test_a_missing_qualification_says_which() -> None:
    (gap,) = qualification_gaps(Category.SPECIALIST, [SPECIALIST_GRADE], [held(type="other")], AT)
    assert (gap.problem, gap.found) == ("missing", {})
    assert gap.detail_en == "construction_enterprise_qualification (grade 二级 or better) is required"
    assert gap.detail_zh == "缺少建筑业企业资质（二级及以上）"
    plain = QualificationRequirement(type="business_licence")
    (gap,) = qualification_gaps(Category.SERVICES, [plain], [], AT)
    assert (gap.detail_en, gap.detail_zh) == ("business_licence is required", "缺少business_licence")


def test_inspection_threshold_is_inclusive() -> None:
    assert inspection_needed(D(100), D(100)) and inspection_needed(D(101), D(100))
    assert not inspection_needed(D("99.99"), D(100))


def test_reviews() -> None:
    reviews = [ReviewFact(Department.PURCHASING, "p", True), ReviewFact(Department.QUALITY, "q", False)]
    assert missing_reviews(reviews) == [Department.QUALITY, Department.TECHNICAL]
    assert failed_reviews(reviews) == [Department.QUALITY]
    assert missing_reviews([ReviewFact(d, "x", True) for d in Department]) == []


def test_settings_are_consistent() -> None:
    s = SupplierSettings()
    assert (s.grade_a, s.grade_b, s.grade_c, s.min_inspectors, s.default_ban_days) == (90, 75, 60, 2, 1095)
    assert sum(s.weights.values()) == 100
    bad = [{"weights": {**s.weights, ScorecardCriterion.SAFETY: 21}},
           {"weights": {**s.weights, ScorecardCriterion.SAFETY: -1, ScorecardCriterion.SERVICE: 31}},
           {"weights": {c: w for c, w in s.weights.items() if c is not ScorecardCriterion.SERVICE}},
           {"deductions": {**s.deductions, "bribery": -1}},
           {"deductions": {k: v for k, v in s.deductions.items() if k != "bribery"}},
           {"grade_b": 91}, {"grade_c": 76}]
    for change in bad:
        with pytest.raises(PydanticError):
            SupplierSettings(**change)
    assert SupplierSettings(grade_a=80, grade_b=80, grade_c=80).grade_b == 80


def test_scores_and_bands() -> None:
    assert [criterion_score(d) for d in (0, 1, 99, 100, 101)] == [100, 99, 1, 0, 0]
    s = SupplierSettings()
    scores = {ScorecardCriterion.DELIVERY: 100, ScorecardCriterion.QUALITY: 50, ScorecardCriterion.SAFETY: 0,
              ScorecardCriterion.SERVICE: 10, ScorecardCriterion.COMPLIANCE: 1}
    assert total_centi(scores, s.weights) == 3000 + 1500 + 0 + 100 + 10
    assert [grade_for(D(v), s) for v in ("100", "90", "89.99", "75", "74.99", "60", "59.99", "0")] == [
        "A", "A", "B", "B", "C", "C", "D", "D"]


def test_periods_follow_the_shanghai_calendar() -> None:
    assert period_bounds(PeriodKind.MONTH, "2026-03") == (datetime(2026, 2, 28, 16, tzinfo=UTC),
                                                          datetime(2026, 3, 31, 16, tzinfo=UTC))
    assert period_bounds("month", "2026-12") == (datetime(2026, 11, 30, 16, tzinfo=UTC),
                                                 datetime(2026, 12, 31, 16, tzinfo=UTC))
    assert period_bounds(PeriodKind.QUARTER, "2026-Q4") == (datetime(2026, 9, 30, 16, tzinfo=UTC),
                                                            datetime(2026, 12, 31, 16, tzinfo=UTC))
    assert period_bounds(PeriodKind.QUARTER, "2026-Q1")[1] == datetime(2026, 3, 31, 16, tzinfo=UTC)
    for kind, label in [("month", "2026-13"), ("month", "2026-00"), ("month", "2026-3"),
                        ("quarter", "2026-Q5"), ("quarter", "2026-03")]:
        with pytest.raises(ValueError):
            period_bounds(PeriodKind(kind), label)
    assert [previous_period(PeriodKind.MONTH, p) for p in ("2026-01", "2026-03", "2026-11")] == [
        "2025-12", "2026-02", "2026-10"]
    assert [previous_period(PeriodKind.QUARTER, p) for p in ("2026-Q1", "2026-Q3")] == ["2025-Q4", "2026-Q2"]


def test_normalised_facts() -> None:
    assert normalise_phone("+86 138-0013-8000") == "13800138000"
    assert normalise_phone("８６13800138000") == "13800138000"  # full-width digits
    assert normalise_phone("0579-8512 3456") == "057985123456"
    assert normalise_phone("8613800138") == "8613800138"  # 10 digits: no country code to drop
    assert normalise_phone("861380013800") == "861380013800"  # 12 digits: kept
    assert normalise_phone("12 86 1380013800") == "12861380013800"  # 86 inside: kept
    assert normalise_email("  Zhang.San@Example.COM ") == "zhang.san@example.com"
    assert normalise_address("浙江省 义乌市，稠城街道 No. 1_Road") == "浙江省义乌市稠城街道no1road"
    assert normalise_account(" 6222-0212_0001 abc ") == "622202120001ABC"
    assert normalise_identity(" 33078219900101123x ") == "33078219900101123X"
