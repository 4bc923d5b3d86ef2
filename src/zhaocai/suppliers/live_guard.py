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

from collections.abc import Callable, Sequence

from sqlalchemy import Text, type_coerce
from sqlmodel import Session, col, select

from zhaocai.store import UnitOfWork
from zhaocai.suppliers.common import SUBJECT
from zhaocai.suppliers.requests import open_request, pending_request
from zhaocai.suppliers.standing_rules import require_no_pending
from zhaocai.suppliers.tables import RequestRow

LiveTenders = Callable[[Session, Sequence[str]], dict[str, list[str]]]
"""session, supplier ids → supplier id → its live tenders (suppliers without any left out)."""

HELD_EVENTS = ("warn", "suspend")
"""Standing changes that wait for a supervisor when the supplier has a live bid."""


def no_live_tenders(session: Session, supplier_ids: Sequence[str]) -> dict[str, list[str]]:
    """The provider of a register that runs without tendering: nobody has a live bid."""
    return {}


def hold_change(uow: UnitOfWork, supplier_id: str, standing: str | None, event: str, reason: str,
                tenders: Sequence[str]) -> RequestRow:
    """Hold a warning or suspension of a supplier with live bids for a supervisor's approval:
    a pending request (one per supplier and kind), audited; the standing does not change."""
    require_no_pending(pending_request(uow.session, supplier_id, event), event, supplier_id)
    request = open_request(uow, supplier_id, event, reason, live_tenders=list(tenders))
    # Audited, but no outbox event: a held request would tell integrators that the supplier has
    # a live bid, and before the opening nobody may learn who bid (the approved change is then
    # published like any other, without the request's facts).
    uow.record("supplier.standing_request.open", SUBJECT, supplier_id, {
        "request_id": request.id, "event": event, "standing": standing, "reason": reason,
        "live_tenders": list(tenders)})
    return request


def live_standing_requests(session: Session, tender_id: str) -> list[RequestRow]:
    """Every warning, suspension or blacklisting asked of a supplier while it had a live bid in
    `tender_id` (pending or decided), oldest first: the tender's integrity report lists them."""
    rows = session.exec(select(RequestRow).where(
        type_coerce(col(RequestRow.live_tenders), Text).like(f'%"{tender_id}"%'))
        .order_by(col(RequestRow.requested_at), col(RequestRow.id))).all()
    return [r for r in rows if tender_id in (r.live_tenders or ())]
