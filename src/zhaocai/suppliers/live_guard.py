"""No eliminating a bidder in flight: warning, suspending or blacklisting a supplier with a live bid.

A supplier has a live bid from the publication of a tender it bid in (or was invited to) until
that tender's contract is signed, or the tender fails or is cancelled. Then an officer's warning
or suspension (by hand, or from a closed review period's grades) does not change the standing:
it becomes a request (kind `warn` / `suspend`) that a supervisor (纪检) other than the requester
approves or rejects, with a reason. A blacklisting of such a supplier takes effect only with the
approval of a supervisor other than its proposer. The register learns which tenders are live
from the provider `Platform` hands it (`zhaocai.bidding.live.live_tenders`): it does not import
bidding.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from typing import Any

from sqlalchemy import Text, type_coerce
from sqlmodel import Session, col, select

from zhaocai.actors import Role
from zhaocai.errors import ConflictError, RuleViolation
from zhaocai.store import UnitOfWork
from zhaocai.suppliers.common import SUBJECT
from zhaocai.suppliers.tables import RequestRow

LiveTenders = Callable[[Session, Sequence[str]], dict[str, list[str]]]
"""session, supplier ids → supplier id → its live tenders (suppliers without any left out)."""

HELD_EVENTS = ("warn", "suspend")
"""Standing changes that wait for a supervisor when the supplier has a live bid."""


def no_live_tenders(session: Session, supplier_ids: Sequence[str]) -> dict[str, list[str]]:
    """The provider of a register that runs without tendering: nobody has a live bid."""
    return {}


def pending_request(session: Session, supplier_id: str, kind: str) -> RequestRow | None:
    """The supplier's pending request of `kind`, if any."""
    return session.exec(select(RequestRow).where(
        col(RequestRow.supplier_id) == supplier_id, col(RequestRow.kind) == kind,
        col(RequestRow.state) == "pending")).first()


def hold_change(uow: UnitOfWork, supplier_id: str, standing: str | None, event: str, reason: str,
                tenders: Sequence[str]) -> RequestRow:
    """Hold a warning or suspension of a supplier with live bids for a supervisor's approval:
    a pending request (one per supplier and kind), audited; the standing does not change."""
    if pending_request(uow.session, supplier_id, event) is not None:
        raise ConflictError(
            "supplier.standing_request.pending",
            f"A {event} of supplier {supplier_id} already waits for a supervisor's approval",
            f"供应商 {supplier_id} 已有待纪检审批的{'警告' if event == 'warn' else '暂停'}申请",
            {"supplier_id": supplier_id, "event": event})
    request = RequestRow(
        id=f"req-{uuid.uuid4().hex[:16]}", supplier_id=supplier_id, kind=event, state="pending",
        reason=reason, evidence=[], requested_by=uow.actor.id, requested_at=uow.now,
        approvals=[], live_tenders=list(tenders))
    uow.session.add(request)
    # Audited, but no outbox event: a held request would tell integrators that the supplier has
    # a live bid, and before the opening nobody may learn who bid (the approved change is then
    # published like any other, without the request's facts).
    uow.record("supplier.standing_request.open", SUBJECT, supplier_id, {
        "request_id": request.id, "event": event, "standing": standing, "reason": reason,
        "live_tenders": list(tenders)})
    return request


def require_live_supervisor(request: RequestRow, approvals: Sequence[dict[str, Any]],
                            live: Sequence[str]) -> None:
    """A blacklisting of a supplier with live bids needs a supervisor other than its proposer
    among its approvers (`supplier.live_bid.supervisor_required`)."""
    if not live:
        return
    if any(Role.SUPERVISOR.value in a["roles"] and a["actor_id"] != request.requested_by
           for a in approvals):
        return
    raise RuleViolation(  # which tenders is not said: before the opening nobody learns who bid
        "supplier.live_bid.supervisor_required",
        f"Supplier {request.supplier_id} has a live bid: its blacklisting needs the approval of a "
        "supervisor (纪检) other than the proposer",
        f"供应商 {request.supplier_id} 有在途投标，清退须经提议人以外的纪检人员审批",
        {"supplier_id": request.supplier_id, "approvers": [a["actor_id"] for a in approvals]})


def live_standing_requests(session: Session, tender_id: str) -> list[RequestRow]:
    """Every warning, suspension or blacklisting asked of a supplier while it had a live bid in
    `tender_id` (pending or decided), oldest first: the tender's integrity report lists them."""
    rows = session.exec(select(RequestRow).where(
        type_coerce(col(RequestRow.live_tenders), Text).like(f'%"{tender_id}"%'))
        .order_by(col(RequestRow.requested_at), col(RequestRow.id))).all()
    return [r for r in rows if tender_id in (r.live_tenders or ())]
