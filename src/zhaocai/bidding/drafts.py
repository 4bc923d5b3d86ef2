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

from zhaocai.bidding.custody import seating
from zhaocai.bidding.eligibility import require_eligible
from zhaocai.bidding.lifecycle import (
    SUBJECT,
    end_of_bidding,
    fire_transition,
    frozen_rules,
    load_tender,
    permit,
    require_move,
    to_view,
)
from zhaocai.bidding.machine import TenderState
from zhaocai.bidding.models import TenderDraft
from zhaocai.bidding.rules import tender as tender_rules
from zhaocai.bidding.sealing import KeyCeremony, generate_tender_keys
from zhaocai.bidding.tables import AmendmentRow, TenderRow
from zhaocai.bidding.views import (
    AmendmentView,
    Cancellation,
    Publication,
    TenderView,
    custodian_seats,
)
from zhaocai.categories import Category
from zhaocai.clock import require_aware
from zhaocai.money import Money
from zhaocai.people.units import place_tender
from zhaocai.policy.drafting import Frozen, freeze, settle_draft
from zhaocai.profile import RulesProfile
from zhaocai.store import UnitOfWork
from zhaocai.store.types import canonical_json


def check_draft(draft: TenderDraft, profile: RulesProfile) -> None:
    """Rules a draft must meet whatever the date under `profile`, the numbers it runs on: bid
    security cap, invitations by method (`rules.tender.check_draft`)."""
    tender_rules.check_draft(draft.estimate, draft.bid_security, draft.method, draft.invitees, profile)


def _check_custodians(uow: UnitOfWork, draft: TenderDraft, drafter: str,
                      publisher: str | None = None) -> None:
    """The seat rules (`rules.custody`): k different people, a supervisor, not the drafter (nor,
    at publication, the publisher)."""
    seating.check_custodians(uow.session, draft.custodians, draft.threshold, uow.now, drafter=drafter,
                             publisher=publisher)


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
        "threshold": draft.threshold, "external_ref": draft.external_ref,
    }


def create_draft(uow: UnitOfWork, draft: TenderDraft, retender_of: str | None = None,
                 deviation_reason: str | None = None) -> TenderView:
    """Store a new draft tender; numbers laxer than the policy need a `deviation_reason`, which
    files a deviation request (see `zhaocai.policy.drafting.settle_draft`)."""
    tender_id = f"tdr-{uuid.uuid4().hex[:12]}"
    profile = settle_draft(uow, tender_id, draft.profile, draft.statutory, deviation_reason)
    check_draft(draft, profile)
    _check_custodians(uow, draft, uow.actor.id)
    tender = TenderRow(id=tender_id, state=TenderState.DRAFT.value,
                       created_by=uow.actor.id, created_at=uow.now, retender_of=retender_of,
                       **_draft_columns(draft, profile))
    uow.session.add(tender)
    unit = place_tender(uow, tender.id, retender_of)  # its drafter's unit (a re-tender: the original's)
    uow.record("tender.draft", SUBJECT, tender.id,
               {"tender_id": tender.id, "draft": draft.model_dump(mode="json"),
                "retender_of": retender_of, "unit": unit})
    return to_view(tender, uow.now)


def update_draft(uow: UnitOfWork, tender_id: str, draft: TenderDraft,
                 deviation_reason: str | None = None) -> TenderView:
    """Replace a draft's content; only drafts can change. New numbers void a deviation request or
    approval made for others."""
    tender = load_tender(uow, tender_id)
    permit(uow, tender, "edit")
    profile = settle_draft(uow, tender.id, draft.profile, draft.statutory, deviation_reason)
    check_draft(draft, profile)
    _check_custodians(uow, draft, tender.created_by)
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
        "threshold": tender.threshold, "external_ref": tender.external_ref,
    })


def _check_publication(uow: UnitOfWork, draft: TenderDraft, profile: RulesProfile) -> None:
    check_draft(draft, profile)
    tender_rules.check_publication(uow.now, draft.deadline, draft.method, draft.invitees, draft.officers,
                                   profile)
    for supplier_id in draft.invitees:
        require_eligible(uow, supplier_id, Category(draft.category), draft.ceiling_price,
                         code="tender.invitee_ineligible")


def _freeze(uow: UnitOfWork, tender: TenderRow, frozen: Frozen, ceremony: KeyCeremony, draft: TenderDraft,
            two_envelopes: bool) -> None:
    """Write what publication freezes: the rules and their digest, the key, the custodians' seats."""
    tender.profile = frozen.profile.model_dump(mode="json")
    tender.policy_version, tender.deviation = frozen.policy_version, frozen.deviation
    rules = {"profile": tender.profile, "evaluation": tender.evaluation, "statutory": draft.statutory,
             "policy_version": tender.policy_version, "deviation": tender.deviation}
    tender.rules_digest = hashlib.sha256(canonical_json(rules).encode("utf-8")).hexdigest()
    tender.public_key = ceremony.public_key
    tender.custodians = custodian_seats(draft.custodians, ceremony.fingerprints)
    tender.two_envelopes = two_envelopes
    tender.published_at, tender.published_by = uow.now, uow.actor.id
    tender.original_deadline = tender.deadline


def _public_notice(tender: TenderRow, draft: TenderDraft) -> dict[str, Any]:
    """What everyone learns at publication (the outbox event and the audit link)."""
    return {
        "title": tender.title, "buyer": tender.buyer, "category": tender.category,
        "method": tender.method, "lots": tender.lots, "deadline": tender.deadline,
        "ceiling_price": str(draft.ceiling_price), "bid_security": str(draft.bid_security),
        "evaluation": tender.evaluation, "profile": tender.profile,
        "statutory": draft.statutory, "policy_version": tender.policy_version,
        "deviation": tender.deviation,
        "rules_digest": tender.rules_digest, "public_key": tender.public_key,
        "two_envelopes": tender.two_envelopes, "threshold": tender.threshold,
        "custodians": [{k: c[k] for k in ("index", "actor_id", "name", "supervisor")}
                       for c in tender.custodians],
    }


def publish(uow: UnitOfWork, tender_id: str, two_envelopes: bool) -> Publication:
    """Check and freeze the rules, generate the sealing key, seal each custodian's share to their
    own registered key (`custody.seating`); no share is returned or stored in clear."""
    tender = load_tender(uow, tender_id)
    require_move(tender, "publish")
    draft = stored_draft(tender)
    frozen = freeze(uow, tender.id, draft.profile, draft.statutory)
    _check_publication(uow, draft, frozen.profile)
    _check_custodians(uow, draft, tender.created_by, uow.actor.id)
    keys = seating.require_keys(uow.session, draft.custodians)
    ceremony = generate_tender_keys(tender.id, len(draft.custodians), draft.threshold)
    sealed = seating.seat(uow, tender.id, draft.custodians, keys, ceremony)
    _freeze(uow, tender, frozen, ceremony, draft, two_envelopes)
    public = _public_notice(tender, draft)
    fire_transition(uow, tender, "publish", {**public, "share_fingerprints": ceremony.fingerprints,
                                             "sealed_to": {s.custodian_id: s.key_id for s in sealed},
                                             "invitees": list(draft.invitees)},
                    payload={"tender_id": tender.id, **public, "external_ref": tender.external_ref})
    return Publication(tender=to_view(tender, uow.now), seats=sealed)


def amend(uow: UnitOfWork, tender_id: str, text: str, kind: str,
          new_deadline: datetime | None) -> AmendmentView:
    """Publish an amendment or clarification to everyone; move the deadline if it is too close."""
    tender_rules.check_amendment_input(kind, text)
    tender = load_tender(uow, tender_id)
    before = tender.deadline
    wanted = before if new_deadline is None else require_aware(new_deadline, "new_deadline")
    permit(uow, tender, "amend", new_deadline=wanted)
    after = tender_rules.amended_deadline(uow.now, wanted, frozen_rules(tender)[0])
    reconfirm = kind == "amendment"
    tender.deadline, tender.amendments = after, tender.amendments + (1 if reconfirm else 0)
    row = AmendmentRow(id=f"amd-{uuid.uuid4().hex[:12]}", tender_id=tender.id,
                       seq=_next_amendment_seq(uow, tender.id), kind=kind, text=text, issued_at=uow.now,
                       issued_by=uow.actor.id, deadline_before=before, deadline_after=after,
                       requires_reconfirmation=reconfirm)
    uow.session.add_all([tender, row])
    view = AmendmentView.model_validate(row, from_attributes=True)
    facts = {**view.model_dump(mode="json"), "reconfirmation_round": tender.amendments if reconfirm else None}
    uow.record(f"tender.{kind}", SUBJECT, tender.id, facts, event="TenderAmended", payload=facts)
    return view


def _next_amendment_seq(uow: UnitOfWork, tender_id: str) -> int:
    current = uow.session.exec(
        select(func.max(AmendmentRow.seq)).where(col(AmendmentRow.tender_id) == tender_id)
    ).one()
    return int(current or 0) + 1


def request_cancellation(uow: UnitOfWork, tender_id: str, reason: str) -> Cancellation:
    """The first of two people asks to cancel, with a reason."""
    text = tender_rules.cancel_reason(reason)
    tender = load_tender(uow, tender_id)
    permit(uow, tender, "request_cancel")
    tender.cancel_requested_by, tender.cancel_requested_reason = uow.actor.id, text
    uow.session.add(tender)
    uow.record("tender.cancel_request", SUBJECT, tender.id, {"tender_id": tender.id, "reason": text})
    return Cancellation(tender_id=tender.id, state=TenderState(tender.state), reason=text,
                        requested_by=uow.actor.id)


def decide_cancellation(uow: UnitOfWork, tender_id: str, approve: bool) -> Cancellation:
    """A second person approves (the tender is cancelled, its bids never opened) or rejects."""
    tender = load_tender(uow, tender_id)
    requester, reason = tender.cancel_requested_by, tender.cancel_requested_reason or ""
    if approve:
        tender.outcome_reason = reason
        fire_transition(uow, tender, "cancel",
                        {"reason": reason, "requested_by": requester, "approved_by": uow.actor.id},
                        private=end_of_bidding(uow, tender.id))
        seating.clear_presented(uow, tender.id)  # a cancelled tender's bids are never opened
    else:
        permit(uow, tender, "reject_cancel")
        uow.record("tender.cancel_reject", SUBJECT, tender.id,
                   {"tender_id": tender.id, "reason": reason, "requested_by": requester})
    tender.cancel_requested_by = tender.cancel_requested_reason = None
    uow.session.add(tender)
    assert requester is not None  # the machine refuses a decision nobody asked for
    return Cancellation(tender_id=tender.id, state=TenderState(tender.state), reason=reason,
                        requested_by=requester, approved_by=uow.actor.id if approve else None)


def retender(uow: UnitOfWork, tender_id: str, deadline: datetime,
             deviation_reason: str | None = None) -> TenderView:
    """A new draft copying a failed tender, linked to it, with a new deadline (a deviation is
    asked for afresh: an approval is for one tender)."""
    tender = load_tender(uow, tender_id)
    permit(uow, tender, "retender")
    draft = stored_draft(tender).model_copy(update={"deadline": require_aware(deadline, "deadline")})
    return create_draft(uow, draft, retender_of=tender.id, deviation_reason=deviation_reason)
