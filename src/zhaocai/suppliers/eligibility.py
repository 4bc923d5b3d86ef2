"""Eligibility: may a supplier take part in a category, for an amount, at a moment, and if not, why.

`check_eligibility` runs inside any session (another command's transaction included) with one
indexed query: the supplier with its category, the category's policy and its qualifications.
`eligibility_of_many` answers for many suppliers (each for its own amount) with one query.
Only counted qualifications take part (`counted`): those entered with the application or
verified by staff; one added or renewed and not yet verified changes nothing.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    BindParameter,
    ColumnElement,
    Connection,
    Text,
    and_,
    bindparam,
    or_,
    select,
    type_coerce,
)
from sqlmodel import Session, col

from zhaocai.categories import Category
from zhaocai.clock import require_aware
from zhaocai.money import Money, to_decimal
from zhaocai.suppliers.eligibility_rules import EligibilityFacts, not_registered, reasons_against
from zhaocai.suppliers.models import Eligibility
from zhaocai.suppliers.rules import (
    COUNTED_STATUSES,
    DEFAULT_POLICIES,
    HeldQualification,
    QualificationRequirement,
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


def counted(status: Any) -> ColumnElement[bool]:
    """SQL: a qualification row with this `status` column counts (entered with the application,
    verified, or stored before verification existed); pending and rejected ones do not."""
    return or_(status.is_(None), status.in_(COUNTED_STATUSES))


def held_qualifications(session: Session, supplier_id: str,
                        types: list[str] | None = None) -> list[HeldQualification]:
    """The supplier's counted qualifications (optionally only of `types`) as the rules see them."""
    query = select(QualificationRow).where(col(QualificationRow.supplier_id) == supplier_id,
                                           counted(col(QualificationRow.status)))
    if types is not None:
        query = query.where(col(QualificationRow.type).in_(types))
    return [HeldQualification(q.type, q.grade, q.number, q.valid_from, q.valid_until)
            for q in session.execute(query).scalars()]


_SUPPLIER = SupplierRow.__table__  # type: ignore[attr-defined]
_SUPPLIER_CATEGORY = SupplierCategoryRow.__table__  # type: ignore[attr-defined]
_POLICY = CategoryPolicyRow.__table__  # type: ignore[attr-defined]
_QUALIFICATION = QualificationRow.__table__  # type: ignore[attr-defined]
# Built once: eligibility runs inside every bid submission, so it is one Core select with bound
# parameters (compiled once and cached by the engine): one row per qualification held (or one
# row with empty qualification columns), the supplier's facts and the policy text on each.
_CATEGORY: BindParameter[str] = bindparam("category")
_FACTS_OF_ALL = (
    select(_SUPPLIER.c.id, _SUPPLIER.c.admission, _SUPPLIER.c.standing, _SUPPLIER.c.ceiling_fen,
           _SUPPLIER.c.ban_until, _SUPPLIER_CATEGORY.c.admitted,
           type_coerce(_POLICY.c.requirements, Text), _QUALIFICATION.c.type,
           _QUALIFICATION.c.grade, _QUALIFICATION.c.number, _QUALIFICATION.c.valid_from,
           _QUALIFICATION.c.valid_until)
    .select_from(_SUPPLIER)
    .outerjoin(_SUPPLIER_CATEGORY, and_(_SUPPLIER_CATEGORY.c.supplier_id == _SUPPLIER.c.id,
                                        _SUPPLIER_CATEGORY.c.category == _CATEGORY))
    .outerjoin(_POLICY, _POLICY.c.category == _CATEGORY)
    .outerjoin(_QUALIFICATION, and_(_QUALIFICATION.c.supplier_id == _SUPPLIER.c.id,
                                    counted(_QUALIFICATION.c.status)))
)
_FACTS = _FACTS_OF_ALL.where(_SUPPLIER.c.id == bindparam("supplier_id"))
# Many suppliers at once (every bidder of a tender at compliance): one query, not one per bidder.
_FACTS_OF_MANY = _FACTS_OF_ALL.where(_SUPPLIER.c.id.in_(bindparam("supplier_ids", expanding=True)))
_CHUNK = 5000


def check_eligibility(session: Session, supplier_id: str, category: Category, amount: Decimal,
                      at: datetime) -> Eligibility:
    """Whether `supplier_id` may take part in `category` for `amount` at `at`, with the reasons.

    Eligible exactly when: admitted in the category, standing active or warned, `amount` within
    the admitted ceiling, and every qualification the category requires valid at `at`.
    """
    if session.autoflush:
        session.flush()  # what the ORM would do before a query; nothing when the session is clean
    return eligibility_on(session.connection(), supplier_id, category, amount, at)


def eligibility_on(connection: Connection, supplier_id: str, category: Category, amount: Decimal,
                   at: datetime) -> Eligibility:
    """`check_eligibility` on a connection: for commands written with Core statements only."""
    at = require_aware(at, "at")
    category = Category(category)
    rows = connection.execute(_FACTS, {"supplier_id": supplier_id, "category": category.value}).all()
    return _judge(supplier_id, rows, category, to_decimal(amount), at)


def eligibility_of_many(session: Session, amounts: Mapping[str, Decimal], category: Category,
                        at: datetime) -> dict[str, Eligibility]:
    """`check_eligibility` for many suppliers, each for its own amount, in one query."""
    if session.autoflush:
        session.flush()
    at = require_aware(at, "at")
    category = Category(category)
    by_supplier: dict[str, list[Any]] = {supplier_id: [] for supplier_id in amounts}
    ids = list(amounts)
    for start in range(0, len(ids), _CHUNK):  # under every database's bound-parameter limit
        for row in session.connection().execute(
                _FACTS_OF_MANY, {"supplier_ids": ids[start:start + _CHUNK], "category": category.value}):
            by_supplier[row[0]].append(row)
    return {supplier_id: _judge(supplier_id, rows, category, to_decimal(amounts[supplier_id]), at)
            for supplier_id, rows in by_supplier.items()}


def _judge(supplier_id: str, rows: Sequence[Any], category: Category, amount: Decimal,
           at: datetime) -> Eligibility:
    """The verdict from the supplier's rows of `_FACTS_OF_ALL` (none: not registered)."""
    if not rows:
        return Eligibility(supplier_id=supplier_id, category=category, amount=amount, at=at,
                           eligible=False, reasons=[not_registered(supplier_id)])
    admission, standing, ceiling_fen, ban_until, cat_admitted, policy_text = rows[0][1:7]
    requirements = requirements_from(None if policy_text is None else json.loads(policy_text),
                                     category)
    types = {r.type for r in requirements}
    facts = EligibilityFacts(
        supplier_id=supplier_id, admission=admission, standing=standing,
        ceiling=Money.from_fen(ceiling_fen).amount, ban_until=ban_until,
        category_admitted=bool(cat_admitted), requirements=requirements,
        held=[HeldQualification(*row[7:]) for row in rows if row[7] is not None and row[7] in types])
    reasons = reasons_against(facts, category, amount, at)
    return Eligibility(supplier_id=supplier_id, category=category, amount=amount, at=at,
                       eligible=not reasons, reasons=reasons)
