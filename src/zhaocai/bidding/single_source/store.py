"""Reading single-source procurements from the store: the row, the facts its justification
names, its objections and signatures, and its view."""

from __future__ import annotations

from sqlalchemy import func
from sqlmodel import Session, col, select

from zhaocai.bidding.evaluating.tables import ContractRow
from zhaocai.bidding.single_source.machine import SingleSourceState
from zhaocai.bidding.single_source.models import (
    SignatureView,
    SingleSourceObjectionView,
    SingleSourceView,
)
from zhaocai.bidding.single_source.rules import ContractFact, ReferenceFacts, TenderFact
from zhaocai.bidding.single_source.tables import (
    SingleSourceObjectionRow,
    SingleSourceRow,
    SingleSourceSignatureRow,
)
from zhaocai.bidding.tables import TenderRow
from zhaocai.errors import NotFoundError
from zhaocai.money import Money

LIVE = (SingleSourceState.NOTICE.value, SingleSourceState.NEGOTIATING.value,
        SingleSourceState.CONCLUDED.value)


def load(session: Session, procurement_id: str) -> SingleSourceRow:
    """The procurement or `single_source.not_found`."""
    row = session.get(SingleSourceRow, procurement_id)
    if row is None:
        raise NotFoundError("single_source.not_found", f"No single-source procurement {procurement_id!r}",
                            f"单一来源采购项目 {procurement_id!r} 不存在", {"procurement_id": procurement_id})
    return row


def load_objection(session: Session, objection_id: str) -> SingleSourceObjectionRow:
    """The objection or `single_source.objection_not_found`."""
    row = session.get(SingleSourceObjectionRow, objection_id)
    if row is None:
        raise NotFoundError("single_source.objection_not_found", f"No objection {objection_id!r}",
                            f"异议 {objection_id!r} 不存在", {"objection_id": objection_id})
    return row


def rows(session: Session, state: str | None) -> list[SingleSourceRow]:
    """Every procurement (optionally in one state), oldest first."""
    query = select(SingleSourceRow)
    if state is not None:
        query = query.where(col(SingleSourceRow.state) == state)
    return list(session.exec(query.order_by(col(SingleSourceRow.drafted_at), col(SingleSourceRow.id))).all())


def reference_facts(session: Session, row: SingleSourceRow) -> ReferenceFacts:
    """What the store holds about the references of `row`'s justification."""
    contract = None
    committed = 0
    if row.earlier_contract_id is not None:
        c = session.get(ContractRow, row.earlier_contract_id)
        if c is not None:
            contract = ContractFact(c.id, c.supplier_id, Money.from_fen(c.amount_fen).amount, c.status)
        others = session.exec(select(func.coalesce(func.sum(
            func.coalesce(col(SingleSourceRow.agreed_fen), col(SingleSourceRow.estimate_fen))), 0))
            .where(col(SingleSourceRow.earlier_contract_id) == row.earlier_contract_id,
                   col(SingleSourceRow.state).in_(LIVE), col(SingleSourceRow.id) != row.id)).one()
        committed = int(others)
    tenders: tuple[TenderFact, ...] = ()
    if row.failed_tender_ids:
        ids = list(row.failed_tender_ids)
        found = session.exec(select(TenderRow).where(col(TenderRow.id).in_(ids))).all()
        tenders = tuple(TenderFact(t.id, t.state, t.category, t.retender_of) for t in found)
    return ReferenceFacts(contract=contract, committed=Money.from_fen(committed).amount, tenders=tenders)


def objections(session: Session, procurement_id: str) -> list[SingleSourceObjectionRow]:
    """The procurement's objections, oldest first."""
    return list(session.exec(select(SingleSourceObjectionRow)
                             .where(col(SingleSourceObjectionRow.procurement_id) == procurement_id)
                             .order_by(col(SingleSourceObjectionRow.raised_at),
                                       col(SingleSourceObjectionRow.id))).all())


def signatures(session: Session, procurement_id: str) -> list[SingleSourceSignatureRow]:
    """The signatures on the procurement's negotiation record, in order."""
    return list(session.exec(select(SingleSourceSignatureRow)
                             .where(col(SingleSourceSignatureRow.procurement_id) == procurement_id)
                             .order_by(col(SingleSourceSignatureRow.signed_at),
                                       col(SingleSourceSignatureRow.officer_id))).all())


def objection_view(o: SingleSourceObjectionRow) -> SingleSourceObjectionView:
    """The view of an objection."""
    return SingleSourceObjectionView(
        id=o.id, procurement_id=o.procurement_id, raised_by=o.raised_by, supplier_id=o.supplier_id,
        raised_at=o.raised_at, text=o.text, decision=o.decision, answer=o.answer,
        decided_by=o.decided_by, decided_at=o.decided_at)


def view(session: Session, row: SingleSourceRow) -> SingleSourceView:
    """The procurement with its objections and signatures."""
    return SingleSourceView(
        id=row.id, state=row.state, buyer=row.buyer, title=row.title, category=row.category,
        description=row.description, items=row.lots, estimate=Money.from_fen(row.estimate_fen).amount,
        supplier_id=row.supplier_id, justification=row.justification, reason=row.reason,
        earlier_contract_id=row.earlier_contract_id, failed_tender_ids=list(row.failed_tender_ids),
        policy=row.policy, drafted_by=row.drafted_by, drafted_at=row.drafted_at,
        approved_by=row.approved_by, approved_at=row.approved_at, approval_facts=row.approval_facts,
        notice_ends=row.notice_ends,
        agreed_price=None if row.agreed_fen is None else Money.from_fen(row.agreed_fen).amount,
        negotiation_record=row.negotiation_record, negotiation_digest=row.negotiation_digest,
        concluded_at=row.concluded_at, contract_id=row.contract_id, cancelled_at=row.cancelled_at,
        cancel_reason=row.cancel_reason,
        objections=[objection_view(o) for o in objections(session, row.id)],
        signatures=[SignatureView(officer_id=s.officer_id, signed_at=s.signed_at, digest=s.digest)
                    for s in signatures(session, row.id)])
