"""TenderService: the commands and reads of online tendering (`platform.tenders`)."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ConfigDict
from sqlmodel import Session, col, select

from zhaocai.acting import Who, acting
from zhaocai.actors import Actor, Role, is_buyer_staff, require_not_supplier
from zhaocai.bidding import drafts, opening, submission
from zhaocai.bidding.custody.service import CustodyCommands
from zhaocai.bidding.lifecycle import read_tender, require_buyer, to_view
from zhaocai.bidding.machine import TenderState
from zhaocai.bidding.models import TenderDraft
from zhaocai.bidding.payload import BidPayload
from zhaocai.bidding.receipts import BidReceipt, ReceiptKeyView, ReceiptSigner, verify_receipt
from zhaocai.bidding.sealing import SealedBid
from zhaocai.bidding.tables import AmendmentRow, OpenedBidRow, OpeningRecordRow, TenderRow, opening_order
from zhaocai.bidding.views import (
    AmendmentView,
    Cancellation,
    ComplianceDecision,
    OpeningRecord,
    OwnBid,
    Publication,
    TenderView,
)
from zhaocai.errors import PermissionDenied, parse
from zhaocai.guards import guarded
from zhaocai.keys import ReceiptKeyRow
from zhaocai.keys.registry import current_receipt_key, key_valid_at, receipt_keys, register_receipt_key
from zhaocai.references import check_external_ref
from zhaocai.store import UnitOfWork

if TYPE_CHECKING:
    from zhaocai.runner import CommandRunner

BUYER = (Role.PURCHASING,)
OFFICERS = (Role.PURCHASING, Role.SUPERVISOR)

RECEIPT_KEY_JOB = "platform.receipt_key"
"""The system job that registers the key provider's receipt key (`submission.receipt_key_job`)."""

BidReadGuard = Callable[[Session, Actor, str], None]
"""session, actor, tender id → None, or raises: a check before an expert reads opened bids."""


class OpenedBidView(BaseModel):
    """A bid as opened, for the evaluation committee (never available before opening)."""

    model_config = ConfigDict(frozen=True)

    bid_id: str
    supplier_id: str
    version: int
    received_at: datetime
    envelope_hash: str
    status: str
    reason: str | None
    payload: BidPayload | None
    technical: dict[str, Any] | None
    technical_compliant: bool | None


class TechnicalComplianceView(BaseModel):
    """The technical compliance decisions recorded on a two-envelope tender in one command."""

    model_config = ConfigDict(frozen=True)

    tender_id: str
    decisions: list[ComplianceDecision]
    recorded_by: str
    recorded_at: datetime


def bid_request(tender_id: str, bid: SealedBid | BidPayload) -> dict[str, Any]:
    """What an idempotent submission is compared by: the tender and the envelope as sent.

    A sealed bid counts by its ciphertext (already stored; a retry resends the same one). A
    clear payload counts only by its tender: its content is sealed with fresh randomness, and a
    digest of the clear content kept before opening would let anyone who reads the store find
    the price by hashing candidate prices. Seal on the client side to have a changed bid refused.
    """
    if isinstance(bid, SealedBid):
        return {"tender_id": tender_id, "sealed": bid.model_dump(mode="json")}
    return {"tender_id": tender_id, "sealed": None}


class TenderService(CustodyCommands):
    """Drafting, publication, sealed submission, receipts and opening of tenders; key custody
    (`CustodyCommands`: custodians' keys, sealed shares, presentation)."""

    def __init__(self, runner: CommandRunner, *, bid_read_guards: Sequence[BidReadGuard] = (),
                 receipt_key_job: str = RECEIPT_KEY_JOB) -> None:
        self._runner = runner
        self._signer: ReceiptSigner | None = None
        # Checks run before an expert reads opened bids (`Platform.open` passes evaluation's:
        # a declared committee member of that tender). Each raises to refuse.
        self._bid_read_guards = tuple(bid_read_guards)
        # The system job, registered by `Platform.open`, that registers the receipt key.
        self._receipt_key_job = receipt_key_job

    # -- drafting and publication -------------------------------------------------------------

    @acting
    def create_draft(self, actor: Actor, draft: TenderDraft | Mapping[str, Any], *,
                     deviation_reason: str | None = None) -> TenderView:
        """Store a draft tender (purchasing). Numbers laxer than the organisation's policy are
        refused (`policy.deviation_required`) unless `deviation_reason` is given, which files a
        deviation request for a supervisor (`platform.policy.approve_deviation`)."""
        require_buyer(actor, "tender.draft")
        parsed = parse(TenderDraft, draft)
        return self._runner.run(actor, "tender.draft",
                                lambda uow: drafts.create_draft(uow, parsed, None, deviation_reason),
                                roles=BUYER)

    @acting
    def update_draft(self, actor: Actor, tender_id: str,
                     draft: TenderDraft | Mapping[str, Any], *,
                     deviation_reason: str | None = None) -> TenderView:
        """Replace a draft's content (only while it is a draft); see `create_draft` for deviations."""
        require_buyer(actor, "tender.draft_update")
        parsed = parse(TenderDraft, draft)
        return self._runner.run(actor, "tender.draft_update",
                                lambda uow: drafts.update_draft(uow, tender_id, parsed, deviation_reason),
                                roles=BUYER, tender_id=tender_id)

    @acting
    def publish(self, actor: Actor, tender_id: str, *, two_envelopes: bool = False) -> Publication:
        """Publish: check periods, invitees and custodians, freeze the rules, seal each custodian's
        share to their registered key. The result holds no share. Codes of custody:
        `custody.key_missing`, `custody.too_few_custodians`, `custody.no_supervisor`,
        `custody.drafter_custodian`, `custody.publisher_custodian`.
        """
        require_buyer(actor, "tender.publish")
        keys = self._runner.keys

        def publish(uow: UnitOfWork) -> Publication:
            # The receipt key exists before any bid: its registration must not betray a first bid.
            register_receipt_key(uow, keys)
            return drafts.publish(uow, tender_id, two_envelopes)

        return self._runner.run(actor, "tender.publish", publish, roles=BUYER)

    @acting
    def amend(self, actor: Actor, tender_id: str, text: str, *, new_deadline: datetime | None = None,
              kind: str = "amendment") -> AmendmentView:
        """Publish an amendment (bids made before it must be confirmed again) to everyone."""
        return self._amend(actor, tender_id, text, new_deadline, kind)

    @acting
    def clarify(self, actor: Actor, tender_id: str, text: str) -> AmendmentView:
        """Publish a clarification (答疑) to everyone; bids need no confirmation."""
        return self._amend(actor, tender_id, text, None, "clarification")

    def _amend(self, actor: Actor, tender_id: str, text: str, new_deadline: datetime | None,
               kind: str) -> AmendmentView:
        # Called with the actor `acting` resolved: one resolution per call, not one per method.
        require_buyer(actor, f"tender.{kind}")
        return self._runner.run(actor, f"tender.{kind}",
                                lambda uow: drafts.amend(uow, tender_id, text, kind, new_deadline),
                                roles=BUYER, tender_id=tender_id)

    @acting
    def request_cancellation(self, actor: Actor, tender_id: str, reason: str) -> Cancellation:
        """First of two people: ask to cancel the tender, with a reason."""
        require_buyer(actor, "tender.cancel_request")
        return self._runner.run(actor, "tender.cancel_request",
                                lambda uow: drafts.request_cancellation(uow, tender_id, reason),
                                roles=OFFICERS, tender_id=tender_id)

    @acting
    def approve_cancellation(self, actor: Actor, tender_id: str) -> Cancellation:
        """Second person: cancel the tender. Its bids are never opened."""
        require_buyer(actor, "tender.cancel")
        return self._runner.run(actor, "tender.cancel",
                                lambda uow: drafts.decide_cancellation(uow, tender_id, True),
                                roles=OFFICERS, tender_id=tender_id)

    @acting
    def reject_cancellation(self, actor: Actor, tender_id: str) -> Cancellation:
        """Second person: turn the cancellation request down."""
        require_buyer(actor, "tender.cancel_reject")
        return self._runner.run(actor, "tender.cancel_reject",
                                lambda uow: drafts.decide_cancellation(uow, tender_id, False),
                                roles=OFFICERS, tender_id=tender_id)

    @acting
    def retender(self, actor: Actor, tender_id: str, deadline: datetime, *,
                 deviation_reason: str | None = None) -> TenderView:
        """A new draft from a failed tender (流标), linked to it."""
        require_buyer(actor, "tender.retender")
        return self._runner.run(actor, "tender.retender",
                                lambda uow: drafts.retender(uow, tender_id, deadline, deviation_reason),
                                roles=BUYER)

    # -- bids ------------------------------------------------------------------------------------

    def receipt_verify_key(self) -> str:
        """The platform's current public Ed25519 key (hex) that signs receipts.

        Read from the store, so it needs no private key; a platform that has not signed yet
        registers its provider's key first (`keys.missing` without one)."""
        with self._runner.session() as session:
            current = current_receipt_key(session)
        if current is None:
            self._runner.run_system(self._receipt_key_job)
            with self._runner.session() as session:
                current = current_receipt_key(session)
        assert current is not None
        return current.verify_key

    def receipt_keys(self) -> list[ReceiptKeyView]:
        """Every key the platform has signed receipts with and when, oldest first: receipts
        signed before a rotation verify with the key of their moment."""
        with self._runner.session() as session:
            return [ReceiptKeyView(verify_key=row.verify_key, valid_from=row.valid_from,
                                   valid_until=row.valid_until) for row in receipt_keys(session)]

    @guarded
    def verify_receipt(self, receipt: BidReceipt | Mapping[str, Any]) -> bool:
        """True when `receipt` is signed by a key this platform signed with at the receipt's
        moment: a receipt re-signed with any other key, or dated outside its key's period, fails."""
        try:
            parsed = receipt if isinstance(receipt, BidReceipt) else BidReceipt.model_validate(receipt)
        except ValueError:
            return False
        if parsed.received_at.tzinfo is None:  # every receipt the platform signs has its zone
            return False
        with self._runner.session() as session:
            row = session.get(ReceiptKeyRow, parsed.verify_key)
        return row is not None and key_valid_at(row, parsed.received_at) \
            and verify_receipt(parsed, row.verify_key)

    def _signer_in(self, uow: UnitOfWork) -> ReceiptSigner:
        """The receipt signer of the provider's key, registered as the platform's current key in
        the command's own transaction if it is not yet, so a refused command leaves no key behind."""
        if self._signer is not None:
            return self._signer
        keys = self._runner.keys
        signer = ReceiptSigner(keys)
        if not register_receipt_key(uow, keys):
            self._signer = signer  # already the store's current key: committed before this command
        return signer

    # Not @acting: the arrival moment is read first; the runner resolves the actor inside the
    # command, at the command's moment.
    @guarded
    def submit_bid(self, actor: Who, tender_id: str,
                   bid: SealedBid | BidPayload | Mapping[str, Any], *,
                   idempotency_key: str | None = None) -> BidReceipt:
        """Submit or replace a bid: a sealed envelope, or a clear payload sealed here first.

        With an `idempotency_key`, a retry must be for the same tender and, for a sealed bid,
        carry the same envelope; see `bid_request` for why a clear payload's content is not
        compared.

        The bid counts by the moment it reached the platform, read here before any lock is
        waited on: one received before the deadline is accepted even if a lock or a concurrent
        close made it wait, unless it waited past the in-flight bound (`bid.wait_exceeded`).
        """
        received_at = self._runner.now()  # before any lock: first come, first served
        parsed: SealedBid | BidPayload
        if isinstance(bid, (SealedBid, BidPayload)):
            parsed = bid
        elif isinstance(bid, Mapping) and "envelopes" in bid:
            parsed = parse(SealedBid, bid)
        else:
            parsed = parse(BidPayload, bid)
        return self._runner.run(actor, "bid.submit",
                                lambda uow: submission.submit(uow, self._signer_in(uow), tender_id, parsed),
                                roles=[Role.SUPPLIER], idempotency_key=idempotency_key,
                                request=bid_request(tender_id, parsed) if idempotency_key else None,
                                received_at=received_at, tender_id=tender_id)

    # Not @acting: the arrival moment is read first; the runner resolves the actor inside the
    # command, at the command's moment.
    @guarded
    def confirm_bid(self, actor: Who, tender_id: str, *, idempotency_key: str | None = None) -> BidReceipt:
        """Confirm one's bid again after an amendment (a retry with the key: the same tender)."""
        received_at = self._runner.now()  # before any lock: first come, first served
        return self._runner.run(actor, "bid.confirm",
                                lambda uow: submission.confirm(uow, self._signer_in(uow), tender_id),
                                roles=[Role.SUPPLIER], received_at=received_at, tender_id=tender_id,
                                idempotency_key=idempotency_key, request={"tender_id": tender_id})

    # Not @acting: the arrival moment is read first; the runner resolves the actor inside the
    # command, at the command's moment.
    @guarded
    def withdraw_bid(self, actor: Who, tender_id: str, *, idempotency_key: str | None = None) -> BidReceipt:
        """Withdraw one's bid before the deadline; the withdrawal is receipted (a retry with the
        key: the same tender)."""
        received_at = self._runner.now()  # before any lock: first come, first served
        return self._runner.run(actor, "bid.withdraw",
                                lambda uow: submission.withdraw(uow, self._signer_in(uow), tender_id),
                                roles=[Role.SUPPLIER], received_at=received_at, tender_id=tender_id,
                                idempotency_key=idempotency_key, request={"tender_id": tender_id})

    @acting
    def my_bids(self, actor: Actor, *, tender_id: str | None = None) -> list[OwnBid]:
        """A supplier's own bids and receipts; nobody sees another supplier's bids."""
        with self._runner.session() as session:
            return submission.own_bids(session, actor, tender_id)

    # -- opening ---------------------------------------------------------------------------------

    @acting
    def open_bids(self, actor: Actor, tender_id: str) -> OpeningRecord:
        """Open the bids once at least k custodians presented their shares (`present_share`) and
        publish the opening record; fewer presented: `opening.quorum`."""
        require_buyer(actor, "tender.open")
        return self._runner.run(actor, "tender.open", lambda uow: opening.open_bids(uow, tender_id),
                                roles=OFFICERS, tender_id=tender_id)

    @acting
    def record_technical_compliance(
        self, actor: Actor, tender_id: str,
        decisions: Sequence[ComplianceDecision | Mapping[str, Any]],
    ) -> TechnicalComplianceView:
        """Two envelopes: record which bids are technically compliant (experts or technical)."""
        require_buyer(actor, "tender.technical_compliance")
        parsed = [parse(ComplianceDecision, d) for d in decisions]

        def handler(uow: UnitOfWork) -> TechnicalComplianceView:
            opening.record_compliance(uow, tender_id, parsed)
            return TechnicalComplianceView(tender_id=tender_id, decisions=parsed, recorded_by=uow.actor.id,
                                           recorded_at=uow.now)

        return self._runner.run(actor, "tender.technical_compliance", handler,
                                roles=[Role.EXPERT, Role.TECHNICAL], tender_id=tender_id)

    @acting
    def open_commercial(self, actor: Actor, tender_id: str) -> OpeningRecord:
        """Two envelopes: open the commercial parts of technically compliant bids, with the
        shares presented (the same presentations serve both stages)."""
        require_buyer(actor, "tender.open_commercial")
        return self._runner.run(actor, "tender.open_commercial",
                                lambda uow: opening.open_commercial(uow, tender_id), roles=OFFICERS,
                                tender_id=tender_id)

    # -- reads -----------------------------------------------------------------------------------

    @acting
    def get(self, actor: Actor, tender_id: str) -> TenderView:
        """A tender as `actor` may see it (a published tender past its deadline reads closed)."""
        with self._runner.session() as session:
            return read_tender(session, tender_id, actor, self._runner.now())

    @acting
    def by_reference(self, actor: Actor, external_ref: str) -> list[TenderView]:
        """The tenders drafted with the ERP's reference `external_ref` (a re-tender keeps it),
        oldest first, as `actor` may see them (drafts only for the buyer's staff)."""
        ref = check_external_ref(external_ref)
        with self._runner.session() as session:
            rows = session.exec(select(TenderRow).where(col(TenderRow.external_ref) == ref)
                                .order_by(col(TenderRow.created_at), col(TenderRow.id))).all()
            now = self._runner.now()
            return [to_view(row, now, actor) for row in rows
                    if row.state != TenderState.DRAFT or is_buyer_staff(actor)]

    @guarded
    def amendments(self, tender_id: str) -> list[AmendmentView]:
        """Every amendment and clarification of a tender, in order (public)."""
        with self._runner.session() as session:
            rows = session.exec(select(AmendmentRow).where(col(AmendmentRow.tender_id) == tender_id)
                                .order_by(col(AmendmentRow.seq))).all()
        return [AmendmentView.model_validate(r, from_attributes=True) for r in rows]

    @guarded
    def opening_records(self, tender_id: str) -> list[OpeningRecord]:
        """The public opening records of a tender (one, or technical then commercial)."""
        with self._runner.session() as session:
            rows = session.exec(select(OpeningRecordRow).where(col(OpeningRecordRow.tender_id) == tender_id)
                                .order_by(*opening_order())).all()
        return [OpeningRecord.model_validate({**r.record, "digest": r.digest}) for r in rows]

    @acting
    def opened_bids(self, actor: Actor, tender_id: str) -> list[OpenedBidView]:
        """The opened bids in full, for the buyer's staff and experts (empty before opening)."""
        require_not_supplier(actor, "tender.opened_bids")
        if not (is_buyer_staff(actor) or actor.has(Role.EXPERT)):
            raise PermissionDenied("permission.opened_bids",
                                   "Only the buyer's staff and experts read opened bids",
                                   "仅招标人工作人员及评标专家可查阅已开启的投标", {"actor": actor.id})
        with self._runner.session() as session:
            if not is_buyer_staff(actor):
                for guard in self._bid_read_guards:
                    guard(session, actor, tender_id)
            rows = session.exec(select(OpenedBidRow).where(col(OpenedBidRow.tender_id) == tender_id)
                                 .order_by(col(OpenedBidRow.received_at))).all()
        return [OpenedBidView(bid_id=r.bid_id, supplier_id=r.supplier_id, version=r.version,
                          received_at=r.received_at, envelope_hash=r.envelope_hash, status=r.status,
                          reason=r.reason, technical=r.technical, technical_compliant=r.technical_compliant,
                          payload=BidPayload.model_validate(r.payload) if r.payload else None)
                for r in rows]

