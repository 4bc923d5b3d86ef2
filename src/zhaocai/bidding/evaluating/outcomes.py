"""What the evaluation commands that record one fact answer: a typed view of that fact.

Bid security, a committee finding, an inquiry's signatures and an inquiry override are read back
from the store inside the command that wrote them, so the view is exactly what was stored.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from pydantic import BaseModel, ConfigDict
from sqlmodel import Session

from zhaocai.bidding.evaluating.tables import FindingRow, InquiryOverrideRow


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True)


class SecurityRecorded(_Frozen):
    """Bid security recorded by finance in one command: supplier id → amount received."""

    tender_id: str
    payments: dict[str, Decimal]
    recorded_by: str
    recorded_at: datetime


class FindingView(_Frozen):
    """A committee member's finding that a bid (or one lot of it) does not respond."""

    id: str
    tender_id: str
    bid_id: str
    lot_id: str | None
    en: str
    zh: str
    recorded_by: str
    recorded_at: datetime


class InquirySignatures(_Frozen):
    """The officers who have signed a price inquiry's quote record so far."""

    tender_id: str
    signed_by: list[str]


class InquiryOverrideView(_Frozen):
    """A written reason to choose another supplier than the lowest quote, and its approval."""

    id: str
    tender_id: str
    lot_id: str
    supplier_id: str
    reason: str
    proposed_by: str
    proposed_at: datetime
    approved_by: str | None = None
    approved_at: datetime | None = None


def finding_view(session: Session, finding_id: str) -> FindingView:
    """The stored finding (inside the command that wrote it)."""
    return FindingView.model_validate(session.get(FindingRow, finding_id), from_attributes=True)


def override_view(session: Session, override_id: str) -> InquiryOverrideView:
    """The stored override (inside the command that wrote it)."""
    return InquiryOverrideView.model_validate(session.get(InquiryOverrideRow, override_id),
                                              from_attributes=True)
