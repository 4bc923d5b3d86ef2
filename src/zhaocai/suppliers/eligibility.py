"""Eligibility: may a supplier take part in a category, for an amount, at a moment, and if not, why.

`check_eligibility` runs inside any session (another command's transaction included) with two
indexed queries: the supplier with its category and the category's policy, then its
qualifications of the required types.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from sqlalchemy import and_, select
from sqlmodel import Session, col

from zhaocai.categories import Category
from zhaocai.clock import require_aware
from zhaocai.money import Money, to_decimal
from zhaocai.suppliers.models import Eligibility, IneligibilityReason
from zhaocai.suppliers.rules import (
    DEFAULT_POLICIES,
    AdmissionState,
    HeldQualification,
    QualificationRequirement,
    Standing,
    qualification_gaps,
)
from zhaocai.suppliers.tables import (
    CategoryPolicyRow,
    QualificationRow,
    SupplierCategoryRow,
    SupplierRow,
)


def requirements_from(stored: object, category: Category) -> tuple[QualificationRequirement, ...]:
    """A policy row's requirements, or the category's defaults when there is no row."""
    if stored is None:
        return DEFAULT_POLICIES[category]
    assert isinstance(stored, list)
    return tuple(QualificationRequirement.model_validate(r) for r in stored)


def load_policies(session: Session) -> dict[Category, tuple[QualificationRequirement, ...]]:
    """Every category's requirements: the organisation's policy, else the defaults."""
    rows = {r.category: r.requirements for r in session.execute(select(CategoryPolicyRow)).scalars()}
    return {c: requirements_from(rows.get(c.value), c) for c in Category}


def held_qualifications(session: Session, supplier_id: str,
                        types: list[str] | None = None) -> list[HeldQualification]:
    """The supplier's qualifications (optionally only of `types`) as the rules see them."""
    query = select(QualificationRow).where(col(QualificationRow.supplier_id) == supplier_id)
    if types is not None:
        query = query.where(col(QualificationRow.type).in_(types))
    return [HeldQualification(q.type, q.grade, q.number, q.valid_from, q.valid_until)
            for q in session.execute(query).scalars()]


def _reason(code: str, en: str, zh: str, **details: object) -> IneligibilityReason:
    return IneligibilityReason(code=code, message_en=en, message_zh=zh, details=dict(details))


def check_eligibility(session: Session, supplier_id: str, category: Category, amount: Decimal,
                      at: datetime) -> Eligibility:
    """Whether `supplier_id` may take part in `category` for `amount` at `at`, with the reasons.

    Eligible exactly when: admitted in the category, standing active or warned, `amount` within
    the admitted ceiling, and every qualification the category requires valid at `at`.
    """
    at = require_aware(at, "at")
    amount = to_decimal(amount)
    category = Category(category)
    row = session.execute(
        select(SupplierRow.admission, SupplierRow.standing, SupplierRow.ceiling_fen,  # type: ignore[call-overload]
               SupplierRow.ban_until, SupplierCategoryRow.admitted,
               CategoryPolicyRow.requirements)
        .select_from(SupplierRow)
        .outerjoin(SupplierCategoryRow, and_(
            col(SupplierCategoryRow.supplier_id) == col(SupplierRow.id),
            col(SupplierCategoryRow.category) == category.value))
        .outerjoin(CategoryPolicyRow, col(CategoryPolicyRow.category) == category.value)
        .where(col(SupplierRow.id) == supplier_id)
    ).first()
    result = Eligibility(supplier_id=supplier_id, category=category, amount=amount, at=at,
                         eligible=False)
    if row is None:
        result.reasons.append(_reason(
            "not_registered", f"Supplier {supplier_id} is not in the register",
            f"供应商 {supplier_id} 不在供应商库中", supplier_id=supplier_id))
        return result
    admission, standing, ceiling_fen, ban_until, cat_admitted, stored_policy = row
    reasons = result.reasons
    if standing == Standing.EXITED:
        reasons.append(_reason("exited", "The supplier has left the register",
                               "该供应商已主动退出供应商库"))
    elif standing == Standing.BLACKLISTED:
        until = ban_until.isoformat() if ban_until else None
        reasons.append(_reason("blacklisted", f"The supplier is blacklisted (ban until {until})",
                               f"该供应商已被清退（禁入至 {until}）", ban_until=until))
    elif standing == Standing.SUSPENDED:
        reasons.append(_reason("suspended", "The supplier is suspended (red card)",
                               "该供应商已被暂停（红牌）"))
    if admission != AdmissionState.ADMITTED or not cat_admitted \
            or standing == Standing.REAPPLY_ELIGIBLE:
        reasons.append(_reason(
            "not_admitted", f"The supplier is not admitted in {category.value}",
            f"该供应商未获准入{category.label_zh}类别", admission=admission,
            category_admitted=bool(cat_admitted)))
    requirements = requirements_from(stored_policy, category)
    held = held_qualifications(session, supplier_id, [r.type for r in requirements])
    for gap in qualification_gaps(category, requirements, held, at):
        reasons.append(_reason(
            "qualification_expired" if gap.problem == "expired" else "qualification_missing",
            gap.detail_en, gap.detail_zh, type=gap.type, min_grade=gap.min_grade, **gap.found))
    ceiling = Money.from_fen(ceiling_fen).amount
    if amount > ceiling:
        reasons.append(_reason(
            "ceiling_below_amount", f"Amount {amount} exceeds the supplier's ceiling {ceiling}",
            f"金额 {amount} 超过该供应商的合作上限 {ceiling}", ceiling=str(ceiling),
            amount=str(amount)))
    result.eligible = not reasons
    return result
