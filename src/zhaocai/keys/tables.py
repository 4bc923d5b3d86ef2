"""The one table of the keys: the receipt keys' PUBLIC halves, each with its period of validity.

No private key is ever stored: these rows are what a verifier needs, and they outlive a
rotation so that a receipt signed before it still verifies. Each row is also recorded in the
audit chain (`platform.receipt_key`) when it is added.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Column, Text
from sqlmodel import Field, SQLModel

from zhaocai.store.types import UTCDateTime


class ReceiptKeyRow(SQLModel, table=True):
    """A receipt-signing key's public half (hex Ed25519) and when it signed: from `valid_from`
    to `valid_until` (None while it is the platform's current key), both inclusive."""

    __tablename__ = "receipt_key"

    verify_key: str = Field(sa_column=Column(Text, primary_key=True))
    valid_from: datetime = Field(sa_column=Column(UTCDateTime, nullable=False))
    valid_until: datetime | None = Field(default=None, sa_column=Column(UTCDateTime, nullable=True))
