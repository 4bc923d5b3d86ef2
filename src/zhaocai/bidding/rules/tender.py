"""Pure tender rules: periods, deadlines, the bid security cap, the amendment deadline shift.

Plain functions over plain values: no database, no clock. Sources: Bidding Law (Law) and its
Implementing Regulations (Reg); every number comes from a `RulesProfile`.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from decimal import Decimal
from enum import StrEnum

from zhaocai.money import percent_of
from zhaocai.profile import RulesProfile


class TenderMethod(StrEnum):
    """How suppliers are reached: open tender (公开招标), invited tender (邀请招标), inquiry (询价)."""

    OPEN = "open_tender"
    INVITED = "invited_tender"
    PRICE_INQUIRY = "price_inquiry"

    @property
    def label_zh(self) -> str:
        """The Chinese name used on notices."""
        return {"open_tender": "公开招标", "invited_tender": "邀请招标",
                "price_inquiry": "询价"}[self.value]

    @property
    def needs_invitation(self) -> bool:
        """Invited tenders and price inquiries accept bids only from invitees."""
        return self is not TenderMethod.OPEN


def minimum_period_days(method: TenderMethod, profile: RulesProfile) -> int:
    """Days required from publication to the bid deadline (Law 24 for tenders)."""
    if method is TenderMethod.OPEN:
        return profile.open_tender_min_days
    if method is TenderMethod.INVITED:
        return profile.invited_tender_min_days
    return profile.inquiry_min_days


def earliest_deadline(published_at: datetime, method: TenderMethod, profile: RulesProfile) -> datetime:
    """The earliest bid deadline allowed for a tender published at `published_at`."""
    return published_at + timedelta(days=minimum_period_days(method, profile))


def minimum_invitees(method: TenderMethod, profile: RulesProfile) -> int:
    """Invitees needed: Law 17 for invited tenders, 三三二 for price inquiries; none if open."""
    if method is TenderMethod.INVITED:
        return profile.min_invitees
    if method is TenderMethod.PRICE_INQUIRY:
        return profile.inquiry_min_suppliers
    return 0


def bid_security_cap(estimate: Decimal, profile: RulesProfile) -> Decimal:
    """The largest bid security allowed: Reg 26, 2 % of the estimate by default."""
    return percent_of(estimate, profile.bid_security_cap_percent)


def amended_deadline(issued_at: datetime, deadline: datetime, profile: RulesProfile) -> datetime:
    """The deadline after an amendment or clarification issued at `issued_at` (Law 23, Reg 21).

    One issued less than `amendment_notice_days` before the deadline moves it so that exactly
    that many days remain; otherwise the deadline stands.
    """
    notice = timedelta(days=profile.amendment_notice_days)
    return max(deadline, issued_at + notice)


def accepts_bids(now: datetime, deadline: datetime) -> bool:
    """Bids are accepted strictly before the deadline; at the deadline the box is shut."""
    return now < deadline


def is_due_to_close(now: datetime, deadline: datetime) -> bool:
    """A published tender closes by itself at its deadline."""
    return now >= deadline


def needs_reconfirmation(confirmed_through: int, amendments: int) -> bool:
    """A bid last submitted or confirmed before the latest amendment must be confirmed again."""
    return confirmed_through < amendments


def shortfall(valid_bids: int, profile: RulesProfile) -> bool:
    """Fewer valid bids than the minimum fails the tender (Law 28, Reg 44)."""
    return valid_bids < profile.min_valid_bids
