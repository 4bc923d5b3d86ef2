"""Who may bid: the supplier register's eligibility, plus the invitation a method requires."""

from __future__ import annotations

from decimal import Decimal

from sqlmodel import Session, col, select

from zhaocai.bidding.rules import bid as bid_rules
from zhaocai.bidding.tables import BidRow
from zhaocai.categories import Category
from zhaocai.store import UnitOfWork
from zhaocai.suppliers.eligibility import eligibility_on
from zhaocai.suppliers.models import Eligibility
from zhaocai.suppliers.tables import SupplierRow


def verdict(uow: UnitOfWork, supplier_id: str, category: Category, amount: Decimal) -> Eligibility:
    """The register's verdict on the supplier in `category` for `amount` at the command's moment:
    the one way a tender command asks the register.

    One query on the command's connection, in its transaction; it needs no ORM session (the bid
    commands open none). A tender command changes no supplier, so no pending ORM change of the
    command could alter the verdict.
    """
    return eligibility_on(uow.connection, supplier_id, category, amount, uow.now)


def require_eligible(uow: UnitOfWork, supplier_id: str, category: Category, amount: Decimal, *,
                     code: str = bid_rules.INELIGIBLE) -> None:
    """Refuse unless the supplier is eligible in `category` for `amount` now (error `code`)."""
    found = verdict(uow, supplier_id, category, amount)
    bid_rules.require_eligible(found, supplier_id, category, amount, code)


def bidder_names(session: Session, tender_id: str) -> dict[str, str]:
    """Names of every supplier with a bid on the tender, in one query (for the opening record)."""
    rows = session.exec(
        select(SupplierRow.id, SupplierRow.name)
        .join(BidRow, col(BidRow.supplier_id) == col(SupplierRow.id))
        .where(col(BidRow.tender_id) == tender_id)
    ).all()
    return {row[0]: row[1] for row in rows}
