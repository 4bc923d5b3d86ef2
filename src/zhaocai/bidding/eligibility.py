"""Who may bid: the supplier register's eligibility, plus the invitation a method requires."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from sqlalchemy import Connection
from sqlmodel import Session, col, select

from zhaocai.bidding.tables import BidRow
from zhaocai.categories import Category
from zhaocai.errors import RuleViolation
from zhaocai.suppliers.eligibility import check_eligibility, eligibility_on
from zhaocai.suppliers.models import Eligibility
from zhaocai.suppliers.tables import SupplierRow


def require_eligible(session: Session, supplier_id: str, category: Category, amount: Decimal,
                     at: datetime, *, code: str = "bid.supplier_ineligible") -> None:
    """Refuse unless the supplier is eligible in `category` for `amount` at `at`."""
    result = check_eligibility(session, supplier_id, category, amount, at)
    _refuse_unless(result, supplier_id, category, amount, code)


def require_eligible_on(connection: Connection, supplier_id: str, category: Category,
                        amount: Decimal, at: datetime, *, code: str = "bid.supplier_ineligible") -> None:
    """`require_eligible` on a connection: for commands written with Core statements only."""
    result = eligibility_on(connection, supplier_id, category, amount, at)
    _refuse_unless(result, supplier_id, category, amount, code)


def _refuse_unless(result: Eligibility, supplier_id: str, category: Category, amount: Decimal,
                   code: str) -> None:
    if result.eligible:
        return
    reasons = [r.model_dump(mode="json") for r in result.reasons]
    listing_en = "; ".join(r.message_en for r in result.reasons)
    listing_zh = "；".join(r.message_zh for r in result.reasons)
    raise RuleViolation(
        code,
        f"Supplier {supplier_id} may not take part in this tender now: {listing_en}",
        f"供应商 {supplier_id} 目前不具备参与本项目的资格：{listing_zh}",
        {"supplier_id": supplier_id, "category": category.value, "amount": str(amount),
         "reasons": reasons},
    )


def bidder_names(session: Session, tender_id: str) -> dict[str, str]:
    """Names of every supplier with a bid on the tender, in one query (for the opening record)."""
    rows = session.exec(
        select(SupplierRow.id, SupplierRow.name)
        .join(BidRow, col(BidRow.supplier_id) == col(SupplierRow.id))
        .where(col(BidRow.tender_id) == tender_id)
    ).all()
    return {row[0]: row[1] for row in rows}
