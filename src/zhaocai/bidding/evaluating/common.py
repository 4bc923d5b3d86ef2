"""Shared pieces of the evaluation service: loading, membership checks, the frozen spec as the
pure rules' values, and the views built from rows."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from sqlalchemy import select as sa_select
from sqlmodel import Session, col, select

from zhaocai.actors import Actor, Role
from zhaocai.bidding.consistency import require_consistent
from zhaocai.bidding.evaluating.tables import (
    ENTRY,
    CommitmentRow,
    CommitteeRow,
    EntryRow,
    EvaluationRow,
    LotRow,
    MemberRow,
)
from zhaocai.bidding.evaluating.views import EntryView, LotView, ReasonView
from zhaocai.bidding.machine import TenderMachine
from zhaocai.bidding.models import EvaluationMethod, EvaluationPart, EvaluationSpec
from zhaocai.bidding.rules import (
    AwardMethod,
    Benchmark,
    CriterionKind,
    PriceScoreFormula,
    Reason,
    ScoringCriterion,
    ScoringScheme,
    TieBreak,
)
from zhaocai.bidding.tables import OpeningRecordRow, TenderRow, opening_order
from zhaocai.errors import ConflictError, NotFoundError, PermissionDenied, RuleViolation
from zhaocai.machines import fire
from zhaocai.money import CENT
from zhaocai.store import UnitOfWork

SUBJECT = "tender"

MEMBER_ROLES = (Role.EXPERT, Role.PURCHASING, Role.QUALITY, Role.TECHNICAL, Role.FINANCE,
                Role.SUPERVISOR)


def refuse(code: str, en: str, zh: str, **details: Any) -> RuleViolation:
    """A RuleViolation with details."""
    return RuleViolation(code, en, zh, details)


def reason_dict(reason: Reason) -> dict[str, str]:
    """A reason as stored JSON."""
    return {"code": reason.code, "en": reason.en, "zh": reason.zh}


def reason_of(data: dict[str, str]) -> Reason:
    """A reason from stored JSON."""
    return Reason(data["code"], data["en"], data["zh"])


def method_of(spec: EvaluationSpec) -> AwardMethod:
    """The pure rules' award method for a spec."""
    if spec.method is EvaluationMethod.COMPREHENSIVE_SCORING:
        return AwardMethod.COMPREHENSIVE
    return AwardMethod.LOWEST_EVALUATED_PRICE


def scheme_of(spec: EvaluationSpec) -> ScoringScheme:
    """The scoring scheme of a spec: criteria by name (max points = weight); a part weighted
    without criteria is one criterion named after the part."""
    criteria = [ScoringCriterion(c.name, c.name, CriterionKind(c.part.value), c.weight, c.weight)
                for c in spec.criteria]
    for part in EvaluationPart:
        weight = getattr(spec.weights, part.value)
        if weight > 0 and not any(c.part is part for c in spec.criteria):
            criteria.append(ScoringCriterion(part.value, part.value, CriterionKind(part.value),
                                             weight, weight))
    return ScoringScheme(spec.weights.price, tuple(criteria))


def price_formula(spec: EvaluationSpec) -> PriceScoreFormula | None:
    """The price formula frozen in the tender's spec: full marks = the price weight, benchmark and
    deductions as published (None when price weighs nothing)."""
    if spec.weights.price <= 0:
        return None
    return PriceScoreFormula(
        full_marks=spec.weights.price, benchmark=Benchmark(spec.price_benchmark),
        discount_percent=spec.price_discount_percent,
        deduct_above_per_point=spec.deduct_above_per_point,
        deduct_below_per_point=spec.deduct_below_per_point)


def tie_break_of(spec: EvaluationSpec) -> TieBreak:
    """The tie-break rule frozen in the tender's spec."""
    return TieBreak(spec.tie_break)


def opening_digest(session: Session, tender_id: str) -> str:
    """The digest of the tender's last opening record (commercial stage for two envelopes)."""
    row = session.exec(select(OpeningRecordRow).where(col(OpeningRecordRow.tender_id) == tender_id)
                       .order_by(*opening_order(latest_first=True))).first()
    if row is None:
        raise refuse("evaluation.not_opened", "The tender has no opening record",
                     "该项目尚无开标记录", tender_id=tender_id)
    return row.digest


_STAGES = {"examine": "compliance", "write_report": "report", "clear_for_award": "award",
           "decide_ineligible": "award"}


def fire_step(uow: UnitOfWork, tender: TenderRow, event: str, **context: Any) -> None:
    """Send a move within evaluation (a self-transition of `TenderMachine`) to the tender: refused
    with `tender.transition` in a state that does not allow it, or by the order of evaluation
    (`rules/stages.py`), which sees the evaluation's moments, the command's moment and actor, and
    `context`."""
    ev = uow.session.get(EvaluationRow, tender.id)
    fire(TenderMachine, tender, event, subject_id=tender.id, now=uow.now, actor_id=uow.actor.id,
         actor_name=uow.actor.name, compliance_at=ev and ev.compliance_at,
         report_at=ev and ev.report_at, publicity_ends=ev and ev.publicity_ends, **context)
    # Fail closed: no step proceeds on rows that disagree with the audit chain.
    require_consistent(uow, tender.id, _STAGES.get(event, "evaluation"))


def evaluation_row(session: Session, tender_id: str, *, create: bool = False) -> EvaluationRow:
    """The tender's evaluation row (created on demand inside a command)."""
    row = session.get(EvaluationRow, tender_id)
    if row is None:
        if not create:
            raise refuse("evaluation.not_started", "Evaluation has not started for this tender",
                         "该项目尚未开始评标", tender_id=tender_id)
        row = EvaluationRow(tender_id=tender_id)
        session.add(row)
    return row


def committee_row(session: Session, tender_id: str) -> CommitteeRow:
    """The drawn committee or a refusal."""
    row = session.get(CommitteeRow, tender_id)
    if row is None:
        raise refuse("committee.not_drawn", "No committee has been drawn for this tender",
                     "该项目尚未抽取评标委员会", tender_id=tender_id)
    return row


def active_members(session: Session, tender_id: str) -> list[MemberRow]:
    """The committee's sitting members, in seat order."""
    return list(session.exec(select(MemberRow).where(
        col(MemberRow.tender_id) == tender_id, col(MemberRow.active).is_(True))
        .order_by(col(MemberRow.position))).all())


def require_member(session: Session, tender_id: str, actor: Actor, *, declared: bool = True) -> MemberRow:
    """The actor's seat on the committee; refuses non-members and members yet to declare."""
    member = session.get(MemberRow, (tender_id, actor.id))
    if member is None or not member.active or actor.supplier_id is not None:
        raise PermissionDenied("evaluation.not_a_member",
                               f"{actor.name} is not a member of this tender's committee",
                               f"{actor.name} 不是本项目评标委员会成员",
                               {"actor": actor.id, "tender_id": tender_id})
    if declared and member.declared_at is None:
        raise PermissionDenied("evaluation.not_declared",
                               f"{actor.name} must sign the no-conflict declaration before seeing "
                               "any bid or scoring",
                               f"{actor.name} 须先签署无利害关系声明，方可查阅投标文件或评分",
                               {"actor": actor.id, "tender_id": tender_id})
    return member


def require_all_declared(session: Session, tender_id: str) -> list[MemberRow]:
    """Every sitting member has declared, or a refusal naming how many have not."""
    members = active_members(session, tender_id)
    waiting = [m for m in members if m.declared_at is None]
    if waiting:
        raise refuse("evaluation.declarations_pending",
                     f"{len(waiting)} member(s) have not signed the no-conflict declaration",
                     f"尚有 {len(waiting)} 名评委未签署无利害关系声明", waiting=len(waiting))
    return members


def lot_titles(tender: TenderRow) -> dict[str, str]:
    """Lot id → title, in the tender's order."""
    return {lot["id"]: lot["title"] for lot in tender.lots}


def lot_row(session: Session, tender_id: str, lot_id: str) -> LotRow:
    """A lot's evaluation row or NotFoundError."""
    row = session.get(LotRow, (tender_id, lot_id))
    if row is None:
        raise NotFoundError("evaluation.lot_not_found", f"No evaluated lot {lot_id!r}",
                            f"不存在评审中的标段 {lot_id!r}", {"lot_id": lot_id})
    return row


def entry_row(session: Session, tender_id: str, lot_id: str, bid_id: str) -> EntryRow:
    """One bid's entry in a lot or NotFoundError."""
    row = session.get(EntryRow, (tender_id, lot_id, bid_id))
    if row is None:
        raise NotFoundError("evaluation.bid_not_found", f"No bid {bid_id!r} in lot {lot_id!r}",
                            f"标段 {lot_id!r} 中不存在投标 {bid_id!r}",
                            {"lot_id": lot_id, "bid_id": bid_id})
    return row


def money(fen: int | None) -> Decimal | None:
    """Yuan from fen (None stays None)."""
    # Exactly `Money.from_fen(fen).amount`, without building the Money (reports hold thousands).
    return None if fen is None else Decimal(int(fen)).scaleb(-2).quantize(CENT)


def _dec(text: str | None) -> Decimal | None:
    return None if text is None else Decimal(text)


def entry_view(row: Any) -> EntryView:
    """The view of an entry (an `EntryRow` or a Core row with the same columns). Built without
    re-validation: every value comes typed from the store (reports hold thousands of entries)."""
    return EntryView.model_construct(
        lot_id=row.lot_id, bid_id=row.bid_id, supplier_id=row.supplier_id, price=money(row.price_fen),
        compliant=bool(row.compliant), reasons=[ReasonView.model_construct(**r) for r in row.reasons],
        abnormal=row.abnormal, abnormal_decision=row.abnormal_decision, explanation=row.explanation,
        evaluated_price=money(row.evaluated_fen), price_score=_dec(row.price_score),
        technical=_dec(row.technical), commercial=_dec(row.commercial), total=_dec(row.total),
        rank=row.rank, ranked_by=row.ranked_by)


# What `entry_view` reads (not the adjustments and criteria JSON, decoded per row otherwise).
_VIEW_COLUMNS = [ENTRY.c[name] for name in (
    "lot_id", "bid_id", "supplier_id", "price_fen", "compliant", "reasons", "abnormal", "abnormal_decision",
    "explanation", "evaluated_fen", "price_score", "technical", "commercial", "total", "rank", "ranked_by")]


def lot_views(session: Session, tender_id: str) -> list[LotView]:
    """Every lot of the evaluation with its entries (ranked first, then by bid id), in bulk."""
    lots = session.exec(select(LotRow).where(col(LotRow.tender_id) == tender_id)
                        .order_by(col(LotRow.lot_id))).all()
    entries: dict[str, list[Any]] = {}
    for e in session.execute(sa_select(*_VIEW_COLUMNS).where(ENTRY.c.tender_id == tender_id)).all():
        entries.setdefault(e.lot_id, []).append(e)
    unrevealed = _unrevealed_notes(session, tender_id)
    views = []
    for lot in lots:
        rows = sorted(entries.get(lot.lot_id, []),
                      key=lambda e: (e.rank is None, e.rank or 0, e.bid_id))
        views.append(LotView(
            lot_id=lot.lot_id, title=lot.title, status=lot.status, compliant=lot.compliant,
            failure_reason=lot.failure_reason, benchmark_price=money(lot.benchmark_fen),
            entries=[entry_view(e) for e in rows], candidates=list(lot.candidates or []),
            outliers=list(lot.outliers or []), unrevealed=unrevealed.get(lot.lot_id, [])))
    return views


def _unrevealed_notes(session: Session, tender_id: str) -> dict[str, list[dict[str, Any]]]:
    """Lot id → the members recorded as never revealing their sheet (member, reason, recorded by
    and when), as the report lists them."""
    notes: dict[str, list[dict[str, Any]]] = {}
    for row in session.exec(select(CommitmentRow).where(
            col(CommitmentRow.tender_id) == tender_id, col(CommitmentRow.state) == "unrevealed")
            .order_by(col(CommitmentRow.lot_id), col(CommitmentRow.member_id))).all():
        notes.setdefault(row.lot_id, []).append({
            "member_id": row.member_id, "reason": row.reason, "recorded_by": row.recorded_by,
            "recorded_at": row.closed_at.isoformat() if row.closed_at else None})
    return notes


def conflict(code: str, en: str, zh: str, **details: Any) -> ConflictError:
    """A ConflictError with details."""
    return ConflictError(code, en, zh, details)
