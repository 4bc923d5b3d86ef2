"""The commands of single-source procurement, each the body of one `platform.run` transaction:
load, let the machine decide (its validators raise the coded errors), save, record once."""

from __future__ import annotations

import hashlib
import uuid
from typing import Any

from zhaocai.actors import Role
from zhaocai.bidding.eligibility import require_eligible
from zhaocai.bidding.evaluating.contracts import PENDING
from zhaocai.bidding.evaluating.tables import ContractRow
from zhaocai.bidding.rules.award import period_end
from zhaocai.bidding.single_source import store
from zhaocai.bidding.single_source.machine import fire
from zhaocai.bidding.single_source.models import NegotiationInput, SingleSourceDraft, SingleSourceView
from zhaocai.bidding.single_source.rules import (
    ReferenceFacts,
    SingleSourcePolicy,
    check_reference_shape,
)
from zhaocai.bidding.single_source.tables import (
    SingleSourceObjectionRow,
    SingleSourceRow,
    SingleSourceSignatureRow,
)
from zhaocai.categories import Category
from zhaocai.errors import ConflictError, PermissionDenied
from zhaocai.money import Money
from zhaocai.store import UnitOfWork
from zhaocai.store.types import canonical_json
from zhaocai.workdays import WorkingCalendar

SUBJECT = "single_source"
INELIGIBLE = "single_source.supplier_ineligible"


def _record(uow: UnitOfWork, action: str, row: SingleSourceRow, event: str, **facts: Any) -> None:
    uow.session.add(row)
    uow.session.flush()
    uow.record(action, SUBJECT, row.id, {"procurement_id": row.id, "state": row.state, **facts},
               event=event)


def _eligible(uow: UnitOfWork, row: SingleSourceRow, fen: int) -> None:
    require_eligible(uow, row.supplier_id, Category(row.category), Money.from_fen(fen).amount,
                     code=INELIGIBLE)


def _facts_json(facts: ReferenceFacts) -> dict[str, Any]:
    c = facts.contract
    return {"contract": None if c is None else {"id": c.id, "supplier_id": c.supplier_id,
                                                "amount": str(c.amount), "status": c.status},
            "committed": str(facts.committed),
            "tenders": [{"id": t.id, "state": t.state, "category": t.category,
                         "retender_of": t.retender_of} for t in sorted(facts.tenders, key=lambda t: t.id)]}


def draft(uow: UnitOfWork, data: SingleSourceDraft, policy: SingleSourcePolicy) -> SingleSourceView:
    """Store a drafted procurement under the organisation's policy (frozen on it)."""
    check_reference_shape(data.justification, data.earlier_contract_id, data.failed_tender_ids, policy)
    row = SingleSourceRow(
        id=f"ss-{uuid.uuid4().hex[:12]}", state="drafted", buyer=data.buyer, title=data.title,
        category=data.category.value, description=data.description,
        lots=[i.model_dump(mode="json") for i in data.items], estimate_fen=Money.of(data.estimate).fen,
        supplier_id=data.supplier_id, justification=data.justification.value, reason=data.reason,
        earlier_contract_id=data.earlier_contract_id, failed_tender_ids=list(data.failed_tender_ids),
        policy=policy.model_dump(mode="json"), drafted_by=uow.actor.id, drafted_at=uow.now)
    _record(uow, "single_source.draft", row, "SingleSourceDrafted", draft=data.model_dump(mode="json"))
    return store.view(uow.session, row)


def approve(uow: UnitOfWork, procurement_id: str, calendar: WorkingCalendar) -> SingleSourceView:
    """A supervisor other than the drafter approves; the public notice starts now."""
    row = store.load(uow.session, procurement_id)
    policy = SingleSourcePolicy.model_validate(row.policy)
    facts = store.reference_facts(uow.session, row)
    fire(row, "approve", approver_id=uow.actor.id, facts=facts, policy=policy)
    _eligible(uow, row, row.estimate_fen)
    row.approved_by, row.approved_at = uow.actor.id, uow.now
    row.approval_facts = _facts_json(facts)
    row.notice_ends = policy.notice_ends(uow.now, calendar)
    _record(uow, "single_source.approve", row, "SingleSourceNoticePublished",
            justification=row.justification, reason=row.reason, supplier_id=row.supplier_id,
            notice_ends=row.notice_ends, references=row.approval_facts)
    return store.view(uow.session, row)


def lodge_objection(uow: UnitOfWork, procurement_id: str, text: str) -> str:
    """Anyone (another supplier included) objects during the public notice."""
    row = store.load(uow.session, procurement_id)
    fire(row, "lodge_objection", now=uow.now)
    objection = SingleSourceObjectionRow(
        id=f"sso-{uuid.uuid4().hex[:12]}", procurement_id=row.id, raised_by=uow.actor.id,
        supplier_id=uow.actor.supplier_id, raised_at=uow.now, text=text)
    uow.session.add(objection)
    _record(uow, "single_source.objection", row, "SingleSourceObjectionLodged",
            objection_id=objection.id, raised_by=uow.actor.id, text=text)
    return objection.id


def decide_objection(uow: UnitOfWork, objection_id: str, upheld: bool, answer: str) -> SingleSourceView:
    """A supervisor decides an objection: upheld cancels the procurement (a competitive method
    must be used instead, MoF Order 74 art. 40); dismissed lets it continue."""
    objection = store.load_objection(uow.session, objection_id)
    row = store.load(uow.session, objection.procurement_id)
    if objection.decision is not None:
        raise ConflictError("single_source.objection_decided", "This objection is already decided",
                            "该异议已处理", {"objection_id": objection.id})
    fire(row, "uphold_objection" if upheld else "dismiss_objection", raised_by=objection.raised_by,
         decider_id=uow.actor.id)
    objection.decision = "upheld" if upheld else "dismissed"
    objection.answer, objection.decided_by, objection.decided_at = answer, uow.actor.id, uow.now
    uow.session.add(objection)
    if upheld:
        row.cancelled_by, row.cancelled_at = uow.actor.id, uow.now
        row.cancel_reason = f"objection {objection.id} upheld: a competitive method must be used"
    _record(uow, "single_source.objection_decide", row, "SingleSourceObjectionDecided",
            objection_id=objection.id, decision=objection.decision, answer=answer)
    return store.view(uow.session, row)


def negotiate(uow: UnitOfWork, procurement_id: str, data: NegotiationInput) -> SingleSourceView:
    """An officer records the negotiation once the notice is over and every objection decided."""
    row = store.load(uow.session, procurement_id)
    pending = sum(1 for o in store.objections(uow.session, row.id) if o.decision is None)
    fire(row, "negotiate", now=uow.now, pending=pending, agreed=data.agreed_price)
    row.agreed_fen = Money.of(data.agreed_price).fen
    row.negotiation_record = data.record
    row.negotiation_digest = hashlib.sha256(canonical_json({
        "procurement_id": row.id, "supplier_id": row.supplier_id, "agreed_price": str(data.agreed_price),
        "record": data.record}).encode("utf-8")).hexdigest()
    row.negotiated_by, row.negotiated_at = uow.actor.id, uow.now
    _record(uow, "single_source.negotiate", row, "SingleSourceNegotiated",
            agreed_price=str(data.agreed_price), digest=row.negotiation_digest)
    return store.view(uow.session, row)


def sign(uow: UnitOfWork, procurement_id: str) -> SingleSourceView:
    """One officer signs the negotiation record (a separate command per officer)."""
    row = store.load(uow.session, procurement_id)
    signers = [s.officer_id for s in store.signatures(uow.session, row.id)]
    fire(row, "sign", signers=signers, officer_id=uow.actor.id)
    assert row.negotiation_digest is not None
    uow.session.add(SingleSourceSignatureRow(procurement_id=row.id, officer_id=uow.actor.id,
                                             digest=row.negotiation_digest, signed_at=uow.now))
    _record(uow, "single_source.sign", row, "SingleSourceNegotiationSigned",
            officer_id=uow.actor.id, digest=row.negotiation_digest)
    return store.view(uow.session, row)


def conclude(uow: UnitOfWork, procurement_id: str) -> SingleSourceView:
    """With enough signatures and the supplier still eligible, the contract is created at the
    negotiated price, to be signed and performed like a tender's (`platform.evaluation`)."""
    row = store.load(uow.session, procurement_id)
    policy = SingleSourcePolicy.model_validate(row.policy)
    signers = [s.officer_id for s in store.signatures(uow.session, row.id)]
    fire(row, "conclude", signers=signers, policy=policy)
    assert row.agreed_fen is not None
    _eligible(uow, row, row.agreed_fen)
    contract = ContractRow(
        id=f"ctr-{uuid.uuid4().hex[:12]}", tender_id=row.id, lot_id=SUBJECT, award_id=row.id,
        bid_id=row.id, supplier_id=row.supplier_id, amount_fen=row.agreed_fen, status=PENDING,
        created_at=uow.now, sign_by=period_end(uow.now, policy.contract_within_days))
    uow.session.add(contract)
    row.concluded_by, row.concluded_at, row.contract_id = uow.actor.id, uow.now, contract.id
    _record(uow, "single_source.conclude", row, "SingleSourceConcluded", contract_id=contract.id,
            supplier_id=row.supplier_id, amount=str(Money.from_fen(row.agreed_fen).amount),
            signers=sorted(signers), sign_by=contract.sign_by)
    return store.view(uow.session, row)


def cancel(uow: UnitOfWork, procurement_id: str, reason: str) -> SingleSourceView:
    """The drafter or a supervisor withdraws the procurement, with a reason."""
    row = store.load(uow.session, procurement_id)
    if uow.actor.id != row.drafted_by and not uow.actor.has(Role.SUPERVISOR):
        raise PermissionDenied("single_source.cancel_not_allowed",
                               "Only the drafter or a supervisor cancels a single-source procurement",
                               "仅起草人或纪检监督人员可取消单一来源采购", {"actor": uow.actor.id})
    fire(row, "cancel")
    row.cancelled_by, row.cancelled_at, row.cancel_reason = uow.actor.id, uow.now, reason
    _record(uow, "single_source.cancel", row, "SingleSourceCancelled", reason=reason)
    return store.view(uow.session, row)
