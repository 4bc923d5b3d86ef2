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
    LOT_FAILED,
    LOT_OPEN,
    SUBJECT,
    conflict,
    entry_row,
    entry_view,
    evaluation_row,
    lot_row,
    lot_titles,
    lot_views,
    method_of,
    money,
    reason_dict,
    reason_of,
    refuse,
    require_all_declared,
    require_member,
    require_state,
)
from zhaocai.bidding.evaluating.related import QUESTION, apply_reg34, pair_of, related_views
from zhaocai.bidding.evaluating.tables import EntryRow, FindingRow, LotRow, RelatedRow, SecurityRow
from zhaocai.bidding.evaluating.views import (
    AbnormalInput,
    AdjustmentInput,
    ComplianceView,
    EntryView,
    RelatedInput,
)
from zhaocai.bidding.lifecycle import fire_transition, frozen_rules, load_tender
from zhaocai.bidding.machine import TenderState
from zhaocai.bidding.payload import BidPayload
from zhaocai.bidding.rules import (
    AbnormalDecision,
    AbnormalFlag,
    AwardMethod,
    ComplianceResult,
    OpenedBid,
    Reason,
    apply_decisions,
    check_bid,
    find_abnormally_low,
    related_reason,
)
from zhaocai.bidding.tables import OpenedBidRow, TenderRow
from zhaocai.categories import Category
from zhaocai.errors import NotFoundError, ValidationError
from zhaocai.money import Money
from zhaocai.profile import RulesProfile
from zhaocai.store import UnitOfWork
from zhaocai.suppliers.eligibility import eligibility_of_many
from zhaocai.suppliers.models import Eligibility

_ENTRY = EntryRow.__table__  # type: ignore[attr-defined]
_RELATED = RelatedRow.__table__  # type: ignore[attr-defined]


def _before_compliance(uow: UnitOfWork, tender_id: str) -> TenderRow:
    tender = load_tender(uow, tender_id)
    require_state(tender, TenderState.EVALUATING, doing="record this before the compliance check")
    if evaluation_row(uow.session, tender_id).compliance_at is not None:
        raise conflict("compliance.already_checked", "The compliance check is already done",
                       "符合性审查已完成", tender_id=tender_id)
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


def shortfall_reason(compliant: int, profile: RulesProfile) -> str:
    return (f"{compliant} compliant bids, {profile.min_valid_bids} needed (Law 28, Reg 44) / "
            f"有效投标 {compliant} 家，不足 {profile.min_valid_bids} 家")


def check(uow: UnitOfWork, tender_id: str) -> ComplianceView:
    """Check every opened bid, lot by lot; flag abnormally low prices; fail short lots."""
    tender = _before_compliance(uow, tender_id)
    session = uow.session
    require_member(session, tender.id, uow.actor)
    require_all_declared(session, tender.id)
    profile, _ = frozen_rules(tender)
    paid = {r.supplier_id: r.paid_fen for r in session.exec(
        select(SecurityRow).where(col(SecurityRow.tender_id) == tender.id)).all()}
    findings: dict[tuple[str, str | None], list[Reason]] = {}
    for f in session.exec(select(FindingRow).where(col(FindingRow.tender_id) == tender.id)
                          .order_by(col(FindingRow.recorded_at), col(FindingRow.id))).all():
        findings.setdefault((f.bid_id, f.lot_id), []).append(
            Reason("compliance.not_responsive", f"does not respond to the requirements: {f.en}",
                   f"未实质性响应招标文件要求：{f.zh}"))
    opened = session.exec(select(OpenedBidRow).where(col(OpenedBidRow.tender_id) == tender.id)
                          .order_by(col(OpenedBidRow.bid_id))).all()
    titles = lot_titles(tender)
    # Every valid bidder's eligibility now, for its own total, in one query.
    eligibility = eligibility_of_many(session, {
        b.supplier_id: BidPayload.model_validate(b.payload).total for b in opened
        if b.status == "valid" and b.payload is not None and b.technical_compliant is not False},
        Category(tender.category), uow.now)
    rows: list[dict[str, Any]] = []
    for bid in opened:
        result, payload = _bid_result(tender, bid, paid, findings.get((bid.bid_id, None), []), eligibility)
        prices = {lot.lot: lot.price for lot in payload.lots} if payload else {}
        for lot_id in titles:
            reasons = [*result.reasons, *findings.get((bid.bid_id, lot_id), [])]
            price = prices.get(lot_id)
            rows.append({"tender_id": tender.id, "lot_id": lot_id, "bid_id": bid.bid_id,
                         "supplier_id": bid.supplier_id, "content_hash": bid.envelope_hash,
                         "price_fen": None if price is None else Money.of(price).fen,
                         "compliant": not reasons, "reasons": [reason_dict(r) for r in reasons],
                         "abnormal": None, "adjustments": []})
    related = apply_reg34(session, tender.id, rows)  # Reg 34: related bidders in one lot are void
    summary: dict[str, Any] = {}
    for lot_id, title in titles.items():
        lot_rows = [r for r in rows if r["lot_id"] == lot_id]
        valid = {r["bid_id"]: Money.from_fen(r["price_fen"]).amount for r in lot_rows if r["compliant"]}
        failed = len(valid) < profile.min_valid_bids
        if not failed:
            flags = {f.bid_id: f for f in find_abnormally_low(valid, profile)}
            for r in lot_rows:
                if r["bid_id"] in flags:
                    r["abnormal"] = _flag_dict(flags[r["bid_id"]])
        session.add(LotRow(tender_id=tender.id, lot_id=lot_id, title=title,
                           status=LOT_FAILED if failed else LOT_OPEN, compliant=len(valid),
                           failure_reason=shortfall_reason(len(valid), profile) if failed else None))
        summary[lot_id] = {"compliant": len(valid), "failed": failed,
                           "abnormal": sorted(r["bid_id"] for r in lot_rows if r["abnormal"])}
    if rows:
        session.execute(insert(_ENTRY), rows)
    if related:
        session.execute(insert(_RELATED), related)
    ev = evaluation_row(session, tender.id)
    ev.compliance_at, ev.compliance_by = uow.now, uow.actor.id
    session.add(ev)
    session.flush()
    change = {"tender_id": tender.id, "lots": summary,
              "excluded": {r["bid_id"]: [x["code"] for x in r["reasons"]] for r in rows if r["reasons"]},
              "related": [{"suppliers": [r["supplier_a"], r["supplier_b"]], "kind": r["kind"],
                           "facts": [f["kind"] for f in r["facts"]], "lots": r["lots"]} for r in related]}
    finish_lots(uow, tender, change, "evaluation.compliance", "ComplianceChecked")
    return compliance_view(session, tender)


def compliance_view(session: Session, tender: TenderRow) -> ComplianceView:
    """Lots, entries and related pairs of a checked tender."""
    return ComplianceView(tender_id=tender.id, state=tender.state, lots=lot_views(session, tender.id),
                          related=related_views(session, tender.id))


def determine_related(uow: UnitOfWork, tender_id: str, data: RelatedInput) -> ComplianceView:
    """A member records the committee's determination on two bidders sharing contacts (Reg 34):
    void voids both bids in every lot both priced (a lot left short fails), with the reason."""
    tender = after_compliance(uow, tender_id)
    session = uow.session
    a, b = sorted((data.supplier_a, data.supplier_b))
    row = session.get(RelatedRow, (tender.id, a, b))
    if row is None or row.kind != QUESTION:
        raise NotFoundError("related.not_a_question", f"No shared-contact question on {a} and {b}",
                            f"{a} 与 {b} 之间没有待认定的关联问题", {"supplier_a": a, "supplier_b": b})
    if row.void is not None:
        raise conflict("related.already_determined", "The committee already determined this pair",
                       "评标委员会已对该两家投标人作出认定", supplier_a=a, supplier_b=b)
    if not data.reason.strip():
        raise ValidationError("related.reason_missing", "A determination states its reason",
                              "认定须说明理由", {"supplier_a": a, "supplier_b": b})
    row.void, row.reason, row.decided_by, row.decided_at = data.void, data.reason, uow.actor.id, uow.now
    session.add(row)
    profile, _ = frozen_rules(tender)
    for lot_id in row.lots if data.void else []:
        lot = lot_row(session, tender.id, lot_id)
        for supplier_id in (a, b):
            entry = session.exec(select(EntryRow).where(
                col(EntryRow.tender_id) == tender.id, col(EntryRow.lot_id) == lot_id,
                col(EntryRow.supplier_id) == supplier_id)).one()
            entry.reasons = [*entry.reasons, reason_dict(related_reason(pair_of(row), supplier_id,
                                                                        determined=True))]
            lot.compliant -= int(entry.compliant)
            entry.compliant = False
            session.add(entry)
        if lot.status != LOT_FAILED and lot.compliant < profile.min_valid_bids:
            lot.status, lot.failure_reason = LOT_FAILED, shortfall_reason(lot.compliant, profile)
        session.add(lot)
    session.flush()
    change = {"tender_id": tender.id, "supplier_a": a, "supplier_b": b, "void": data.void,
              "reason": data.reason, "lots": list(row.lots)}
    finish_lots(uow, tender, change, "evaluation.related", "RelatedBiddersDetermined")
    return compliance_view(session, tender)


def finish_lots(uow: UnitOfWork, tender: TenderRow, change: dict[str, Any], action: str, event: str) -> None:
    """Record the change; when every lot has failed, the tender fails (流标) with it."""
    lots = uow.session.exec(select(LotRow).where(col(LotRow.tender_id) == tender.id)).all()
    if lots and all(lot.status == LOT_FAILED for lot in lots):
        tender.outcome_reason = "; ".join(f"{lot.lot_id}: {lot.failure_reason}" for lot in lots)
        fire_transition(uow, tender, "fail", {**change, "reason": tender.outcome_reason}, action=action)
        return
    uow.record(action, SUBJECT, tender.id, change, event=event, payload=change)


def after_compliance(uow: UnitOfWork, tender_id: str) -> TenderRow:
    tender = load_tender(uow, tender_id)
    require_state(tender, TenderState.EVALUATING, doing="do this after the compliance check")
    ev = evaluation_row(uow.session, tender_id)
    if ev.compliance_at is None:
        raise refuse("compliance.not_checked", "Run the compliance check first", "须先进行符合性审查",
                     tender_id=tender_id)
    if ev.report_at is not None:
        raise conflict("evaluation.report_done", "The evaluation report is already out",
                       "评标报告已出具", tender_id=tender_id)
    require_member(uow.session, tender.id, uow.actor)
    return tender


def decide_abnormal(uow: UnitOfWork, tender_id: str, data: AbnormalInput) -> EntryView:
    """Record the bidder's written explanation and the committee's decision on a flagged bid."""
    tender = after_compliance(uow, tender_id)
    session = uow.session
    entry = entry_row(session, tender.id, data.lot_id, data.bid_id)
    if entry.abnormal is None:
        raise ValidationError("abnormal.not_flagged", f"Bid {data.bid_id} was not flagged abnormally low",
                              f"投标 {data.bid_id} 未被认定为异常低价", {"bid_id": data.bid_id})
    if entry.abnormal_decision is not None:
        raise conflict("abnormal.already_decided", "The committee already decided on this bid",
                       "评标委员会已对该投标作出认定", bid_id=data.bid_id)
    if data.decision is not AbnormalDecision.NO_EXPLANATION and not data.explanation.strip():
        raise ValidationError("abnormal.explanation_missing",
                              "Record the bidder's written explanation with the decision",
                              "须登记投标人的书面说明", {"bid_id": data.bid_id})
    before = ComplianceResult(entry.bid_id, entry.supplier_id, money(entry.price_fen) or Decimal(0),
                              tuple(reason_of(r) for r in entry.reasons))
    (after,) = apply_decisions([before], [_flag_of(entry.bid_id, entry.abnormal)],
                               {entry.bid_id: data.decision})
    entry.abnormal_decision, entry.explanation = data.decision.value, data.explanation or None
    entry.decided_by, entry.compliant = uow.actor.id, after.compliant
    entry.reasons = [reason_dict(r) for r in after.reasons]
    session.add(entry)
    lot = lot_row(session, tender.id, data.lot_id)
    if not after.compliant:
        lot.compliant -= 1
        profile, _ = frozen_rules(tender)
        if lot.compliant < profile.min_valid_bids:
            lot.status, lot.failure_reason = LOT_FAILED, shortfall_reason(lot.compliant, profile)
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
    _, spec = frozen_rules(tender)
    if method_of(spec) is not AwardMethod.LOWEST_EVALUATED_PRICE:
        raise refuse("evaluation.adjustment_method",
                     "Price adjustments belong to the lowest evaluated price method",
                     "价格调整仅适用于经评审的最低投标价法", tender_id=tender.id)
    entry = entry_row(uow.session, tender.id, data.lot_id, data.bid_id)
    if not entry.compliant:
        raise refuse("evaluation.bid_not_compliant", "Only compliant bids are evaluated",
                     "仅对有效投标进行评审", bid_id=data.bid_id)
    entry.adjustments = [*entry.adjustments, {"amount": str(data.amount), "reason": data.reason,
                                              "by": uow.actor.id}]
    uow.session.add(entry)
    uow.record("evaluation.adjustment", SUBJECT, tender.id,
               {"tender_id": tender.id, "lot_id": data.lot_id, "bid_id": data.bid_id,
                "amount": str(data.amount), "reason": data.reason},
               event="PriceAdjustmentRecorded", payload={"tender_id": tender.id, "lot_id": data.lot_id})
    return entry_view(entry)
