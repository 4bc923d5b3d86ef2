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
from typing import Any

from sqlalchemy import insert
from sqlmodel import col, select

from zhaocai.bidding.evaluating.common import (
    LOT_RANKED,
    SUBJECT,
    conflict,
    evaluation_row,
    lot_titles,
    opening_digest,
    reason_dict,
    refuse,
    require_state,
)
from zhaocai.bidding.evaluating.tables import (
    EntryRow,
    InquiryOverrideRow,
    InquirySignatureRow,
    LotRow,
)
from zhaocai.bidding.evaluating.views import InquiryDecisionView
from zhaocai.bidding.lifecycle import fire_transition, frozen_rules, load_tender
from zhaocai.bidding.machine import TenderState
from zhaocai.bidding.payload import BidPayload
from zhaocai.bidding.rules import (
    Override,
    Quote,
    Reason,
    decide_inquiry,
    publicity_ends_at,
    signing_officers,
)
from zhaocai.bidding.rules.tender import TenderMethod
from zhaocai.bidding.tables import OpenedBidRow, TenderRow
from zhaocai.categories import Category
from zhaocai.errors import NotFoundError, PermissionDenied, ValidationError
from zhaocai.money import Money
from zhaocai.store import UnitOfWork
from zhaocai.store.types import canonical_json
from zhaocai.suppliers.eligibility import eligibility_of_many
from zhaocai.workdays import WorkingCalendar

_ENTRY = EntryRow.__table__  # type: ignore[attr-defined]


def _inquiry(uow: UnitOfWork, tender_id: str, *, officer: bool = True) -> TenderRow:
    tender = load_tender(uow, tender_id)
    if tender.method != TenderMethod.PRICE_INQUIRY.value:
        raise refuse("inquiry.not_an_inquiry", "This tender is not a price inquiry", "该项目不是询价项目",
                     tender_id=tender.id)
    require_state(tender, TenderState.OPENED, doing="take this price-inquiry step")
    if officer and uow.actor.id not in tender.officers:
        raise PermissionDenied("inquiry.not_an_officer",
                               f"{uow.actor.name} is not an officer of this price inquiry",
                               f"{uow.actor.name} 不是本询价项目的询价人员", {"actor": uow.actor.id})
    return tender


def sign(uow: UnitOfWork, tender_id: str) -> list[str]:
    """An officer of the inquiry signs its quote record; returns the officers who have signed."""
    tender = _inquiry(uow, tender_id)
    if uow.session.get(InquirySignatureRow, (tender.id, uow.actor.id)) is not None:
        raise conflict("inquiry.already_signed", "This officer already signed", "该询价人员已签字")
    uow.session.add(InquirySignatureRow(tender_id=tender.id, officer_id=uow.actor.id, signed_at=uow.now))
    uow.session.flush()
    signed = sorted(uow.session.exec(select(InquirySignatureRow.officer_id).where(
        col(InquirySignatureRow.tender_id) == tender.id)).all())
    uow.record("inquiry.sign", SUBJECT, tender.id, {"tender_id": tender.id, "officer_id": uow.actor.id},
               event="InquirySigned", payload={"tender_id": tender.id, "signatures": len(signed)})
    return signed


def propose_override(uow: UnitOfWork, tender_id: str, lot_id: str, supplier_id: str, reason: str) -> str:
    """An officer writes why another supplier than the lowest quote should win."""
    tender = _inquiry(uow, tender_id)
    if lot_id not in lot_titles(tender):
        raise ValidationError("inquiry.unknown_lot", f"No lot {lot_id!r}", f"不存在标段 {lot_id!r}", {})
    if not reason.strip():
        raise ValidationError("inquiry.override_reason", "The reason must be written", "须书面说明理由", {})
    quoted = uow.session.exec(select(OpenedBidRow.bid_id).where(
        col(OpenedBidRow.tender_id) == tender.id, col(OpenedBidRow.supplier_id) == supplier_id)).first()
    if quoted is None:
        raise ValidationError("inquiry.override_not_a_quote", f"{supplier_id} sent no opened quote",
                              f"{supplier_id} 没有已开启的报价", {"supplier_id": supplier_id})
    pending = uow.session.exec(select(InquiryOverrideRow).where(
        col(InquiryOverrideRow.tender_id) == tender.id, col(InquiryOverrideRow.lot_id) == lot_id)).first()
    if pending is not None:
        raise conflict("inquiry.override_exists", "This lot already has an override", "该标段已有理由申请")
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
    _inquiry(uow, row.tender_id, officer=False)
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


def decide(uow: UnitOfWork, tender_id: str, calendar: WorkingCalendar) -> InquiryDecisionView:
    """Decide every lot of the inquiry and publicise the outcome (or fail it: too few quotes)."""
    tender = _inquiry(uow, tender_id)
    session = uow.session
    profile, _ = frozen_rules(tender)
    signed = sorted(session.exec(select(InquirySignatureRow.officer_id).where(
        col(InquirySignatureRow.tender_id) == tender.id)).all())
    # Two officers sign before any decision, a failure included (三三二).
    signing_officers(tender.officers, signed, profile)
    opened = session.exec(select(OpenedBidRow).where(col(OpenedBidRow.tender_id) == tender.id)
                          .order_by(col(OpenedBidRow.supplier_id))).all()
    eligible: dict[str, list[dict[str, str]]] = {}
    prices: dict[str, dict[str, Any]] = {}
    payloads = {bid.supplier_id: BidPayload.model_validate(bid.payload)
                if bid.status == "valid" and bid.payload is not None else None for bid in opened}
    amounts = {}
    for bid in opened:
        payload = payloads[bid.supplier_id]
        amounts[bid.supplier_id] = payload.total if payload else Money.from_fen(bid.total_fen or 0).amount
    verdicts = eligibility_of_many(session, amounts, Category(tender.category), uow.now)  # one query
    for bid in opened:
        payload = payloads[bid.supplier_id]
        eligible[bid.supplier_id] = [{"code": f"eligibility.{r.code}", "en": r.message_en,
                                      "zh": r.message_zh} for r in verdicts[bid.supplier_id].reasons]
        prices[bid.supplier_id] = {"bid": bid, "lots": {lot.lot: lot.price for lot in payload.lots}
                                   if payload else {}, "reason": None if payload else bid.reason}
    record = {"tender_id": tender.id, "opening_digest": opening_digest(session, tender.id),
              "signatures": signed,
              "quotes": [{"supplier_id": s, "lots": {k: str(v) for k, v in p["lots"].items()},
                          "eligible": not eligible[s], "opened_valid": p["reason"] is None}
                         for s, p in prices.items()]}
    record_hash = hashlib.sha256(canonical_json(record).encode("utf-8")).hexdigest()
    ev = evaluation_row(session, tender.id, create=True)
    ev.inquiry_record_hash = record_hash
    quoting = sum(1 for s in prices if not eligible[s])
    if quoting < profile.inquiry_min_suppliers:
        tender.outcome_reason = (f"{quoting} eligible quotes, {profile.inquiry_min_suppliers} needed (三三二)"
                                 f" / 合格报价 {quoting} 家，不足 {profile.inquiry_min_suppliers} 家")
        session.add(ev)
        fire_transition(uow, tender, "fail", {"record_hash": record_hash, "reason": tender.outcome_reason},
                        action="inquiry.decide")
        return InquiryDecisionView(tender_id=tender.id, state=tender.state, record_hash=record_hash,
                                   officers=signed, lots=[], failure_reason=tender.outcome_reason)
    overrides = {o.lot_id: o for o in session.exec(select(InquiryOverrideRow).where(
        col(InquiryOverrideRow.tender_id) == tender.id)).all()}
    lots, entries = [], []
    for lot_id, title in lot_titles(tender).items():
        quotes = [Quote(s, p["lots"].get(lot_id, Money.of(1).amount), eligible=not eligible[s],
                        compliant=p["reason"] is None and lot_id in p["lots"]) for s, p in prices.items()]
        o = overrides.get(lot_id)
        override = None if o is None else Override(
            o.supplier_id, Reason("inquiry.override", o.reason, o.reason), o.proposed_by, o.approved_by)
        result = decide_inquiry(quotes, conducted_by=list(tender.officers), signed_by=signed,
                                record_hash=record_hash, override=override, profile=profile)
        order = [result.winner_supplier_id, *(s for s in result.ranked_supplier_ids
                                              if s != result.winner_supplier_id)]
        bid_of = {s: p["bid"].bid_id for s, p in prices.items()}
        for s, p in prices.items():
            reasons = list(eligible[s])
            if p["reason"] is not None:
                reasons.append({"code": "compliance.opening_invalid",
                                "en": f"invalid at opening: {p['reason']}",
                                "zh": f"开标时无效：{p['reason']}"})
            price = p["lots"].get(lot_id)
            fen = None if price is None else Money.of(price).fen
            rank = order.index(s) + 1 if s in order else None
            entries.append({"tender_id": tender.id, "lot_id": lot_id, "bid_id": bid_of[s], "supplier_id": s,
                            "content_hash": p["bid"].envelope_hash,
                            "price_fen": fen,
                            "compliant": not reasons, "reasons": reasons, "abnormal": None,
                            "adjustments": [], "evaluated_fen": fen,
                            "rank": rank, "ranked_by": None if rank is None else (
                                "override" if override and rank == 1 else "price")})
        candidates = [bid_of[s] for s in order[: profile.max_candidates]]
        session.add(LotRow(tender_id=tender.id, lot_id=lot_id, title=title, status=LOT_RANKED,
                           compliant=len(result.ranked_supplier_ids), candidates=candidates, outliers=[]))
        lots.append({"lot_id": lot_id, "winner": result.winner_supplier_id, "price": str(result.price),
                     "lowest": result.lowest_supplier_id, "ranked": list(result.ranked_supplier_ids),
                     "override": None if override is None else {"supplier_id": override.supplier_id,
                                                                "reason": reason_dict(override.reason),
                                                                "approved_by": override.approved_by}})
    session.execute(insert(_ENTRY), entries)
    ev.compliance_at = ev.report_at = ev.publicity_starts = uow.now
    ev.compliance_by = ev.report_by = uow.actor.id
    ev.report_digest = record_hash
    ev.publicity_ends = publicity_ends_at(uow.now, profile, calendar)
    session.add(ev)
    session.flush()
    fire_transition(uow, tender, "start_evaluation", {"record_hash": record_hash, "signatures": signed},
                    action="inquiry.decide")
    fire_transition(uow, tender, "publicise", {"record_hash": record_hash, "lots": lots,
                                               "publicity_ends": ev.publicity_ends},
                    action="inquiry.decide")
    return InquiryDecisionView(tender_id=tender.id, state=tender.state, record_hash=record_hash,
                               officers=signed, lots=lots)
