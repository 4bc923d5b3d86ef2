"""Tables of evaluation and award: the expert pool, committees, compliance, sealed score sheets,
the report's ranking, objections, removals, awards, contracts and price-inquiry signatures.

Scores are stored as integer hundredths of a point (`points_centi`); money as integer fen.
Nothing here is readable through the API before its time: score rows only once every member of
the committee has revealed (see `sealed_sheets.py`; before every member has committed, no score
row exists at all), member names only for staff until the award.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Column, Index, Integer
from sqlmodel import Field, SQLModel

from zhaocai.store.columns import flag as _flag
from zhaocai.store.columns import integer as _int
from zhaocai.store.columns import json as _json
from zhaocai.store.columns import key as _key
from zhaocai.store.columns import text as _text
from zhaocai.store.columns import time as _time


class ExpertRow(SQLModel, table=True):
    """An expert of the pool (评标专家库). Identity numbers only as keyed hashes."""

    __tablename__ = "expert"

    id: str = _key()
    name: str = _text()
    specialties: Any = _json()
    employer_id: str | None = _text(True)
    person_hashes: Any = _json()
    relatives_at: Any = _json()
    active: bool = _flag()
    updated_by: str = _text()
    updated_at: datetime = _time()


class CommitteeRow(SQLModel, table=True):
    """A drawn committee with every input of its draw, so anyone can re-run it."""

    __tablename__ = "evaluation_committee"

    tender_id: str = _key()
    opening_digest: str = _text()
    draw_time: str = _text()
    seed_hex: str = _text()
    category: str = _text()
    size: int = Field(sa_column=Column(Integer, nullable=False))
    drafter_id: str = _text()
    inputs: Any = _json()
    members: Any = _json()
    representatives: Any = _json()
    recusals: Any = _json()
    withdrawn: Any = _json()
    drawn_by: str = _text()
    drawn_at: datetime = _time()


class MemberRow(SQLModel, table=True):
    """A committee member and their no-conflict declaration."""

    __tablename__ = "evaluation_member"

    tender_id: str = _key()
    member_id: str = _key()
    name: str = _text()
    kind: str = _text()
    position: int = Field(sa_column=Column(Integer, nullable=False))
    active: bool = _flag()
    declared_at: datetime | None = _time(True)
    statement: str | None = _text(True)


class EvaluationRow(SQLModel, table=True):
    """The evaluation of one tender: compliance, report, publicity and award moments."""

    __tablename__ = "evaluation"

    tender_id: str = _key()
    compliance_at: datetime | None = _time(True)
    compliance_by: str | None = _text(True)
    report_at: datetime | None = _time(True)
    report_by: str | None = _text(True)
    report_digest: str | None = _text(True)
    publicity_starts: datetime | None = _time(True)
    publicity_ends: datetime | None = _time(True)
    awarded_at: datetime | None = _time(True)
    publicity_noted_at: datetime | None = _time(True)
    inquiry_record_hash: str | None = _text(True)


class SecurityRow(SQLModel, table=True):
    """Bid security received from a bidder, as recorded by finance."""

    __tablename__ = "evaluation_security"

    tender_id: str = _key()
    supplier_id: str = _key()
    paid_fen: int = _int()
    recorded_by: str = _text()
    recorded_at: datetime = _time()


class FindingRow(SQLModel, table=True):
    """The committee's finding that a bid (or one lot of it) does not respond to requirements."""

    __tablename__ = "evaluation_finding"

    id: str = _key()
    tender_id: str = _text()
    bid_id: str = _text()
    lot_id: str | None = _text(True)
    en: str = _text()
    zh: str = _text()
    recorded_by: str = _text()
    recorded_at: datetime = _time()

    __table_args__ = (Index("ix_finding_tender", "tender_id"),)


class LotRow(SQLModel, table=True):
    """One lot's evaluation: status, candidates, outliers, benchmark price."""

    __tablename__ = "evaluation_lot"

    tender_id: str = _key()
    lot_id: str = _key()
    title: str = _text()
    status: str = _text()
    compliant: int = Field(sa_column=Column(Integer, nullable=False))
    failure_reason: str | None = _text(True)
    benchmark_fen: int | None = _int(True)
    candidates: Any = _json(True)
    outliers: Any = _json(True)

    @property
    def state(self) -> str:
        """The status as the lot machine sees it (`zhaocai.machines.fire` binds `state`)."""
        return self.status

    @state.setter
    def state(self, value: str) -> None:
        self.status = value


class EntryRow(SQLModel, table=True):
    """One bid in one lot: compliance, abnormal-price decision, scores and rank."""

    __tablename__ = "evaluation_entry"

    tender_id: str = _key()
    lot_id: str = _key()
    bid_id: str = _key()
    supplier_id: str = _text()
    content_hash: str = _text()
    price_fen: int | None = _int(True)
    compliant: bool = _flag()
    reasons: Any = _json()
    abnormal: Any = _json(True)
    abnormal_decision: str | None = _text(True)
    explanation: str | None = _text(True)
    decided_by: str | None = _text(True)
    adjustments: Any = _json()
    evaluated_fen: int | None = _int(True)
    price_score: str | None = _text(True)
    technical: str | None = _text(True)
    commercial: str | None = _text(True)
    total: str | None = _text(True)
    criteria: Any = _json(True)
    rank: int | None = Field(default=None, sa_column=Column(Integer, nullable=True))
    lottery_key: str | None = _text(True)
    ranked_by: str | None = _text(True)


class ScoreRow(SQLModel, table=True):
    """One member's sealed points for one criterion of one bid (hundredths of a point).

    The key runs tender, lot, bid, criterion, member: the committee's pass reads it in order.
    """

    __tablename__ = "evaluation_score"

    tender_id: str = _key()
    lot_id: str = _key()
    bid_id: str = _key()
    criterion_id: str = _key()
    member_id: str = _key()
    points_centi: int = _int()

    # SQLite: clustered on the key, so a lot's points are read in order without lookups.
    __table_args__ = ({"sqlite_with_rowid": False},)


class CommitmentRow(SQLModel, table=True):
    """A member's commitment to a lot's sheet (commit, then reveal; `sealed_sheets.py`): the
    digest, and once revealed the nonce that opens it; or a supervisor's record that the member
    never revealed, with the reason. Never any points."""

    __tablename__ = "evaluation_commitment"

    tender_id: str = _key()
    lot_id: str = _key()
    member_id: str = _key()
    digest: str = _text()
    state: str = _text()
    committed_at: datetime = _time()
    nonce: str | None = _text(True)
    closed_at: datetime | None = _time(True)
    recorded_by: str | None = _text(True)
    reason: str | None = _text(True)


class SheetRow(SQLModel, table=True):
    """That a member's sheet of a lot was revealed (matching its commitment), when, and the
    digest of its points."""

    __tablename__ = "evaluation_sheet"

    tender_id: str = _key()
    lot_id: str = _key()
    member_id: str = _key()
    submitted_at: datetime = _time()
    digest: str = _text()
    bids: int = Field(sa_column=Column(Integer, nullable=False))


class ObjectionRow(SQLModel, table=True):
    """An objection (异议) raised by a bidder during publicity, and its answer."""

    __tablename__ = "evaluation_objection"

    id: str = _key()
    tender_id: str = _text()
    lot_id: str | None = _text(True)
    supplier_id: str = _text()
    raised_by: str = _text()
    raised_at: datetime = _time()
    text: str = _text()
    answer: str | None = _text(True)
    answered_by: str | None = _text(True)
    answered_at: datetime | None = _time(True)

    __table_args__ = (Index("ix_objection_tender", "tender_id"),)


class RemovalRow(SQLModel, table=True):
    """A recorded reason removing a candidate; it counts once a supervisor approves it."""

    __tablename__ = "evaluation_removal"

    id: str = _key()
    tender_id: str = _text()
    lot_id: str = _text()
    bid_id: str = _text()
    code: str = _text()
    en: str = _text()
    zh: str = _text()
    proposed_by: str = _text()
    proposed_at: datetime = _time()
    approved_by: str | None = _text(True)
    approved_at: datetime | None = _time(True)
    basis: str | None = _text(True)
    """None: a proposal another person approves; "ineligible": a supervisor's decision on a
    candidate the register shows ineligible at that moment (checked by the library)."""


class AwardRow(SQLModel, table=True):
    """The award of one lot: winner, amount, the notice's text."""

    __tablename__ = "award"

    id: str = _key()
    tender_id: str = _text()
    lot_id: str = _text()
    bid_id: str = _text()
    supplier_id: str = _text()
    amount_fen: int = _int()
    rank: int = Field(sa_column=Column(Integer, nullable=False))
    removed: Any = _json()
    notice: Any = _json()
    awarded_at: datetime = _time()
    awarded_by: str = _text()
    voided_at: datetime | None = _time(True)
    voided_by: str | None = _text(True)
    void_reason: Any = _json(True)

    __table_args__ = (Index("ix_award_tender", "tender_id"),)


class ContractRow(SQLModel, table=True):
    """A contract from an award, at the same amount, signed by buyer and supplier by a deadline."""

    __tablename__ = "contract"

    id: str = _key()
    tender_id: str = _text()
    lot_id: str = _text()
    award_id: str = _text()
    bid_id: str = _text()
    supplier_id: str = _text()
    amount_fen: int = _int()
    status: str = _text()
    created_at: datetime = _time()
    sign_by: datetime = _time()
    buyer_signed_by: str | None = _text(True)
    buyer_signed_at: datetime | None = _time(True)
    supplier_signed_by: str | None = _text(True)
    supplier_signed_at: datetime | None = _time(True)
    external_ref: str | None = _text(True)

    __table_args__ = (Index("ix_contract_tender", "tender_id"),
                      Index("ix_contract_external_ref", "external_ref"))

    @property
    def state(self) -> str:
        """The status as the contract machine sees it (`zhaocai.machines.fire` binds `state`)."""
        return self.status

    @state.setter
    def state(self, value: str) -> None:
        self.status = value


class RelatedRow(SQLModel, table=True):
    """Two related bidders of a tender (Reg 34): void by rule, or a question the committee decides."""

    __tablename__ = "evaluation_related"

    tender_id: str = _key()
    supplier_a: str = _key()
    supplier_b: str = _key()
    kind: str = _text()
    facts: Any = _json()
    lots: Any = _json()
    void: bool | None = _flag(True)
    reason: str | None = _text(True)
    decided_by: str | None = _text(True)
    decided_at: datetime | None = _time(True)


class InquirySignatureRow(SQLModel, table=True):
    """An officer's signature on a price inquiry's quote record (三三二: at least two)."""

    __tablename__ = "inquiry_signature"

    tender_id: str = _key()
    officer_id: str = _key()
    signed_at: datetime = _time()


class InquiryOverrideRow(SQLModel, table=True):
    """A written reason to choose another supplier than the lowest quote, and its approval."""

    __tablename__ = "inquiry_override"

    id: str = _key()
    tender_id: str = _text()
    lot_id: str = _text()
    supplier_id: str = _text()
    reason: str = _text()
    proposed_by: str = _text()
    proposed_at: datetime = _time()
    approved_by: str | None = _text(True)
    approved_at: datetime | None = _time(True)


# The Core tables of the rows read and written in bulk (score sheets, entries, related pairs):
# named once here, for `insert(...)`, `update(...)` and `select(...)` over their columns.
ENTRY = EntryRow.__table__  # type: ignore[attr-defined]
SCORE = ScoreRow.__table__  # type: ignore[attr-defined]
RELATED = RelatedRow.__table__  # type: ignore[attr-defined]
