"""The supplier scorecard as the register publishes it: each event deducts its kind's points per
level of severity from its own criterion, a criterion scores 100 less its deductions within
0–100, a D suspends and a second C in a row warns; periods are whole Shanghai months or quarters;
every unmet requirement of a category is reported, each with what it requires."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from zhaocai.categories import Category
from zhaocai.suppliers.rules import (
    DEFAULT_DEDUCTIONS,
    EventKind,
    HeldQualification,
    PeriodKind,
    QualificationGap,
    QualificationRequirement,
    ScorecardCriterion,
    SupplierSettings,
    criterion_scores,
    deduction,
    grade_consequence,
    period_bounds,
)

AT = datetime(2026, 3, 2, 1, 0, tzinfo=UTC)
DAY = timedelta(days=1)


def test_an_event_deducts_its_kinds_points_per_level_of_severity() -> None:
    settings = SupplierSettings()
    assert deduction(EventKind.LATE_DELIVERY, 3, settings) == 15  # 5 points × severity 3
    assert deduction(EventKind.QUALITY_DEFECT, 1, settings) == DEFAULT_DEDUCTIONS[EventKind.QUALITY_DEFECT] == 6
    assert deduction(EventKind.ON_TIME_DELIVERY, 5, settings) == 0


def test_criterion_scores_add_the_deductions_of_each_criterion() -> None:
    settings = SupplierSettings()
    events = [(EventKind.LATE_DELIVERY, 2), (EventKind.LATE_DELIVERY, 1), (EventKind.SAFETY_INCIDENT, 3),
              (EventKind.SERVICE_COMPLAINT, 5), (EventKind.SERVICE_COMPLAINT, 5),
              (EventKind.SERVICE_COMPLAINT, 5), (EventKind.ON_TIME_DELIVERY, 1)]
    assert criterion_scores(events, settings) == {
        ScorecardCriterion.DELIVERY: 85,  # 100 − 5 × 2 − 5 × 1
        ScorecardCriterion.QUALITY: 100,
        ScorecardCriterion.SAFETY: 70,  # 100 − 10 × 3
        ScorecardCriterion.SERVICE: 40,  # 100 − 3 × 4 × 5
        ScorecardCriterion.COMPLIANCE: 100,
    }
    assert criterion_scores([(EventKind.BRIBERY, 1), (EventKind.COMPLIANCE_BREACH, 1)], settings)[
        ScorecardCriterion.COMPLIANCE] == 0
    assert criterion_scores([], settings) == dict.fromkeys(ScorecardCriterion, 100)


@pytest.mark.parametrize("grade,previous,event", [
    ("D", None, "suspend"), ("D", "C", "suspend"), ("D", "A", "suspend"),
    ("C", "C", "warn"), ("C", None, None), ("C", "B", None), ("C", "D", None),
    ("B", "C", None), ("A", "C", None), ("A", "A", None),
])
def test_a_d_suspends_and_a_second_c_in_a_row_warns(grade: str, previous: str | None,
                                                   event: str | None) -> None:
    assert grade_consequence(grade, previous) == event


def test_january_and_november_are_months_too() -> None:
    assert period_bounds(PeriodKind.MONTH, "2026-01") == (datetime(2025, 12, 31, 16, tzinfo=UTC),
                                                          datetime(2026, 1, 31, 16, tzinfo=UTC))
    assert period_bounds(PeriodKind.MONTH, "2026-11") == (datetime(2026, 10, 31, 16, tzinfo=UTC),
                                                          datetime(2026, 11, 30, 16, tzinfo=UTC))
    start, end = period_bounds(PeriodKind.QUARTER, "2026-Q3")
    assert (start, end) == (datetime(2026, 6, 30, 16, tzinfo=UTC), datetime(2026, 9, 30, 16, tzinfo=UTC))
    assert start.tzinfo is UTC and end.tzinfo is UTC


@pytest.mark.parametrize("kind,label,shape", [
    (PeriodKind.MONTH, "2026-13", "2026-03"), (PeriodKind.MONTH, "2026-00", "2026-03"),
    (PeriodKind.QUARTER, "2026-Q0", "2026-Q1"),
])
def test_a_bad_period_label_says_the_shape_expected(kind: PeriodKind, label: str, shape: str) -> None:
    with pytest.raises(ValueError, match=f"must look like {shape}, not '{label}'"):
        period_bounds(kind, label)


def _held(type: str, grade: str = "", number: str = "N-1", start: datetime = AT - 30 * DAY,
          end: datetime = AT + 30 * DAY) -> HeldQualification:
    return HeldQualification(type, grade, number, start, end)


def test_every_unmet_requirement_is_reported_with_what_it_requires() -> None:
    requirements = [QualificationRequirement(type="business_licence", label_zh="营业执照"),
                    QualificationRequirement(type="grade", label_zh="资质", min_grade="二级"),
                    QualificationRequirement(type="expired", label_zh="证书", min_grade="三级"),
                    QualificationRequirement(type="future", label_zh="许可", min_grade="一级"),
                    QualificationRequirement(type="absent", label_zh="缺失", min_grade="乙级")]
    held = [_held("business_licence"), _held("grade", "三级"),
            _held("expired", "二级", "E-1", AT - 60 * DAY, AT - DAY),
            _held("future", "特级", "F-1", AT + DAY, AT + 60 * DAY)]
    gaps = qualification_gaps_of(requirements, held)
    assert [(g.category, g.type, g.problem, g.min_grade) for g in gaps] == [
        (Category.SPECIALIST, "grade", "missing", "二级"),
        (Category.SPECIALIST, "expired", "expired", "三级"),
        (Category.SPECIALIST, "future", "missing", "一级"),
        (Category.SPECIALIST, "absent", "missing", "乙级"),
    ]
    assert [g.found for g in gaps] == [
        {"grades_held": ["三级"]}, {"number": "E-1", "valid_until": (AT - DAY).isoformat()},
        {"number": "F-1", "valid_from": (AT + DAY).isoformat()}, {}]


def qualification_gaps_of(requirements: list[QualificationRequirement],
                          held: list[HeldQualification]) -> list[QualificationGap]:
    from zhaocai.suppliers.rules import qualification_gaps
    return qualification_gaps(Category.SPECIALIST, requirements, held, AT)
