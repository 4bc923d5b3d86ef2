"""Pure rules of eligibility: why a supplier may not take part, from the facts of one query.

Eligible exactly when: admitted in the category, standing active or warned, the amount within
the admitted ceiling, and every qualification the category requires valid at the moment.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from zhaocai.categories import Category
from zhaocai.suppliers.models import IneligibilityReason
from zhaocai.suppliers.rules import (
    AdmissionState,
    HeldQualification,
    QualificationRequirement,
    Standing,
    qualification_gaps,
)

NOT_ADMITTED_STANDINGS = frozenset({Standing.REAPPLY_ELIGIBLE.value})
"""A standing in which the supplier counts as not admitted (its ban ended: it must re-apply)."""


@dataclass(frozen=True)
class EligibilityFacts:
    """What eligibility is judged on, for one supplier and one category."""

    supplier_id: str
    admission: str
    standing: str | None
    ceiling: Decimal
    ban_until: datetime | None
    category_admitted: bool
    requirements: Sequence[QualificationRequirement]
    held: Sequence[HeldQualification]


def reason(code: str, en: str, zh: str, **details: object) -> IneligibilityReason:
    """One reason against taking part."""
    return IneligibilityReason(code=code, message_en=en, message_zh=zh, details=dict(details))


def not_registered(supplier_id: str) -> IneligibilityReason:
    """The reason of a supplier not in the register."""
    return reason("not_registered", f"Supplier {supplier_id} is not in the register",
                  f"供应商 {supplier_id} 不在供应商库中", supplier_id=supplier_id)


def standing_reasons(standing: str | None, ban_until: datetime | None) -> list[IneligibilityReason]:
    """A standing that bars taking part: exited, blacklisted (with the ban's end), suspended."""
    until = ban_until.isoformat() if ban_until else None
    bars = {
        Standing.EXITED.value: reason("exited", "The supplier has left the register",
                                      "该供应商已主动退出供应商库"),
        Standing.BLACKLISTED.value: reason(
            "blacklisted", f"The supplier is blacklisted (ban until {until})",
            f"该供应商已被清退（禁入至 {until}）", ban_until=until),
        Standing.SUSPENDED.value: reason("suspended", "The supplier is suspended (red card)",
                                         "该供应商已被暂停（红牌）"),
    }
    bar = bars.get(standing or "")
    return [] if bar is None else [bar]


def admission_reasons(facts: EligibilityFacts, category: Category) -> list[IneligibilityReason]:
    """Not admitted in the category (never, not any more, or its ban over and not re-admitted)."""
    if (facts.admission == AdmissionState.ADMITTED.value and facts.category_admitted
            and facts.standing not in NOT_ADMITTED_STANDINGS):
        return []
    return [reason("not_admitted", f"The supplier is not admitted in {category.value}",
                   f"该供应商未获准入{category.label_zh}类别", admission=facts.admission,
                   category_admitted=facts.category_admitted)]


def reasons_against(facts: EligibilityFacts, category: Category, amount: Decimal,
                    at: datetime) -> list[IneligibilityReason]:
    """Every reason the supplier may not take part in `category` for `amount` at `at`, in order:
    standing, admission, qualifications, ceiling."""
    reasons = [*standing_reasons(facts.standing, facts.ban_until),
               *admission_reasons(facts, category)]
    for gap in qualification_gaps(category, facts.requirements, facts.held, at):
        reasons.append(reason(
            "qualification_expired" if gap.problem == "expired" else "qualification_missing",
            gap.detail_en, gap.detail_zh, type=gap.type, min_grade=gap.min_grade, **gap.found))
    if amount > facts.ceiling:
        reasons.append(reason(
            "ceiling_below_amount", f"Amount {amount} exceeds the supplier's ceiling {facts.ceiling}",
            f"金额 {amount} 超过该供应商的合作上限 {facts.ceiling}", ceiling=str(facts.ceiling),
            amount=str(amount)))
    return reasons
