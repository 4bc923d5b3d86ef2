"""Award (定标), award notice (中标通知书) and contract (合同), lot by lot.

The award needs the publicity to be over and every objection answered (`can_award`); each lot
goes to its first candidate unless an approved removal takes it out, then the next
(`decide_award`). Every winner must be eligible in the register at the award's moment, and the
supplier at each signature (`holds.py`): otherwise the command is refused and a supervisor decides
(next candidate or re-tender, Reg 55). The award's amount is exactly the winning bid's opened
price for the lot, and the contract is created at that same amount, to be signed by the buyer
and the supplier within `contract_within_days` (Law 46); when every awarded lot's contract is
signed the tender is `contracted`.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlmodel import Session, col, select

from zhaocai.actors import Actor
from zhaocai.bidding.consistency import require_consistent
from zhaocai.bidding.evaluating.common import (
    entry_row,
    evaluation_row,
    fire_step,
    money,
    refuse,
)
from zhaocai.bidding.evaluating.holds import require_eligible_winners
from zhaocai.bidding.evaluating.machines import ContractMachine, ContractState, LotMachine
from zhaocai.bidding.evaluating.objections import open_objections
from zhaocai.bidding.evaluating.report import entry_amount
from zhaocai.bidding.evaluating.tables import AwardRow, ContractRow, EntryRow, LotRow, RemovalRow
from zhaocai.bidding.evaluating.views import AwardView, ContractView, NoticeView
from zhaocai.bidding.lifecycle import fire_transition, frozen_rules, load_tender
from zhaocai.bidding.rules import (
    AwardDecision,
    Reason,
    Removal,
    award_notice,
    contract_deadline,
    decide_award,
)
from zhaocai.bidding.rules.contracts import check_external_ref as check_contract_ref
from zhaocai.bidding.tables import TenderRow
from zhaocai.categories import Category
from zhaocai.errors import NotFoundError
from zhaocai.machines import fire, sources
from zhaocai.money import Money, amount_in_words
from zhaocai.people.interests.records import require_no_interest
from zhaocai.people.interests.rules import Duty
from zhaocai.store import UnitOfWork
from zhaocai.suppliers.eligibility import check_eligibility
from zhaocai.suppliers.tables import SupplierRow

PENDING, SIGNED, VOID = ContractState.PENDING.value, ContractState.SIGNED.value, ContractState.VOID.value


def notice_view(award: AwardRow, contract: ContractRow) -> NoticeView:
    """The notice of an award with its contract's id and deadline."""
    n = award.notice
    return NoticeView(award_id=award.id, tender_id=award.tender_id, lot_id=award.lot_id,
                      supplier_id=award.supplier_id, supplier_name=n["supplier_name"],
                      title_en=n["title_en"], title_zh=n["title_zh"],
                      amount=Money.from_fen(award.amount_fen).amount,
                      amount_figures=n["amount_figures"], amount_in_words=n["amount_in_words"],
                      body_en=n["body_en"], body_zh=n["body_zh"], contract_id=contract.id,
                      sign_by=contract.sign_by)


def award_view(session: Session, tender: TenderRow) -> AwardView:
    """Every notice of a tender, lot by lot."""
    awards = session.exec(select(AwardRow).where(col(AwardRow.tender_id) == tender.id,
                                                 col(AwardRow.voided_at).is_(None))
                          .order_by(col(AwardRow.lot_id))).all()
    contracts = {c.award_id: c for c in session.exec(select(ContractRow).where(
        col(ContractRow.tender_id) == tender.id)).all()}
    return AwardView(tender_id=tender.id, state=tender.state,
                     notices=[notice_view(a, contracts[a.id]) for a in awards])


def _notice(session: Session, tender: TenderRow, lot: LotRow, entry: EntryRow,
            deadline: datetime) -> dict[str, str]:
    """The award notice's texts as stored with the award (with the winner's name)."""
    supplier = session.get(SupplierRow, entry.supplier_id)
    name = supplier.name if supplier else entry.supplier_id
    text = award_notice(tender_ref=tender.id, tender_title=tender.title,
                        lot_name=lot.title if len(tender.lots) > 1 else None, supplier_name=name,
                        amount=entry_amount(entry), contract_deadline_at=deadline)
    return {"supplier_name": name, "title_en": text.title_en, "title_zh": text.title_zh,
            "amount_figures": text.amount_figures, "amount_in_words": text.amount_in_words,
            "body_en": text.body_en, "body_zh": text.body_zh}


def write_award(uow: UnitOfWork, tender: TenderRow, lot: LotRow, decision: AwardDecision, entry: EntryRow,
                deadline: datetime) -> dict[str, Any]:
    """Write a lot's award, its notice and its pending contract; return the audit facts."""
    fen = entry.price_fen
    assert fen is not None
    notice = _notice(uow.session, tender, lot, entry, deadline)
    removed = [{"bid_id": r.bid_id, "code": r.reason.code, "en": r.reason.en, "zh": r.reason.zh,
                "recorded_by": r.recorded_by, "approved_by": r.approved_by, "basis": r.basis}
               for r in decision.removed]
    award = AwardRow(id=f"awd-{uuid.uuid4().hex[:12]}", tender_id=tender.id, lot_id=lot.lot_id,
                     bid_id=entry.bid_id, supplier_id=entry.supplier_id, amount_fen=fen, rank=decision.rank,
                     removed=removed, awarded_at=uow.now, awarded_by=uow.actor.id, notice=notice)
    contract = ContractRow(id=f"ctr-{uuid.uuid4().hex[:12]}", tender_id=tender.id, lot_id=lot.lot_id,
                           award_id=award.id, bid_id=entry.bid_id, supplier_id=entry.supplier_id,
                           amount_fen=fen, status=PENDING, created_at=uow.now, sign_by=deadline)
    fire(LotMachine, lot, "award", subject_id=lot.lot_id)
    uow.session.add_all([award, contract, lot])
    return {"lot_id": lot.lot_id, "award_id": award.id, "contract_id": contract.id,
            "bid_id": entry.bid_id, "supplier_id": entry.supplier_id, "rank": decision.rank,
            "amount": str(entry_amount(entry)), "amount_in_words": notice["amount_in_words"],
            "removed": [r["bid_id"] for r in removed]}


def removals_of(session: Session, tender_id: str, lot_id: str | None = None) -> list[Removal]:
    """The recorded removals of a tender (or of one lot) as the pure rules take them."""
    query = select(RemovalRow).where(col(RemovalRow.tender_id) == tender_id)
    if lot_id is not None:
        query = query.where(col(RemovalRow.lot_id) == lot_id)
    rows = session.exec(query.order_by(col(RemovalRow.proposed_at), col(RemovalRow.id))).all()
    return [Removal(r.bid_id, Reason(r.code, r.en, r.zh), r.proposed_by, r.approved_by, r.basis, r.lot_id)
            for r in rows]


def _winners(session: Session, tender: TenderRow) -> list[tuple[LotRow, AwardDecision, EntryRow]]:
    """Every ranked lot with its first candidate not removed by an approved removal."""
    lots = session.exec(select(LotRow).where(col(LotRow.tender_id) == tender.id, col(LotRow.status).in_(
        sources(LotMachine, "award"))).order_by(col(LotRow.lot_id))).all()
    removals = removals_of(session, tender.id)
    chosen = []
    for lot in lots:
        decision = decide_award(list(lot.candidates or []), [r for r in removals if r.lot_id == lot.lot_id])
        chosen.append((lot, decision, entry_row(session, tender.id, lot.lot_id, decision.winner_bid_id)))
    if not chosen:
        raise refuse("award.nothing_to_award", "No lot is ranked for award", "没有可定标的标段",
                     tender_id=tender.id)
    return chosen


def award(uow: UnitOfWork, tender_id: str) -> AwardView:
    """Award every ranked lot to its first candidate not removed by an approved removal, once
    every winner is eligible at this moment (else `award.winner_ineligible`)."""
    session = uow.session
    tender = load_tender(uow, tender_id)
    fire_step(uow, tender, "clear_for_award", open_objections=open_objections(session, tender.id))
    chosen = _winners(session, tender)
    require_eligible_winners(session, tender, [(lot.lot_id, e.bid_id, e.supplier_id, entry_amount(e))
                                               for lot, _, e in chosen], uow.now)
    deadline = contract_deadline(uow.now, frozen_rules(tender)[0])
    facts = [write_award(uow, tender, lot, decision, entry, deadline) for lot, decision, entry in chosen]
    ev = evaluation_row(session, tender.id)
    ev.awarded_at = uow.now
    session.add(ev)
    session.flush()
    fire_transition(uow, tender, "award", {"awards": facts, "contract_sign_by": deadline},
                    action="award.decide")
    return award_view(session, tender)


def contract_view(contract: ContractRow, tender_state: str) -> ContractView:
    """The view of a contract."""
    amount = money(contract.amount_fen)
    assert amount is not None
    return ContractView(id=contract.id, tender_id=contract.tender_id, lot_id=contract.lot_id,
                        supplier_id=contract.supplier_id, bid_id=contract.bid_id, amount=amount,
                        amount_in_words=amount_in_words(amount), status=contract.status,
                        sign_by=contract.sign_by, buyer_signed_by=contract.buyer_signed_by,
                        supplier_signed_by=contract.supplier_signed_by, tender_state=tender_state,
                        external_ref=contract.external_ref)


def all_signed(session: Session, tender_id: str) -> bool:
    """Every standing (not voided) contract of the tender is signed."""
    return all(s == ContractState.SIGNED for s in session.exec(select(ContractRow.status).where(
        col(ContractRow.tender_id) == tender_id)).all() if s != ContractState.VOID)


def procurement_of(session: Session, procurement_id: str) -> tuple[str, str]:
    """The state and category of the procurement a contract comes from: a tender's, or a single
    source's (whose contracts carry its id in `tender_id`)."""
    tender = session.get(TenderRow, procurement_id)
    if tender is not None:
        return tender.state, tender.category
    from zhaocai.bidding.single_source.store import load
    row = load(session, procurement_id)
    return row.state, row.category


def procurement_state(session: Session, procurement_id: str) -> str:
    """The state of the procurement a contract comes from: a tender's, or a single source's."""
    return procurement_of(session, procurement_id)[0]


def load_contract(session: Session, contract_id: str) -> ContractRow:
    """A contract or NotFoundError."""
    row = session.get(ContractRow, contract_id)
    if row is None:
        raise NotFoundError("contract.not_found", f"No contract {contract_id!r}",
                            f"合同 {contract_id!r} 不存在", {"contract_id": contract_id})
    return row


def _signed_facts(contract: ContractRow, actor_id: str) -> dict[str, Any]:
    return {"contract_id": contract.id, "tender_id": contract.tender_id, "lot_id": contract.lot_id,
            "supplier_id": contract.supplier_id, "amount": str(money(contract.amount_fen)),
            "signed_by": actor_id, "status": contract.status, "external_ref": contract.external_ref}


def _put_signature(contract: ContractRow, actor: Actor, at: datetime) -> None:
    if actor.supplier_id is not None:
        contract.supplier_signed_by, contract.supplier_signed_at = actor.id, at
    else:
        contract.buyer_signed_by, contract.buyer_signed_at = actor.id, at


def sign(uow: UnitOfWork, contract_id: str, external_ref: str | None = None) -> ContractView:
    """The buyer (purchasing) or the winning supplier signs; both signed: the contract stands and,
    once every contract of the tender stands, the tender is contracted. The buyer's signature may
    carry the ERP's reference (a purchase order number; `rules.contracts.check_external_ref`)."""
    session = uow.session
    contract = load_contract(session, contract_id)
    if uow.actor.supplier_id is None:  # the buyer's signatory steps aside from a supplier of interest
        require_no_interest(uow, Duty.CONTRACT_SIGNATORY, [contract.supplier_id], contract.tender_id)
    check_contract_ref(uow.actor, external_ref)
    require_consistent(uow, contract.tender_id, "contract")
    _, category = procurement_of(session, contract.tender_id)
    eligibility = check_eligibility(session, contract.supplier_id, Category(category),
                                    Money.from_fen(contract.amount_fen).amount, uow.now)
    after = fire(ContractMachine, contract, "sign", subject_id=contract.id, now=uow.now, actor=uow.actor,
                 eligibility=eligibility)
    _put_signature(contract, uow.actor, uow.now)
    contract.external_ref = external_ref or contract.external_ref
    session.add(contract)
    session.flush()
    facts = _signed_facts(contract, uow.actor.id)
    both = after == ContractState.SIGNED
    tender = session.get(TenderRow, contract.tender_id)  # None: concluded by another method (single source)
    # Every signature is an event of its own; the second also puts the contract in force, and the
    # last contract of a tender completes the tender.
    uow.record("contract.sign", "contract", contract.id, facts, event="ContractSignature")
    if both:
        uow.emit("ContractSigned", "contract", contract.id, facts)
    if tender is not None and both and all_signed(session, tender.id):
        fire_transition(uow, load_tender(uow, tender.id), "contract", facts, action="contract.sign")
    return contract_view(contract, procurement_state(session, contract.tender_id))
