"""Tables of the shared plumbing: the audit chain, the outbox and idempotency records.

Domain tables live beside their domain (`suppliers/tables.py`, `bidding/tables.py`); all share
SQLModel's metadata, so `create_all` builds the whole store.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import BigInteger, Column, Index, Integer, Text
from sqlmodel import Field, SQLModel

from zhaocai.store.types import JSONText, UTCDateTime


class AuditEventRow(SQLModel, table=True):
    """One link of the hash chain. `hash` covers every other column and the previous hash."""

    __tablename__ = "audit_event"

    seq: int = Field(sa_column=Column(BigInteger, primary_key=True, autoincrement=False))
    at: str = Field(sa_column=Column(Text, nullable=False))
    actor_id: str = Field(sa_column=Column(Text, nullable=False))
    action: str = Field(sa_column=Column(Text, nullable=False))
    subject_type: str = Field(sa_column=Column(Text, nullable=False))
    subject_id: str = Field(sa_column=Column(Text, nullable=False))
    change: str = Field(sa_column=Column(Text, nullable=False))
    digest: str = Field(sa_column=Column(Text, nullable=False))
    prev_hash: str = Field(sa_column=Column(Text, nullable=False, unique=True))
    hash: str = Field(sa_column=Column(Text, nullable=False, unique=True))

    __table_args__ = (Index("ix_audit_subject", "subject_type", "subject_id"),)


class OutboxEventRow(SQLModel, table=True):
    """A domain event for ERP integration, written in the same transaction as its change."""

    __tablename__ = "outbox_event"

    position: int | None = Field(
        default=None,
        # SQLite only autoincrements an INTEGER PRIMARY KEY.
        sa_column=Column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True,
                         autoincrement=True),
    )
    event_id: str = Field(sa_column=Column(Text, nullable=False, unique=True))
    type: str = Field(sa_column=Column(Text, nullable=False))
    subject_type: str = Field(sa_column=Column(Text, nullable=False))
    subject_id: str = Field(sa_column=Column(Text, nullable=False))
    occurred_at: datetime = Field(sa_column=Column(UTCDateTime, nullable=False))
    audit_seq: int = Field(sa_column=Column(BigInteger, nullable=False))
    payload: Any = Field(sa_column=Column(JSONText, nullable=False))


class IdempotencyRow(SQLModel, table=True):
    """The first result of a command sent with an idempotency key, and what it was asked.

    `request_digest` is the sha256 of the canonical JSON of (action, request), None for a
    command sent without a request; a repeat must match it to be answered with `result`.
    """

    __tablename__ = "idempotency"

    key: str = Field(sa_column=Column(Text, primary_key=True))
    actor_id: str = Field(sa_column=Column(Text, nullable=False))
    action: str = Field(sa_column=Column(Text, nullable=False))
    recorded_at: datetime = Field(sa_column=Column(UTCDateTime, nullable=False))
    result: Any = Field(sa_column=Column(JSONText, nullable=True))
    request_digest: str | None = Field(default=None, sa_column=Column(Text, nullable=True))


class PlatformKeyRow(SQLModel, table=True):
    """Long-lived settings of one platform instance; never a secret (the keys are held by the key
    provider, `zhaocai.keys`: here only a check value of the identity key, `keys.identity_check`)."""

    __tablename__ = "platform_setting"

    name: str = Field(sa_column=Column(Text, primary_key=True))
    value: Any = Field(sa_column=Column(JSONText, nullable=False))
