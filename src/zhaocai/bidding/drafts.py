"""Drafting and publishing tenders, amendments and clarifications, cancellation, re-tendering.

Each function is the body of one command: it runs inside `platform.run`, so a refusal anywhere
rolls back everything it did.
"""

from __future__ import annotations

import hashlib
import uuid
from datetime import datetime
from typing import Any

from sqlmodel import col, func, select

from zhaocai.bidding.eligibility import require_eligible
from zhaocai.bidding.lifecycle import SUBJECT, fire_transition, frozen_rules, load_tender, to_view
from zhaocai.bidding.machine import TenderState, allowed_events
from zhaocai.bidding.models import TenderDraft
from zhaocai.bidding.rules import tender as tender_rules
from zhaocai.bidding.sealing import generate_tender_keys
from zhaocai.bidding.submission import create_signing_key
from zhaocai.bidding.tables import AmendmentRow, TenderRow
from zhaocai.bidding.views import (
    AmendmentView,
    Cancellation,
    CustodianShare,
    Publication,
    TenderView,
    custodian_seats,
)
from zhaocai.categories import Category
from zhaocai.clock import require_aware
from zhaocai.errors import ConflictError, RuleViolation, ValidationError
from zhaocai.money import Money
from zhaocai.policy.drafting import freeze, settle_draft
from zhaocai.profile import RulesProfile
from zhaocai.store import UnitOfWork
from zhaocai.store.types import canonical_json


def check_draft(draft: TenderDraft, profile: RulesProfile) -> None:
    """Rules a draft must meet whatever the date under `profile`, the numbers it runs on: bid
    security cap, invitations by method."""
    cap = tender_rules.bid_security_cap(draft.estimate, profile)
    if draft.bid_security > cap:
        raise RuleViolation(
            "tender.bid_security_cap",
            f"Bid security {draft.bid_security} exceeds {profile.bid_security_cap_percent} % "
            f"of the estimate ({cap}) (Reg 26)",
            f"投标保证金 {draft.bid_security} 超过估算价的 {profile.bid_security_cap_percent}%"
            f"（{cap}）（实施条例第二十六条）",
            {"bid_security": str(draft.bid_security), "cap": str(cap)},
        )
    if draft.method is tender_rules.TenderMethod.OPEN and draft.invitees:
        raise ValidationError("tender.invitees_open", "An open tender has no invitees",
                              "公开招标不设邀请对象", {"invitees": len(draft.invitees)})


def _draft_columns(draft: TenderDraft, profile: RulesProfile) -> dict[str, Any]:
    return {
        "title": draft.title, "buyer": draft.buyer, "category": draft.category.value,
        "method": draft.method.value, "estimate_fen": Money.of(draft.estimate).fen,
        "ceiling_fen": Money.of(draft.ceiling_price).fen,
        "bid_security_fen": Money.of(draft.bid_security).fen, "deadline": draft.deadline,
        "lots": [lot.model_dump(mode="json") for lot in draft.lots],
        "evaluation": draft.evaluation.model_dump(mode="json"),
        "profile": profile.model_dump(mode="json"), "invitees": list(draft.invitees),
        "requested_profile": None if draft.profile is None else draft.profile.model_dump(mode="json"),
        "statutory": draft.statutory,
        "officers": list(draft.officers), "custodians": custodian_seats(draft.custodians, None),
        "threshold": draft.threshold,
    }


def create_draft(uow: UnitOfWork, draft: TenderDraft, retender_of: str | None = None,
                 deviation_reason: str | None = None) -> TenderView:
    """Store a new draft tender; numbers laxer than the policy need a `deviation_reason`, which
    files a deviation request (see `zhaocai.policy.drafting.settle_draft`)."""
    tender_id = f"tdr-{uuid.uuid4().hex[:12]}"
    profile = settle_draft(uow, tender_id, draft.profile, draft.statutory, deviation_reason)
    check_draft(draft, profile)
    tender = TenderRow(id=tender_id, state=TenderState.DRAFT.value,
                       created_by=uow.actor.id, created_at=uow.now, retender_of=retender_of,
                       **_draft_columns(draft, profile))
    uow.session.add(tender)
    uow.record("tender.draft", SUBJECT, tender.id,
               {"tender_id": tender.id, "draft": draft.model_dump(mode="json"),
                "retender_of": retender_of})
    return to_view(tender, uow.now)


def update_draft(uow: UnitOfWork, tender_id: str, draft: TenderDraft,
                 deviation_reason: str | None = None) -> TenderView:
    """Replace a draft's content; only drafts can change. New numbers void a deviation request or
    approval made for others."""
    tender = load_tender(uow, tender_id)
    if tender.state != TenderState.DRAFT:
        raise RuleViolation("tender.not_draft", "Only a draft can be edited; the rules are frozen",
                            "仅草稿可修改；发布后规则已冻结", {"state": tender.state})
    profile = settle_draft(uow, tender.id, draft.profile, draft.statutory, deviation_reason)
    check_draft(draft, profile)
    for name, value in _draft_columns(draft, profile).items():
        setattr(tender, name, value)
    uow.session.add(tender)
    uow.record("tender.draft_update", SUBJECT, tender.id,
               {"tender_id": tender.id, "draft": draft.model_dump(mode="json")})
    return to_view(tender, uow.now)


def stored_draft(tender: TenderRow) -> TenderDraft:
    """The draft content of a stored tender (for checks and re-tendering)."""
    return TenderDraft.model_validate({
        "title": tender.title, "buyer": tender.buyer, "category": tender.category,
        "method": tender.method, "lots": tender.lots,
        "estimate": Money.from_fen(tender.estimate_fen).amount,
        "ceiling_price": Money.from_fen(tender.ceiling_fen).amount,
        "bid_security": Money.from_fen(tender.bid_security_fen).amount,
        "deadline": tender.deadline, "evaluation": tender.evaluation,
        "profile": tender.requested_profile, "statutory": bool(tender.statutory),
        "invitees": tender.invitees, "officers": tender.officers,
        "custodians": [{"actor_id": c["actor_id"], "name": c["name"], "supervisor": c["supervisor"]}
                       for c in tender.custodians],
        "threshold": tender.threshold,
    })


def _check_publication(uow: UnitOfWork, draft: TenderDraft, profile: RulesProfile) -> None:
    earliest = tender_rules.earliest_deadline(uow.now, draft.method, profile)
    if draft.deadline < earliest:
        days = tender_rules.minimum_period_days(draft.method, profile)
        raise RuleViolation(
            "tender.submission_period",
            f"The bid deadline must be at least {days} days after publication (Law 24): "
            f"not before {earliest.isoformat()}",
            f"自发布至投标截止不得少于 {days} 日（招标投标法第二十四条）：截止时间不得早于 "
            f"{earliest.isoformat()}",
            {"deadline": draft.deadline.isoformat(), "earliest": earliest.isoformat(), "days": days},
        )
    needed = tender_rules.minimum_invitees(draft.method, profile)
    if len(draft.invitees) < needed:
        raise RuleViolation(
            "tender.invitees_too_few",
            f"A {draft.method.value} needs at least {needed} invited suppliers, has {len(draft.invitees)}",
            f"{draft.method.label_zh}至少需邀请 {needed} 家供应商，现有 {len(draft.invitees)} 家",
            {"needed": needed, "invitees": len(draft.invitees)},
        )
    for supplier_id in draft.invitees:
        require_eligible(uow.session, supplier_id, Category(draft.category), draft.ceiling_price,
                         uow.now, code="tender.invitee_ineligible")
    if draft.method is tender_rules.TenderMethod.PRICE_INQUIRY:
        officers = profile.inquiry_min_officers
        if len(draft.officers) < officers:
            raise RuleViolation(
                "tender.inquiry_officers",
                f"A price inquiry is carried out by at least {officers} people together (三三二)",
                f"询价须由至少 {officers} 人共同进行（三三二）",
                {"needed": officers, "officers": list(draft.officers)},
            )


def publish(uow: UnitOfWork, tender_id: str, two_envelopes: bool) -> Publication:
    """Check and freeze the rules, generate the sealing key, hand out the custodians' shares."""
    tender = load_tender(uow, tender_id)
    if tender.state != TenderState.DRAFT:
        fire_transition(uow, tender, "publish")  # raises the machine's refusal
    draft = stored_draft(tender)
    frozen_policy = freeze(uow, tender.id, draft.profile, draft.statutory)
    check_draft(draft, frozen_policy.profile)
    _check_publication(uow, draft, frozen_policy.profile)
    # The receipt key exists before any bid: its creation must not betray a first bid.
    create_signing_key(uow)
    ceremony = generate_tender_keys(tender.id, len(draft.custodians), draft.threshold)
    tender.profile = frozen_policy.profile.model_dump(mode="json")
    tender.policy_version, tender.deviation = frozen_policy.policy_version, frozen_policy.deviation
    frozen = {"profile": tender.profile, "evaluation": tender.evaluation, "statutory": draft.statutory,
              "policy_version": tender.policy_version, "deviation": tender.deviation}
    tender.rules_digest = hashlib.sha256(canonical_json(frozen).encode("utf-8")).hexdigest()
    tender.public_key = ceremony.public_key
    tender.custodians = custodian_seats(draft.custodians, ceremony.fingerprints)
    tender.two_envelopes = two_envelopes
    tender.published_at = uow.now
    tender.published_by = uow.actor.id
    tender.original_deadline = tender.deadline
    public = {
        "title": tender.title, "buyer": tender.buyer, "category": tender.category,
        "method": tender.method, "lots": tender.lots, "deadline": tender.deadline,
        "ceiling_price": str(draft.ceiling_price), "bid_security": str(draft.bid_security),
        "evaluation": tender.evaluation, "profile": tender.profile,
        "statutory": draft.statutory, "policy_version": tender.policy_version,
        "deviation": tender.deviation,
        "rules_digest": tender.rules_digest, "public_key": tender.public_key,
        "two_envelopes": two_envelopes, "threshold": tender.threshold,
        "custodians": [{k: c[k] for k in ("index", "actor_id", "name", "supervisor")}
                       for c in tender.custodians],
    }
    fire_transition(uow, tender, "publish",
                    {**public, "share_fingerprints": ceremony.fingerprints,
                     "invitees": list(draft.invitees)},
                    payload={"tender_id": tender.id, **public})
    shares = [CustodianShare(custodian_id=c.actor_id, name=c.name, index=i + 1, share=share)
              for i, (c, share) in enumerate(zip(draft.custodians, ceremony.shares, strict=True))]
    return Publication(tender=to_view(tender, uow.now), shares=shares)


def amend(uow: UnitOfWork, tender_id: str, text: str, kind: str,
          new_deadline: datetime | None) -> AmendmentView:
    """Publish an amendment or clarification to everyone; move the deadline if it is too close."""
    if kind not in ("amendment", "clarification") or not text.strip():
        raise ValidationError("tender.amendment_input",
                              "An amendment needs a kind (amendment or clarification) and a text",
                              "补遗/答疑须注明类型（amendment 或 clarification）并附内容",
                              {"kind": kind})
    tender = load_tender(uow, tender_id)
    if tender.state != TenderState.PUBLISHED:
        raise RuleViolation("tender.amend_not_open",
                            "Amendments are issued only while the tender accepts bids",
                            "仅在投标截止前可发布补遗或答疑", {"state": tender.state})
    before = tender.deadline
    wanted = before
    if new_deadline is not None:
        wanted = require_aware(new_deadline, "new_deadline")
        if wanted < before:
            raise RuleViolation("tender.deadline_earlier", "An amendment may not bring the deadline forward",
                                "补遗不得提前投标截止时间",
                                {"deadline": before.isoformat(), "new_deadline": wanted.isoformat()})
    profile, _ = frozen_rules(tender)
    after = tender_rules.amended_deadline(uow.now, wanted, profile)
    reconfirm = kind == "amendment"
    tender.deadline = after
    if reconfirm:
        tender.amendments += 1
    seq = tender.amendments if reconfirm else None
    row = AmendmentRow(id=f"amd-{uuid.uuid4().hex[:12]}", tender_id=tender.id, seq=0, kind=kind,
                       text=text, issued_at=uow.now, issued_by=uow.actor.id, deadline_before=before,
                       deadline_after=after, requires_reconfirmation=reconfirm)
    row.seq = _next_amendment_seq(uow, tender.id)
    uow.session.add_all([tender, row])
    view = AmendmentView(tender_id=tender.id, seq=row.seq, kind=kind, text=text, issued_at=uow.now,
                         deadline_before=before, deadline_after=after,
                         requires_reconfirmation=reconfirm)
    facts = {**view.model_dump(mode="json"), "reconfirmation_round": seq}
    uow.record(f"tender.{kind}", SUBJECT, tender.id, facts, event="TenderAmended", payload=facts)
    return view


def _next_amendment_seq(uow: UnitOfWork, tender_id: str) -> int:
    current = uow.session.exec(
        select(func.max(AmendmentRow.seq)).where(col(AmendmentRow.tender_id) == tender_id)
    ).one()
    return int(current or 0) + 1


def request_cancellation(uow: UnitOfWork, tender_id: str, reason: str) -> Cancellation:
    """The first of two people asks to cancel, with a reason."""
    if len(reason.strip()) < 2:
        raise ValidationError("tender.cancel_reason", "Cancelling a tender needs a reason",
                              "终止招标须说明理由")
    tender = load_tender(uow, tender_id)
    if "cancel" not in allowed_events(tender.state):
        fire_transition(uow, tender, "cancel")  # raises the machine's refusal
    if tender.cancel_requested_by is not None:
        raise ConflictError("tender.cancel_pending", "A cancellation is already awaiting approval",
                            "已有待审批的终止申请", {"requested_by": tender.cancel_requested_by})
    tender.cancel_requested_by = uow.actor.id
    tender.cancel_requested_reason = reason.strip()
    uow.session.add(tender)
    uow.record("tender.cancel_request", SUBJECT, tender.id,
               {"tender_id": tender.id, "reason": reason.strip()})
    return Cancellation(tender_id=tender.id, state=TenderState(tender.state), reason=reason.strip(),
                        requested_by=uow.actor.id)


def decide_cancellation(uow: UnitOfWork, tender_id: str, approve: bool) -> Cancellation:
    """A second person approves (the tender is cancelled, its bids never opened) or rejects."""
    tender = load_tender(uow, tender_id)
    requester, reason = tender.cancel_requested_by, tender.cancel_requested_reason
    if requester is None or reason is None:
        raise RuleViolation("tender.cancel_not_requested", "No cancellation awaits approval",
                            "没有待审批的终止申请", {"tender_id": tender_id})
    if requester == uow.actor.id:
        raise RuleViolation("tender.cancel_same_person",
                            "Cancelling needs two people: the requester cannot approve or reject",
                            "终止招标须两人办理：申请人不得自行审批", {"requester": requester})
    tender.cancel_requested_by = None
    tender.cancel_requested_reason = None
    if approve:
        tender.outcome_reason = reason
        fire_transition(uow, tender, "cancel",
                        {"reason": reason, "requested_by": requester, "approved_by": uow.actor.id})
    else:
        uow.session.add(tender)
        uow.record("tender.cancel_reject", SUBJECT, tender.id,
                   {"tender_id": tender.id, "reason": reason, "requested_by": requester})
    return Cancellation(tender_id=tender.id, state=TenderState(tender.state), reason=reason,
                        requested_by=requester, approved_by=uow.actor.id if approve else None)


def retender(uow: UnitOfWork, tender_id: str, deadline: datetime,
             deviation_reason: str | None = None) -> TenderView:
    """A new draft copying a failed tender, linked to it, with a new deadline (a deviation is
    asked for afresh: an approval is for one tender)."""
    tender = load_tender(uow, tender_id)
    if tender.state != TenderState.FAILED:
        raise RuleViolation("tender.retender_not_failed", "Only a failed tender (流标) is re-tendered",
                            "仅流标项目可重新招标", {"state": tender.state})
    draft = stored_draft(tender).model_copy(update={"deadline": require_aware(deadline, "deadline")})
    return create_draft(uow, draft, retender_of=tender.id, deviation_reason=deviation_reason)
