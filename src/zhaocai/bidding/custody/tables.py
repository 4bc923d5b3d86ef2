"""Tables of key custody: custodians' registered public keys and the seats of each tender.

No table holds a private key, and before the deadline none holds a share in clear: a seat keeps
its share sealed to its custodian's key and the share's fingerprint. A share presented after
the deadline is kept for the opening and cleared once the last stage is opened.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Column, Index, Integer, Text
from sqlmodel import Field, SQLModel

from zhaocai.store.columns import flag as _flag
from zhaocai.store.columns import text as _text
from zhaocai.store.columns import time as _time


class CustodianKeyRow(SQLModel, table=True):
    """A public key a custodian registered; `replaced_at` is set when they register another (the
    old key stays on record: seats sealed to it keep it)."""

    __tablename__ = "custodian_key"

    id: str = Field(sa_column=Column(Text, primary_key=True))
    actor_id: str = _text()
    public_key: str = _text()
    registered_at: datetime = _time()
    replaced_at: datetime | None = _time(True)

    __table_args__ = (Index("ix_custodian_key_actor", "actor_id"),)


class CustodianSeatRow(SQLModel, table=True):
    """One custodian's seat on a tender: the share sealed to their key, its fingerprint, and the
    presentation after the deadline."""

    __tablename__ = "custodian_seat"

    tender_id: str = Field(sa_column=Column(Text, primary_key=True))
    seat: int = Field(sa_column=Column(Integer, primary_key=True))
    actor_id: str = _text()
    name: str = _text()
    supervisor: bool = _flag()
    key_id: str = _text()
    sealed_share: str = _text()
    fingerprint: str = _text()
    presented_at: datetime | None = _time(True)
    presented_share: str | None = _text(True)
    cleared_at: datetime | None = _time(True)
