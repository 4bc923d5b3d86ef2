"""Live bids: which suppliers take part in a tender that is still running.

A supplier has a live bid from the publication of a tender it bid in (or, for an invited tender
or a price inquiry, was invited to) until that tender is contracted, failed or cancelled. The
supplier register asks this through the provider `Platform` hands it
(`SupplierService.live_tenders`), so that warning, suspending or blacklisting a bidder in flight
needs a supervisor's approval; the register does not import bidding.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import or_, select
from sqlmodel import Session, col

from zhaocai.bidding.machine import TenderState
from zhaocai.bidding.rules.tender import TenderMethod
from zhaocai.bidding.tables import BidRow, TenderRow

LIVE_STATES = (TenderState.PUBLISHED, TenderState.CLOSED, TenderState.OPENED, TenderState.EVALUATING,
               TenderState.PUBLICISING, TenderState.AWARDED)
"""From publication until the contract is signed (`contracted`), or the tender fails or is cancelled."""
_INVITING = sorted(m.value for m in TenderMethod if m.needs_invitation)


def live_tenders(session: Session, supplier_ids: Sequence[str]) -> dict[str, list[str]]:
    """Supplier id → the ids of the live tenders it bid in or was invited to (suppliers without
    any are left out). One query, whatever the number of suppliers and tenders: every live
    tender that invites or holds a bid of one of them, with that bid's supplier."""
    wanted = set(supplier_ids)
    if not wanted:
        return {}
    rows = session.execute(
        select(col(TenderRow.id), col(TenderRow.invitees), col(BidRow.supplier_id))
        .select_from(TenderRow)
        .outerjoin(BidRow, (col(BidRow.tender_id) == col(TenderRow.id))
                   & col(BidRow.supplier_id).in_(sorted(wanted)))
        .where(col(TenderRow.state).in_([s.value for s in LIVE_STATES]),
               or_(col(BidRow.supplier_id).is_not(None), col(TenderRow.method).in_(_INVITING)))
        .order_by(col(TenderRow.id))).all()
    found: dict[str, set[str]] = {}
    for tender_id, invitees, bidder in rows:
        for supplier_id in {bidder, *(invitees or ())} & wanted:
            found.setdefault(supplier_id, set()).add(tender_id)
    return {s: sorted(ids) for s, ids in sorted(found.items())}
