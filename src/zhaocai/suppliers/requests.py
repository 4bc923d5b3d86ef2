"""Requests that wait for other people's approval: loading, opening and viewing them.

A request (`supplier_request`) is a blacklisting, lifting a suspension, or a warning or
suspension held while the supplier has a live bid. Its lifecycle is `RequestMachine`; a
blacklisting's appeal, `AppealMachine` (suppliers/machines.py).
"""

from __future__ import annotations

import uuid
from typing import Any

from sqlmodel import Session, col, select

from zhaocai.errors import NotFoundError
from zhaocai.store import UnitOfWork
from zhaocai.suppliers.machines import RequestMachine
from zhaocai.suppliers.models import RequestView
from zhaocai.suppliers.tables import RequestRow

BLACKLIST = "blacklist"
REINSTATEMENT = "reinstatement"
PENDING = str(RequestMachine.pending.value)
APPROVED = str(RequestMachine.approved.value)


def request_view(row: RequestRow) -> RequestView:
    """The public view of a request row."""
    return RequestView(id=row.id, supplier_id=row.supplier_id, kind=row.kind, state=row.state,
                       reason=row.reason, evidence=list(row.evidence), ban_days=row.ban_days,
                       requested_by=row.requested_by, approvals=list(row.approvals),
                       appeal=row.appeal, live_bid=bool(row.live_tenders))


def pending_request(session: Session, supplier_id: str, kind: str) -> RequestRow | None:
    """The supplier's pending request of `kind`, if any."""
    return session.exec(select(RequestRow).where(
        col(RequestRow.supplier_id) == supplier_id, col(RequestRow.kind) == kind,
        col(RequestRow.state) == PENDING)).first()


def open_request(uow: UnitOfWork, supplier_id: str, kind: str, reason: str,
                 **fields: Any) -> RequestRow:
    """A new pending request of `kind`, asked by the command's actor now (added to the session)."""
    request = RequestRow(id=f"req-{uuid.uuid4().hex[:16]}", supplier_id=supplier_id, kind=kind,
                         state=PENDING, reason=reason, requested_by=uow.actor.id,
                         requested_at=uow.now, **{"evidence": [], "approvals": [], **fields})
    uow.session.add(request)
    return request


def load_request(session: Session, request_id: str, *kinds: str) -> RequestRow:
    """The request of one of `kinds`, or NotFoundError."""
    row = session.get(RequestRow, request_id)
    if row is None or row.kind not in kinds:
        raise NotFoundError("supplier.request.not_found", f"No {'/'.join(kinds)} request {request_id!r}",
                            f"没有编号为 {request_id!r} 的申请", {"request_id": request_id})
    return row


def current_blacklisting(session: Session, supplier_id: str) -> RequestRow:
    """The approved blacklisting that put the supplier where it is (the latest one)."""
    request = session.exec(select(RequestRow).where(
        col(RequestRow.supplier_id) == supplier_id, col(RequestRow.kind) == BLACKLIST,
        col(RequestRow.state) == APPROVED).order_by(col(RequestRow.decided_at).desc())).first()
    if request is None:  # only in a store edited by hand: blacklisting goes through a request
        raise NotFoundError("supplier.blacklisting.not_found",
                            f"Supplier {supplier_id} has no approved blacklisting",
                            f"供应商 {supplier_id} 没有已生效的清退决定", {"supplier_id": supplier_id})
    return request
