"""Inputs and results of evaluation and award (pydantic, so idempotent replays return them)."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, field_validator

from zhaocai.bidding.rules import AbnormalDecision
from zhaocai.categories import Category
from zhaocai.guards import NotBlank
from zhaocai.money import to_decimal
from zhaocai.suppliers.rules import EventKind


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True)


class _Input(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class RelatedPerson(_Input):
    """A person related to an expert (spouse, parent, sibling...): only the hash is kept."""

    name: Annotated[str, NotBlank] = Field(min_length=1, max_length=200)
    identity_number: str = Field(min_length=6, max_length=32)


class ExpertInput(_Input):
    """An expert of the pool. `id` is the expert's actor id (they act with the expert role)."""

    id: str = Field(min_length=1, max_length=64)
    name: Annotated[str, NotBlank] = Field(min_length=1, max_length=200)
    identity_number: str = Field(min_length=6, max_length=32)
    specialties: list[Category] = Field(min_length=1)
    employer_id: str | None = Field(default=None, max_length=64,
                                    description="organisation or supplier id of the employer")
    related_persons: list[RelatedPerson] = Field(default_factory=list)
    relatives_at: list[str] = Field(default_factory=list,
                                    description="organisation/supplier ids where relatives work")
    active: bool = True


class ExpertView(_Frozen):
    """An expert as staff see it (never the identity numbers)."""

    id: str
    name: str
    specialties: list[Category]
    employer_id: str | None
    related_persons: int
    relatives_at: list[str]
    active: bool


class Representative(_Input):
    """A buyer representative designated to the committee (at most 1/3 of it)."""

    person_id: str = Field(min_length=1, max_length=64)
    name: Annotated[str, NotBlank] = Field(min_length=1, max_length=200)


class RecusalView(_Frozen):
    """A recorded recusal: who, why (code, English, Chinese), which bidder."""

    expert_id: str
    code: str
    en: str
    zh: str
    bidder_id: str | None


class MemberView(_Frozen):
    """A committee seat; `member_id` and `name` are None for readers who may not see them yet."""

    position: int
    member_id: str | None
    name: str | None
    kind: str
    declared: bool
    active: bool


class CommitteeView(_Frozen):
    """A committee: seed inputs, members (names hidden from bidders until the award), recusals."""

    tender_id: str
    opening_digest: str
    draw_time: str
    seed_hex: str
    size: int
    members: list[MemberView]
    recusals: list[RecusalView]
    names_visible: bool


class DrawCheck(_Frozen):
    """`rerun_draw`: the draw recomputed from its recorded inputs, compared with the record."""

    tender_id: str
    seed_hex: str
    seed_matches: bool
    opening_digest_matches: bool
    members_match: bool
    recusals_match: bool
    committee_digest: str = Field(description="sha256 of the recorded member ids, in draw order")

    @property
    def matches(self) -> bool:
        """True when everything re-ran to the recorded result."""
        return (self.seed_matches and self.opening_digest_matches and self.members_match
                and self.recusals_match)


class Declaration(_Frozen):
    """A member's signed no-conflict declaration (or their withdrawal for a conflict)."""

    tender_id: str
    member_id: str
    declared_at: datetime
    no_conflict: bool
    replacement_id: str | None = None


class ReasonView(_Frozen):
    """Why: a stable code and English and Chinese text."""

    code: str
    en: str
    zh: str


class EntryView(_Frozen):
    """One bid in one lot: price, compliance, abnormal decision, scores and rank."""

    lot_id: str
    bid_id: str
    supplier_id: str
    price: Decimal | None
    compliant: bool
    reasons: list[ReasonView]
    abnormal: dict[str, Any] | None
    abnormal_decision: str | None
    explanation: str | None
    evaluated_price: Decimal | None
    price_score: Decimal | None
    technical: Decimal | None
    commercial: Decimal | None
    total: Decimal | None
    rank: int | None
    ranked_by: str | None


class LotView(_Frozen):
    """A lot's evaluation: status, entries in rank order (then bid order), candidates, outliers."""

    lot_id: str
    title: str
    status: str
    compliant: int
    failure_reason: str | None
    benchmark_price: Decimal | None
    entries: list[EntryView]
    candidates: list[str]
    outliers: list[dict[str, Any]]
    unrevealed: list[dict[str, Any]] = Field(default_factory=list)
    """Members whose committed sheet was never revealed, as a supervisor recorded (member id,
    reason, recorded by, when): their sheets do not count."""


class SharedFactView(_Frozen):
    """One attribute two related bidders share (Reg 34 evidence)."""

    kind: str
    value_a: str
    value_b: str


class RelatedView(_Frozen):
    """Two related bidders (Reg 34): `void_by_rule` (same legal representative or a controlling or
    managing relation), or a shared-contact question the committee decides (`void` None: pending)."""

    supplier_a: str
    supplier_b: str
    kind: str
    facts: list[SharedFactView]
    lots: list[str]
    void: bool | None
    reason: str | None = None
    decided_by: str | None = None
    decided_at: datetime | None = None


class ComplianceView(_Frozen):
    """The compliance outcome of every lot, and whether the tender failed (流标)."""

    tender_id: str
    state: str
    lots: list[LotView]
    related: list[RelatedView] = []


class RelatedInput(_Input):
    """The committee's determination on two bidders sharing contacts (Reg 34)."""

    supplier_a: str = Field(min_length=1, max_length=64)
    supplier_b: str = Field(min_length=1, max_length=64)
    void: bool
    reason: str = Field(min_length=1, max_length=2000)


class IneligibleDecisionInput(_Input):
    """A supervisor's decision on a lot whose winner became ineligible (Reg 55)."""

    lot_id: str = Field(min_length=1, max_length=64)
    action: str = Field(pattern="^(next_candidate|retender)$")
    reason: str = Field(min_length=1, max_length=2000)


class ScoringForm(_Frozen):
    """What a member's sheet of a lot must score: the lot's compliant bids and every criterion
    with its maximum points (a criterion's id is its name in the tender's spec)."""

    tender_id: str
    lot_id: str
    bids: list[str]
    criteria: dict[str, Decimal]


class CommitmentReceipt(_Frozen):
    """A member's commitment to a lot's sheet, and how many of the committee have committed."""

    tender_id: str
    lot_id: str
    member_id: str
    commitment: str
    committed: int
    committee_size: int


class CommitmentView(_Frozen):
    """A member's commitment to a lot's sheet and where it is: committed, revealed, or unrevealed
    (recorded by a supervisor, with the reason)."""

    tender_id: str
    lot_id: str
    member_id: str
    commitment: str
    state: str
    committed_at: datetime
    closed_at: datetime | None
    recorded_by: str | None
    reason: str | None


class SheetReceipt(_Frozen):
    """A revealed score sheet: its digest, the commitment it matched, and how many are revealed."""

    tender_id: str
    lot_id: str
    member_id: str
    digest: str
    commitment: str
    submitted: int
    committee_size: int


class ScoreSheetView(_Frozen):
    """A member's revealed sheet, readable only once every member's sheet is revealed (or recorded
    as never revealed)."""

    member_id: str
    lot_id: str
    digest: str
    scores: dict[str, dict[str, Decimal]]


class EvaluationReport(_Frozen):
    """The evaluation report (评标报告): lots with their ranking and candidates, publicity."""

    tender_id: str
    method: str
    state: str
    report_digest: str | None
    report_at: datetime | None
    publicity_starts: datetime | None
    publicity_ends: datetime | None
    lots: list[LotView]
    committee: CommitteeView | None


class ObjectionView(_Frozen):
    """An objection and its answer."""

    id: str
    tender_id: str
    lot_id: str | None
    supplier_id: str
    raised_at: datetime
    text: str
    answer: str | None
    answered_by: str | None
    answered_at: datetime | None


class RemovalView(_Frozen):
    """A candidate's removal: reason, proposer, approver."""

    id: str
    tender_id: str
    lot_id: str
    bid_id: str
    reason: ReasonView
    proposed_by: str
    approved_by: str | None


class NoticeView(_Frozen):
    """The award notice (中标通知书), amount in figures and capital numerals (大写)."""

    award_id: str
    tender_id: str
    lot_id: str
    supplier_id: str
    supplier_name: str
    title_en: str
    title_zh: str
    amount: Decimal
    amount_figures: str
    amount_in_words: str
    body_en: str
    body_zh: str
    contract_id: str
    sign_by: datetime


class AwardView(_Frozen):
    """The award of a tender: one notice per awarded lot."""

    tender_id: str
    state: str
    notices: list[NoticeView]


class ContractView(_Frozen):
    """A contract: exactly the awarded amount; signed by both sides by `sign_by`."""

    id: str
    tender_id: str
    lot_id: str
    supplier_id: str
    bid_id: str
    amount: Decimal
    amount_in_words: str
    status: str
    sign_by: datetime
    buyer_signed_by: str | None
    supplier_signed_by: str | None
    tender_state: str
    external_ref: str | None = None


class PerformanceInput(_Input):
    """A performance event against a contract (it goes to the supplier's performance review)."""

    kind: EventKind
    severity: int = Field(ge=1, le=5)
    occurred_at: datetime
    note: str = Field(default="", max_length=2000)


class InquiryDecisionView(_Frozen):
    """A price inquiry decided under 三三二: per lot the winner, ranking and officers."""

    tender_id: str
    state: str
    record_hash: str
    officers: list[str]
    lots: list[dict[str, Any]]
    failure_reason: str | None = None


class AbnormalInput(_Input):
    """The committee's decision on an abnormally low bid, with the bidder's written explanation."""

    lot_id: str
    bid_id: str
    decision: AbnormalDecision
    explanation: str = Field(default="", max_length=10_000)


class AdjustmentInput(_Input):
    """A documented adjustment of a bid's price (lowest evaluated price method)."""

    lot_id: str
    bid_id: str
    amount: Decimal
    reason: str = Field(min_length=1, max_length=2000)

    @field_validator("amount", mode="before")
    @classmethod
    def _exact(cls, value: Any) -> Decimal:
        return to_decimal(value, field="amount")
