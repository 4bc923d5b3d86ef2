"""Tables of the organisation's policy: its versions (and proposals) and tenders' deviations."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Boolean, Column, Index, Integer, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

from zhaocai.store.types import JSONText, UTCDateTime


class PolicyVersionRow(SQLModel, table=True):
    """A proposed change of the policy; once approved it is a numbered version."""

    __tablename__ = "rules_policy"

    id: str = Field(sa_column=Column(Text, primary_key=True))
    seq: int = Field(sa_column=Column(Integer, nullable=False, unique=True))  # 1, 2, 3… proposals
    state: str = Field(sa_column=Column(Text, nullable=False))  # proposed, adopted, rejected
    version: int | None = Field(default=None, sa_column=Column(Integer, nullable=True))
    base_version: int = Field(sa_column=Column(Integer, nullable=False))
    profile: Any = Field(sa_column=Column(JSONText, nullable=False))
    reason: str = Field(sa_column=Column(Text, nullable=False))
    proposed_by: str = Field(sa_column=Column(Text, nullable=False))
    proposed_at: datetime = Field(sa_column=Column(UTCDateTime, nullable=False))
    decided_by: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    decided_at: datetime | None = Field(default=None, sa_column=Column(UTCDateTime, nullable=True))

    __table_args__ = (UniqueConstraint("version", name="uq_rules_policy_version"),)


class DeviationRow(SQLModel, table=True):
    """A request to run one tender laxer than the policy: the numbers, the reason, the decision."""

    __tablename__ = "tender_deviation"

    id: str = Field(sa_column=Column(Text, primary_key=True))
    tender_id: str = Field(sa_column=Column(Text, nullable=False))
    seq: int = Field(sa_column=Column(Integer, nullable=False))  # 1, 2, 3… per tender
    state: str = Field(sa_column=Column(Text, nullable=False))  # requested, approved, rejected, void
    reason: str = Field(sa_column=Column(Text, nullable=False))
    changes: Any = Field(sa_column=Column(JSONText, nullable=False))
    statutory: bool = Field(sa_column=Column(Boolean, nullable=False))
    policy_version: int = Field(sa_column=Column(Integer, nullable=False))
    requested_by: str = Field(sa_column=Column(Text, nullable=False))
    requested_at: datetime = Field(sa_column=Column(UTCDateTime, nullable=False))
    decided_by: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    decided_at: datetime | None = Field(default=None, sa_column=Column(UTCDateTime, nullable=True))

    __table_args__ = (UniqueConstraint("tender_id", "seq", name="uq_tender_deviation_seq"),
                      Index("ix_tender_deviation_tender", "tender_id", "state"))
