"""Qualification commands: add or renew a supplier's qualification, verify or reject it (a
verified one restores the categories it makes whole again), and the qualifications each category
requires (category policies).

Renewals are verified: a qualification added or renewed after the application (by the supplier or
by staff) is `pending` and counts for nothing until a staff member of quality, technical or
purchasing other than the one who added it verifies it; until then the old state stands (an
expired one stays expired). Qualifications entered with the application are checked by the three
admission reviews and count once admitted (status `admission`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import pydantic
from pydantic import TypeAdapter
from sqlmodel import Session, col, select

from zhaocai.acting import acting
from zhaocai.actors import Actor, Role
from zhaocai.categories import Category
from zhaocai.errors import NotFoundError, ValidationError, from_pydantic, parse
from zhaocai.guards import guarded
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
from zhaocai.suppliers.machines import decide_qualification
from zhaocai.suppliers.models import QualificationInput, SupplierView
from zhaocai.suppliers.rules import (
    PENDING,
    REJECTED,
    VERIFIED,
    QualificationRequirement,
    qualification_gaps,
)
from zhaocai.suppliers.tables import CategoryPolicyRow, QualificationRow, SupplierCategoryRow

_REQUIREMENTS = TypeAdapter(list[QualificationRequirement])


class QualificationCommands(ServiceBase):
    """Qualifications and category policies."""

    @acting
    def add_qualification(self, actor: Actor, supplier_id: str,
                          qualification: QualificationInput | Mapping[str, Any]) -> SupplierView:
        """Add or renew a qualification: it waits, `pending`, for a staff member to verify it."""
        qual = parse(QualificationInput, qualification)

        def handler(uow: UnitOfWork) -> SupplierView:
            require_own_supplier(actor, supplier_id, "supplier.qualification.add")
            session = uow.session
            row = load_supplier(session, supplier_id)
            added = QualificationRow(supplier_id=supplier_id, **qual.model_dump(), status=PENDING,
                                     added_by=actor.id, added_at=uow.now)
            session.add(added)
            session.flush()
            uow.record("supplier.qualification.add", SUBJECT, supplier_id,
                       {"qualification_id": added.id, "status": PENDING,
                        **qual.model_dump(mode="json")}, event="SupplierQualificationAdded")
            return view_of(session, row)

        return self.platform.run(actor, "supplier.qualification.add", handler,
                                 roles=[Role.SUPPLIER, Role.PURCHASING, Role.QUALITY])

    @acting
    def verify_qualification(self, actor: Actor, qualification_id: int, *,
                             note: str = "") -> SupplierView:
        """Staff (quality, technical, purchasing; not who added it) verify a pending
        qualification: from now it counts, and categories it makes whole again are restored."""
        return self._decide(actor, qualification_id, VERIFIED, note)

    @acting
    def reject_qualification(self, actor: Actor, qualification_id: int,
                             reason: str) -> SupplierView:
        """Staff turn a pending qualification down, with a reason: it never counts."""
        require_reason(reason)
        return self._decide(actor, qualification_id, REJECTED, reason)

    def _decide(self, actor: Actor, qualification_id: int, status: str, note: str) -> SupplierView:
        verb, event = (("verify", "SupplierQualificationVerified") if status == VERIFIED
                       else ("reject", "SupplierQualificationRejected"))
        action = f"supplier.qualification.{verb}"

        def handler(uow: UnitOfWork) -> SupplierView:
            qual = load_qualification(uow.session, qualification_id)
            decide_qualification(qual, verb, actor=actor, requested_by=qual.added_by or "",
                                 action=action)
            qual.decided_by, qual.decided_at, qual.decision_note = actor.id, uow.now, note
            uow.session.add(qual)
            uow.record(action, SUBJECT, qual.supplier_id, {
                "qualification_id": qualification_id, "type": qual.type, "number": qual.number,
                "valid_until": qual.valid_until, "added_by": qual.added_by, "status": status,
                "note": note}, event=event)
            if status == VERIFIED:  # a qualification that counts may make categories whole
                restore_lapsed(uow, [qual.supplier_id])
            return view_of(uow.session, load_supplier(uow.session, qual.supplier_id))

        return self.platform.run(actor, action, handler,
                                 roles=[Role.QUALITY, Role.TECHNICAL, Role.PURCHASING])

    @acting
    def set_category_policy(self, actor: Actor, category: Category,
                            requirements: Sequence[QualificationRequirement | Mapping[str, Any]],
                            reason: str) -> list[QualificationRequirement]:
        """Change the qualifications a category requires (audited with the previous policy)."""
        require_reason(reason)
        category = Category(category)
        reqs = parse_requirements(category, requirements)

        def handler(uow: UnitOfWork) -> list[QualificationRequirement]:
            before = load_policies(uow.session)[category]
            stored = [r.model_dump() for r in reqs]
            store_policy(uow.session, category, stored, actor.id, uow.now)
            uow.record("supplier.policy.set", "category_policy", category.value, {
                "before": [r.model_dump() for r in before], "after": stored, "reason": reason},
                event="CategoryPolicyChanged")
            return list(reqs)

        return self.platform.run(actor, "supplier.policy.set", handler,
                                 roles=[Role.ADMINISTRATOR, Role.QUALITY, Role.TECHNICAL])

    @guarded
    def category_policy(self, category: Category) -> list[QualificationRequirement]:
        """The qualifications `category` requires now."""
        with self.platform.session() as session:
            return list(load_policies(session)[Category(category)])


def load_qualification(session: Session, qualification_id: int) -> QualificationRow:
    """The qualification row, or NotFoundError."""
    qual = session.get(QualificationRow, qualification_id)
    if qual is None:
        raise NotFoundError("supplier.qualification.not_found", f"No qualification {qualification_id}",
                            f"没有编号为 {qualification_id} 的资质",
                            {"qualification_id": qualification_id})
    return qual


def parse_requirements(category: Category, requirements: Sequence[Any]) -> list[QualificationRequirement]:
    """A category policy's requirements, validated; each type at most once."""
    try:
        reqs = _REQUIREMENTS.validate_python(
            [r.model_dump() if isinstance(r, QualificationRequirement) else r for r in requirements])
    except pydantic.ValidationError as exc:
        raise from_pydantic(exc, "QualificationRequirement") from None
    if len({r.type for r in reqs}) != len(reqs):
        raise ValidationError("supplier.policy.duplicate", "A type is required twice",
                              "同一资质类型重复", {"category": category.value})
    return reqs


def store_policy(session: Session, category: Category, stored: list[dict[str, Any]],
                 actor_id: str, at: Any) -> None:
    """Write the category's policy row (created the first time)."""
    row = session.get(CategoryPolicyRow, category.value) or CategoryPolicyRow(
        category=category.value, requirements=stored, updated_by=actor_id, updated_at=at)
    row.requirements, row.updated_by, row.updated_at = stored, actor_id, at
    session.add(row)


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
