"""A supervisor's decision on a lot whose winner became ineligible (Reg 55).

When the award or a contract signature is refused because the winner is no longer eligible, a
supervisor (纪检) records a decision with a written reason: `next_candidate` removes the winner
through the same removal record as `propose_removal`/`approve_removal` (its `basis` says the fact
came from the register, checked here at the decision's moment) so the next ranked candidate wins
— who must itself be eligible when awarded; `retender` fails the lot, and the tender (流标, may be
re-tendered) when no lot is left. After the award, the winner's award and pending contract are
voided (kept, marked) and a new award and contract go to the next candidate at once.
"""

from __future__ import annotations

import uuid
from decimal import Decimal
from typing import Any

from sqlmodel import col, select

from zhaocai.bidding.evaluating.common import (
    SUBJECT,
    entry_row,
    fire_step,
    lot_row,
    refuse,
)
from zhaocai.bidding.evaluating.contracts import (
    all_signed,
    award_view,
    removals_of,
    write_award,
)
from zhaocai.bidding.evaluating.holds import require_eligible_winners, winners_ineligible
from zhaocai.bidding.evaluating.machines import ContractMachine, LotMachine
from zhaocai.bidding.evaluating.report import entry_amount
from zhaocai.bidding.evaluating.tables import AwardRow, ContractRow, LotRow, RemovalRow
from zhaocai.bidding.evaluating.views import AwardView, IneligibleDecisionInput
from zhaocai.bidding.lifecycle import fire_transition, frozen_rules, load_tender
from zhaocai.bidding.rules import INELIGIBLE, Reason, Removal, contract_deadline, decide_award
from zhaocai.bidding.tables import TenderRow
from zhaocai.machines import fire, sources
from zhaocai.money import Money
from zhaocai.store import UnitOfWork


def _current(uow: UnitOfWork, tender: TenderRow, lot: LotRow) -> tuple[str, str, Decimal, AwardRow | None]:
    """The lot's winner now: (bid, supplier, amount, its standing award once awarded)."""
    session = uow.session
    fire(LotMachine, lot, "reconsider", subject_id=lot.lot_id)
    award = session.exec(select(AwardRow).where(
        col(AwardRow.tender_id) == tender.id, col(AwardRow.lot_id) == lot.lot_id,
        col(AwardRow.voided_at).is_(None))).first()
    if award is not None:
        return award.bid_id, award.supplier_id, Money.from_fen(award.amount_fen).amount, award
    decision = decide_award(list(lot.candidates or []), removals_of(session, tender.id, lot.lot_id))
    entry = entry_row(session, tender.id, lot.lot_id, decision.winner_bid_id)
    return entry.bid_id, entry.supplier_id, entry_amount(entry), None


def _void(uow: UnitOfWork, award: AwardRow, facts: dict[str, Any]) -> None:
    """Void the award and its contract, which must still await signature."""
    award.voided_at, award.voided_by, award.void_reason = uow.now, uow.actor.id, facts
    uow.session.add(award)
    contracts = uow.session.exec(select(ContractRow).where(col(ContractRow.award_id) == award.id)).all()
    for contract in contracts:
        fire(ContractMachine, contract, "annul", subject_id=contract.id)
        uow.session.add(contract)
    # What was voided is recorded, so that the award and contract rows can be checked against it.
    facts["voided_award"] = award.id
    facts["voided_contracts"] = sorted(c.id for c in contracts)


def _removal(uow: UnitOfWork, lot: LotRow, bid_id: str, reasons: list[dict[str, str]],
             why: str) -> RemovalRow:
    """The supervisor's decision as a removal record (proposer and approver the supervisor)."""
    return RemovalRow(
        id=f"rmv-{uuid.uuid4().hex[:12]}", tender_id=lot.tender_id, lot_id=lot.lot_id, bid_id=bid_id,
        code="award.winner_ineligible",
        en="no longer eligible: " + ", ".join(r["en"] for r in reasons) + f" — {why}",
        zh="已不具备资格：" + "，".join(r["zh"] for r in reasons) + f"——{why}",
        proposed_by=uow.actor.id, proposed_at=uow.now, approved_by=uow.actor.id, approved_at=uow.now,
        basis=INELIGIBLE)


def decide(uow: UnitOfWork, tender_id: str, data: IneligibleDecisionInput) -> AwardView:
    """Record the supervisor's decision (see the module docstring); refused while the winner is
    eligible (`award.winner_eligible`)."""
    session = uow.session
    tender = load_tender(uow, tender_id)
    fire_step(uow, tender, "decide_ineligible")
    lot = lot_row(session, tender.id, data.lot_id)
    bid_id, supplier_id, amount, award = _current(uow, tender, lot)
    lost = winners_ineligible(session, tender, [(lot.lot_id, bid_id, supplier_id, amount)], uow.now)
    if not lost:
        raise refuse("award.winner_eligible",
                     f"The winner of lot {lot.lot_id} is eligible: there is nothing to decide",
                     f"标段 {lot.lot_id} 的中标人仍具备资格，无需决定", lot_id=lot.lot_id,
                     supplier_id=supplier_id)
    removal = _removal(uow, lot, bid_id, lost[0]["reasons"], data.reason)
    facts: dict[str, Any] = {"tender_id": tender.id, "lot_id": lot.lot_id, "action": data.action,
                             "reason": data.reason, "bid_id": bid_id, "supplier_id": supplier_id,
                             "eligibility": [r["code"] for r in lost[0]["reasons"]], "removal_id": removal.id}
    if data.action == "next_candidate":
        _next_candidate(uow, tender, lot, removal, award, facts)
    else:
        _retender(uow, tender, lot, removal, award, facts, data.reason)
    return award_view(session, tender)


def _next_candidate(uow: UnitOfWork, tender: TenderRow, lot: LotRow, removal: RemovalRow,
                    award: AwardRow | None, facts: dict[str, Any]) -> None:
    """Pass over the winner; after the award, the next candidate (eligible now) gets the award."""
    session = uow.session
    removals = [*removals_of(session, tender.id, lot.lot_id),
                Removal(removal.bid_id, Reason(removal.code, removal.en, removal.zh), uow.actor.id,
                        uow.actor.id, INELIGIBLE, lot.lot_id)]
    decision = decide_award(list(lot.candidates or []), removals)  # none left: a re-tender
    facts["next_bid_id"] = decision.winner_bid_id
    if award is not None:
        entry = entry_row(session, tender.id, lot.lot_id, decision.winner_bid_id)
        require_eligible_winners(session, tender, [(lot.lot_id, entry.bid_id, entry.supplier_id,
                                                    entry_amount(entry))], uow.now)
        _void(uow, award, facts)
        deadline = contract_deadline(uow.now, frozen_rules(tender)[0])
        facts["award"] = write_award(uow, tender, lot, decision, entry, deadline)
    session.add(removal)
    session.flush()
    uow.record("award.ineligible_decide", SUBJECT, tender.id, facts, event="IneligibleWinnerReplaced")


def _retender(uow: UnitOfWork, tender: TenderRow, lot: LotRow, removal: RemovalRow, award: AwardRow | None,
              facts: dict[str, Any], why: str) -> None:
    """The lot fails; the tender fails when no lot is left (or is contracted when the rest is)."""
    session = uow.session
    session.add(removal)
    if award is not None:
        _void(uow, award, facts)
    fire(LotMachine, lot, "retender", subject_id=lot.lot_id,
         reason=(f"winner ineligible, re-tender decided by {uow.actor.id}: {why} / "
                 f"中标人已不具备资格，纪检人员决定重新招标：{why}"))
    session.add(lot)
    session.flush()
    standing = session.exec(select(LotRow.lot_id).where(
        col(LotRow.tender_id) == tender.id, col(LotRow.status).in_(sources(LotMachine, "retender")))).all()
    if not standing:
        tender.outcome_reason = lot.failure_reason
        fire_transition(uow, tender, "fail", {**facts, "reason": tender.outcome_reason},
                        action="award.ineligible_decide")
    elif award is not None and all_signed(session, tender.id):
        fire_transition(uow, tender, "contract", facts, action="award.ineligible_decide")
    else:
        uow.record("award.ineligible_decide", SUBJECT, tender.id, facts, event="IneligibleWinnerRetender")
