"""Gathering public facts from the store into `TenderSnapshot`s, in one query per table.

Whether one tender or all of them, the number of queries is fixed (about a dozen): tenders,
amendments, opening records, state-change events, the evaluation tables, performance events and
supplier names. Only columns that may be public are read, and each later stage is read only when
it has become public: evaluation results once the report exists (every member's scores are in),
committee names once the tender is awarded (Law 37), contracts once both sides have signed.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any, TypeVar

from sqlmodel import Session, col, select

from zhaocai.bidding.evaluating.tables import (
    AwardRow,
    ContractRow,
    EntryRow,
    EvaluationRow,
    LotRow,
    MemberRow,
)
from zhaocai.bidding.models import EvaluationSpec, Lot
from zhaocai.bidding.tables import AmendmentRow, OpeningRecordRow, TenderRow, opening_order
from zhaocai.bidding.views import AmendmentView, OpeningRecord
from zhaocai.money import Money
from zhaocai.publish.public_db import BlacklistDecision
from zhaocai.publish.snapshot import (
    AwardFact,
    Candidate,
    CommitteeMember,
    ContractFact,
    Organisation,
    PerformanceFact,
    Publicity,
    ScoreLine,
    StateChange,
    TenderSnapshot,
)
from zhaocai.store.schema import OutboxEventRow
from zhaocai.suppliers.tables import PerformanceEventRow, RequestRow, SupplierRow

T = TypeVar("T")
STATE_EVENTS = ("TenderFailed", "TenderCancelled")
RESULT_STATES = frozenset({"awarded", "contracted"})


def _in(query: Any, column: Any, ids: Sequence[str] | None) -> Any:
    return query if ids is None else query.where(col(column).in_(list(ids)))


def _grouped(rows: Iterable[T], key: str) -> dict[str, list[T]]:
    out: dict[str, list[T]] = defaultdict(list)
    for row in rows:
        out[getattr(row, key)].append(row)
    return out


def _amount(fen: int | None) -> Decimal | None:
    return None if fen is None else Money.from_fen(fen).amount


def _decimal(text: str | None) -> Decimal | None:
    return None if text in (None, "") else Decimal(str(text))


def signed_at(row: ContractRow) -> datetime | None:
    """When a contract was signed by both sides (the later signature), or None."""
    if row.buyer_signed_at is None or row.supplier_signed_at is None:
        return None
    return max(row.buyer_signed_at, row.supplier_signed_at)


def gather(session: Session, tender_ids: Sequence[str] | None = None) -> list[TenderSnapshot]:
    """Snapshots of the published tenders (all, or `tender_ids`), ordered by publication."""
    tenders = [t for t in session.exec(_in(select(TenderRow), TenderRow.id, tender_ids)
                                       .order_by(col(TenderRow.published_at), col(TenderRow.id))).all()
               if t.published_at is not None and t.state != "draft"]
    if not tenders:
        return []
    ids = [t.id for t in tenders] if tender_ids is not None else None
    amendments = _grouped(session.exec(_in(select(AmendmentRow), AmendmentRow.tender_id, ids)
                                       .order_by(col(AmendmentRow.seq))).all(), "tender_id")
    openings = _grouped(session.exec(_in(select(OpeningRecordRow), OpeningRecordRow.tender_id, ids)
                                     .order_by(*opening_order())).all(), "tender_id")
    events = _grouped(session.exec(
        _in(select(OutboxEventRow).where(col(OutboxEventRow.subject_type) == "tender",
                                         col(OutboxEventRow.type).in_(STATE_EVENTS)),
            OutboxEventRow.subject_id, ids).order_by(col(OutboxEventRow.position))).all(), "subject_id")
    evaluation = {r.tender_id: r for r in session.exec(_in(select(EvaluationRow), EvaluationRow.tender_id,
                                                           ids)).all()}
    lots = _grouped(session.exec(_in(select(LotRow), LotRow.tender_id, ids)).all(), "tender_id")
    entries = _grouped(session.exec(_in(select(EntryRow), EntryRow.tender_id, ids)
                                    .order_by(col(EntryRow.lot_id), col(EntryRow.rank))).all(), "tender_id")
    # Standing awards and contracts only (one voided by a supervisor's decision gave way, Reg 55).
    awards = _grouped(session.exec(_in(select(AwardRow), AwardRow.tender_id, ids)
                                   .where(col(AwardRow.voided_at).is_(None))
                                   .order_by(col(AwardRow.awarded_at))).all(), "tender_id")
    contracts = _grouped(session.exec(_in(select(ContractRow), ContractRow.tender_id, ids)
                                      .where(col(ContractRow.status) != "void")).all(), "tender_id")
    awarded = [t.id for t in tenders if t.state in RESULT_STATES]
    members = _grouped(session.exec(select(MemberRow).where(col(MemberRow.tender_id).in_(awarded))
                                    .order_by(col(MemberRow.position))).all(), "tender_id") if awarded else {}
    contract_ids = [c.id for rows in contracts.values() for c in rows if signed_at(c) is not None]
    performance = _grouped(session.exec(
        select(PerformanceEventRow).where(col(PerformanceEventRow.contract_id).in_(contract_ids))
        .order_by(col(PerformanceEventRow.occurred_at), col(PerformanceEventRow.id))).all(),
        "contract_id") if contract_ids else {}
    records = {t.id: [OpeningRecord.model_validate({**r.record, "digest": r.digest}) for r in openings[t.id]]
               for t in tenders}
    wanted = {e.supplier_id for rs in records.values() for r in rs for e in r.entries}
    wanted |= {e.supplier_id for rows in entries.values() for e in rows}
    wanted |= {a.supplier_id for rows in awards.values() for a in rows}
    names = suppliers_by_id(session, sorted(wanted))
    return [_snapshot(t, amendments[t.id], records[t.id], events[t.id], evaluation.get(t.id), lots[t.id],
                      entries[t.id], awards[t.id], contracts[t.id], members.get(t.id, []), performance, names)
            for t in tenders]


def suppliers_by_id(session: Session, supplier_ids: Sequence[str]) -> dict[str, Organisation]:
    """Public identity (name, credit code) of the given suppliers, in one query."""
    if not supplier_ids:
        return {}
    rows = session.exec(select(SupplierRow.id, SupplierRow.name, SupplierRow.credit_code)
                        .where(col(SupplierRow.id).in_(list(supplier_ids)))).all()
    return {r[0]: Organisation(r[0], r[1], r[2]) for r in rows}


def _snapshot(t: TenderRow, amendments: list[AmendmentRow], records: list[OpeningRecord],
              events: list[OutboxEventRow], evaluation: EvaluationRow | None, lots: list[LotRow],
              entries: list[EntryRow], awards: list[AwardRow], contracts: list[ContractRow],
              members: list[MemberRow], performance: dict[str, list[PerformanceEventRow]],
              names: dict[str, Organisation]) -> TenderSnapshot:
    assert t.published_at is not None
    reported = evaluation is not None and evaluation.report_at is not None
    publicity = None
    if evaluation is not None and evaluation.publicity_starts and evaluation.publicity_ends:
        by_bid = {(e.lot_id, e.bid_id): e for e in entries}
        candidates = []
        for lot in lots:
            for rank, bid_id in enumerate(lot.candidates or [], start=1):
                entry = by_bid.get((lot.lot_id, bid_id))
                if entry is not None:
                    candidates.append(Candidate(lot.lot_id, rank, entry.supplier_id, _amount(entry.price_fen),
                                                _decimal(entry.total)))
        publicity = Publicity(evaluation.publicity_starts, evaluation.publicity_ends, tuple(candidates))
    results = tuple(
        ScoreLine(e.supplier_id, e.lot_id, _decimal(e.total), _amount(e.evaluated_fen), e.rank,
                  "compliant" if e.compliant else "not_compliant",
                  "; ".join(str(r.get("en", "")) for r in (e.reasons or []) if isinstance(r, dict)) or None)
        for e in entries) if reported else ()
    contract_facts = []
    for c in contracts:
        signed = signed_at(c)
        if signed is None:
            continue
        perf = tuple(PerformanceFact(f"perf-{p.id}", p.kind, p.severity, p.occurred_at)
                     for p in performance.get(c.id, []))
        contract_facts.append(ContractFact(c.id, c.award_id, c.supplier_id,
                                           Money.from_fen(c.amount_fen).amount,
                                           signed, performance=perf))
    return TenderSnapshot(
        id=t.id, title=t.title, buyer=t.buyer, category=t.category, method=t.method, state=t.state,
        lots=tuple(Lot.model_validate(lot) for lot in t.lots), ceiling=Money.from_fen(t.ceiling_fen).amount,
        bid_security=Money.from_fen(t.bid_security_fen).amount, published_at=t.published_at,
        deadline=t.deadline, original_deadline=t.original_deadline or t.deadline,
        evaluation=EvaluationSpec.model_validate(t.evaluation), two_envelopes=t.two_envelopes,
        outcome_reason=t.outcome_reason, retender_of=t.retender_of,
        amendments=tuple(AmendmentView.model_validate(a, from_attributes=True) for a in amendments),
        openings=tuple(records),
        changes=tuple(StateChange(e.type, e.occurred_at, e.payload or {}) for e in events),
        suppliers=names, publicity=publicity,
        awards=tuple(AwardFact(a.id, a.supplier_id, Money.from_fen(a.amount_fen).amount, a.awarded_at,
                               lot=a.lot_id) for a in awards),
        contracts=tuple(contract_facts), results=results,
        committee=tuple(CommitteeMember(m.name, m.kind) for m in members if m.active),
        statutory=bool(t.statutory), policy_version=t.policy_version, deviation=t.deviation,
    )


def blacklist_decisions(session: Session) -> list[BlacklistDecision]:
    """The public part of every approved blacklisting: supplier, reason, decision and ban."""
    rows = session.exec(
        select(RequestRow, SupplierRow.name, SupplierRow.credit_code)
        .join(SupplierRow, col(SupplierRow.id) == col(RequestRow.supplier_id))
        .where(col(RequestRow.kind) == "blacklist", col(RequestRow.state) == "approved")
        .order_by(col(RequestRow.decided_at), col(RequestRow.id))).all()
    out = []
    for request, name, code in rows:
        decided = request.decided_at or request.requested_at
        until = decided + timedelta(days=request.ban_days) if request.ban_days else None
        out.append(BlacklistDecision(request.supplier_id, name, code, request.reason, decided,
                                     request.ban_days, until))
    return out
