"""Publicity (公示): bidders' objections (异议) and their answers; removal of candidates.

Only a bidder of the tender may object, and only while the publicity runs. The award waits until
every objection is answered (by purchasing or a supervisor). A candidate is removed only by a
recorded reason approved by a supervisor who is not its proposer (Reg 55).
"""

from __future__ import annotations

import uuid

from sqlmodel import Session, col, select

from zhaocai.bidding.evaluating.common import SUBJECT, conflict, fire_step, lot_row
from zhaocai.bidding.evaluating.tables import ObjectionRow, RemovalRow
from zhaocai.bidding.evaluating.views import ObjectionView, ReasonView, RemovalView
from zhaocai.bidding.lifecycle import load_tender
from zhaocai.bidding.rules.award import require_removal_approval
from zhaocai.bidding.submission import supplier_of
from zhaocai.bidding.tables import OpenedBidRow
from zhaocai.errors import NotFoundError, PermissionDenied, ValidationError
from zhaocai.store import UnitOfWork


def objection_view(row: ObjectionRow) -> ObjectionView:
    """The view of an objection."""
    return ObjectionView(id=row.id, tender_id=row.tender_id, lot_id=row.lot_id,
                         supplier_id=row.supplier_id, raised_at=row.raised_at, text=row.text,
                         answer=row.answer, answered_by=row.answered_by, answered_at=row.answered_at)


def removal_view(row: RemovalRow) -> RemovalView:
    """The view of a removal."""
    return RemovalView(id=row.id, tender_id=row.tender_id, lot_id=row.lot_id, bid_id=row.bid_id,
                       reason=ReasonView(code=row.code, en=row.en, zh=row.zh),
                       proposed_by=row.proposed_by, approved_by=row.approved_by)


def raise_objection(uow: UnitOfWork, tender_id: str, text: str, lot_id: str | None) -> ObjectionView:
    """A bidder objects to the publicised candidates, during the publicity only."""
    supplier_id = supplier_of(uow.actor)
    tender = load_tender(uow, tender_id)
    fire_step(uow, tender, "raise_objection")
    bid = uow.session.exec(select(OpenedBidRow).where(col(OpenedBidRow.tender_id) == tender.id,
                                                      col(OpenedBidRow.supplier_id) == supplier_id)).first()
    if bid is None:
        raise PermissionDenied("objection.not_a_bidder", "Only a bidder of this tender may object",
                               "仅本项目投标人可提出异议", {"supplier_id": supplier_id})
    if lot_id is not None:
        lot_row(uow.session, tender.id, lot_id)
    if not text.strip():
        raise ValidationError("objection.text", "An objection states its grounds", "异议须说明理由", {})
    row = ObjectionRow(id=f"obj-{uuid.uuid4().hex[:12]}", tender_id=tender.id, lot_id=lot_id,
                       supplier_id=supplier_id, raised_by=uow.actor.id, raised_at=uow.now, text=text)
    uow.session.add(row)
    uow.record("evaluation.objection", SUBJECT, tender.id,
               {"objection_id": row.id, "tender_id": tender.id, "lot_id": lot_id,
                "supplier_id": supplier_id, "text": text},
               event="ObjectionRaised", payload={"objection_id": row.id, "tender_id": tender.id})
    return objection_view(row)


def answer_objection(uow: UnitOfWork, objection_id: str, answer: str) -> ObjectionView:
    """Purchasing or a supervisor answers an objection (in writing)."""
    row = uow.session.get(ObjectionRow, objection_id)
    if row is None:
        raise NotFoundError("objection.not_found", f"No objection {objection_id!r}",
                            f"异议 {objection_id!r} 不存在", {"objection_id": objection_id})
    if row.answered_at is not None:
        raise conflict("objection.already_answered", "This objection is already answered",
                       "该异议已答复", objection_id=objection_id)
    if not answer.strip():
        raise ValidationError("objection.answer_text", "The answer must be written", "答复不能为空", {})
    row.answer, row.answered_by, row.answered_at = answer, uow.actor.id, uow.now
    uow.session.add(row)
    uow.record("evaluation.objection_answer", SUBJECT, row.tender_id,
               {"objection_id": row.id, "tender_id": row.tender_id, "answer": answer},
               event="ObjectionAnswered", payload={"objection_id": row.id, "tender_id": row.tender_id})
    return objection_view(row)


def open_objections(session: Session, tender_id: str) -> int:
    """Objections not yet answered."""
    return len(session.exec(select(ObjectionRow.id).where(
        col(ObjectionRow.tender_id) == tender_id, col(ObjectionRow.answered_at).is_(None))).all())


def propose_removal(uow: UnitOfWork, tender_id: str, lot_id: str, bid_id: str,
                    code: str, en: str, zh: str) -> RemovalView:
    """Record a reason removing a candidate (it counts only once another person approves it)."""
    tender = load_tender(uow, tender_id)
    fire_step(uow, tender, "remove_candidate")
    lot = lot_row(uow.session, tender.id, lot_id)
    if bid_id not in (lot.candidates or []):
        raise ValidationError("award.not_a_candidate", f"{bid_id} is not a candidate of lot {lot_id}",
                              f"{bid_id} 不是标段 {lot_id} 的中标候选人", {"bid_id": bid_id})
    if not en.strip() or not zh.strip():
        raise ValidationError("award.removal_reason", "A removal states its reason in English and Chinese",
                              "取消资格须有中英文理由", {})
    row = RemovalRow(id=f"rmv-{uuid.uuid4().hex[:12]}", tender_id=tender.id, lot_id=lot_id,
                     bid_id=bid_id, code=code, en=en, zh=zh, proposed_by=uow.actor.id,
                     proposed_at=uow.now)
    uow.session.add(row)
    uow.record("award.removal_propose", SUBJECT, tender.id,
               {"removal_id": row.id, "lot_id": lot_id, "bid_id": bid_id, "code": code, "en": en, "zh": zh},
               event="CandidateRemovalProposed", payload={"removal_id": row.id, "tender_id": tender.id})
    return removal_view(row)


def approve_removal(uow: UnitOfWork, removal_id: str) -> RemovalView:
    """A supervisor other than the proposer approves a candidate's removal."""
    row = uow.session.get(RemovalRow, removal_id)
    if row is None:
        raise NotFoundError("award.removal_not_found", f"No removal {removal_id!r}",
                            f"不存在取消资格申请 {removal_id!r}", {"removal_id": removal_id})
    require_removal_approval(removal_id, row.bid_id, proposed_by=row.proposed_by,
                             approved_by=row.approved_by, approver=uow.actor)
    fire_step(uow, load_tender(uow, row.tender_id), "remove_candidate")
    row.approved_by, row.approved_at = uow.actor.id, uow.now
    uow.session.add(row)
    uow.record("award.removal_approve", SUBJECT, row.tender_id,
               {"removal_id": row.id, "bid_id": row.bid_id, "lot_id": row.lot_id},
               event="CandidateRemoved", payload={"removal_id": row.id, "tender_id": row.tender_id,
                                                  "lot_id": row.lot_id, "bid_id": row.bid_id})
    return removal_view(row)
