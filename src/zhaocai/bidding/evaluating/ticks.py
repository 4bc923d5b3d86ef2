"""Time-driven work of evaluation and award: publicity ending, contract deadlines lapsing."""

from __future__ import annotations

from sqlmodel import col, select

from zhaocai.bidding.evaluating.common import SUBJECT
from zhaocai.bidding.evaluating.machines import ContractMachine, ContractState
from zhaocai.bidding.evaluating.objections import open_objections
from zhaocai.bidding.evaluating.tables import ContractRow, EvaluationRow
from zhaocai.bidding.machine import TenderMachine
from zhaocai.bidding.tables import TenderRow
from zhaocai.machines import fire, sources
from zhaocai.store import UnitOfWork

LAPSED = ContractState.LAPSED.value


def end_publicity(uow: UnitOfWork) -> int:
    """Announce, once, every publicity period that has ended (with how many objections are open)."""
    session = uow.session
    joined = select(EvaluationRow).join(TenderRow, col(TenderRow.id) == col(EvaluationRow.tender_id))
    due = session.exec(joined.where(col(TenderRow.state).in_(sources(TenderMachine, "raise_objection")),
                              col(EvaluationRow.publicity_ends) <= uow.now,
                              col(EvaluationRow.publicity_noted_at).is_(None))
                       .order_by(col(EvaluationRow.tender_id))).all()
    for ev in due:
        ev.publicity_noted_at = uow.now
        session.add(ev)
        facts = {"tender_id": ev.tender_id, "publicity_ends": ev.publicity_ends,
                 "open_objections": open_objections(session, ev.tender_id)}
        uow.record("evaluation.publicity_end", SUBJECT, ev.tender_id, facts, event="PublicityEnded")
    return len(due)


def lapse_contracts(uow: UnitOfWork) -> int:
    """Mark contracts not signed by their deadline (Law 46) as lapsed."""
    session = uow.session
    pending = sources(ContractMachine, "lapse")
    due = session.exec(select(ContractRow).where(col(ContractRow.status).in_(pending),
                                                 col(ContractRow.sign_by) <= uow.now)
                       .order_by(col(ContractRow.id))).all()
    for contract in due:
        fire(ContractMachine, contract, "lapse", subject_id=contract.id, now=uow.now)
        session.add(contract)
        uow.record("contract.lapse", "contract", contract.id,
                   {"contract_id": contract.id, "tender_id": contract.tender_id,
                    "sign_by": contract.sign_by, "buyer_signed": contract.buyer_signed_by is not None,
                    "supplier_signed": contract.supplier_signed_by is not None},
                   event="ContractLapsed")
    return len(due)
