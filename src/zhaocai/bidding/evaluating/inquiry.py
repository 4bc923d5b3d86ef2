"""Price inquiry (询价) under 三三二, built on the tenders part's representation.

A price-inquiry tender is a tender with `method = price_inquiry`: at least 3 invited eligible
suppliers, officers named in the draft (at least 2), quotes sealed and opened like bids. After the
opening, the officers named in the tender each sign the quote record (`sign`). `decide` needs two
of them to have signed, whatever the outcome; it then applies `decide_inquiry` lot by lot —
eligibility in the register at decision time, compliance as opened, the lowest compliant quote
unless an approved written override says otherwise — and publicises the outcome like an
evaluation report (the winner is the first candidate), so the same objections, award, notice and
contract follow. Too few eligible quotes fails the tender.
"""

from __future__ import annotations

import hashlib
import uuid
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import insert
from sqlmodel import Session, col, select

from zhaocai.bidding.evaluating.common import (
    SUBJECT,
    conflict,
    evaluation_row,
    fire_step,
    lot_titles,
    opening_digest,
    reason_dict,
)
from zhaocai.bidding.evaluating.machines import LotMachine, LotState
from zhaocai.bidding.evaluating.tables import (
    ENTRY,
    EvaluationRow,
    InquiryOverrideRow,
    InquirySignatureRow,
    LotRow,
)
from zhaocai.bidding.evaluating.views import InquiryDecisionView
from zhaocai.bidding.lifecycle import fire_transition, frozen_rules, load_tender
from zhaocai.bidding.payload import BidPayload
from zhaocai.bidding.rules import (
    InquiryResult,
    Override,
    Quote,
    Reason,
    decide_inquiry,
    publicity_ends_at,
    signing_officers,
    too_few_quotes,
)
from zhaocai.bidding.rules.contracts import eligibility_reasons
from zhaocai.bidding.rules.inquiry import require_override_proposal
from zhaocai.bidding.tables import OpenedBidRow, TenderRow
from zhaocai.categories import Category
from zhaocai.errors import NotFoundError, PermissionDenied
from zhaocai.machines import fire
from zhaocai.money import Money
from zhaocai.profile import RulesProfile
from zhaocai.store import UnitOfWork
from zhaocai.store.types import canonical_json
from zhaocai.suppliers.eligibility import eligibility_of_many
from zhaocai.workdays import WorkingCalendar


def _inquiry(uow: UnitOfWork, tender_id: str, *, event: str = "inquire") -> TenderRow:
    """The price inquiry, opened, for one of its officers (`inquire`) or an approver."""
    tender = load_tender(uow, tender_id)
    fire_step(uow, tender, event)
    return tender


def _signatures(session: Session, tender_id: str) -> list[str]:
    """The officers who have signed the quote record, sorted."""
    return sorted(session.exec(select(InquirySignatureRow.officer_id).where(
        col(InquirySignatureRow.tender_id) == tender_id)).all())


def sign(uow: UnitOfWork, tender_id: str) -> list[str]:
    """An officer of the inquiry signs its quote record; returns the officers who have signed."""
    tender = _inquiry(uow, tender_id)
    if uow.session.get(InquirySignatureRow, (tender.id, uow.actor.id)) is not None:
        raise conflict("inquiry.already_signed", "This officer already signed", "该询价人员已签字")
    uow.session.add(InquirySignatureRow(tender_id=tender.id, officer_id=uow.actor.id, signed_at=uow.now))
    uow.session.flush()
    signed = _signatures(uow.session, tender.id)
    uow.record("inquiry.sign", SUBJECT, tender.id, {"tender_id": tender.id, "officer_id": uow.actor.id},
               event="InquirySigned", payload={"tender_id": tender.id, "signatures": len(signed)})
    return signed


def propose_override(uow: UnitOfWork, tender_id: str, lot_id: str, supplier_id: str, reason: str) -> str:
    """An officer writes why another supplier than the lowest quote should win."""
    tender = _inquiry(uow, tender_id)
    quoted = uow.session.exec(select(OpenedBidRow.bid_id).where(
        col(OpenedBidRow.tender_id) == tender.id, col(OpenedBidRow.supplier_id) == supplier_id)).first()
    exists = _override(uow.session, tender.id, lot_id) is not None
    require_override_proposal(lot_id, supplier_id, lots=lot_titles(tender), reason=reason,
                              quoted=quoted is not None, exists=exists)
    row = InquiryOverrideRow(id=f"ovr-{uuid.uuid4().hex[:12]}", tender_id=tender.id, lot_id=lot_id,
                             supplier_id=supplier_id, reason=reason, proposed_by=uow.actor.id,
                             proposed_at=uow.now)
    uow.session.add(row)
    uow.record("inquiry.override_propose", SUBJECT, tender.id,
               {"override_id": row.id, "lot_id": lot_id, "supplier_id": supplier_id, "reason": reason},
               event="InquiryOverrideProposed", payload={"tender_id": tender.id, "override_id": row.id})
    return row.id


def approve_override(uow: UnitOfWork, override_id: str) -> str:
    """Someone other than the proposer approves the written override."""
    row = uow.session.get(InquiryOverrideRow, override_id)
    if row is None:
        raise NotFoundError("inquiry.override_not_found", f"No override {override_id!r}",
                            f"不存在理由申请 {override_id!r}", {"override_id": override_id})
    _inquiry(uow, row.tender_id, event="approve_override")
    if row.proposed_by == uow.actor.id:
        raise PermissionDenied("inquiry.self_approval", f"{uow.actor.name} cannot approve their own override",
                               f"{uow.actor.name} 不能批准自己提出的理由", {"override_id": override_id})
    if row.approved_by is not None:
        raise conflict("inquiry.override_approved", "Already approved", "已批准")
    row.approved_by, row.approved_at = uow.actor.id, uow.now
    uow.session.add(row)
    uow.record("inquiry.override_approve", SUBJECT, row.tender_id,
               {"override_id": row.id, "supplier_id": row.supplier_id, "lot_id": row.lot_id},
               event="InquiryOverrideApproved", payload={"tender_id": row.tender_id, "override_id": row.id})
    return row.id


@dataclass(frozen=True)
class _Quoted:
    """One supplier's opened quote as the decision reads it."""

    bid: OpenedBidRow
    prices: dict[str, Decimal]
    """Lot id → quoted price (the lots the supplier quoted for)."""
    invalid: str | None
    """Why the quote was invalid at opening (None: valid)."""
    ineligible: list[dict[str, str]]
    """The register's reasons the supplier is not eligible now (empty: eligible)."""


def _quotes(uow: UnitOfWork, tender: TenderRow) -> dict[str, _Quoted]:
    """Every opened quote with the register's verdict now (one query), by supplier."""
    opened = uow.session.exec(select(OpenedBidRow).where(col(OpenedBidRow.tender_id) == tender.id)
                              .order_by(col(OpenedBidRow.supplier_id))).all()
    payloads = {bid.bid_id: BidPayload.model_validate(bid.payload)
                if bid.status == "valid" and bid.payload is not None else None for bid in opened}
    # Each supplier is judged for its own total (the opened total of an invalid quote).
    amounts = {}
    for bid in opened:
        payload = payloads[bid.bid_id]
        amounts[bid.supplier_id] = payload.total if payload else Money.from_fen(bid.total_fen or 0).amount
    verdicts = eligibility_of_many(uow.session, amounts, Category(tender.category), uow.now)
    quotes = {}
    for bid in opened:
        payload = payloads[bid.bid_id]
        prices = {lot.lot: lot.price for lot in payload.lots} if payload else {}
        quotes[bid.supplier_id] = _Quoted(bid, prices, None if payload else bid.reason,
                                          eligibility_reasons(verdicts[bid.supplier_id]))
    return quotes


def _record_hash(session: Session, tender: TenderRow, signed: list[str], quotes: dict[str, _Quoted]) -> str:
    """The hash of the signed quote record: it depends on every quote (the lottery's seed)."""
    record = {"tender_id": tender.id, "opening_digest": opening_digest(session, tender.id),
              "signatures": signed,
              "quotes": [{"supplier_id": s, "lots": {k: str(v) for k, v in q.prices.items()},
                          "eligible": not q.ineligible, "opened_valid": q.invalid is None}
                         for s, q in quotes.items()]}
    return hashlib.sha256(canonical_json(record).encode("utf-8")).hexdigest()


def _override(session: Session, tender_id: str, lot_id: str) -> Override | None:
    """The lot's written override as the rule takes it (approved or not)."""
    o = session.exec(select(InquiryOverrideRow).where(col(InquiryOverrideRow.tender_id) == tender_id,
                                                      col(InquiryOverrideRow.lot_id) == lot_id)).first()
    return None if o is None else Override(o.supplier_id, Reason("inquiry.override", o.reason, o.reason),
                                           o.proposed_by, o.approved_by)


def _entries(tender: TenderRow, lot_id: str, quotes: dict[str, _Quoted],
             result: InquiryResult) -> list[dict[str, Any]]:
    """Every quote's entry in the lot: compliance reasons, price, rank (the winner first)."""
    order = [result.winner_supplier_id, *(s for s in result.ranked_supplier_ids
                                          if s != result.winner_supplier_id)]
    entries = []
    for s, q in quotes.items():
        reasons = list(q.ineligible) + ([] if q.invalid is None else [{
            "code": "compliance.opening_invalid", "en": f"invalid at opening: {q.invalid}",
            "zh": f"开标时无效：{q.invalid}"}])
        fen = None if (price := q.prices.get(lot_id)) is None else Money.of(price).fen
        rank = order.index(s) + 1 if s in order else None
        entries.append({"tender_id": tender.id, "lot_id": lot_id, "bid_id": q.bid.bid_id, "supplier_id": s,
                        "content_hash": q.bid.envelope_hash, "price_fen": fen, "compliant": not reasons,
                        "reasons": reasons, "abnormal": None, "adjustments": [], "evaluated_fen": fen,
                        "rank": rank, "ranked_by": None if rank is None else (
                            "override" if result.override and rank == 1 else "price")})
    return entries


def _decide_lot(uow: UnitOfWork, tender: TenderRow, lot_id: str, title: str, quotes: dict[str, _Quoted],
                signed: list[str], record_hash: str,
                profile: RulesProfile) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """Decide one lot (`decide_inquiry`), rank it with its candidates; its facts and entries."""
    override = _override(uow.session, tender.id, lot_id)
    result = decide_inquiry(
        [Quote(s, q.prices.get(lot_id), eligible=not q.ineligible, compliant=q.invalid is None)
         for s, q in quotes.items()],
        conducted_by=list(tender.officers), signed_by=signed, record_hash=record_hash,
        override=override, profile=profile)
    entries = _entries(tender, lot_id, quotes, result)
    candidates = [e["bid_id"] for e in sorted(entries, key=lambda e: e["rank"] or 0) if e["rank"]]
    lot = LotRow(tender_id=tender.id, lot_id=lot_id, title=title, status=LotState.EVALUATING.value,
                 compliant=len(result.ranked_supplier_ids), candidates=candidates[: profile.max_candidates],
                 outliers=[])
    fire(LotMachine, lot, "rank", subject_id=lot_id)
    uow.session.add(lot)
    facts = {"lot_id": lot_id, "winner": result.winner_supplier_id, "price": str(result.price),
             "lowest": result.lowest_supplier_id, "ranked": list(result.ranked_supplier_ids),
             "candidates": list(lot.candidates or []),
             "override": None if override is None else {
                 "supplier_id": override.supplier_id, "reason": reason_dict(override.reason),
                 "approved_by": override.approved_by}}
    return facts, entries


def _fail(uow: UnitOfWork, tender: TenderRow, ev: EvaluationRow, signed: list[str],
          short: Reason) -> InquiryDecisionView:
    """Too few eligible quotes: the tender fails (流标), with the rule's reason."""
    record_hash = ev.inquiry_record_hash
    assert record_hash is not None
    tender.outcome_reason = f"{short.en} (三三二) / {short.zh}"
    uow.session.add(ev)
    fire_transition(uow, tender, "fail", {"record_hash": record_hash, "reason": tender.outcome_reason},
                    action="inquiry.decide")
    return InquiryDecisionView(tender_id=tender.id, state=tender.state, record_hash=record_hash,
                               officers=signed, lots=[], failure_reason=tender.outcome_reason)


def _publicise(uow: UnitOfWork, tender: TenderRow, ev: EvaluationRow, signed: list[str],
               lots: list[dict[str, Any]], ends: datetime) -> None:
    """The outcome stands as the report: checked, reported and publicised at once."""
    record_hash = ev.inquiry_record_hash
    ev.compliance_at = ev.report_at = ev.publicity_starts = uow.now
    ev.compliance_by = ev.report_by = uow.actor.id
    ev.report_digest, ev.publicity_ends = record_hash, ends
    uow.session.add(ev)
    uow.session.flush()
    fire_transition(uow, tender, "start_evaluation", {"record_hash": record_hash, "signatures": signed},
                    action="inquiry.decide")
    public = {"record_hash": record_hash, "lots": lots, "publicity_ends": ends}
    fire_transition(uow, tender, "publicise", public, action="inquiry.decide")


def decide(uow: UnitOfWork, tender_id: str, calendar: WorkingCalendar) -> InquiryDecisionView:
    """Decide every lot of the inquiry and publicise the outcome (or fail it: too few quotes)."""
    tender = _inquiry(uow, tender_id)
    profile, _ = frozen_rules(tender)
    signed = _signatures(uow.session, tender.id)
    signing_officers(tender.officers, signed, profile)  # two sign before any decision, a failure too (三三二)
    quotes = _quotes(uow, tender)
    ev = evaluation_row(uow.session, tender.id, create=True)
    ev.inquiry_record_hash = record_hash = _record_hash(uow.session, tender, signed, quotes)
    short = too_few_quotes(sum(1 for q in quotes.values() if not q.ineligible), profile)
    if short is not None:
        return _fail(uow, tender, ev, signed, short)
    decided = [_decide_lot(uow, tender, lot_id, title, quotes, signed, record_hash, profile)
               for lot_id, title in lot_titles(tender).items()]
    uow.session.execute(insert(ENTRY), [e for _, entries in decided for e in entries])
    lots = [facts for facts, _ in decided]
    _publicise(uow, tender, ev, signed, lots, publicity_ends_at(uow.now, profile, calendar))
    return InquiryDecisionView(tender_id=tender.id, state=tender.state, record_hash=record_hash,
                               officers=signed, lots=lots)
