"""Pure rules of admission (准入), named by `AdmissionMachine`: plain values in, coded error out.

The machine's transitions name these functions: validators raise the refusal with its code,
conditions (`completes_reviews`, `inspection_due`, `may_reapply`) choose between transitions.
The handler hands the machine the facts (the reviews of the round, the latest inspection, the
screening, the qualifications held) and nothing decided.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

from zhaocai.actors import Actor, require_distinct
from zhaocai.categories import Category
from zhaocai.errors import ConflictError, PermissionDenied, RuleViolation, ValidationError
from zhaocai.money import Money, to_decimal
from zhaocai.suppliers.rules import (
    ATTRIBUTE_ZH,
    Department,
    HeldQualification,
    QualificationGap,
    QualificationRequirement,
    Standing,
    qualification_gaps,
)

READMITTABLE = frozenset({Standing.REAPPLY_ELIGIBLE.value, Standing.EXITED.value})
"""Standings from which an admitted supplier may apply again (ban over, or left of its own will)."""
SCREENING_ADMIT = "admit"
"""A supervisor's screening decision that lets a resembling applicant be admitted."""


@dataclass(frozen=True)
class ReviewFact:
    """A department review of the current application round."""

    department: Department
    reviewer_id: str
    passed: bool


def inspection_needed(requested_ceiling: Decimal, threshold: Decimal) -> bool:
    """A site inspection is needed when the requested ceiling is at or above the threshold."""
    return requested_ceiling >= threshold


def missing_reviews(reviews: Iterable[ReviewFact]) -> list[Department]:
    """Departments that have not yet passed the application."""
    passed = {r.department for r in reviews if r.passed}
    return [d for d in Department if d not in passed]


def failed_reviews(reviews: Iterable[ReviewFact]) -> list[Department]:
    """Departments whose review did not pass."""
    return [r.department for r in reviews if not r.passed]


# --- review ---------------------------------------------------------------------------------

def require_not_registrant(actor: Actor, registered_by: str, **_: Any) -> None:
    """Whoever registered an application does not review it."""
    if actor.id == registered_by:
        raise PermissionDenied("permission.registrant_review",
                               f"{actor.name} registered this application and may not review it",
                               f"{actor.name} 登记了该申请，不得参与审核", {"actor": actor.id})


def require_new_department(review: ReviewFact, reviews: Sequence[ReviewFact],
                           application_round: int, supplier_id: str, **_: Any) -> None:
    """Each department reviews a round once."""
    if any(r.department == review.department for r in reviews):
        department = review.department.value
        raise ConflictError(
            "supplier.review.duplicate",
            f"The {department} department has already reviewed round {application_round}",
            f"{review.department.label_zh}部门已审核第 {application_round} 轮申请",
            {"supplier_id": supplier_id, "department": department})


def require_distinct_reviewers(review: ReviewFact, reviews: Sequence[ReviewFact], **_: Any) -> None:
    """The departments' reviews of a round come from different people."""
    require_distinct([r.reviewer_id for r in reviews] + [review.reviewer_id], len(reviews) + 1,
                     "supplier admission review")


def completes_reviews(review: ReviewFact, reviews: Sequence[ReviewFact], **_: Any) -> bool:
    """Condition: with this review every department has passed the application."""
    return not missing_reviews([*reviews, review])


def inspection_due(ceiling: Decimal, threshold: Decimal, **_: Any) -> bool:
    """Condition: the requested ceiling needs a site inspection."""
    return inspection_needed(ceiling, threshold)


REVIEW_RULES = [require_not_registrant, require_new_department, require_distinct_reviewers]


# --- admit ----------------------------------------------------------------------------------

def require_reviews(reviews: Sequence[ReviewFact], **_: Any) -> None:
    """Admission needs a passing review from each of the three departments."""
    missing, failed = missing_reviews(reviews), failed_reviews(reviews)
    if missing:
        raise RuleViolation(
            "supplier.admission.reviews_missing",
            f"Admission needs a passing review from each department; missing: "
            f"{', '.join(d.value for d in missing)}",
            f"准入需要采购、质量、技术三个部门审核通过；尚缺：{'、'.join(d.label_zh for d in missing)}",
            {"missing": [d.value for d in missing], "failed": [d.value for d in failed]})


def require_three_reviewers(reviews: Sequence[ReviewFact], **_: Any) -> None:
    """The three passing reviews come from three different people."""
    require_distinct([r.reviewer_id for r in reviews], len(Department), "supplier admission")


def _keys(matches: Sequence[Any]) -> set[tuple[str, str]]:
    return {(m["blacklisted_id"], m["attribute"]) if isinstance(m, dict)
            else (m.blacklisted_id, m.attribute) for m in matches}


def require_screening_cleared(supplier_id: str, matches: Sequence[Any], screening: Any,
                              registered_by: str, reviews: Sequence[ReviewFact], **_: Any) -> None:
    """An applicant resembling a blacklisted supplier (`matches`) is admitted only after a
    supervisor's decision to admit (`screening`) that saw every current match and was made by
    neither the registrant nor a reviewer (`supplier.admission.blacklist_match`)."""
    if not matches:
        return
    involved = {registered_by, *(r.reviewer_id for r in reviews)}
    if (screening is not None and screening.decision == SCREENING_ADMIT
            and _keys(matches) <= _keys(screening.matches_seen or [])
            and screening.decided_by not in involved):
        return
    names = "; ".join(f"{m.blacklisted_name} ({m.blacklisted_id}): {m.attribute}" for m in matches)
    names_zh = "；".join(
        f"{m.blacklisted_name}（{m.blacklisted_id}）：{ATTRIBUTE_ZH.get(m.attribute, m.attribute)}"
        for m in matches)
    raise RuleViolation(
        "supplier.admission.blacklist_match",
        f"Supplier {supplier_id} shares facts with blacklisted suppliers — {names}; a supervisor "
        "who neither registered nor reviewed it must decide to admit it first",
        f"供应商 {supplier_id} 与已清退供应商存在相同信息（{names_zh}），"
        "须经未参与登记和审核的纪检人员决定准入",
        {"supplier_id": supplier_id, "matches": [m.model_dump() for m in matches],
         "decision": None if screening is None else screening.decision})


def require_matches(supplier_id: str, matches: Sequence[Any]) -> None:
    """A screening decision is taken only on an applicant that resembles a blacklisted one."""
    if not matches:
        raise RuleViolation("supplier.screening.no_match",
                            f"Supplier {supplier_id} resembles no blacklisted supplier",
                            f"供应商 {supplier_id} 与已清退供应商无相同信息，无需决定",
                            {"supplier_id": supplier_id})


def require_screening_decider(actor: Actor, supplier_id: str, registered_by: str,
                              reviewers: Collection[str]) -> None:
    """Whoever registered or reviewed the application does not decide its screening."""
    if actor.id in reviewers or actor.id == registered_by:
        raise PermissionDenied(
            "permission.screening_decider",
            f"{actor.name} registered or reviewed this application and may not decide its screening",
            f"{actor.name} 参与了该申请的登记或审核，不得决定其黑名单筛查",
            {"actor": actor.id, "supplier_id": supplier_id})


def require_inspection(ceiling: Decimal, threshold: Decimal, inspection_passed: bool,
                       **_: Any) -> None:
    """A ceiling at or above the threshold needs a passing site inspection of the round."""
    if inspection_needed(ceiling, threshold) and not inspection_passed:
        raise RuleViolation(
            "supplier.admission.inspection_required",
            f"A ceiling of {Money.of(ceiling)} needs a passing site inspection (threshold {threshold})",
            f"合作上限 {Money.of(ceiling)} 需先通过现场考察（门槛 {Money.of(threshold)}）",
            {"threshold": str(threshold)})


def gaps_error(supplier_id: str, gaps: list[QualificationGap]) -> RuleViolation:
    """The refusal listing exactly which qualifications are missing or expired, per category."""
    en = "; ".join(f"{g.category.value}: {g.detail_en}" for g in gaps)
    zh = "；".join(f"{g.category.label_zh}：{g.detail_zh}" for g in gaps)
    return RuleViolation(
        "supplier.qualification_missing",
        f"Supplier {supplier_id} lacks required qualifications — {en}",
        f"供应商 {supplier_id} 资质不符合要求——{zh}",
        {"supplier_id": supplier_id, "gaps": [
            {"category": g.category.value, "type": g.type, "problem": g.problem,
             "min_grade": g.min_grade, **g.found} for g in gaps]},
    )


def require_qualifications(supplier_id: str, categories: Sequence[Category],
                           policies: Mapping[Category, Sequence[QualificationRequirement]],
                           held: Sequence[HeldQualification], at: datetime, **_: Any) -> None:
    """Every qualification each chosen category requires is valid at `at`."""
    gaps = [g for c in categories for g in qualification_gaps(c, policies[c], held, at)]
    if gaps:
        raise gaps_error(supplier_id, gaps)


ADMIT_RULES = [require_reviews, require_three_reviewers, require_screening_cleared,
               require_inspection, require_qualifications]


def chosen_categories(requested: Iterable[Category | str] | None,
                      applied: Iterable[str]) -> list[Category]:
    """The categories to admit in: those requested (all applied for when none), each applied for."""
    applied = set(applied)
    chosen = sorted({Category(c) for c in requested} if requested else
                    {Category(c) for c in applied})
    unknown = [c.value for c in chosen if c.value not in applied]
    if unknown:
        raise ValidationError(
            "supplier.admission.category", f"Not applied for: {', '.join(unknown)}",
            f"未申请的类别：{'、'.join(f'{Category(c).label_zh}（{c}）' for c in unknown)}",
            {"categories": unknown})
    return chosen


# --- re-application -------------------------------------------------------------------------

def may_reapply(standing: str | None, **_: Any) -> bool:
    """Condition: an admitted supplier applies again only once its ban is over or after it left."""
    return standing in READMITTABLE


def require_positive_ceiling(ceiling: Any) -> Decimal | None:
    """A new ceiling, when one is asked for, as a positive amount (None: keep the ceiling)."""
    amount = None if ceiling is None else to_decimal(ceiling, field="ceiling")
    if amount is not None and amount <= 0:
        raise ValidationError("supplier.ceiling", "The ceiling must be positive",
                              "合作上限必须为正数")
    return amount
