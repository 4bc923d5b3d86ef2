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

from sqlalchemy import bindparam, update
from sqlalchemy import select as sa_select
from sqlmodel import Session, col, select

from zhaocai.actors import Actor, is_buyer_staff
from zhaocai.bidding.evaluating.committee import REVEALED, committee_view
from zhaocai.bidding.evaluating.common import (
    active_members,
    evaluation_row,
    fire_step,
    lot_views,
    method_of,
    money,
    opening_digest,
    price_formula,
    require_member,
    scheme_of,
    tie_break_of,
)
from zhaocai.bidding.evaluating.machines import LotMachine, LotState
from zhaocai.bidding.evaluating.related import pending_questions
from zhaocai.bidding.evaluating.scoring import committee_scores, outlier_dict
from zhaocai.bidding.evaluating.sealed_sheets import submitted_counts, unrevealed_counts
from zhaocai.bidding.evaluating.tables import ENTRY, CommitteeRow, EntryRow, EvaluationRow, LotRow
from zhaocai.bidding.evaluating.views import EvaluationReport, LotView
from zhaocai.bidding.lifecycle import fire_transition, frozen_rules, load_tender, spec_of
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
from zhaocai.errors import NotFoundError
from zhaocai.machines import fire, sources
from zhaocai.money import Money
from zhaocai.profile import RulesProfile
from zhaocai.store import UnitOfWork
from zhaocai.store.types import canonical_json
from zhaocai.workdays import WorkingCalendar

_UPDATE_ENTRY = update(ENTRY).where(ENTRY.c.tender_id == bindparam("t_id"),
                                    ENTRY.c.lot_id == bindparam("l_id"), ENTRY.c.bid_id == bindparam("b_id"))
_RANKED = ("rank", "lottery_key", "ranked_by", "price_score", "technical", "commercial", "total", "criteria",
           "evaluated_fen")


def _text(value: Decimal | None) -> str | None:
    return None if value is None else str(value)


def _comprehensive(session: Session, tender: TenderRow, lot: LotRow, profile: RulesProfile,
                   updates: dict[str, dict[str, Any]], hashes: dict[str, str]) -> list[Contender]:
    """Price scores by the published formula plus the committee's sealed scores, per bid."""
    spec = spec_of(tender)
    prices = {bid: money(u["price_fen"]) or Decimal(0) for bid, u in updates.items()}
    formula = price_formula(spec)
    scored = price_scores(prices, formula) if formula else None
    lot.benchmark_fen = Money.of(scored.benchmark_price).fen if scored else None
    by_bid = scored.by_bid() if scored else {bid: Decimal("0.00") for bid in prices}
    results, outliers = committee_scores(session, tender.id, lot.lot_id, scheme_of(spec), profile, by_bid)
    lot.outliers = [outlier_dict(o) for o in outliers]
    for r in results:
        updates[r.bid_id].update(
            price_score=str(r.price_score), technical=str(r.technical_score),
            commercial=str(r.commercial_score), total=str(r.total),
            criteria={c.criterion_id: str(c.score) for c in r.criteria})
    return [Contender(r.bid_id, hashes[r.bid_id], total_score=r.total, technical_score=r.technical_score)
            for r in results]


def _lowest_price(updates: dict[str, dict[str, Any]], hashes: dict[str, str],
                  adjustments: dict[str, list[Any]]) -> list[Contender]:
    """The bid price plus its documented adjustments, per bid."""
    contenders = []
    for bid, u in updates.items():
        value = evaluated_price(money(u["price_fen"]) or Decimal(0), [
            Adjustment(Decimal(a["amount"]), Reason("evaluation.adjustment", a["reason"], a["reason"]))
            for a in adjustments[bid]])
        u["evaluated_fen"] = Money.of(value).fen
        contenders.append(Contender(bid, hashes[bid], evaluated_price=value))
    return contenders


def _rank_lot(session: Session, tender: TenderRow, lot: LotRow, method: AwardMethod,
              profile: RulesProfile, digest: str) -> list[dict[str, Any]]:
    """Rank a lot's compliant bids; the entries' new columns (the lot itself is updated)."""
    e_ = ENTRY.c
    # Adjustments (JSON) are read only where they count: lowest evaluated price.
    columns = [e_.bid_id, e_.price_fen, e_.content_hash]
    if method is not AwardMethod.COMPREHENSIVE:
        columns.append(e_.adjustments)
    entries = session.execute(sa_select(*columns).where(
        e_.tender_id == tender.id, e_.lot_id == lot.lot_id, e_.compliant.is_(True))).all()
    updates = {e.bid_id: {"t_id": tender.id, "l_id": lot.lot_id, "b_id": e.bid_id, "price_fen": e.price_fen,
                          **dict.fromkeys(_RANKED)} for e in entries}
    hashes = {e.bid_id: e.content_hash for e in entries}
    if method is AwardMethod.COMPREHENSIVE:
        contenders = _comprehensive(session, tender, lot, profile, updates, hashes)
    else:
        lot.outliers = []
        contenders = _lowest_price(updates, hashes, {e.bid_id: e.adjustments for e in entries})
    ranking = rank_lot(lot.lot_id, contenders, opening_record_hash=digest, method=method,
                       tie_break=tie_break_of(spec_of(tender)), profile=profile)
    for ranked in ranking.ranked:
        updates[ranked.bid_id].update(rank=ranked.rank, lottery_key=ranked.lottery_key,
                                      ranked_by=ranked.decided_by)
    lot.candidates = [c.bid_id for c in ranking.candidates]
    fire(LotMachine, lot, "rank", subject_id=lot.lot_id)
    session.add(lot)
    return [{k: v for k, v in u.items() if k != "price_fen"} for u in updates.values()]


def _report_facts(session: Session, tender: TenderRow, lots: list[LotRow],
                  method: AwardMethod) -> dict[str, Any]:
    """What the order of evaluation asks of the report (`write_report`'s context)."""
    undecided = sorted(e.bid_id for e in session.exec(select(EntryRow).where(
        col(EntryRow.tender_id) == tender.id, col(EntryRow.abnormal).is_not(None),
        col(EntryRow.abnormal_decision).is_(None))).all() if any(e.lot_id == lot.lot_id for lot in lots))
    waiting: dict[str, int] = {}
    revealed: dict[str, tuple[int, int]] = {}
    if method is AwardMethod.COMPREHENSIVE:
        size = len(active_members(session, tender.id))
        done, silent = submitted_counts(session, tender.id), unrevealed_counts(session, tender.id)
        waiting = {lot.lot_id: size - done.get(lot.lot_id, 0) - silent.get(lot.lot_id, 0) for lot in lots}
        revealed = {lot.lot_id: (done.get(lot.lot_id, 0), size) for lot in lots}
    return {"undecided": undecided, "pending_pairs": pending_questions(session, tender.id),
            "waiting": waiting, "revealed": revealed}


def _digest(views: list[LotView]) -> str:
    """The report's digest: every lot's outcome and every entry's figures, in canonical JSON."""
    body = [{"lot_id": v.lot_id, "status": v.status, "candidates": v.candidates, "outliers": v.outliers,
             "benchmark_price": _text(v.benchmark_price),
             "entries": [[e.bid_id, e.supplier_id, _text(e.price), e.compliant, [r.code for r in e.reasons],
                          e.abnormal_decision, _text(e.evaluated_price), _text(e.price_score),
                          _text(e.technical), _text(e.commercial), _text(e.total), e.rank, e.ranked_by]
                         for e in v.entries]} for v in views]
    for v, lot in zip(views, body, strict=True):
        if v.unrevealed:  # only then: the digests of reports without such a record stay as they were
            lot["unrevealed"] = v.unrevealed
    return hashlib.sha256(canonical_json(body).encode("utf-8")).hexdigest()


def _publicity(tender: TenderRow, ev: EvaluationRow, method: AwardMethod,
               views: list[LotView]) -> dict[str, Any]:
    """The public facts of the report: candidates per lot, failed lots, the publicity period."""
    candidates = {v.lot_id: [{"rank": e.rank, "bid_id": e.bid_id, "supplier_id": e.supplier_id,
                              "total": _text(e.total), "price": _text(e.price),
                              "evaluated_price": _text(e.evaluated_price)}
                             for e in v.entries if e.bid_id in v.candidates] for v in views}
    return {"tender_id": tender.id, "report_digest": ev.report_digest, "method": method.value,
            "candidates": candidates,
            "failed_lots": [v.lot_id for v in views if v.status == LotState.FAILED.value],
            "publicity_starts": ev.publicity_starts, "publicity_ends": ev.publicity_ends}


def compile_report(uow: UnitOfWork, tender_id: str, calendar: WorkingCalendar) -> EvaluationReport:
    """Rank every lot, write the report and publicise the candidates."""
    session = uow.session
    tender = load_tender(uow, tender_id)
    require_member(session, tender.id, uow.actor)
    profile, spec = frozen_rules(tender)
    method = method_of(spec)
    lots = session.exec(select(LotRow).where(col(LotRow.tender_id) == tender.id, col(LotRow.status).in_(
        sources(LotMachine, "rank"))).order_by(col(LotRow.lot_id))).all()
    fire_step(uow, tender, "write_report", **_report_facts(session, tender, list(lots), method))
    digest = opening_digest(session, tender.id)
    updates = [u for lot in lots for u in _rank_lot(session, tender, lot, method, profile, digest)]
    session.flush()
    if updates:
        session.execute(_UPDATE_ENTRY, updates)
    views = lot_views(session, tender.id)
    ev = evaluation_row(session, tender.id)
    ev.report_digest, ev.report_at, ev.report_by = _digest(views), uow.now, uow.actor.id
    ev.publicity_starts, ev.publicity_ends = uow.now, publicity_ends_at(uow.now, profile, calendar)
    session.add(ev)
    public = _publicity(tender, ev, method, views)
    fire_transition(uow, tender, "publicise", public, payload=public, action="evaluation.report")
    return report_of(session, tender, None, views)


def _public_lot(view: LotView) -> LotView:
    outliers = [{k: v for k, v in o.items() if k != "member_id"} for o in view.outliers]
    unrevealed = [{k: v for k, v in u.items() if k not in ("member_id", "recorded_by")}
                  for u in view.unrevealed]
    return view.model_copy(update={"outliers": outliers, "unrevealed": unrevealed})


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
