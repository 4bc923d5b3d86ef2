"""Submitting, confirming and withdrawing sealed bids, with signed receipts.

A bid is sealed to the tender's public key before anything is written; the store keeps the
ciphertext, its hash and the signed receipt. Submissions leave no outbox event: before opening
nobody may learn the names or the number of bidders (Law 22), so only the bidder (through its
receipt) and the non-public audit log know of a bid until the opening record is published.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any, NamedTuple

from sqlalchemy import and_, bindparam, insert, update
from sqlalchemy import select as select_core
from sqlmodel import Session, col, select

from zhaocai.actors import Actor
from zhaocai.bidding.eligibility import require_eligible, require_eligible_on
from zhaocai.bidding.lifecycle import load_tender, not_found
from zhaocai.bidding.machine import TenderState
from zhaocai.bidding.payload import BidPayload
from zhaocai.bidding.receipts import (
    SIGNING_KEY_SETTING,
    BidReceipt,
    ReceiptKind,
    ReceiptSigner,
    new_signing_key_value,
    signing_key_from_value,
)
from zhaocai.bidding.rules import tender as tender_rules
from zhaocai.bidding.sealing import SealedBid, check_envelope, envelope_digest, seal_bid
from zhaocai.bidding.tables import BidRow, TenderRow
from zhaocai.bidding.views import OwnBid
from zhaocai.categories import Category
from zhaocai.errors import NotFoundError, PermissionDenied, RuleViolation
from zhaocai.money import Money
from zhaocai.store import UnitOfWork
from zhaocai.store.schema import PlatformKeyRow

SUBMITTED = "submitted"
WITHDRAWN = "withdrawn"

# Submission is the hot path of a tender: its statements are Core, built once, with bound
# parameters (compiled once and cached by the engine), and write through the command's connection.
_TENDER = TenderRow.__table__  # type: ignore[attr-defined]
_BID = BidRow.__table__  # type: ignore[attr-defined]
# The tender's columns a submission reads and, joined, the supplier's own bid if it has one.
_INTAKE = select_core(
    _TENDER.c.id, _TENDER.c.state, _TENDER.c.deadline, _TENDER.c.method, _TENDER.c.category,
    _TENDER.c.ceiling_fen, _TENDER.c.lots, _TENDER.c.invitees, _TENDER.c.public_key,
    _TENDER.c.two_envelopes, _TENDER.c.amendments, _BID.c.id, _BID.c.version, _BID.c.status,
).select_from(_TENDER).outerjoin(_BID, and_(
    _BID.c.tender_id == _TENDER.c.id, _BID.c.supplier_id == bindparam("supplier_id"),
)).where(_TENDER.c.id == bindparam("tender_id"))
_INSERT_BID = insert(_BID)
_UPDATE_BID = update(_BID).where(_BID.c.id == bindparam("bid_key"))


class _Intake(NamedTuple):
    """The columns of a tender that a submission reads."""

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


class _OwnBid(NamedTuple):
    """The supplier's stored bid on the tender, as a submission reads it."""

    id: str
    version: int
    status: str


class _BidFacts(NamedTuple):
    """What the audit link of an act on a bid names."""

    id: str
    tender_id: str
    supplier_id: str
    version: int
    envelope_hash: str


def load_signer(session: Session) -> ReceiptSigner | None:
    """The platform's receipt signer, if its key exists yet."""
    row = session.get(PlatformKeyRow, SIGNING_KEY_SETTING)
    return None if row is None else ReceiptSigner(signing_key_from_value(row.value))


def create_signing_key(uow: UnitOfWork) -> bool:
    """Create the platform's receipt-signing key once; False if it already exists."""
    if uow.session.get(PlatformKeyRow, SIGNING_KEY_SETTING) is not None:
        return False
    uow.session.add(PlatformKeyRow(name=SIGNING_KEY_SETTING, value=new_signing_key_value()))
    uow.session.flush()
    signer = load_signer(uow.session)
    assert signer is not None
    uow.record("platform.receipt_key", "platform_setting", SIGNING_KEY_SETTING,
               {"verify_key": signer.verify_key}, event="ReceiptKeyCreated",
               payload={"verify_key": signer.verify_key})
    return True


def supplier_of(actor: Actor) -> str:
    """The supplier a supplier's user acts for."""
    if actor.supplier_id is None:
        raise PermissionDenied("permission.not_a_supplier", "Only a supplier's user can bid",
                               "仅供应商用户可以投标", {"actor": actor.id})
    return actor.supplier_id


def _accepting(uow: UnitOfWork, tender_id: str) -> TenderRow:
    tender = load_tender(uow, tender_id)
    _require_accepting(uow, tender)
    return tender


def _intake(uow: UnitOfWork, tender_id: str, supplier_id: str) -> tuple[_Intake, _OwnBid | None]:
    """`_accepting` for a submission, with the supplier's own bid: one Core select.

    A published tender past its deadline is refused exactly as `_accepting` refuses it; the
    close that loading would do on access is rolled back with the refused command either way.
    """
    found = uow.connection.execute(_INTAKE, {"tender_id": tender_id, "supplier_id": supplier_id}).first()
    if found is None:
        raise not_found(tender_id)
    tender = _Intake(*found[:11])
    _require_accepting(uow, tender)
    return tender, None if found[11] is None else _OwnBid(*found[11:])


def _require_accepting(uow: UnitOfWork, tender: TenderRow | _Intake) -> None:
    if tender.state == TenderState.CLOSED or (
        tender.state == TenderState.PUBLISHED and not tender_rules.accepts_bids(uow.now, tender.deadline)
    ):
        raise RuleViolation(
            "bid.deadline_passed",
            f"The bid deadline {tender.deadline.isoformat()} has passed; nothing is accepted at or after it",
            f"投标截止时间 {tender.deadline.isoformat()} 已过，截止时及之后不再接收投标",
            {"tender_id": tender.id, "deadline": tender.deadline.isoformat(),
             "received_at": uow.now.isoformat()},
        )
    if tender.state != TenderState.PUBLISHED:
        raise RuleViolation("bid.tender_not_accepting", f"This tender does not accept bids ({tender.state})",
                            f"本项目当前不接收投标（{tender.state}）",
                            {"tender_id": tender.id, "state": tender.state})


def _may_bid(uow: UnitOfWork, tender: TenderRow | _Intake, supplier_id: str) -> None:
    if tender_rules.TenderMethod(tender.method).needs_invitation and supplier_id not in tender.invitees:
        raise RuleViolation("bid.not_invited", "This tender accepts bids from invited suppliers only",
                            "本项目仅接受受邀供应商投标", {"tender_id": tender.id})
    if isinstance(tender, TenderRow):
        require_eligible(uow.session, supplier_id, Category(tender.category),
                         Money.from_fen(tender.ceiling_fen).amount, uow.now)
    else:  # a submission, written with Core statements only
        require_eligible_on(uow.connection, supplier_id, Category(tender.category),
                            Money.from_fen(tender.ceiling_fen).amount, uow.now)


def check_payload(tender: TenderRow, payload: BidPayload) -> None:
    """Checks a clear payload can get before sealing: every lot priced, within the ceiling."""
    _check_payload(tender, payload)


def _check_payload(tender: TenderRow | _Intake, payload: BidPayload) -> None:
    expected = sorted(lot["id"] for lot in tender.lots)
    got = sorted(lot.lot for lot in payload.lots)
    if got != expected:
        raise RuleViolation("bid.lots_mismatch", "A bid prices every lot of the tender, and only those",
                            "投标须对本项目全部标段报价，且仅限这些标段", {"expected": expected, "got": got})
    ceiling = Money.from_fen(tender.ceiling_fen).amount
    if payload.total > ceiling:
        raise RuleViolation("bid.above_ceiling",
                            "The bid total is above the published ceiling price (Reg 51)",
                            "投标总价高于公布的最高投标限价（实施条例第五十一条）",
                            {"ceiling_price": str(ceiling)})


def _own_row(session: Session, tender_id: str, supplier_id: str) -> BidRow | None:
    return session.exec(select(BidRow).where(col(BidRow.tender_id) == tender_id,
                                             col(BidRow.supplier_id) == supplier_id)).first()


def _record(uow: UnitOfWork, action: str, row: BidRow | _BidFacts, receipt: BidReceipt,
            **extra: object) -> None:
    # The audit change names the supplier (the audit log is not public) but never a price;
    # no outbox event: the outbox is public and must not reveal bidders before opening.
    uow.record(action, "bid", row.id, {
        "tender_id": row.tender_id, "bid_id": row.id, "supplier_id": row.supplier_id,
        "version": row.version, "envelope_hash": row.envelope_hash,
        "received_at": receipt.received_at, "signature": receipt.signature, **extra,
    })


def submit(uow: UnitOfWork, signer: ReceiptSigner, tender_id: str,
           bid: SealedBid | BidPayload) -> BidReceipt:
    """Accept a new or replacement bid; the last version counts."""
    supplier_id = supplier_of(uow.actor)
    tender, own = _intake(uow, tender_id, supplier_id)
    _may_bid(uow, tender, supplier_id)
    if isinstance(bid, BidPayload):
        _check_payload(tender, bid)
        assert tender.public_key is not None
        bid = seal_bid(tender.public_key, bid, two_envelopes=tender.two_envelopes)
    check_envelope(bid, tender.two_envelopes)
    envelope = bid.model_dump(mode="json")
    digest = envelope_digest(envelope)
    replaced = own is not None and own.status == SUBMITTED
    facts = _BidFacts(id=f"bid-{uuid.uuid4().hex[:12]}" if own is None else own.id, tender_id=tender.id,
                     supplier_id=supplier_id, version=1 if own is None else own.version + 1,
                     envelope_hash=digest)
    receipt = signer.sign(ReceiptKind.SUBMISSION, tender_id=tender.id, bid_id=facts.id,
                          supplier_id=supplier_id, version=facts.version, received_at=uow.now,
                          envelope_hash=digest)
    values = {"version": facts.version, "status": SUBMITTED, "envelope": envelope, "envelope_hash": digest,
              "received_at": uow.now, "confirmed_through": tender.amendments, "withdrawn_at": None,
              "receipt": receipt.model_dump(mode="json")}
    if own is None:
        uow.connection.execute(_INSERT_BID, {"id": facts.id, "tender_id": tender.id,
                                             "supplier_id": supplier_id, **values})
    else:
        uow.connection.execute(_UPDATE_BID, {"bid_key": facts.id, **values})
    _record(uow, "bid.replace" if replaced else "bid.submit", facts, receipt)
    return receipt


def _live_bid(uow: UnitOfWork, tender: TenderRow, supplier_id: str) -> BidRow:
    row = _own_row(uow.session, tender.id, supplier_id)
    if row is None or row.status != SUBMITTED:
        raise NotFoundError("bid.not_found", "You have no live bid on this tender",
                            "您在本项目没有有效投标", {"tender_id": tender.id})
    return row


def confirm(uow: UnitOfWork, signer: ReceiptSigner, tender_id: str) -> BidReceipt:
    """Confirm a bid again after an amendment, so that it is opened."""
    supplier_id = supplier_of(uow.actor)
    tender = _accepting(uow, tender_id)
    _may_bid(uow, tender, supplier_id)
    row = _live_bid(uow, tender, supplier_id)
    receipt = signer.sign(ReceiptKind.CONFIRMATION, tender_id=tender.id, bid_id=row.id,
                          supplier_id=supplier_id, version=row.version, received_at=uow.now,
                          envelope_hash=row.envelope_hash)
    row.confirmed_through = tender.amendments
    uow.session.add(row)
    _record(uow, "bid.confirm", row, receipt, confirmed_through=tender.amendments)
    return receipt


def withdraw(uow: UnitOfWork, signer: ReceiptSigner, tender_id: str) -> BidReceipt:
    """Withdraw a bid before the deadline (Law 29); the withdrawal is recorded and receipted."""
    supplier_id = supplier_of(uow.actor)
    tender = _accepting(uow, tender_id)
    row = _live_bid(uow, tender, supplier_id)
    receipt = signer.sign(ReceiptKind.WITHDRAWAL, tender_id=tender.id, bid_id=row.id,
                          supplier_id=supplier_id, version=row.version, received_at=uow.now,
                          envelope_hash=row.envelope_hash)
    row.status, row.withdrawn_at = WITHDRAWN, uow.now
    uow.session.add(row)
    _record(uow, "bid.withdraw", row, receipt)
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
            needs_reconfirmation=row.status == SUBMITTED
            and tender_rules.needs_reconfirmation(row.confirmed_through, amendments),
            receipt=BidReceipt.model_validate(row.receipt),
        ))
    return result

