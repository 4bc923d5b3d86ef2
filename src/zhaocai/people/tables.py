"""The people register's tables: recorded people and their grants (roles, departments)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, Column, Text
from sqlmodel import Field, SQLModel

from zhaocai.store.types import UTCDateTime


class PersonRow(SQLModel, table=True):
    """One recorded person: the buyer's staff, an expert, or a supplier's user."""

    __tablename__ = "person"

    id: str = Field(sa_column=Column(Text, primary_key=True))
    name: str = Field(sa_column=Column(Text, nullable=False))
    kind: str = Field(sa_column=Column(Text, nullable=False))  # staff, expert, supplier_user
    unit: str = Field(default="", sa_column=Column(Text, nullable=False))  # organisational unit
    supplier_id: str | None = Field(default=None, sa_column=Column(Text, nullable=True, index=True))
    supplier_admin: bool = Field(default=False, sa_column=Column(Boolean, nullable=False))
    active: bool = Field(default=True, sa_column=Column(Boolean, nullable=False))
    registered_by: str = Field(sa_column=Column(Text, nullable=False))
    registered_at: datetime = Field(sa_column=Column(UTCDateTime, nullable=False))
    removed_by: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    removed_at: datetime | None = Field(default=None, sa_column=Column(UTCDateTime, nullable=True))


class GrantRow(SQLModel, table=True):
    """A role or a department membership given to a person for a period, and its decisions."""

    __tablename__ = "person_grant"

    id: str = Field(sa_column=Column(Text, primary_key=True))
    person_id: str = Field(sa_column=Column(Text, nullable=False, index=True))
    kind: str = Field(sa_column=Column(Text, nullable=False))  # role, department
    value: str = Field(sa_column=Column(Text, nullable=False))
    valid_from: datetime = Field(sa_column=Column(UTCDateTime, nullable=False))
    valid_until: datetime | None = Field(default=None, sa_column=Column(UTCDateTime, nullable=True))
    state: str = Field(sa_column=Column(Text, nullable=False))
    proposed_by: str = Field(sa_column=Column(Text, nullable=False))
    proposed_at: datetime = Field(sa_column=Column(UTCDateTime, nullable=False))
    approved_by: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    approved_at: datetime | None = Field(default=None, sa_column=Column(UTCDateTime, nullable=True))
    revocation_proposed_by: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    revocation_proposed_at: datetime | None = Field(default=None,
                                                    sa_column=Column(UTCDateTime, nullable=True))
    revoked_by: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    revoked_at: datetime | None = Field(default=None, sa_column=Column(UTCDateTime, nullable=True))
    reason: str = Field(default="", sa_column=Column(Text, nullable=False))
