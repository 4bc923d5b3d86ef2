"""Tables of the supplier register. Money is integer fen; datetimes are aware UTC."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import BigInteger, Boolean, Column, Index, Integer, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

from zhaocai.store.types import JSONText, UTCDateTime


def _autoinc() -> Any:
    # SQLite only autoincrements an INTEGER PRIMARY KEY.
    return Field(default=None, sa_column=Column(BigInteger().with_variant(Integer, "sqlite"),
                                                primary_key=True, autoincrement=True))


class SupplierRow(SQLModel, table=True):
    """A supplier: identity, admission state of its current application, and standing."""

    __tablename__ = "supplier"

    id: str = Field(sa_column=Column(Text, primary_key=True))
    credit_code: str = Field(sa_column=Column(Text, nullable=False, unique=True))
    name: str = Field(sa_column=Column(Text, nullable=False))
    legal_representative: str = Field(sa_column=Column(Text, nullable=False))
    address: str = Field(sa_column=Column(Text, nullable=False))
    contacts: Any = Field(sa_column=Column(JSONText, nullable=False))
    bank_name: str = Field(sa_column=Column(Text, nullable=False))
    bank_account: str = Field(sa_column=Column(Text, nullable=False))
    ceiling_fen: int = Field(sa_column=Column(BigInteger, nullable=False))
    admission: str = Field(sa_column=Column(Text, nullable=False))
    standing: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    round: int = Field(sa_column=Column(Integer, nullable=False))
    registered_by: str = Field(sa_column=Column(Text, nullable=False))
    registered_at: datetime = Field(sa_column=Column(UTCDateTime, nullable=False))
    admitted_at: datetime | None = Field(default=None, sa_column=Column(UTCDateTime))
    ban_until: datetime | None = Field(default=None, sa_column=Column(UTCDateTime))
    import_batch: str | None = Field(default=None, sa_column=Column(Text))
    import_row: int | None = Field(default=None, sa_column=Column(Integer))
    external_ref: str | None = Field(default=None, sa_column=Column(Text))

    __table_args__ = (Index("ix_supplier_import", "import_batch"),
                      Index("ix_supplier_external_ref", "external_ref"))


class SupplierCategoryRow(SQLModel, table=True):
    """A category a supplier applied for; `admitted` once admission covers it.

    `lapsed_at` records the per-category suspension that `tick()` writes when a required
    qualification has expired (eligibility itself is computed from the qualifications).
    """

    __tablename__ = "supplier_category"

    supplier_id: str = Field(sa_column=Column(Text, primary_key=True))
    category: str = Field(sa_column=Column(Text, primary_key=True))
    admitted: bool = Field(sa_column=Column(Boolean, nullable=False))
    lapsed_at: datetime | None = Field(default=None, sa_column=Column(UTCDateTime))

    __table_args__ = (Index("ix_supplier_category_cat", "category", "admitted"),)


class QualificationRow(SQLModel, table=True):
    """A qualification (资质) held by a supplier. Renewals add rows; history is kept.

    `status`: `admission` (entered with the application: the admission reviews check it),
    `pending` (added or renewed later: counts only once verified), `verified`, `rejected`.
    A row stored before verification existed (no status) counts as it did then.
    """

    __tablename__ = "supplier_qualification"

    id: int | None = _autoinc()
    supplier_id: str = Field(sa_column=Column(Text, nullable=False))
    type: str = Field(sa_column=Column(Text, nullable=False))
    grade: str = Field(sa_column=Column(Text, nullable=False))
    number: str = Field(sa_column=Column(Text, nullable=False))
    issuer: str = Field(sa_column=Column(Text, nullable=False))
    valid_from: datetime = Field(sa_column=Column(UTCDateTime, nullable=False))
    valid_until: datetime = Field(sa_column=Column(UTCDateTime, nullable=False))
    status: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    added_by: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    added_at: datetime | None = Field(default=None, sa_column=Column(UTCDateTime))
    decided_by: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    decided_at: datetime | None = Field(default=None, sa_column=Column(UTCDateTime))
    decision_note: str | None = Field(default=None, sa_column=Column(Text, nullable=True))

    __table_args__ = (Index("ix_supplier_qualification", "supplier_id", "type"),)


class PersonRow(SQLModel, table=True):
    """A person related to a supplier; the identity number only as a keyed hash."""

    __tablename__ = "supplier_person"

    id: int | None = _autoinc()
    supplier_id: str = Field(sa_column=Column(Text, nullable=False))
    role: str = Field(sa_column=Column(Text, nullable=False))
    name: str = Field(sa_column=Column(Text, nullable=False))
    id_hash: str = Field(sa_column=Column(Text, nullable=False))

    __table_args__ = (Index("ix_supplier_person", "supplier_id"),)


class LinkRow(SQLModel, table=True):
    """A normalised fact shared suppliers may have in common (person, phone, email, ...)."""

    __tablename__ = "supplier_link"

    id: int | None = _autoinc()
    supplier_id: str = Field(sa_column=Column(Text, nullable=False))
    kind: str = Field(sa_column=Column(Text, nullable=False))
    value: str = Field(sa_column=Column(Text, nullable=False))
    label: str = Field(sa_column=Column(Text, nullable=False))

    __table_args__ = (Index("ix_supplier_link_value", "kind", "value"),
                      Index("ix_supplier_link_supplier", "supplier_id"))


class ReviewRow(SQLModel, table=True):
    """A department's review of one application round (三三二)."""

    __tablename__ = "supplier_review"

    id: int | None = _autoinc()
    supplier_id: str = Field(sa_column=Column(Text, nullable=False))
    round: int = Field(sa_column=Column(Integer, nullable=False))
    department: str = Field(sa_column=Column(Text, nullable=False))
    reviewer_id: str = Field(sa_column=Column(Text, nullable=False))
    passed: bool = Field(sa_column=Column(Boolean, nullable=False))
    comment: str = Field(sa_column=Column(Text, nullable=False))
    at: datetime = Field(sa_column=Column(UTCDateTime, nullable=False))

    __table_args__ = (UniqueConstraint("supplier_id", "round", "department"),)


class InspectionRow(SQLModel, table=True):
    """An on-site inspection report (现场考察), signed by its inspectors."""

    __tablename__ = "supplier_inspection"

    id: int | None = _autoinc()
    supplier_id: str = Field(sa_column=Column(Text, nullable=False))
    round: int = Field(sa_column=Column(Integer, nullable=False))
    inspectors: Any = Field(sa_column=Column(JSONText, nullable=False))
    report: str = Field(sa_column=Column(Text, nullable=False))
    passed: bool = Field(sa_column=Column(Boolean, nullable=False))
    at: datetime = Field(sa_column=Column(UTCDateTime, nullable=False))

    __table_args__ = (Index("ix_supplier_inspection", "supplier_id", "round"),)


class RequestRow(SQLModel, table=True):
    """A request that needs approval by others: a blacklisting, lifting a suspension, or a
    warning or suspension of a supplier with a live bid (kind `warn` / `suspend`), held for a
    supervisor. `live_tenders`: the live tenders the supplier was in when the request was made."""

    __tablename__ = "supplier_request"

    id: str = Field(sa_column=Column(Text, primary_key=True))
    supplier_id: str = Field(sa_column=Column(Text, nullable=False))
    kind: str = Field(sa_column=Column(Text, nullable=False))  # blacklist | reinstatement | warn | suspend
    state: str = Field(sa_column=Column(Text, nullable=False))  # pending | approved | rejected
    reason: str = Field(sa_column=Column(Text, nullable=False))
    evidence: Any = Field(sa_column=Column(JSONText, nullable=False))
    ban_days: int | None = Field(default=None, sa_column=Column(Integer))
    requested_by: str = Field(sa_column=Column(Text, nullable=False))
    requested_at: datetime = Field(sa_column=Column(UTCDateTime, nullable=False))
    approvals: Any = Field(sa_column=Column(JSONText, nullable=False))
    decided_at: datetime | None = Field(default=None, sa_column=Column(UTCDateTime))
    previous_standing: str | None = Field(default=None, sa_column=Column(Text))
    appeal: Any = Field(default=None, sa_column=Column(JSONText, nullable=True))
    live_tenders: Any = Field(default=None, sa_column=Column(JSONText, nullable=True))

    __table_args__ = (Index("ix_supplier_request", "supplier_id", "kind", "state"),)


class StandingChangeRow(SQLModel, table=True):
    """The history of standing: every change with its reason and its audit link."""

    __tablename__ = "supplier_standing_change"

    id: int | None = _autoinc()
    supplier_id: str = Field(sa_column=Column(Text, nullable=False))
    from_standing: str | None = Field(default=None, sa_column=Column(Text))
    to_standing: str = Field(sa_column=Column(Text, nullable=False))
    reason: str = Field(sa_column=Column(Text, nullable=False))
    actor_id: str = Field(sa_column=Column(Text, nullable=False))
    at: datetime = Field(sa_column=Column(UTCDateTime, nullable=False))
    audit_seq: int = Field(sa_column=Column(BigInteger, nullable=False))

    __table_args__ = (Index("ix_supplier_standing_change", "supplier_id"),)


class CategoryPolicyRow(SQLModel, table=True):
    """An organisation's qualification policy for a category (defaults apply without a row)."""

    __tablename__ = "supplier_category_policy"

    category: str = Field(sa_column=Column(Text, primary_key=True))
    requirements: Any = Field(sa_column=Column(JSONText, nullable=False))
    updated_by: str = Field(sa_column=Column(Text, nullable=False))
    updated_at: datetime = Field(sa_column=Column(UTCDateTime, nullable=False))


class PerformanceEventRow(SQLModel, table=True):
    """A performance event recorded against a contract (履约)."""

    __tablename__ = "supplier_performance_event"

    id: int | None = _autoinc()
    supplier_id: str = Field(sa_column=Column(Text, nullable=False))
    contract_id: str = Field(sa_column=Column(Text, nullable=False))
    kind: str = Field(sa_column=Column(Text, nullable=False))
    severity: int = Field(sa_column=Column(Integer, nullable=False))
    occurred_at: datetime = Field(sa_column=Column(UTCDateTime, nullable=False))
    recorded_by: str = Field(sa_column=Column(Text, nullable=False))
    note: str = Field(sa_column=Column(Text, nullable=False))
    external_ref: str | None = Field(default=None, sa_column=Column(Text))

    __table_args__ = (Index("ix_supplier_perf_time", "occurred_at"),
                      Index("ix_supplier_perf_supplier", "supplier_id"))


class PeriodRow(SQLModel, table=True):
    """A closed performance period."""

    __tablename__ = "supplier_performance_period"

    id: str = Field(sa_column=Column(Text, primary_key=True))  # e.g. month:2026-03
    kind: str = Field(sa_column=Column(Text, nullable=False))
    label: str = Field(sa_column=Column(Text, nullable=False))
    starts_at: datetime = Field(sa_column=Column(UTCDateTime, nullable=False))
    ends_at: datetime = Field(sa_column=Column(UTCDateTime, nullable=False))
    closed_at: datetime = Field(sa_column=Column(UTCDateTime, nullable=False))
    closed_by: str = Field(sa_column=Column(Text, nullable=False))
    scored: int = Field(sa_column=Column(Integer, nullable=False))


class ScorecardRow(SQLModel, table=True):
    """A supplier's scorecard for a closed period: criteria 0–100, total, grade."""

    __tablename__ = "supplier_scorecard"

    period_id: str = Field(sa_column=Column(Text, primary_key=True))
    supplier_id: str = Field(sa_column=Column(Text, primary_key=True))
    delivery: int = Field(sa_column=Column(Integer, nullable=False))
    quality: int = Field(sa_column=Column(Integer, nullable=False))
    safety: int = Field(sa_column=Column(Integer, nullable=False))
    service: int = Field(sa_column=Column(Integer, nullable=False))
    compliance: int = Field(sa_column=Column(Integer, nullable=False))
    total_centi: int = Field(sa_column=Column(Integer, nullable=False))
    grade: str = Field(sa_column=Column(Text, nullable=False))
    events: int = Field(sa_column=Column(Integer, nullable=False))

    __table_args__ = (Index("ix_supplier_scorecard_grade", "period_id", "grade"),)


class ScreeningRow(SQLModel, table=True):
    """The blacklist screening of one application round: which blacklisted suppliers it shares a
    legal representative, bank account, phone or address with, and a supervisor's decision."""

    __tablename__ = "supplier_screening"

    supplier_id: str = Field(sa_column=Column(Text, primary_key=True))
    round: int = Field(sa_column=Column(Integer, primary_key=True))
    matches: Any = Field(sa_column=Column(JSONText, nullable=False))
    screened_at: datetime = Field(sa_column=Column(UTCDateTime, nullable=False))
    decision: str | None = Field(default=None, sa_column=Column(Text))  # admit | refuse
    decided_by: str | None = Field(default=None, sa_column=Column(Text))
    decided_at: datetime | None = Field(default=None, sa_column=Column(UTCDateTime))
    decision_reason: str | None = Field(default=None, sa_column=Column(Text))
    matches_seen: Any = Field(default=None, sa_column=Column(JSONText, nullable=True))
