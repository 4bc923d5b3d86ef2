"""Tables of declared interests (person_interest, append-only: a declaration is never changed,
a new one is added) and of recusals recorded on tenders (person_recusal)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, Column, Index, Integer, Text
from sqlmodel import Field, SQLModel

from zhaocai.store.types import UTCDateTime


class InterestRow(SQLModel, table=True):
    """One declaration of a person, at its moment. A related person's identity number is kept
    only as its keyed hash."""

    __tablename__ = "person_interest"

    id: str = Field(sa_column=Column(Text, primary_key=True))
    person_id: str = Field(sa_column=Column(Text, nullable=False))
    kind: str = Field(sa_column=Column(Text, nullable=False))
    relation: str = Field(sa_column=Column(Text, nullable=False))
    credit_code: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    company_name: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    person_hash: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    ended_at: datetime | None = Field(default=None, sa_column=Column(UTCDateTime, nullable=True))
    note: str = Field(default="", sa_column=Column(Text, nullable=False))
    declared_at: datetime = Field(sa_column=Column(UTCDateTime, nullable=False))

    __table_args__ = (Index("ix_person_interest_person", "person_id"),)


class RecusalRow(SQLModel, table=True):
    """A person recorded as stepping aside from a duty on a tender, towards a supplier."""

    __tablename__ = "person_recusal"

    id: int | None = Field(default=None, sa_column=Column(BigInteger().with_variant(Integer, "sqlite"),
                                                          primary_key=True, autoincrement=True))
    person_id: str = Field(sa_column=Column(Text, nullable=False))
    duty: str = Field(sa_column=Column(Text, nullable=False))
    tender_id: str = Field(sa_column=Column(Text, nullable=False))
    supplier_id: str = Field(sa_column=Column(Text, nullable=False))
    declaration_id: str = Field(sa_column=Column(Text, nullable=False))
    reason: str = Field(sa_column=Column(Text, nullable=False))
    reason_en: str = Field(sa_column=Column(Text, nullable=False))
    reason_zh: str = Field(sa_column=Column(Text, nullable=False))
    recorded_by: str = Field(sa_column=Column(Text, nullable=False))
    recorded_at: datetime = Field(sa_column=Column(UTCDateTime, nullable=False))

    __table_args__ = (Index("ix_person_recusal_tender", "tender_id", "person_id"),
                      Index("ix_person_recusal_person", "person_id"))
