"""What the register's command modules share: loading, views, standing changes, role checks."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from sqlmodel import Session, col, select

from zhaocai.actors import (
    BUYER_STAFF,
    Actor,
    Role,
    is_buyer_staff,
    is_supplier_user,
    require_not_supplier,
    require_role,
)
from zhaocai.errors import NotFoundError, PermissionDenied, ValidationError
from zhaocai.machines import fire
from zhaocai.money import Money
from zhaocai.policy.store import current_policy
from zhaocai.store import UnitOfWork
from zhaocai.suppliers.machines import StandingMachine, standing_field
from zhaocai.suppliers.models import QualificationView, ScreeningView, SupplierView
from zhaocai.suppliers.rules import SupplierSettings
from zhaocai.suppliers.tables import (
    QualificationRow,
    ScreeningRow,
    StandingChangeRow,
    SupplierCategoryRow,
    SupplierRow,
)

if TYPE_CHECKING:
    from zhaocai.runner import CommandRunner

SUBJECT = "supplier"
STAFF = (Role.PURCHASING, Role.QUALITY, Role.TECHNICAL, Role.SUPERVISOR)


def load_supplier(session: Session, supplier_id: str) -> SupplierRow:
    """The supplier row, or NotFoundError."""
    row = session.get(SupplierRow, supplier_id)
    if row is None:
        raise NotFoundError(
            "supplier.not_found", f"No supplier {supplier_id!r} in the register",
            f"供应商库中没有供应商 {supplier_id!r}", {"supplier_id": supplier_id})
    return row


def categories_of(session: Session, supplier_id: str) -> dict[str, bool]:
    """category → admitted, for one supplier."""
    rows = session.exec(select(SupplierCategoryRow).where(
        col(SupplierCategoryRow.supplier_id) == supplier_id)).all()
    return {r.category: r.admitted for r in sorted(rows, key=lambda r: r.category)}


def qualification_view(q: QualificationRow) -> QualificationView:
    """The view of a qualification row."""
    assert q.id is not None
    return QualificationView(id=q.id, type=q.type, grade=q.grade, number=q.number, issuer=q.issuer,
                             valid_from=q.valid_from, valid_until=q.valid_until, status=q.status,
                             added_by=q.added_by, decided_by=q.decided_by,
                             decision_note=q.decision_note)


def view_of(session: Session, row: SupplierRow) -> SupplierView:
    """The public view of a supplier row."""
    quals = session.exec(select(QualificationRow).where(
        col(QualificationRow.supplier_id) == row.id).order_by(col(QualificationRow.id))).all()
    screening = session.get(ScreeningRow, (row.id, row.round))
    return SupplierView(
        id=row.id, credit_code=row.credit_code, name=row.name, admission=row.admission,
        standing=row.standing, round=row.round, ceiling=Money.from_fen(row.ceiling_fen).amount,
        categories=categories_of(session, row.id), ban_until=row.ban_until,
        registered_by=row.registered_by, qualifications=[qualification_view(q) for q in quals],
        external_ref=row.external_ref,
        screening=None if screening is None else ScreeningView(
            round=screening.round, matches=screening.matches, screened_at=screening.screened_at,
            decision=screening.decision, decided_by=screening.decided_by,
            decision_reason=screening.decision_reason, matches_seen=screening.matches_seen or []))


def require_own_supplier(actor: Actor, supplier_id: str, action: str) -> None:
    """A supplier's user acts only for its own supplier (whatever staff role it also holds);
    staff act for any."""
    if is_supplier_user(actor):
        if actor.has(Role.SUPPLIER) and actor.supplier_id == supplier_id:
            return
    elif actor.has(*STAFF, Role.ADMINISTRATOR):
        return
    raise PermissionDenied(
        "permission.other_supplier",
        f"{actor.name} may not {action} for supplier {supplier_id}",
        f"{actor.name} 无权代表供应商 {supplier_id} 执行 {action}",
        {"actor": actor.id, "supplier_id": supplier_id, "action": action})


def change_standing(uow: UnitOfWork, row: SupplierRow, event: str, reason: str,
                    *, extra: dict[str, Any] | None = None, private: dict[str, Any] | None = None,
                    **facts: Any) -> str:
    """Move the supplier's standing by `event` (the machine and its rules decide, given `facts`),
    record reason and audit. `extra` goes to the audit trail and the public event; `private` to
    the audit trail only."""
    before = row.standing
    after = fire(StandingMachine, standing_field(row), event, subject_id=row.id, **facts)
    record_standing(uow, row, before, after, reason, event, extra=extra, private=private)
    return after


def record_standing(uow: UnitOfWork, row: SupplierRow, before: str | None, after: str,
                    reason: str, event: str, *, extra: dict[str, Any] | None = None,
                    private: dict[str, Any] | None = None) -> None:
    """Persist a standing change with its reason, its history row and its audit link."""
    row.standing = after
    uow.session.add(row)
    change = {"from": before, "to": after, "event": event, "reason": reason, **(extra or {})}
    rec = uow.record(f"supplier.standing.{event}", SUBJECT, row.id, {**change, **(private or {})},
                     event="SupplierStandingChanged", payload=change if private else None)
    uow.session.add(StandingChangeRow(
        supplier_id=row.id, from_standing=before, to_standing=after, reason=reason,
        actor_id=uow.actor.id, at=uow.now, audit_seq=rec.seq))


class ServiceBase:
    """The platform, the register's settings and the live-tender provider, shared by the command
    mix-ins. `live_tenders(session, supplier_ids)` answers supplier id → its live tenders
    (`zhaocai.suppliers.live_guard`); `Platform` hands it bidding's query."""

    platform: CommandRunner  # the command runner `Platform.open` hands the register
    settings: SupplierSettings
    live_tenders: Callable[[Session, Sequence[str]], dict[str, list[str]]]
    follows_policy: bool = False

    def inspection_threshold(self, session: Session) -> Decimal:
        """The ceiling from which admission needs a site inspection: the organisation's policy in
        force (zhaocai.policy), unless the service was given settings of its own."""
        if self.follows_policy:
            return current_policy(session).profile.site_inspection_threshold
        return self.settings.site_inspection_threshold


def require_reason(reason: str) -> None:
    """Refuse a command whose written reason is empty."""
    if not reason or not reason.strip():
        raise ValidationError("supplier.reason", "A reason is required", "必须说明理由")


def require_staff_read(actor: Actor, action: str) -> None:
    """A read for the buyer's staff only: never a supplier's user (`permission.supplier_as_staff`),
    never someone without a staff role (`permission.role`)."""
    require_not_supplier(actor, action)
    require_role(actor, BUYER_STAFF, action)


def own_or_any(actor: Actor, supplier_id: str | None, action: str) -> str | None:
    """The supplier a read may cover: the buyer's staff any (`supplier_id` as asked), a supplier's
    user only its own (`permission.supplier_read` when it asks for all or for another)."""
    if is_buyer_staff(actor):
        return supplier_id
    if actor.supplier_id is not None and supplier_id == actor.supplier_id:
        return supplier_id
    raise PermissionDenied(
        "permission.supplier_read",
        f"{actor.name} may read only its own supplier's entries ({action})",
        f"{actor.name} 仅可查阅本单位的信息（{action}）",
        {"actor": actor.id, "supplier_id": supplier_id, "action": action})
