"""Eligibility holds to the contract: the award and every contract signature ask the register
again, at their own moment, whether the winner may still take part (category, amount, standing,
qualifications). A supplier blacklisted, suspended or out of qualification since the report is
refused the award (`award.winner_ineligible`) or the signature (`contract.supplier_ineligible`),
with the register's reasons; a supervisor then decides (`ineligible.py`).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlmodel import Session

from zhaocai.bidding.evaluating.common import refuse
from zhaocai.bidding.evaluating.tables import ContractRow
from zhaocai.bidding.tables import TenderRow
from zhaocai.categories import Category
from zhaocai.errors import RuleViolation
from zhaocai.money import Money
from zhaocai.suppliers.eligibility import check_eligibility, eligibility_of_many
from zhaocai.suppliers.models import Eligibility


def reasons_of(verdict: Eligibility) -> list[dict[str, str]]:
    """The register's reasons as stored JSON (codes prefixed `eligibility.`)."""
    return [{"code": f"eligibility.{r.code}", "en": r.message_en, "zh": r.message_zh}
            for r in verdict.reasons]


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
             "reasons": reasons_of(verdicts[supplier_id])}
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


def require_eligible_signatory(session: Session, category: str, contract: ContractRow,
                               at: datetime) -> None:
    """Refuse a signature (either side's) while the contract's supplier is not eligible now for
    the procurement's `category`."""
    verdict = check_eligibility(session, contract.supplier_id, Category(category),
                                Money.from_fen(contract.amount_fen).amount, at)
    if verdict.eligible:
        return
    reasons = reasons_of(verdict)
    lots = [{"lot_id": contract.lot_id, "supplier_id": contract.supplier_id, "reasons": reasons}]
    raise refuse("contract.supplier_ineligible",
                 f"The supplier is no longer eligible ({_text(lots, 'en')}): the contract cannot be "
                 "signed; a supervisor decides: the next candidate or a re-tender (Reg 55)",
                 f"中标人已不具备资格（{_text(lots, 'zh')}），不得签订合同；须由纪检人员决定由下一名候选人"
                 "递补或重新招标（实施条例第五十五条）",
                 contract_id=contract.id, supplier_id=contract.supplier_id, reasons=reasons)
