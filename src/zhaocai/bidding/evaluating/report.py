"""The evaluation report (评标报告): ranking lot by lot, candidates, and the start of publicity.

Lot by lot: comprehensive scoring (price score by the published formula plus the committee's
sealed scores) or lowest evaluated price (bid price plus documented adjustments); then
`rank_lot` with the tie-break fixed in the library and the lottery seeded by the opening record's
digest. The report's digest goes into the audit chain; the tender moves to `publicising` and the
candidates are publicised for the profile's days (calendar or working days, `platform.calendar`).
"""

from __future__ import annotations

import hashlib
from decimal import Decimal
from typing import Any

from sqlalchemy import select as sa_select
from sqlmodel import Session, col, select

from zhaocai.actors import Actor, is_buyer_staff
from zhaocai.bidding.evaluating.committee import REVEALED, committee_view
from zhaocai.bidding.evaluating.common import (
    LOT_FAILED,
    LOT_RANKED,
    active_members,
    bulk,
    evaluation_row,
    lot_views,
    method_of,
    money,
    opening_digest,
    price_formula,
    refuse,
    require_member,
    require_state,
    scheme_of,
    tie_break_of,
)
from zhaocai.bidding.evaluating.related import pending_questions
from zhaocai.bidding.evaluating.scoring import committee_scores, outlier_dict
from zhaocai.bidding.evaluating.tables import CommitteeRow, EntryRow, EvaluationRow, LotRow, SheetRow
from zhaocai.bidding.evaluating.views import EvaluationReport, LotView
from zhaocai.bidding.lifecycle import fire_transition, frozen_rules, load_tender
from zhaocai.bidding.machine import TenderState
from zhaocai.bidding.rules import (
    Adjustment,
    AwardMethod,
    Contender,
    Reason,
    evaluated_price,
    price_scores,
    publicity_ends_at,
    rank_lot,
)
from zhaocai.bidding.tables import TenderRow
from zhaocai.errors import ConflictError, NotFoundError, RuleViolation
from zhaocai.money import Money
from zhaocai.profile import RulesProfile
from zhaocai.store import UnitOfWork
from zhaocai.store.types import canonical_json
from zhaocai.workdays import WorkingCalendar

_ENTRY = EntryRow.__table__  # type: ignore[attr-defined]
_UPDATE_ENTRY = ("UPDATE evaluation_entry SET rank = ?, lottery_key = ?, ranked_by = ?, price_score = ?, "
                 "technical = ?, commercial = ?, total = ?, criteria = ?, evaluated_fen = ? "
                 "WHERE tender_id = ? AND lot_id = ? AND bid_id = ?")
_UPDATE_ORDER = ("rank", "lottery", "ranked_by", "price_score", "technical", "commercial", "total",
                 "criteria", "evaluated_fen", "t_id", "l_id", "b_id")


def _text(value: Decimal | None) -> str | None:
    return None if value is None else str(value)


def _rank_lot(session: Session, tender: TenderRow, lot: LotRow, method: AwardMethod,
              profile: RulesProfile, digest: str) -> list[dict[str, Any]]:
    _, spec = frozen_rules(tender)
    e_ = _ENTRY.c
    # Adjustments (JSON) are read only where they count: lowest evaluated price.
    columns = [e_.bid_id, e_.price_fen, e_.content_hash]
    if method is not AwardMethod.COMPREHENSIVE:
        columns.append(e_.adjustments)
    entries = {e.bid_id: e for e in session.execute(
        sa_select(*columns).where(
            e_.tender_id == tender.id, e_.lot_id == lot.lot_id, e_.compliant.is_(True)))}
    prices = {bid: Money.from_fen(e.price_fen or 0).amount for bid, e in entries.items()}
    updates: dict[str, dict[str, Any]] = {
        bid: {"t_id": tender.id, "l_id": lot.lot_id, "b_id": bid, "price_score": None,
              "technical": None, "commercial": None, "total": None, "criteria": None,
              "evaluated_fen": None} for bid in entries}
    contenders = []
    if method is AwardMethod.COMPREHENSIVE:
        formula = price_formula(spec)
        scored = price_scores(prices, formula) if formula else None
        lot.benchmark_fen = Money.of(scored.benchmark_price).fen if scored else None
        by_bid = scored.by_bid() if scored else {bid: Decimal("0.00") for bid in prices}
        results, outliers = committee_scores(session, tender.id, lot.lot_id, scheme_of(spec), profile,
                                             by_bid)
        lot.outliers = [outlier_dict(o) for o in outliers]
        for r in results:
            updates[r.bid_id].update(
                price_score=str(r.price_score), technical=str(r.technical_score),
                commercial=str(r.commercial_score), total=str(r.total),
                criteria={c.criterion_id: str(c.score) for c in r.criteria})
            contenders.append(Contender(r.bid_id, entries[r.bid_id].content_hash, total_score=r.total,
                                        technical_score=r.technical_score))
    else:
        lot.outliers = []
        for bid, entry in entries.items():
            adjustments = [Adjustment(Decimal(a["amount"]), Reason("evaluation.adjustment", a["reason"],
                                                                   a["reason"]))
                           for a in entry.adjustments]
            value = evaluated_price(prices[bid], adjustments)
            updates[bid]["evaluated_fen"] = Money.of(value).fen
            contenders.append(Contender(bid, entry.content_hash, evaluated_price=value))
    ranking = rank_lot(lot.lot_id, contenders, opening_record_hash=digest, method=method,
                       tie_break=tie_break_of(spec), profile=profile)
    for ranked in ranking.ranked:
        updates[ranked.bid_id].update(rank=ranked.rank, lottery=ranked.lottery_key,
                                      ranked_by=ranked.decided_by)
    lot.candidates = [c.bid_id for c in ranking.candidates]
    lot.status = LOT_RANKED
    session.add(lot)
    return list(updates.values())


def compile_report(uow: UnitOfWork, tender_id: str, calendar: WorkingCalendar) -> EvaluationReport:
    """Rank every lot, write the report and publicise the candidates."""
    session = uow.session
    tender = load_tender(uow, tender_id)
    require_state(tender, TenderState.EVALUATING, doing="write the evaluation report")
    require_member(session, tender.id, uow.actor)
    ev = evaluation_row(session, tender.id)
    if ev.compliance_at is None:
        raise refuse("compliance.not_checked", "Run the compliance check first", "须先进行符合性审查",
                     tender_id=tender.id)
    if ev.report_at is not None:
        raise ConflictError("evaluation.report_done", "The report is already out", "评标报告已出具",
                            {"tender_id": tender.id})
    profile, spec = frozen_rules(tender)
    method = method_of(spec)
    lots = [lot for lot in session.exec(select(LotRow).where(col(LotRow.tender_id) == tender.id)
                                        .order_by(col(LotRow.lot_id))).all() if lot.status != LOT_FAILED]
    undecided = sorted(e.bid_id for e in session.exec(select(EntryRow).where(
        col(EntryRow.tender_id) == tender.id, col(EntryRow.abnormal).is_not(None),
        col(EntryRow.abnormal_decision).is_(None))).all()
        if any(e.lot_id == lot.lot_id for lot in lots))
    if undecided:
        raise refuse("abnormal.decision_missing", "Decide on every abnormally low bid first",
                     "须先对每一异常低价投标作出认定", bid_ids=undecided)
    pending = pending_questions(session, tender.id)
    if pending:
        raise refuse("related.determination_pending",
                     f"Determine first whether {len(pending)} pair(s) of bidders sharing contacts "
                     "are related (Reg 34)",
                     f"须先认定 {len(pending)} 组共用联系方式的投标人是否存在关联（实施条例第三十四条）",
                     pairs=pending)
    if method is AwardMethod.COMPREHENSIVE:
        size = len(active_members(session, tender.id))
        for lot in lots:
            done = len(session.exec(select(SheetRow.member_id).where(
                col(SheetRow.tender_id) == tender.id, col(SheetRow.lot_id) == lot.lot_id)).all())
            if done < size:
                raise RuleViolation("scoring.not_all_submitted",
                                    f"Lot {lot.lot_id}: {size - done} member(s) have not submitted",
                                    f"标段 {lot.lot_id}：尚有 {size - done} 名评委未提交评分",
                                    {"lot_id": lot.lot_id, "waiting": size - done})
    digest = opening_digest(session, tender.id)
    updates: list[dict[str, Any]] = []
    for lot in lots:
        updates += _rank_lot(session, tender, lot, method, profile, digest)
    for u in updates:
        u.setdefault("rank", None)
        u.setdefault("lottery", None)
        u.setdefault("ranked_by", None)
    session.flush()
    bulk(session, _UPDATE_ENTRY, [
        tuple(canonical_json(u[k]) if k == "criteria" and u[k] is not None else u[k] for k in _UPDATE_ORDER)
        for u in updates])
    views = lot_views(session, tender.id)
    body = [{"lot_id": v.lot_id, "status": v.status, "candidates": v.candidates, "outliers": v.outliers,
             "benchmark_price": _text(v.benchmark_price),
             "entries": [[e.bid_id, e.supplier_id, _text(e.price), e.compliant, [r.code for r in e.reasons],
                          e.abnormal_decision, _text(e.evaluated_price), _text(e.price_score),
                          _text(e.technical), _text(e.commercial), _text(e.total), e.rank, e.ranked_by]
                         for e in v.entries]} for v in views]
    ev.report_digest = hashlib.sha256(canonical_json(body).encode("utf-8")).hexdigest()
    ev.report_at, ev.report_by = uow.now, uow.actor.id
    ev.publicity_starts = uow.now
    ev.publicity_ends = publicity_ends_at(uow.now, profile, calendar)
    session.add(ev)
    candidates = {v.lot_id: [{"rank": e.rank, "bid_id": e.bid_id, "supplier_id": e.supplier_id,
                              "total": _text(e.total), "price": _text(e.price),
                              "evaluated_price": _text(e.evaluated_price)}
                             for e in v.entries if e.bid_id in v.candidates] for v in views}
    public = {"tender_id": tender.id, "report_digest": ev.report_digest, "method": method.value,
              "candidates": candidates, "failed_lots": [v.lot_id for v in views if v.status == LOT_FAILED],
              "publicity_starts": ev.publicity_starts, "publicity_ends": ev.publicity_ends}
    fire_transition(uow, tender, "publicise", public, payload=public, action="evaluation.report")
    return report_of(session, tender, None, views)


def _public_lot(view: LotView) -> LotView:
    outliers = [{k: v for k, v in o.items() if k != "member_id"} for o in view.outliers]
    return view.model_copy(update={"outliers": outliers})


def report_of(session: Session, tender: TenderRow, actor: Actor | None,
              views: list[LotView] | None = None) -> EvaluationReport:
    """The report as `actor` may see it (None: staff). Bidders see it once it is publicised,
    without member names until the award."""
    ev = session.get(EvaluationRow, tender.id)
    staff = actor is None or is_buyer_staff(actor)
    if ev is None or (not staff and ev.report_at is None):
        raise NotFoundError("evaluation.no_report", "No evaluation report has been published",
                            "尚未出具评标报告", {"tender_id": tender.id})
    _, spec = frozen_rules(tender)
    lots = lot_views(session, tender.id) if views is None else views
    hide = not staff and tender.state not in REVEALED
    has_committee = session.get(CommitteeRow, tender.id) is not None
    return EvaluationReport(
        tender_id=tender.id, method=method_of(spec).value, state=tender.state,
        report_digest=ev.report_digest, report_at=ev.report_at, publicity_starts=ev.publicity_starts,
        publicity_ends=ev.publicity_ends, lots=[_public_lot(v) for v in lots] if hide else lots,
        committee=committee_view(session, tender, actor) if has_committee else None)


def entry_amount(entry: EntryRow) -> Decimal:
    """The opened price of a bid in a lot (the award and the contract are exactly this)."""
    value = money(entry.price_fen)
    assert value is not None
    return value
