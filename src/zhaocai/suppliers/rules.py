"""Pure rules of the supplier register: plain functions over plain values, no database, no clock.

Qualification checks, admission blockers, eligibility reasons, period bounds, grades, and the
normalisation of the facts used to find related parties.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, model_validator

from zhaocai.categories import Category
from zhaocai.clock import SHANGHAI
from zhaocai.profile import DEFAULT_PROFILE


class AdmissionState(StrEnum):
    """Where an application stands (准入)."""

    APPLIED = "applied"
    UNDER_REVIEW = "under_review"
    SITE_INSPECTION = "site_inspection"
    ADMITTED = "admitted"
    REJECTED = "rejected"


class Standing(StrEnum):
    """How an admitted supplier stands (动态管理)."""

    ACTIVE = "active"
    WARNED = "warned"  # 黄牌
    SUSPENDED = "suspended"  # 红牌
    BLACKLISTED = "blacklisted"  # 清退
    REAPPLY_ELIGIBLE = "reapply_eligible"  # ban over: may apply again
    EXITED = "exited"  # voluntary exit


class Department(StrEnum):
    """The three departments of 三三二 that review every application."""

    PURCHASING = "purchasing"
    QUALITY = "quality"
    TECHNICAL = "technical"

    @property
    def label_zh(self) -> str:
        """The department's Chinese name (采购, 质量, 技术), as messages show it."""
        return {"purchasing": "采购", "quality": "质量", "technical": "技术"}[self.value]


ATTRIBUTE_ZH = {"phone": "电话", "email": "电子邮箱", "address": "地址", "bank_account": "银行账户",
                "legal_representative": "法定代表人", "person": "相关人员"}
"""The Chinese names of the facts two suppliers may share (admission screening, related parties)."""


class PersonRole(StrEnum):
    """A person's relation to a supplier."""

    LEGAL_REPRESENTATIVE = "legal_representative"
    OWNER = "owner"
    MANAGER = "manager"


class EventKind(StrEnum):
    """Performance events recorded against a contract (履约)."""

    ON_TIME_DELIVERY = "on_time_delivery"
    LATE_DELIVERY = "late_delivery"
    QUALITY_DEFECT = "quality_defect"
    SAFETY_INCIDENT = "safety_incident"
    SERVICE_COMPLAINT = "service_complaint"
    COMPLIANCE_BREACH = "compliance_breach"
    BRIBERY = "bribery"
    COLLUSION = "collusion"
    FALSIFIED_DOCUMENTS = "falsified_documents"


SERIOUS_VIOLATIONS = frozenset({EventKind.BRIBERY, EventKind.COLLUSION,
                                EventKind.FALSIFIED_DOCUMENTS})


class ScorecardCriterion(StrEnum):
    """Scorecard criteria, each scored 0–100."""

    DELIVERY = "delivery"
    QUALITY = "quality"
    SAFETY = "safety"
    SERVICE = "service"
    COMPLIANCE = "compliance"


CRITERION_OF: dict[EventKind, ScorecardCriterion] = {
    EventKind.ON_TIME_DELIVERY: ScorecardCriterion.DELIVERY,
    EventKind.LATE_DELIVERY: ScorecardCriterion.DELIVERY,
    EventKind.QUALITY_DEFECT: ScorecardCriterion.QUALITY,
    EventKind.SAFETY_INCIDENT: ScorecardCriterion.SAFETY,
    EventKind.SERVICE_COMPLAINT: ScorecardCriterion.SERVICE,
    EventKind.COMPLIANCE_BREACH: ScorecardCriterion.COMPLIANCE,
    EventKind.BRIBERY: ScorecardCriterion.COMPLIANCE,
    EventKind.COLLUSION: ScorecardCriterion.COMPLIANCE,
    EventKind.FALSIFIED_DOCUMENTS: ScorecardCriterion.COMPLIANCE,
}


class PeriodKind(StrEnum):
    """Performance periods."""

    MONTH = "month"
    QUARTER = "quarter"


# --- qualifications -------------------------------------------------------------------------

# Lower rank is better. Grades outside this table rank last (they meet no minimum grade).
GRADE_RANK: dict[str, int] = {
    "特级": 0, "甲级": 1, "一级": 1, "乙级": 2, "二级": 2, "丙级": 3, "三级": 3, "四级": 4,
}
UNGRADED_RANK = 99


def grade_rank(grade: str | None) -> int:
    """The rank of a grade (特级 0, 甲/一级 1, 乙/二级 2, 丙/三级 3); ungraded ranks last."""
    return GRADE_RANK.get((grade or "").strip(), UNGRADED_RANK)


class QualificationRequirement(BaseModel):
    """A qualification a category requires, with a minimum grade where that matters."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    type: str = Field(min_length=1, max_length=100)
    min_grade: str | None = Field(default=None, max_length=20)
    label_zh: str = Field(default="", max_length=100)

    @model_validator(mode="after")
    def _known_grade(self) -> QualificationRequirement:
        if self.min_grade is not None and self.min_grade not in GRADE_RANK:
            raise ValueError(f"unknown grade {self.min_grade!r}; known: {', '.join(GRADE_RANK)}")
        return self


def _req(type: str, label_zh: str, min_grade: str | None = None) -> QualificationRequirement:
    return QualificationRequirement(type=type, label_zh=label_zh, min_grade=min_grade)


BUSINESS_LICENCE = _req("business_licence", "营业执照")
DEFAULT_POLICIES: dict[Category, tuple[QualificationRequirement, ...]] = {
    Category.MATERIALS: (BUSINESS_LICENCE,
                         _req("quality_management_certificate", "质量管理体系认证")),
    Category.SPECIALIST: (BUSINESS_LICENCE,
                          _req("construction_enterprise_qualification", "建筑业企业资质", "二级"),
                          _req("work_safety_licence", "安全生产许可证")),
    Category.LABOUR: (BUSINESS_LICENCE,
                      _req("labour_services_qualification", "施工劳务资质"),
                      _req("work_safety_licence", "安全生产许可证")),
    Category.MACHINERY: (BUSINESS_LICENCE,
                         _req("special_equipment_licence", "特种设备许可证"),
                         _req("work_safety_licence", "安全生产许可证")),
    Category.SERVICES: (BUSINESS_LICENCE,),
}


ADMISSION_CHECKED = "admission"
"""Status of a qualification entered with the application: the admission reviews check it."""
PENDING, VERIFIED, REJECTED = "pending", "verified", "rejected"
COUNTED_STATUSES = (ADMISSION_CHECKED, VERIFIED)
"""Qualifications that count for eligibility (besides rows stored before statuses existed)."""


@dataclass(frozen=True)
class HeldQualification:
    """A qualification as the rules see it."""

    type: str
    grade: str
    number: str
    valid_from: datetime
    valid_until: datetime


@dataclass(frozen=True)
class QualificationGap:
    """One unmet requirement: `missing` or `expired`, with what was found."""

    category: Category
    type: str
    problem: str  # "missing" | "expired"
    min_grade: str | None
    detail_en: str
    detail_zh: str
    found: dict[str, Any]


def _zh_time(moment: datetime) -> str:
    """A moment as a Chinese message shows it: Beijing time, in Chinese date order."""
    return moment.astimezone(SHANGHAI).strftime("%Y年%m月%d日 %H:%M")


def qualification_gaps(
    category: Category,
    requirements: Iterable[QualificationRequirement],
    held: Sequence[HeldQualification],
    at: datetime,
) -> list[QualificationGap]:
    """What `held` lacks at `at` to meet `requirements`: each gap says missing or expired."""
    gaps: list[QualificationGap] = []
    for req in requirements:
        same_type = [q for q in held if q.type == req.type]
        good_grade = [q for q in same_type
                      if req.min_grade is None or grade_rank(q.grade) <= grade_rank(req.min_grade)]
        if any(q.valid_from <= at < q.valid_until for q in good_grade):
            continue
        expired = [q for q in good_grade if q.valid_until <= at]
        if expired:
            last = max(expired, key=lambda q: q.valid_until)
            gaps.append(QualificationGap(
                category, req.type, "expired", req.min_grade,
                f"{req.type} no. {last.number} expired at {last.valid_until.isoformat()}",
                f"{req.label_zh or req.type}（编号 {last.number}）已于 {_zh_time(last.valid_until)} 过期",
                {"number": last.number, "valid_until": last.valid_until.isoformat()},
            ))
        elif good_grade:
            first = min(good_grade, key=lambda q: q.valid_from)
            gaps.append(QualificationGap(
                category, req.type, "missing", req.min_grade,
                f"{req.type} no. {first.number} is not valid until {first.valid_from.isoformat()}",
                f"{req.label_zh or req.type}（编号 {first.number}）"
                f"自 {_zh_time(first.valid_from)} 起才有效",
                {"number": first.number, "valid_from": first.valid_from.isoformat()},
            ))
        elif same_type:
            grades = sorted({q.grade for q in same_type})
            gaps.append(QualificationGap(
                category, req.type, "missing", req.min_grade,
                f"{req.type} of grade {req.min_grade} or better is required (held: {', '.join(grades)})",
                f"需要{req.min_grade}及以上的{req.label_zh or req.type}（现有：{'、'.join(grades)}）",
                {"grades_held": grades},
            ))
        else:
            grade_en = f" (grade {req.min_grade} or better)" if req.min_grade else ""
            grade_zh = f"（{req.min_grade}及以上）" if req.min_grade else ""
            gaps.append(QualificationGap(
                category, req.type, "missing", req.min_grade,
                f"{req.type}{grade_en} is required", f"缺少{req.label_zh or req.type}{grade_zh}", {},
            ))
    return gaps


# --- settings -------------------------------------------------------------------------------

DEFAULT_WEIGHTS: dict[ScorecardCriterion, int] = {
    ScorecardCriterion.DELIVERY: 30, ScorecardCriterion.QUALITY: 30, ScorecardCriterion.SAFETY: 20,
    ScorecardCriterion.SERVICE: 10, ScorecardCriterion.COMPLIANCE: 10,
}
# Points deducted from the event's criterion per level of severity (1–5).
DEFAULT_DEDUCTIONS: dict[EventKind, int] = {
    EventKind.ON_TIME_DELIVERY: 0, EventKind.LATE_DELIVERY: 5, EventKind.QUALITY_DEFECT: 6,
    EventKind.SAFETY_INCIDENT: 10, EventKind.SERVICE_COMPLAINT: 4,
    EventKind.COMPLIANCE_BREACH: 10, EventKind.BRIBERY: 100, EventKind.COLLUSION: 100,
    EventKind.FALSIFIED_DOCUMENTS: 100,
}


class SupplierSettings(BaseModel):
    """The register's settings: inspection threshold, scorecard weights, deductions, bands."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    site_inspection_threshold: Decimal = Field(DEFAULT_PROFILE.site_inspection_threshold, ge=0)
    min_inspectors: int = Field(2, ge=1)
    weights: dict[ScorecardCriterion, int] = Field(default_factory=lambda: dict(DEFAULT_WEIGHTS))
    deductions: dict[EventKind, int] = Field(default_factory=lambda: dict(DEFAULT_DEDUCTIONS))
    grade_a: int = Field(90, ge=0, le=100)
    grade_b: int = Field(75, ge=0, le=100)
    grade_c: int = Field(60, ge=0, le=100)
    default_ban_days: int = Field(3 * 365, ge=1)

    @model_validator(mode="after")
    def _consistent(self) -> SupplierSettings:
        if set(self.weights) != set(ScorecardCriterion) or any(w < 0 for w in self.weights.values()):
            raise ValueError("weights must name every criterion with a non-negative weight")
        if sum(self.weights.values()) != 100:
            raise ValueError(f"weights must sum to 100, not {sum(self.weights.values())}")
        if set(self.deductions) != set(EventKind) or any(d < 0 for d in self.deductions.values()):
            raise ValueError("deductions must name every event kind, none negative")
        if not self.grade_a >= self.grade_b >= self.grade_c:
            raise ValueError("grade bands must satisfy A ≥ B ≥ C")
        return self


MIN_SCORE, MAX_SCORE = 0, 100
"""A criterion scores between these, both included: 100 less its deductions, clamped."""
CENTI = 100
"""Totals are stored in hundredths of a point."""
LOWEST_GRADE = "D"
"""The grade of a total below every band."""
GRADES = ("A", "B", "C", LOWEST_GRADE)
SUSPEND, WARN = "suspend", "warn"
"""Standing-machine events a period's grades can lead to."""
REPEATED_GRADE = "C"
"""Two consecutive periods (of one kind) at this grade warn."""


def deduction(kind: EventKind, severity: int, settings: SupplierSettings) -> int:
    """Points one event deducts from its criterion: the kind's deduction per level of severity."""
    return settings.deductions[kind] * severity


def criterion_score(deducted: int) -> int:
    """A criterion's score: 100 less its deductions, never below 0 nor above 100."""
    return min(MAX_SCORE, max(MIN_SCORE, MAX_SCORE - deducted))


def criterion_scores(events: Iterable[tuple[EventKind, int]],
                     settings: SupplierSettings) -> dict[ScorecardCriterion, int]:
    """Each criterion's score over a period's events (kind, severity)."""
    deducted = dict.fromkeys(ScorecardCriterion, 0)
    for kind, severity in events:
        deducted[CRITERION_OF[kind]] += deduction(kind, severity, settings)
    return {c: criterion_score(d) for c, d in deducted.items()}


def total_centi(scores: Mapping[ScorecardCriterion, Any], weights: Mapping[ScorecardCriterion, int]) -> Any:
    """The weighted total in hundredths of a point (weights sum to 100).

    Plain arithmetic only, so the period close builds its SQL total from this very function
    (scores given as column expressions); with ints it returns an int.
    """
    total: Any = 0
    for c in ScorecardCriterion:
        total = total + scores[c] * weights[c]
    return total


def grade_bands(settings: SupplierSettings) -> tuple[tuple[str, int], ...]:
    """(grade, lowest total in points) from best to worst; below the last band is LOWEST_GRADE."""
    return (("A", settings.grade_a), ("B", settings.grade_b), ("C", settings.grade_c))


def grade_for(total: Decimal, settings: SupplierSettings) -> str:
    """The grade band of a total: A ≥ grade_a, B ≥ grade_b, C ≥ grade_c, else D."""
    return next((g for g, floor in grade_bands(settings) if total >= floor), LOWEST_GRADE)


def grade_consequence(grade: str, previous: str | None) -> str | None:
    """The standing event a period's grade leads to, given the previous period's grade (None if
    unscored): a D suspends; a C after a C warns; otherwise nothing."""
    if grade == LOWEST_GRADE:
        return SUSPEND
    if grade == REPEATED_GRADE and previous == REPEATED_GRADE:
        return WARN
    return None


def period_bounds(kind: PeriodKind, label: str) -> tuple[datetime, datetime]:
    """[start, end) in UTC of a period named like `2026-03` (month) or `2026-Q1` (quarter).

    Periods follow the organisation's calendar (Asia/Shanghai).
    """
    kind = PeriodKind(kind)
    if kind is PeriodKind.MONTH:
        match = re.fullmatch(r"(\d{4})-(\d{2})", label)
        if not match or not 1 <= int(match[2]) <= 12:
            raise ValueError(f"month period must look like 2026-03, not {label!r}")
        year, first = int(match[1]), int(match[2])
        months = 1
    else:
        match = re.fullmatch(r"(\d{4})-Q([1-4])", label)
        if not match:
            raise ValueError(f"quarter period must look like 2026-Q1, not {label!r}")
        year, first = int(match[1]), (int(match[2]) - 1) * 3 + 1
        months = 3
    start = datetime(year, first, 1, tzinfo=SHANGHAI)
    end_month = first + months
    end = datetime(year + (end_month - 1) // 12, (end_month - 1) % 12 + 1, 1, tzinfo=SHANGHAI)
    return start.astimezone(UTC), end.astimezone(UTC)


def previous_period(kind: PeriodKind, label: str) -> str:
    """The label of the period before `label`."""
    kind = PeriodKind(kind)
    year = int(label[:4])
    if kind is PeriodKind.MONTH:
        month = int(label[5:7])
        return f"{year - 1}-12" if month == 1 else f"{year}-{month - 1:02d}"
    quarter = int(label[-1])
    return f"{year - 1}-Q4" if quarter == 1 else f"{year}-Q{quarter - 1}"


# --- related parties ------------------------------------------------------------------------

_NOT_ALNUM = re.compile(r"[\W_]+")


def normalise_phone(phone: str) -> str:
    """Digits only, without a leading +86 / 86 country code."""
    digits = re.sub(r"\D", "", unicodedata.normalize("NFKC", phone))
    return digits[2:] if digits.startswith("86") and len(digits) == 13 else digits


def normalise_email(email: str) -> str:
    """Lower-cased, trimmed."""
    return unicodedata.normalize("NFKC", email).strip().lower()


def normalise_address(address: str) -> str:
    """NFKC, without whitespace or punctuation, lower-cased: 'No. 1 Road' == 'no.1road'."""
    return _NOT_ALNUM.sub("", unicodedata.normalize("NFKC", address).lower())


def normalise_account(account: str) -> str:
    """Bank account numbers: digits and letters only, upper-cased."""
    return _NOT_ALNUM.sub("", unicodedata.normalize("NFKC", account).upper())


def normalise_identity(number: str) -> str:
    """Identity numbers (身份证): trimmed, upper-cased (the check character may be X)."""
    return unicodedata.normalize("NFKC", number).strip().upper()
