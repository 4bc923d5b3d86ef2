"""Compliance check (符合性审查) and abnormally low bids (异常低价), per bid and lot.

A bid is checked at evaluation time: eligibility in the supplier register *now* (a supplier
blacklisted or suspended after submitting is excluded here, with the register's reasons), the
committee's findings on responsiveness, the bid security received, and the ceiling price (above
it: rejected automatically). A lot with fewer compliant bids than the profile's minimum fails
(流标); when every lot fails the tender fails and is never evaluated or awarded.

Reg 34 (`related.py`): bids in one lot from suppliers with the same legal representative or in a
controlling or managing relation are void, with the evidence; shared contacts are questions the
committee determines (`determine_related`) before the report.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from sqlalchemy import insert
from sqlmodel import Session, col, select

from zhaocai.bidding.evaluating.common import (
    SUBJECT,
    entry_row,
    entry_view,
    evaluation_row,
    fire_step,
    lot_row,
    lot_titles,
    lot_views,
    method_of,
    money,
    reason_dict,
    reason_of,
    require_all_declared,
    require_member,
)
from zhaocai.bidding.evaluating.machines import LotMachine, LotState
from zhaocai.bidding.evaluating.related import QUESTION, apply_reg34, pair_of, related_views
from zhaocai.bidding.evaluating.tables import (
    ENTRY,
    RELATED,
    EntryRow,
    FindingRow,
    LotRow,
    RelatedRow,
    SecurityRow,
)
from zhaocai.bidding.evaluating.views import (
    AbnormalInput,
    AdjustmentInput,
    ComplianceView,
    EntryView,
    RelatedInput,
)
from zhaocai.bidding.lifecycle import fire_transition, frozen_rules, load_tender
from zhaocai.bidding.payload import BidPayload
from zhaocai.bidding.rules import (
    AbnormalFlag,
    ComplianceResult,
    OpenedBid,
    Reason,
    apply_decisions,
    check_bid,
    find_abnormally_low,
    related_reason,
)
from zhaocai.bidding.rules.abnormal import require_decidable
from zhaocai.bidding.rules.compliance import require_open_question
from zhaocai.bidding.rules.lots import falls_short, shortfall_reason
from zhaocai.bidding.rules.price_score import require_adjustable
from zhaocai.bidding.tables import OpenedBidRow, TenderRow
from zhaocai.categories import Category
from zhaocai.errors import ValidationError
from zhaocai.machines import fire
from zhaocai.money import Money
from zhaocai.profile import RulesProfile
from zhaocai.store import UnitOfWork
from zhaocai.suppliers.eligibility import eligibility_of_many
from zhaocai.suppliers.models import Eligibility


def _before_compliance(uow: UnitOfWork, tender_id: str) -> TenderRow:
    tender = load_tender(uow, tender_id)
    fire_step(uow, tender, "examine")
    return tender


def record_security(uow: UnitOfWork, tender_id: str, payments: Mapping[str, Decimal]) -> int:
    """Finance records the bid security received per supplier (before the compliance check)."""
    tender = _before_compliance(uow, tender_id)
    bidders = set(uow.session.exec(select(OpenedBidRow.supplier_id).where(
        col(OpenedBidRow.tender_id) == tender.id)).all())
    unknown = sorted(set(payments) - bidders)
    if unknown or not payments:
        raise ValidationError("compliance.security_bidders",
                              "Bid security can be recorded only for this tender's bidders",
                              "仅可登记本项目投标人的投标保证金", {"unknown": unknown})
    for supplier_id, amount in sorted(payments.items()):
        row = uow.session.get(SecurityRow, (tender.id, supplier_id)) or SecurityRow(
            tender_id=tender.id, supplier_id=supplier_id, paid_fen=0, recorded_by=uow.actor.id,
            recorded_at=uow.now)
        row.paid_fen, row.recorded_by, row.recorded_at = Money.of(amount).fen, uow.actor.id, uow.now
        uow.session.add(row)
    uow.record("evaluation.bid_security", SUBJECT, tender.id,
               {"tender_id": tender.id, "payments": {k: str(v) for k, v in payments.items()}},
               event="BidSecurityRecorded", payload={"tender_id": tender.id, "count": len(payments)})
    return len(payments)


def record_finding(uow: UnitOfWork, tender_id: str, bid_id: str, lot_id: str | None,
                   en: str, zh: str) -> str:
    """A member records that a bid (or one of its lots) does not respond to the requirements."""
    tender = _before_compliance(uow, tender_id)
    require_member(uow.session, tender.id, uow.actor)
    if uow.session.get(OpenedBidRow, (tender.id, bid_id)) is None:
        raise ValidationError("compliance.unknown_bid", f"No opened bid {bid_id!r}",
                              f"不存在已开启的投标 {bid_id!r}", {"bid_id": bid_id})
    if lot_id is not None and lot_id not in lot_titles(tender):
        raise ValidationError("compliance.unknown_lot", f"No lot {lot_id!r}", f"不存在标段 {lot_id!r}",
                              {"lot_id": lot_id})
    if not en.strip() or not zh.strip():
        raise ValidationError("compliance.finding_text", "A finding needs English and Chinese text",
                              "认定须有中英文说明", {})
    row = FindingRow(id=f"fnd-{uuid.uuid4().hex[:12]}", tender_id=tender.id, bid_id=bid_id,
                     lot_id=lot_id, en=en, zh=zh, recorded_by=uow.actor.id, recorded_at=uow.now)
    uow.session.add(row)
    uow.record("evaluation.finding", SUBJECT, tender.id,
               {"tender_id": tender.id, "bid_id": bid_id, "lot_id": lot_id, "en": en, "zh": zh},
               event="ComplianceFindingRecorded", payload={"tender_id": tender.id})
    return row.id


def _flag_dict(flag: AbnormalFlag) -> dict[str, Any]:
    def text(value: Decimal | None) -> str | None:
        return None if value is None else str(value)

    return {"price": str(flag.price), "mean_of_others": text(flag.mean_of_others),
            "below_mean_percent": text(flag.below_mean_percent),
            "next_higher_price": text(flag.next_higher_price),
            "below_next_percent": text(flag.below_next_percent), "by_mean": flag.by_mean,
            "by_next": flag.by_next, "reason": reason_dict(flag.reason)}


def _flag_of(bid_id: str, data: dict[str, Any]) -> AbnormalFlag:
    def num(key: str) -> Decimal | None:
        return None if data[key] is None else Decimal(data[key])

    return AbnormalFlag(bid_id, Decimal(data["price"]), num("mean_of_others"),
                        num("below_mean_percent"), num("next_higher_price"),
                        num("below_next_percent"), data["by_mean"], data["by_next"],
                        reason_of(data["reason"]))


def _bid_result(tender: TenderRow, row: OpenedBidRow, paid: Mapping[str, int], findings: list[Reason],
                eligibility: Mapping[str, Eligibility]) -> tuple[ComplianceResult, BidPayload | None]:
    invalid = row.status != "valid" or row.payload is None or row.technical_compliant is False
    if invalid:
        why = row.reason or row.compliance_note or row.status
        reason = Reason("compliance.opening_invalid", f"invalid or not compliant at opening: {why}",
                        f"开标时无效或技术标不合格：{why}")
        return ComplianceResult(row.bid_id, row.supplier_id, money(row.total_fen) or Decimal(0),
                                (reason, *findings)), None
    payload = BidPayload.model_validate(row.payload)
    total = payload.total
    lost = tuple(Reason(f"eligibility.{r.code}", f"no longer eligible: {r.message_en}",
                        f"已不具备资格：{r.message_zh}") for r in eligibility[row.supplier_id].reasons)
    bid = OpenedBid(row.bid_id, row.supplier_id, total,
                    security_paid=Money.from_fen(paid.get(row.supplier_id, 0)).amount,
                    eligibility_lost=lost, requirement_failures=tuple(findings))
    result = check_bid(bid, ceiling_price=Money.from_fen(tender.ceiling_fen).amount,
                       security_required=Money.from_fen(tender.bid_security_fen).amount)
    return result, payload


def recount(lot: LotRow, profile: RulesProfile) -> None:
    """The lot fails (流标) once fewer compliant bids remain than the profile's minimum."""
    fire(LotMachine, lot, "recount", subject_id=lot.lot_id, min_valid_bids=profile.min_valid_bids,
         reason=shortfall_reason(lot.compliant, profile.min_valid_bids))


def _findings(session: Session, tender_id: str) -> dict[tuple[str, str | None], list[Reason]]:
    """The committee's findings, (bid, lot or None for the whole bid) → reasons, in recorded order."""
    findings: dict[tuple[str, str | None], list[Reason]] = {}
    for f in session.exec(select(FindingRow).where(col(FindingRow.tender_id) == tender_id)
                          .order_by(col(FindingRow.recorded_at), col(FindingRow.id))).all():
        findings.setdefault((f.bid_id, f.lot_id), []).append(
            Reason("compliance.not_responsive", f"does not respond to the requirements: {f.en}",
                   f"未实质性响应招标文件要求：{f.zh}"))
    return findings


def _entries(uow: UnitOfWork, tender: TenderRow) -> list[dict[str, Any]]:
    """Every opened bid's entry in every lot (compliance and reasons), as rows to insert."""
    session = uow.session
    paid = {r.supplier_id: r.paid_fen for r in session.exec(
        select(SecurityRow).where(col(SecurityRow.tender_id) == tender.id)).all()}
    findings = _findings(session, tender.id)
    opened = session.exec(select(OpenedBidRow).where(col(OpenedBidRow.tender_id) == tender.id)
                          .order_by(col(OpenedBidRow.bid_id))).all()
    # Every valid bidder's eligibility now, for its own total, in one query.
    eligibility = eligibility_of_many(session, {
        b.supplier_id: BidPayload.model_validate(b.payload).total for b in opened
        if b.status == "valid" and b.payload is not None and b.technical_compliant is not False},
        Category(tender.category), uow.now)
    rows: list[dict[str, Any]] = []
    for bid in opened:
        result, payload = _bid_result(tender, bid, paid, findings.get((bid.bid_id, None), []), eligibility)
        prices = {lot.lot: lot.price for lot in payload.lots} if payload else {}
        for lot_id in lot_titles(tender):
            reasons = [*result.reasons, *findings.get((bid.bid_id, lot_id), [])]
            price = prices.get(lot_id)
            rows.append({"tender_id": tender.id, "lot_id": lot_id, "bid_id": bid.bid_id,
                         "supplier_id": bid.supplier_id, "content_hash": bid.envelope_hash,
                         "price_fen": None if price is None else Money.of(price).fen,
                         "compliant": not reasons, "reasons": [reason_dict(r) for r in reasons],
                         "abnormal": None, "adjustments": []})
    return rows


def _open_lot(tender: TenderRow, lot_id: str, title: str, rows: list[dict[str, Any]],
              profile: RulesProfile) -> LotRow:
    """A lot's evaluation from its entries: failed when short, else its abnormally low bids flagged."""
    valid = {r["bid_id"]: Money.from_fen(r["price_fen"]).amount for r in rows if r["compliant"]}
    lot = LotRow(tender_id=tender.id, lot_id=lot_id, title=title, status=LotState.EVALUATING.value,
                 compliant=len(valid))
    if not falls_short(lot, profile.min_valid_bids):
        flags = {f.bid_id: f for f in find_abnormally_low(valid, profile)}
        for r in rows:
            if r["bid_id"] in flags:
                r["abnormal"] = _flag_dict(flags[r["bid_id"]])
    recount(lot, profile)
    return lot


def _check_change(tender: TenderRow, lots: list[LotRow], rows: list[dict[str, Any]],
                  related: list[dict[str, Any]]) -> dict[str, Any]:
    """What the audit and the outbox say of the compliance check."""
    summary = {lot.lot_id: {"compliant": lot.compliant, "failed": lot.status == LotState.FAILED.value,
                            "abnormal": sorted(r["bid_id"] for r in rows
                                               if r["lot_id"] == lot.lot_id and r["abnormal"])}
               for lot in lots}
    return {"tender_id": tender.id, "lots": summary,
            "excluded": {r["bid_id"]: [x["code"] for x in r["reasons"]] for r in rows if r["reasons"]},
            "related": [{"suppliers": [r["supplier_a"], r["supplier_b"]], "kind": r["kind"],
                         "facts": [f["kind"] for f in r["facts"]], "lots": r["lots"]} for r in related]}


def check(uow: UnitOfWork, tender_id: str) -> ComplianceView:
    """Check every opened bid, lot by lot; flag abnormally low prices; fail short lots."""
    tender = _before_compliance(uow, tender_id)
    session = uow.session
    require_member(session, tender.id, uow.actor)
    require_all_declared(session, tender.id)
    profile, _ = frozen_rules(tender)
    rows = _entries(uow, tender)
    related = apply_reg34(session, tender.id, rows)  # Reg 34: related bidders in one lot are void
    lots = [_open_lot(tender, lot_id, title, [r for r in rows if r["lot_id"] == lot_id], profile)
            for lot_id, title in lot_titles(tender).items()]
    session.add_all(lots)
    for table, values in ((ENTRY, rows), (RELATED, related)):
        if values:
            session.execute(insert(table), values)
    ev = evaluation_row(session, tender.id)
    ev.compliance_at, ev.compliance_by = uow.now, uow.actor.id
    session.add(ev)
    session.flush()
    finish_lots(uow, tender, _check_change(tender, lots, rows, related), "evaluation.compliance",
                "ComplianceChecked")
    return compliance_view(session, tender)


def compliance_view(session: Session, tender: TenderRow) -> ComplianceView:
    """Lots, entries and related pairs of a checked tender."""
    return ComplianceView(tender_id=tender.id, state=tender.state, lots=lot_views(session, tender.id),
                          related=related_views(session, tender.id))


def _void_pair(session: Session, tender: TenderRow, row: RelatedRow, profile: RulesProfile) -> None:
    """Void both bids of a related pair in every lot both priced; a lot left short fails."""
    for lot_id in row.lots:
        lot = lot_row(session, tender.id, lot_id)
        for supplier_id in (row.supplier_a, row.supplier_b):
            entry = session.exec(select(EntryRow).where(
                col(EntryRow.tender_id) == tender.id, col(EntryRow.lot_id) == lot_id,
                col(EntryRow.supplier_id) == supplier_id)).one()
            entry.reasons = [*entry.reasons, reason_dict(related_reason(pair_of(row), supplier_id,
                                                                        determined=True))]
            lot.compliant -= int(entry.compliant)
            entry.compliant = False
            session.add(entry)
        recount(lot, profile)
        session.add(lot)


def determine_related(uow: UnitOfWork, tender_id: str, data: RelatedInput) -> ComplianceView:
    """A member records the committee's determination on two bidders sharing contacts (Reg 34):
    void voids both bids in every lot both priced (a lot left short fails), with the reason."""
    tender = after_compliance(uow, tender_id)
    session = uow.session
    a, b = sorted((data.supplier_a, data.supplier_b))
    row = session.get(RelatedRow, (tender.id, a, b))
    require_open_question(a, b, is_question=row is not None and row.kind == QUESTION,
                          determined=row is not None and row.void is not None, reason=data.reason)
    assert row is not None
    row.void, row.reason, row.decided_by, row.decided_at = data.void, data.reason, uow.actor.id, uow.now
    session.add(row)
    if data.void:
        _void_pair(session, tender, row, frozen_rules(tender)[0])
    session.flush()
    change = {"tender_id": tender.id, "supplier_a": a, "supplier_b": b, "void": data.void,
              "reason": data.reason, "lots": list(row.lots)}
    finish_lots(uow, tender, change, "evaluation.related", "RelatedBiddersDetermined")
    return compliance_view(session, tender)


def finish_lots(uow: UnitOfWork, tender: TenderRow, change: dict[str, Any], action: str, event: str) -> None:
    """Record the change; when every lot has failed, the tender fails (流标) with it."""
    lots = uow.session.exec(select(LotRow).where(col(LotRow.tender_id) == tender.id)).all()
    if lots and all(lot.status == LotState.FAILED.value for lot in lots):
        tender.outcome_reason = "; ".join(f"{lot.lot_id}: {lot.failure_reason}" for lot in lots)
        fire_transition(uow, tender, "fail", {**change, "reason": tender.outcome_reason}, action=action)
        return
    uow.record(action, SUBJECT, tender.id, change, event=event, payload=change)


def after_compliance(uow: UnitOfWork, tender_id: str) -> TenderRow:
    """The tender, once the committee may decide on its checked bids (`review`), for a member."""
    tender = load_tender(uow, tender_id)
    fire_step(uow, tender, "review")
    require_member(uow.session, tender.id, uow.actor)
    return tender


def _decide(entry: EntryRow, data: AbnormalInput, actor_id: str) -> bool:
    """Apply the committee's decision to a flagged entry; whether the bid stays compliant."""
    require_decidable(entry.bid_id, flagged=entry.abnormal is not None,
                      decided=entry.abnormal_decision is not None, decision=data.decision,
                      explanation=data.explanation)
    before = ComplianceResult(entry.bid_id, entry.supplier_id, money(entry.price_fen) or Decimal(0),
                              tuple(reason_of(r) for r in entry.reasons))
    (after,) = apply_decisions([before], [_flag_of(entry.bid_id, entry.abnormal)],
                               {entry.bid_id: data.decision})
    entry.abnormal_decision, entry.explanation = data.decision.value, data.explanation or None
    entry.decided_by, entry.compliant = actor_id, after.compliant
    entry.reasons = [reason_dict(r) for r in after.reasons]
    return after.compliant


def decide_abnormal(uow: UnitOfWork, tender_id: str, data: AbnormalInput) -> EntryView:
    """Record the bidder's written explanation and the committee's decision on a flagged bid."""
    tender = after_compliance(uow, tender_id)
    session = uow.session
    entry = entry_row(session, tender.id, data.lot_id, data.bid_id)
    compliant = _decide(entry, data, uow.actor.id)
    session.add(entry)
    lot = lot_row(session, tender.id, data.lot_id)
    if not compliant:
        lot.compliant -= 1
        recount(lot, frozen_rules(tender)[0])
        session.add(lot)
    session.flush()
    change = {"tender_id": tender.id, "lot_id": data.lot_id, "bid_id": data.bid_id,
              "decision": data.decision.value, "explanation": data.explanation,
              "lot_status": lot.status}
    finish_lots(uow, tender, change, "evaluation.abnormal", "AbnormalBidDecided")
    return entry_view(entry)


def record_adjustment(uow: UnitOfWork, tender_id: str, data: AdjustmentInput) -> EntryView:
    """A documented price adjustment of a compliant bid (lowest evaluated price method)."""
    tender = after_compliance(uow, tender_id)
    entry = entry_row(uow.session, tender.id, data.lot_id, data.bid_id)
    require_adjustable(data.bid_id, method=method_of(frozen_rules(tender)[1]), compliant=entry.compliant)
    entry.adjustments = [*entry.adjustments, {"amount": str(data.amount), "reason": data.reason,
                                              "by": uow.actor.id}]
    uow.session.add(entry)
    uow.record("evaluation.adjustment", SUBJECT, tender.id,
               {"tender_id": tender.id, "lot_id": data.lot_id, "bid_id": data.bid_id,
                "amount": str(data.amount), "reason": data.reason},
               event="PriceAdjustmentRecorded", payload={"tender_id": tender.id, "lot_id": data.lot_id})
    return entry_view(entry)
