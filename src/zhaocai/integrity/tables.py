"""Tables of the integrity domain: the cases auditors open from red flags."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Column, Index, Text
from sqlmodel import Field, SQLModel

from zhaocai.store.types import JSONText, UTCDateTime


class CaseRow(SQLModel, table=True):
    """An integrity case (线索核查): opened from a flag, assigned, worked, concluded."""

    __tablename__ = "integrity_case"

    id: str = Field(sa_column=Column(Text, primary_key=True))
    flag_code: str = Field(sa_column=Column(Text, nullable=False))
    subject: str = Field(sa_column=Column(Text, nullable=False))  # tender | supplier
    subject_id: str = Field(sa_column=Column(Text, nullable=False))
    tender_ids: Any = Field(sa_column=Column(JSONText, nullable=False))
    supplier_ids: Any = Field(sa_column=Column(JSONText, nullable=False))
    evidence: Any = Field(sa_column=Column(JSONText, nullable=False))
    state: str = Field(sa_column=Column(Text, nullable=False))
    opened_by: str = Field(sa_column=Column(Text, nullable=False))
    opened_at: datetime = Field(sa_column=Column(UTCDateTime, nullable=False))
    assignee: str | None = Field(default=None, sa_column=Column(Text))
    findings: Any = Field(sa_column=Column(JSONText, nullable=False))
    conclusion: str | None = Field(default=None, sa_column=Column(Text))
    blacklist_request_id: str | None = Field(default=None, sa_column=Column(Text))
    concluded_by: str | None = Field(default=None, sa_column=Column(Text))
    concluded_at: datetime | None = Field(default=None, sa_column=Column(UTCDateTime))

    __table_args__ = (Index("ix_integrity_case_subject", "flag_code", "subject_id", "state"),)
