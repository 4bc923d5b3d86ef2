"""Column declarations used by every table module, defined once.

Each returns a SQLModel `Field` over a SQLAlchemy `Column` of the store's types; a nullable
column defaults to None, a required one has no default.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import BigInteger, Boolean, Column, Text
from sqlmodel import Field

from zhaocai.store.types import JSONText, UTCDateTime


def _field(column_type: Any, nullable: bool, **kw: Any) -> Any:
    if nullable:
        return Field(default=None, sa_column=Column(column_type, nullable=True, **kw))
    return Field(sa_column=Column(column_type, nullable=False, **kw))


def key() -> Any:
    """A text primary key."""
    return Field(sa_column=Column(Text, primary_key=True))


def text(nullable: bool = False, **kw: Any) -> Any:
    """A text column (`unique=True` and other Column options pass through)."""
    return _field(Text, nullable, **kw)


def json(nullable: bool = False) -> Any:
    """A JSON document kept as canonical text."""
    return _field(JSONText, nullable)


def time(nullable: bool = False) -> Any:
    """An aware moment kept in UTC."""
    return _field(UTCDateTime, nullable)


def integer(nullable: bool = False) -> Any:
    """A 64-bit integer (amounts in fen, counts, sequence numbers)."""
    return _field(BigInteger, nullable)


def flag(nullable: bool = False) -> Any:
    """A boolean."""
    return _field(Boolean, nullable)
