"""Qualification commands: add or renew a supplier's qualification (restoring categories it makes
whole again), and the qualifications each category requires (category policies).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import pydantic
from pydantic import TypeAdapter
from sqlmodel import col, select

from zhaocai.actors import Actor, Role
from zhaocai.categories import Category
from zhaocai.errors import ValidationError, from_pydantic, parse
from zhaocai.store import UnitOfWork
from zhaocai.suppliers.common import (
    SUBJECT,
    ServiceBase,
    load_supplier,
    require_own_supplier,
    require_reason,
    view_of,
)
from zhaocai.suppliers.eligibility import held_qualifications, load_policies
from zhaocai.suppliers.models import QualificationInput, SupplierView
from zhaocai.suppliers.rules import QualificationRequirement, qualification_gaps
from zhaocai.suppliers.tables import CategoryPolicyRow, QualificationRow, SupplierCategoryRow

_REQUIREMENTS = TypeAdapter(list[QualificationRequirement])


class QualificationCommands(ServiceBase):
    """Qualifications and category policies."""

    def add_qualification(self, actor: Actor, supplier_id: str,
                          qualification: QualificationInput | Mapping[str, Any]) -> SupplierView:
        """Add or renew a qualification; categories it makes whole again are restored."""
        qual = parse(QualificationInput, qualification)

        def handler(uow: UnitOfWork) -> SupplierView:
            require_own_supplier(actor, supplier_id, "supplier.qualification.add")
            session = uow.session
            row = load_supplier(session, supplier_id)
            session.add(QualificationRow(supplier_id=supplier_id, **qual.model_dump()))
            session.flush()
            uow.record("supplier.qualification.add", SUBJECT, supplier_id,
                       qual.model_dump(mode="json"), event="SupplierQualificationAdded")
            restore_lapsed(uow, [supplier_id])
            return view_of(session, row)

        return self.platform.run(actor, "supplier.qualification.add", handler,
                                 roles=[Role.SUPPLIER, Role.PURCHASING, Role.QUALITY])

    def set_category_policy(self, actor: Actor, category: Category,
                            requirements: Sequence[QualificationRequirement | Mapping[str, Any]],
                            reason: str) -> list[QualificationRequirement]:
        """Change the qualifications a category requires (audited with the previous policy)."""
        require_reason(reason)
        category = Category(category)
        try:
            reqs = _REQUIREMENTS.validate_python(
                [r.model_dump() if isinstance(r, QualificationRequirement) else r
                 for r in requirements])
        except pydantic.ValidationError as exc:
            raise from_pydantic(exc, "QualificationRequirement") from None
        if len({r.type for r in reqs}) != len(reqs):
            raise ValidationError("supplier.policy.duplicate", "A type is required twice",
                                  "同一资质类型重复", {"category": category.value})

        def handler(uow: UnitOfWork) -> list[QualificationRequirement]:
            session = uow.session
            before = load_policies(session)[category]
            row = session.get(CategoryPolicyRow, category.value)
            stored = [r.model_dump() for r in reqs]
            if row is None:
                row = CategoryPolicyRow(category=category.value, requirements=stored,
                                        updated_by=actor.id, updated_at=uow.now)
            else:
                row.requirements, row.updated_by, row.updated_at = stored, actor.id, uow.now
            session.add(row)
            uow.record("supplier.policy.set", "category_policy", category.value, {
                "before": [r.model_dump() for r in before], "after": stored, "reason": reason},
                event="CategoryPolicyChanged")
            return list(reqs)

        return self.platform.run(actor, "supplier.policy.set", handler,
                                 roles=[Role.ADMINISTRATOR, Role.QUALITY, Role.TECHNICAL])

    def category_policy(self, category: Category) -> list[QualificationRequirement]:
        """The qualifications `category` requires now."""
        with self.platform.session() as session:
            return list(load_policies(session)[Category(category)])


def restore_lapsed(uow: UnitOfWork, supplier_ids: Sequence[str]) -> int:
    """Clear per-category lapses whose requirements are met again at `uow.now`; audit each."""
    session = uow.session
    lapsed = session.exec(select(SupplierCategoryRow).where(
        col(SupplierCategoryRow.supplier_id).in_(supplier_ids),
        col(SupplierCategoryRow.lapsed_at).is_not(None))).all()
    if not lapsed:
        return 0
    policies = load_policies(session)
    restored = 0
    for cat_row in lapsed:
        category = Category(cat_row.category)
        held = held_qualifications(session, cat_row.supplier_id)
        if not qualification_gaps(category, policies[category], held, uow.now):
            cat_row.lapsed_at = None
            session.add(cat_row)
            uow.record("supplier.category.restored", SUBJECT, cat_row.supplier_id,
                       {"category": category.value, "reason": "required qualifications valid again"},
                       event="SupplierCategoryRestored")
            restored += 1
    return restored
