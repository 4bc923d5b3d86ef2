"""Submitting, confirming and withdrawing sealed bids, with signed receipts.

A bid is sealed to the tender's public key before anything is written; the store keeps the
ciphertext, its hash and the signed receipt. Submissions leave no outbox event: before opening
nobody may learn the names or the number of bidders (Law 22), so only the bidder (through its
receipt) and the non-public audit log know of a bid until the opening record is published.
Bid acts go on the tender's own bid chain (`UnitOfWork.record_bid`), not on the main audit
chain, whose published head must not move with each bid either; the opening commits the bid
chain's head into the main chain.

A bid act is judged by the moment it reached the platform (`uow.received_at`, read by the
service before any lock), so waiting for a lock or a concurrent close never makes it late.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import and_, bindparam, insert, update
from sqlalchemy import select as select_core
from sqlmodel import Session, col, select

from zhaocai.actors import Actor
from zhaocai.bidding.bid_machine import BidMachine, BidStatus
from zhaocai.bidding.eligibility import verdict as eligibility_verdict
from zhaocai.bidding.lifecycle import not_found, permit
from zhaocai.bidding.payload import BidPayload
from zhaocai.bidding.receipts import BidReceipt, ReceiptKind, ReceiptSigner
from zhaocai.bidding.rules import bid as bid_rules
from zhaocai.bidding.rules import tender as tender_rules
from zhaocai.bidding.sealing import SealedBid, envelope_digest, seal_bid
from zhaocai.bidding.tables import BidRow, TenderRow
from zhaocai.bidding.views import OwnBid
from zhaocai.categories import Category
from zhaocai.errors import NotFoundError, PermissionDenied
from zhaocai.keys import KeyProvider
from zhaocai.keys.registry import register_receipt_key
from zhaocai.machines import fire
from zhaocai.money import Money
from zhaocai.store import UnitOfWork

# The bid commands' statements are Core, built once, with bound parameters (compiled once and
# cached by the engine), and write through the command's connection: submission is the hot path
# of a tender, and the bid table is written only here, always this way.
_TENDER = TenderRow.__table__  # type: ignore[attr-defined]
_BID = BidRow.__table__  # type: ignore[attr-defined]
_TARGET_COLUMNS = (_TENDER.c.id, _TENDER.c.state, _TENDER.c.deadline, _TENDER.c.method, _TENDER.c.category,
                   _TENDER.c.ceiling_fen, _TENDER.c.lots, _TENDER.c.invitees, _TENDER.c.public_key,
                   _TENDER.c.two_envelopes, _TENDER.c.amendments)
# The tender's columns a bid command reads and, joined, the supplier's own bid if it has one.
_INTAKE = select_core(
    *_TARGET_COLUMNS, _BID.c.id, _BID.c.status, _BID.c.version, _BID.c.envelope_hash,
).select_from(_TENDER).outerjoin(_BID, and_(
    _BID.c.tender_id == _TENDER.c.id, _BID.c.supplier_id == bindparam("supplier_id"),
)).where(_TENDER.c.id == bindparam("tender_id"))
_INSERT_BID = insert(_BID)
_UPDATE_BID = update(_BID).where(_BID.c.id == bindparam("bid_key"))


@dataclass(slots=True)
class Target:
    """The tender as a bid command reads it; `TenderMachine` is bound to it (its `state`)."""

    id: str
    state: str
    deadline: datetime
    method: str
    category: str
    ceiling_fen: int
    lots: Any
    invitees: Any
    public_key: str | None
    two_envelopes: bool
    amendments: int

    @property
    def ceiling(self) -> Decimal:
        """The ceiling price in yuan."""
        return Money.from_fen(self.ceiling_fen).amount


@dataclass(slots=True)
class Bid:
    """A supplier's bid on a tender as a bid command reads it; `BidMachine` is bound to it."""

    id: str
    tender_id: str
    supplier_id: str
    state: str
    version: int
    envelope_hash: str
    stored: bool = True


def receipt_key_job(keys: KeyProvider) -> Callable[[UnitOfWork], bool]:
    """The system job that registers the provider's receipt key as the platform's current one
    (False if it already is): see `zhaocai.keys.registry.register_receipt_key`."""
    return lambda uow: register_receipt_key(uow, keys)


def supplier_of(actor: Actor) -> str:
    """The supplier a supplier's user acts for."""
    if actor.supplier_id is None:
        raise PermissionDenied("permission.not_a_supplier", "Only a supplier's user can bid",
                               "仅供应商用户可以投标", {"actor": actor.id})
    return actor.supplier_id


def _intake(uow: UnitOfWork, tender_id: str, supplier_id: str) -> tuple[Target, Bid | None]:
    """The tender and the supplier's own bid on it, if any: one Core select, for every bid command.

    Unlike `load_tender` it does not close a tender past its deadline on access: the machine
    refuses the bid as late either way, and the refused command would roll the close back.
    """
    found = uow.connection.execute(_INTAKE, {"tender_id": tender_id, "supplier_id": supplier_id}).first()
    if found is None:
        raise not_found(tender_id)
    target = Target(*found[:11])
    if found[11] is None:
        return target, None
    return target, Bid(found[11], target.id, supplier_id, found[12], found[13], found[14])


def _allowed(uow: UnitOfWork, tender: Target, event: str, supplier_id: str) -> None:
    """The tender machine's word on a bid command (state, deadline, invitation, the register)."""
    verdict = eligibility_verdict(uow, supplier_id, Category(tender.category), tender.ceiling)
    permit(uow, tender, event, supplier_id=supplier_id, verdict=verdict)


def _live(own: Bid | None, tender_id: str) -> Bid:
    if own is None:
        raise NotFoundError("bid.not_found", "You have no bid on this tender",
                            "您在本项目没有投标", {"tender_id": tender_id})
    return own


def _sealed(tender: Target, bid: SealedBid | BidPayload) -> SealedBid:
    """The envelope to store: as sent, or a clear payload checked and sealed to the tender's key."""
    if isinstance(bid, SealedBid):
        return bid
    bid_rules.check_payload([lot["id"] for lot in tender.lots], tender.ceiling, bid)
    assert tender.public_key is not None  # a published tender has its key
    return seal_bid(tender.public_key, bid, two_envelopes=tender.two_envelopes)


def _sign(signer: ReceiptSigner, kind: ReceiptKind, bid: Bid, now: datetime) -> BidReceipt:
    return signer.sign(kind, tender_id=bid.tender_id, bid_id=bid.id, supplier_id=bid.supplier_id,
                       version=bid.version, received_at=now, envelope_hash=bid.envelope_hash)


def _record(uow: UnitOfWork, action: str, bid: Bid, receipt: BidReceipt, **extra: object) -> None:
    # The audit change names the supplier (the audit log is not public) but never a price;
    # on the tender's bid chain, with no outbox event: the outbox and the main chain's head are
    # public and must not reveal bidders, nor their number, before opening.
    uow.record_bid(bid.tender_id, action, "bid", bid.id, {
        "tender_id": bid.tender_id, "bid_id": bid.id, "supplier_id": bid.supplier_id,
        "version": bid.version, "envelope_hash": bid.envelope_hash,
        "received_at": receipt.received_at, "signature": receipt.signature, **extra,
    })


def _write(uow: UnitOfWork, bid: Bid, **values: Any) -> None:
    if bid.stored:
        uow.connection.execute(_UPDATE_BID, {"bid_key": bid.id, "status": bid.state, **values})
    else:
        uow.connection.execute(_INSERT_BID, {"id": bid.id, "tender_id": bid.tender_id,
                                             "supplier_id": bid.supplier_id, "status": bid.state, **values})
        bid.stored = True


def submit(uow: UnitOfWork, signer: ReceiptSigner, tender_id: str,
           bid: SealedBid | BidPayload) -> BidReceipt:
    """Accept a new or replacement bid; the last version counts."""
    supplier_id = supplier_of(uow.actor)
    tender, own = _intake(uow, tender_id, supplier_id)
    _allowed(uow, tender, "accept_bid", supplier_id)
    sealed = _sealed(tender, bid)
    own = own or Bid(f"bid-{uuid.uuid4().hex[:12]}", tender.id, supplier_id, BidStatus.ABSENT, 0, "", False)
    replaced = own.state == BidStatus.SUBMITTED
    fire(BidMachine, own, "submit", subject_id=own.id, sealed=sealed, two_envelopes=tender.two_envelopes)
    envelope = sealed.model_dump(mode="json")
    own.version, own.envelope_hash = own.version + 1, envelope_digest(envelope)
    receipt = _sign(signer, ReceiptKind.SUBMISSION, own, uow.received_at)
    _write(uow, own, version=own.version, envelope=envelope, envelope_hash=own.envelope_hash,
           received_at=uow.received_at, confirmed_through=tender.amendments, withdrawn_at=None,
           receipt=receipt.model_dump(mode="json"))
    # The reconfirmation round is recorded too, so that the row can be checked against the chain.
    _record(uow, "bid.replace" if replaced else "bid.submit", own, receipt,
            confirmed_through=tender.amendments)
    return receipt


def confirm(uow: UnitOfWork, signer: ReceiptSigner, tender_id: str) -> BidReceipt:
    """Confirm a bid again after an amendment, so that it is opened."""
    supplier_id = supplier_of(uow.actor)
    tender, own = _intake(uow, tender_id, supplier_id)
    _allowed(uow, tender, "confirm_bid", supplier_id)
    bid = _live(own, tender.id)
    fire(BidMachine, bid, "confirm", subject_id=bid.id)
    receipt = _sign(signer, ReceiptKind.CONFIRMATION, bid, uow.received_at)
    _write(uow, bid, confirmed_through=tender.amendments)
    _record(uow, "bid.confirm", bid, receipt, confirmed_through=tender.amendments)
    return receipt


def withdraw(uow: UnitOfWork, signer: ReceiptSigner, tender_id: str) -> BidReceipt:
    """Withdraw a bid before the deadline (Law 29); the withdrawal is recorded and receipted."""
    supplier_id = supplier_of(uow.actor)
    tender, own = _intake(uow, tender_id, supplier_id)
    permit(uow, tender, "withdraw_bid")
    bid = _live(own, tender.id)
    fire(BidMachine, bid, "withdraw", subject_id=bid.id)
    receipt = _sign(signer, ReceiptKind.WITHDRAWAL, bid, uow.received_at)
    _write(uow, bid, withdrawn_at=uow.received_at)
    _record(uow, "bid.withdraw", bid, receipt)
    return receipt


def own_bids(session: Session, actor: Actor, tender_id: str | None = None) -> list[OwnBid]:
    """A supplier's own bids (and only its own), with receipts."""
    supplier_id = supplier_of(actor)
    query = select(BidRow, TenderRow.amendments).join(TenderRow, col(TenderRow.id) == col(BidRow.tender_id))
    query = query.where(col(BidRow.supplier_id) == supplier_id)
    if tender_id is not None:
        query = query.where(col(BidRow.tender_id) == tender_id)
    result = []
    for row, amendments in session.exec(query.order_by(col(BidRow.received_at))).all():
        result.append(OwnBid(
            bid_id=row.id, tender_id=row.tender_id, version=row.version, status=row.status,
            received_at=row.received_at, envelope_hash=row.envelope_hash,
            needs_reconfirmation=row.status == BidStatus.SUBMITTED
            and tender_rules.needs_reconfirmation(row.confirmed_through, amendments),
            receipt=BidReceipt.model_validate(row.receipt),
        ))
    return result

