"""Eligibility holds to the contract: the award and every contract signature ask the register
again, at their own moment, whether the winner may still take part (category, amount, standing,
qualifications). A supplier blacklisted, suspended or out of qualification since the report is
refused the award (`award.winner_ineligible`, here) or the signature (`contract.supplier_ineligible`,
a validator of the contract machine: `bidding/rules/contracts.py`), with the register's reasons; a
supervisor then decides (`ineligible.py`).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlmodel import Session

from zhaocai.bidding.evaluating.common import refuse
from zhaocai.bidding.rules.contracts import eligibility_reasons
from zhaocai.bidding.tables import TenderRow
from zhaocai.categories import Category
from zhaocai.errors import RuleViolation
from zhaocai.suppliers.eligibility import eligibility_of_many


def _text(lots: Sequence[dict[str, Any]], key: str) -> str:
    return "; ".join(f"{x['lot_id']} {x['supplier_id']}: " + ", ".join(r[key] for r in x["reasons"])
                     for x in lots)


def winners_ineligible(session: Session, tender: TenderRow, winners: Sequence[tuple[str, str, str, Decimal]],
                       at: datetime) -> list[dict[str, Any]]:
    """Of (lot, bid, supplier, amount), those whose supplier is not eligible at `at` (one query;
    a supplier winning several lots is judged for their sum), with the reasons."""
    amounts: dict[str, Decimal] = {}
    for _, _, supplier_id, amount in winners:
        amounts[supplier_id] = amounts.get(supplier_id, Decimal(0)) + amount
    verdicts = eligibility_of_many(session, amounts, Category(tender.category), at)
    return [{"lot_id": lot_id, "bid_id": bid_id, "supplier_id": supplier_id,
             "reasons": eligibility_reasons(verdicts[supplier_id])}
            for lot_id, bid_id, supplier_id, _ in winners if not verdicts[supplier_id].eligible]


def ineligible_error(lots: Sequence[dict[str, Any]], tender_id: str) -> RuleViolation:
    """`award.winner_ineligible` naming every lot, winner and reason."""
    return refuse("award.winner_ineligible",
                  f"The winner is no longer eligible ({_text(lots, 'en')}); a supervisor decides: the "
                  "next candidate or a re-tender (Reg 55)",
                  f"中标候选人已不具备资格（{_text(lots, 'zh')}），"
                  "须由纪检人员决定由下一名候选人递补或重新招标（实施条例第五十五条）",
                  tender_id=tender_id, lots=list(lots))


def require_eligible_winners(session: Session, tender: TenderRow,
                             winners: Sequence[tuple[str, str, str, Decimal]], at: datetime) -> None:
    """Refuse the award unless every winner is eligible now."""
    lost = winners_ineligible(session, tender, winners, at)
    if lost:
        raise ineligible_error(lost, tender.id)
