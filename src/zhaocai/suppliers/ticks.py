"""Time-driven work of the register, run by `Platform.tick()`.

- `suppliers.qualifications`: from the instant a required qualification expires the supplier is
  ineligible in that category (eligibility computes it on access). The tick records it: the
  supplier's category gets a per-category suspension (`lapsed_at`) and a
  `SupplierCategoryLapsed` event; when the qualification is renewed the category is restored
  (`SupplierCategoryRestored`). The supplier's overall standing is not changed.
- `suppliers.bans`: a blacklisting whose ban period is over moves to `reapply_eligible`.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import ColumnElement, and_, exists, false, or_, select
from sqlmodel import Session, col

from zhaocai.categories import Category
from zhaocai.machines import sources
from zhaocai.store import UnitOfWork
from zhaocai.suppliers.common import SUBJECT, change_standing
from zhaocai.suppliers.eligibility import counted, held_qualifications, load_policies
from zhaocai.suppliers.machines import StandingMachine
from zhaocai.suppliers.qualifications import restore_lapsed
from zhaocai.suppliers.rules import (
    GRADE_RANK,
    AdmissionState,
    QualificationRequirement,
    grade_rank,
    qualification_gaps,
)
from zhaocai.suppliers.tables import QualificationRow, SupplierCategoryRow, SupplierRow


def _lacking(req: QualificationRequirement, now: datetime) -> ColumnElement[bool]:
    """SQL: the supplier of the category row holds no counted `req` valid at `now`."""
    valid = and_(
        col(QualificationRow.supplier_id) == col(SupplierCategoryRow.supplier_id),
        col(QualificationRow.type) == req.type, counted(col(QualificationRow.status)),
        col(QualificationRow.valid_from) <= now, col(QualificationRow.valid_until) > now)
    if req.min_grade is not None:
        ok = [g for g, r in GRADE_RANK.items() if r <= grade_rank(req.min_grade)]
        valid = and_(valid, col(QualificationRow.grade).in_(ok))
    return ~exists().where(valid)


def _lapsing(session: Session, category: Category, reqs: Sequence[QualificationRequirement],
             now: datetime) -> Sequence[SupplierCategoryRow]:
    """The admitted, not yet lapsed rows of `category` lacking one of `reqs` at `now`."""
    return session.execute(
        select(SupplierCategoryRow)
        .join(SupplierRow, col(SupplierRow.id) == col(SupplierCategoryRow.supplier_id))
        .where(col(SupplierCategoryRow.category) == category.value,
               col(SupplierCategoryRow.admitted).is_(True),
               col(SupplierCategoryRow.lapsed_at).is_(None),
               col(SupplierRow.admission) == AdmissionState.ADMITTED.value,
               or_(false(), *(_lacking(req, now) for req in reqs)))
        .order_by(col(SupplierCategoryRow.supplier_id))).scalars().all()


def lapse_expired_categories(uow: UnitOfWork) -> int:
    """Record a per-category suspension wherever a required qualification is not valid now."""
    session, now = uow.session, uow.now
    policies = load_policies(session)
    changes = 0
    for category in Category:
        rows = _lapsing(session, category, policies[category], now) if policies[category] else []
        for cat_row in rows:
            held = held_qualifications(session, cat_row.supplier_id)
            gaps = qualification_gaps(category, policies[category], held, now)
            cat_row.lapsed_at = now
            session.add(cat_row)
            uow.record("supplier.category.lapsed", SUBJECT, cat_row.supplier_id, {
                "category": category.value,
                "gaps": [{"type": g.type, "problem": g.problem, **g.found} for g in gaps]},
                event="SupplierCategoryLapsed")
            changes += 1
    lapsed_ids = session.execute(select(SupplierCategoryRow.supplier_id).where(  # type: ignore[call-overload]
        col(SupplierCategoryRow.lapsed_at).is_not(None))).scalars().all()
    return changes + restore_lapsed(uow, sorted(set(lapsed_ids)))


def end_bans(uow: UnitOfWork) -> int:
    """Blacklistings whose ban is over become eligible to re-apply."""
    rows = uow.session.execute(select(SupplierRow).where(
        col(SupplierRow.standing).in_(sources(StandingMachine, "end_ban")),
        col(SupplierRow.ban_until) <= uow.now).order_by(col(SupplierRow.id))).scalars().all()
    for row in rows:
        change_standing(uow, row, "end_ban", "ban period over", ban_until=row.ban_until,
                        at=uow.now, supplier_id=row.id)
    return len(rows)
