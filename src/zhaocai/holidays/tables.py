"""The table of proposed and adopted holiday schedules."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Column, Integer, Text
from sqlmodel import Field, SQLModel

from zhaocai.store.types import JSONText, UTCDateTime


class HolidayScheduleRow(SQLModel, table=True):
    """One proposal of a year's official schedule, and its decision."""

    __tablename__ = "holiday_schedule"

    id: str = Field(sa_column=Column(Text, primary_key=True))
    year: int = Field(sa_column=Column(Integer, nullable=False, index=True))
    state: str = Field(sa_column=Column(Text, nullable=False))  # proposed, adopted, rejected
    holidays: Any = Field(sa_column=Column(JSONText, nullable=False))  # ISO dates, sorted
    workdays: Any = Field(sa_column=Column(JSONText, nullable=False))
    source: str = Field(sa_column=Column(Text, nullable=False))
    proposed_by: str = Field(sa_column=Column(Text, nullable=False))
    proposed_at: datetime = Field(sa_column=Column(UTCDateTime, nullable=False))
    decided_by: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    decided_at: datetime | None = Field(default=None, sa_column=Column(UTCDateTime, nullable=True))
    reason: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
