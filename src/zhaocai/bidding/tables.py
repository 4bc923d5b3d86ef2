"""Tables of bidding: tenders, amendments, sealed bids, opened bids and opening records.

Before opening, the `bid` table holds ciphertext, hashes and signed receipts only; clear bids
appear in `opened_bid` when (and only when) a quorum of custodians opens the tender.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Boolean, Column, Index, Integer, Text, UniqueConstraint, case
from sqlmodel import Field, SQLModel, col

from zhaocai.store.columns import integer as _fen
from zhaocai.store.columns import json as _json
from zhaocai.store.columns import text as _text
from zhaocai.store.columns import time as _time


class TenderRow(SQLModel, table=True):
    """A tender: its draft, its frozen rules once published, its public key and its state."""

    __tablename__ = "tender"

    id: str = Field(sa_column=Column(Text, primary_key=True))
    title: str = _text()
    buyer: str = _text()
    category: str = _text()
    method: str = _text()
    state: str = _text()
    created_by: str = _text()
    created_at: datetime = _time()
    estimate_fen: int = _fen()
    ceiling_fen: int = _fen()
    bid_security_fen: int = _fen()
    deadline: datetime = _time()
    lots: Any = _json()
    evaluation: Any = _json()
    profile: Any = _json()
    invitees: Any = _json()
    officers: Any = _json()
    custodians: Any = _json()
    threshold: int = Field(sa_column=Column(Integer, nullable=False))
    two_envelopes: bool = Field(default=False, sa_column=Column(Boolean, nullable=False))
    amendments: int = Field(default=0, sa_column=Column(Integer, nullable=False))
    published_at: datetime | None = _time(True)
    published_by: str | None = _text(True)
    original_deadline: datetime | None = _time(True)
    rules_digest: str | None = _text(True)
    public_key: str | None = _text(True)
    closed_at: datetime | None = _time(True)
    opened_at: datetime | None = _time(True)
    commercial_opened_at: datetime | None = _time(True)
    compliance_decided_at: datetime | None = _time(True)
    cancel_requested_by: str | None = _text(True)
    cancel_requested_reason: str | None = _text(True)
    outcome_reason: str | None = _text(True)
    retender_of: str | None = _text(True)
    # The organisation's policy (zhaocai.policy): a statutory tender (依法必须招标) never goes below
    # the law; `requested_profile` is the draft's own numbers (None: it follows the policy);
    # publication freezes the policy version and the approved deviation, if any.
    statutory: bool | None = Field(default=False, sa_column=Column(Boolean, nullable=True))
    requested_profile: Any = _json(True)
    policy_version: int | None = Field(default=None, sa_column=Column(Integer, nullable=True))
    deviation: Any = _json(True)
    external_ref: str | None = _text(True)

    __table_args__ = (Index("ix_tender_state_deadline", "state", "deadline"),
                      Index("ix_tender_external_ref", "external_ref"))


class AmendmentRow(SQLModel, table=True):
    """An amendment (补遗) or clarification (答疑), published to everyone."""

    __tablename__ = "tender_amendment"

    id: str = Field(sa_column=Column(Text, primary_key=True))
    tender_id: str = _text()
    seq: int = Field(sa_column=Column(Integer, nullable=False))
    kind: str = _text()
    text: str = _text()
    issued_at: datetime = _time()
    issued_by: str = _text()
    deadline_before: datetime = _time()
    deadline_after: datetime = _time()
    requires_reconfirmation: bool = Field(sa_column=Column(Boolean, nullable=False))

    __table_args__ = (UniqueConstraint("tender_id", "seq", name="uq_amendment_seq"),)


class BidRow(SQLModel, table=True):
    """A supplier's bid on a tender: its last version, sealed, with the signed receipt."""

    __tablename__ = "bid"

    id: str = Field(sa_column=Column(Text, primary_key=True))
    tender_id: str = _text()
    supplier_id: str = _text()
    version: int = Field(sa_column=Column(Integer, nullable=False))
    status: str = _text()
    envelope: Any = _json()
    envelope_hash: str = _text()
    received_at: datetime = _time()
    confirmed_through: int = Field(sa_column=Column(Integer, nullable=False))
    receipt: Any = _json()
    withdrawn_at: datetime | None = _time(True)

    __table_args__ = (UniqueConstraint("tender_id", "supplier_id", name="uq_bid_supplier"),)


class OpenedBidRow(SQLModel, table=True):
    """A bid as read at opening: clear parts, total price, and whether it is valid."""

    __tablename__ = "opened_bid"

    tender_id: str = Field(sa_column=Column(Text, primary_key=True))
    bid_id: str = Field(sa_column=Column(Text, primary_key=True))
    supplier_id: str = _text()
    version: int = Field(sa_column=Column(Integer, nullable=False))
    received_at: datetime = _time()
    envelope_hash: str = _text()
    status: str = _text()
    reason: str | None = _text(True)
    technical: Any = _json(True)
    payload: Any = _json(True)
    total_fen: int | None = _fen(True)
    technical_compliant: bool | None = Field(default=None, sa_column=Column(Boolean, nullable=True))
    compliance_note: str | None = _text(True)


class OpeningRecordRow(SQLModel, table=True):
    """The public opening record (开标记录) of one opening stage."""

    __tablename__ = "tender_opening"

    tender_id: str = Field(sa_column=Column(Text, primary_key=True))
    stage: str = Field(sa_column=Column(Text, primary_key=True))
    opened_at: datetime = _time()
    opened_by: str = _text()
    record: Any = _json()
    digest: str = _text()


def opening_order(*, latest_first: bool = False) -> tuple[Any, Any]:
    """ORDER BY for opening records in the order they were made: by time, and at the same
    instant (two envelopes opened one after the other) the technical stage first."""
    at = col(OpeningRecordRow.opened_at)
    stage = case({"commercial": 1}, value=col(OpeningRecordRow.stage), else_=0)
    return (at.desc(), stage.desc()) if latest_first else (at, stage)
