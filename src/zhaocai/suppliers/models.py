"""Input and output models of the supplier register (pydantic)."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from zhaocai.categories import Category
from zhaocai.clock import require_aware
from zhaocai.errors import ZhaocaiError
from zhaocai.guards import NotBlank
from zhaocai.identifiers import validate_credit_code
from zhaocai.money import to_decimal
from zhaocai.references import ExternalRef
from zhaocai.suppliers.rules import EventKind, PeriodKind, PersonRole


def _aware(value: datetime) -> datetime:
    try:
        return require_aware(value)
    except ZhaocaiError as exc:
        raise ValueError(exc.message_en) from None


class QualificationInput(BaseModel):
    """A qualification (资质): type, grade, number, issuer, validity [from, until)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    type: str = Field(min_length=1, max_length=100)
    grade: str = Field(default="", max_length=20)
    number: str = Field(min_length=1, max_length=100)
    issuer: str = Field(min_length=1, max_length=200)
    valid_from: datetime
    valid_until: datetime

    _aware_from = field_validator("valid_from", "valid_until")(_aware)

    @model_validator(mode="after")
    def _ordered(self) -> QualificationInput:
        if self.valid_until <= self.valid_from:
            raise ValueError("valid_until must be after valid_from")
        return self


class PersonInput(BaseModel):
    """A related person (owner or manager); the identity number is only kept as a keyed hash."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    role: PersonRole
    name: Annotated[str, NotBlank] = Field(min_length=1, max_length=100)
    identity_number: str = Field(min_length=6, max_length=40)


class ContactInput(BaseModel):
    """A contact person with a phone and/or an email."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    name: Annotated[str, NotBlank] = Field(min_length=1, max_length=100)
    phone: str = Field(default="", max_length=40)
    email: str = Field(default="", max_length=200)

    @model_validator(mode="after")
    def _reachable(self) -> ContactInput:
        if not self.phone and not self.email:
            raise ValueError("a contact needs a phone or an email")
        if self.email and "@" not in self.email:
            raise ValueError(f"{self.email!r} is not an email address")
        return self


class SupplierApplication(BaseModel):
    """What a supplier applies with."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    credit_code: str
    name: Annotated[str, NotBlank] = Field(min_length=1, max_length=200)
    legal_representative: Annotated[str, NotBlank] = Field(min_length=1, max_length=100)
    legal_representative_id: str = Field(min_length=6, max_length=40)
    address: str = Field(min_length=1, max_length=300)
    contacts: list[ContactInput] = Field(min_length=1, max_length=20)
    bank_name: str = Field(min_length=1, max_length=200)
    bank_account: str = Field(min_length=4, max_length=64)
    categories: list[Category] = Field(min_length=1)
    ceiling: Decimal
    qualifications: list[QualificationInput] = Field(default_factory=list, max_length=50)
    persons: list[PersonInput] = Field(default_factory=list, max_length=50)
    external_ref: ExternalRef | None = Field(default=None, description=(
        "the ERP's own reference for the supplier (a vendor number); never published"))

    @field_validator("credit_code", mode="before")
    @classmethod
    def _credit_code(cls, value: Any) -> str:
        try:
            return validate_credit_code(value)
        except ZhaocaiError as exc:
            raise ValueError(exc.message_en) from None

    @field_validator("ceiling", mode="before")
    @classmethod
    def _ceiling(cls, value: Any) -> Decimal:
        try:
            amount = to_decimal(value, field="ceiling")
        except ZhaocaiError as exc:
            raise ValueError(exc.message_en) from None
        if amount <= 0:
            raise ValueError("the ceiling must be positive")
        return amount

    @field_validator("categories")
    @classmethod
    def _distinct(cls, value: list[Category]) -> list[Category]:
        if len(set(value)) != len(value):
            raise ValueError("categories repeat")
        return sorted(value)


class QualificationView(BaseModel):
    """A qualification held by a supplier, with its verification: `admission` (entered with the
    application), `pending` (added or renewed, not counted yet), `verified` or `rejected`."""

    id: int
    type: str
    grade: str
    number: str
    issuer: str
    valid_from: datetime
    valid_until: datetime
    status: str | None
    added_by: str | None = None
    decided_by: str | None = None
    decision_note: str | None = None


class ScreeningMatch(BaseModel):
    """A fact an applicant shares with a blacklisted supplier (normalised: spaces and full-width
    characters do not hide it): `legal_representative` (same identity number), `bank_account`,
    `phone` or `address`."""

    model_config = ConfigDict(frozen=True)

    blacklisted_id: str
    blacklisted_name: str
    attribute: str
    applicant_value: str
    blacklisted_value: str


class ScreeningView(BaseModel):
    """The blacklist screening of the current application round and a supervisor's decision."""

    round: int
    matches: list[ScreeningMatch]
    screened_at: datetime
    decision: str | None = None
    decided_by: str | None = None
    decision_reason: str | None = None
    matches_seen: list[ScreeningMatch] = Field(default_factory=list)


class RequestView(BaseModel):
    """A blacklisting or reinstatement request and its approvals."""

    id: str
    supplier_id: str
    kind: str
    state: str
    reason: str
    evidence: list[Any]
    ban_days: int | None
    requested_by: str
    approvals: list[dict[str, Any]]
    appeal: dict[str, Any] | None = None
    live_bid: bool = Field(default=False, description="The supplier had a live bid when this was "
                           "asked: a supervisor other than the requester decides (which tenders is "
                           "kept for the tenders' integrity reports, never published)")


class SupplierView(BaseModel):
    """A supplier as the register shows it."""

    id: str
    credit_code: str
    name: str
    admission: str
    standing: str | None
    round: int
    ceiling: Decimal
    categories: dict[str, bool] = Field(description="category → admitted")
    ban_until: datetime | None = None
    registered_by: str
    qualifications: list[QualificationView] = Field(default_factory=list)
    screening: ScreeningView | None = Field(
        default=None, description="Set when the application resembles a blacklisted supplier")
    standing_request: RequestView | None = Field(
        default=None, description="When a warning or suspension of a supplier with a live bid was "
        "held for a supervisor's approval: that request (the standing is unchanged until then).")
    external_ref: str | None = Field(default=None, description="the ERP's own reference, if given")


class IneligibilityReason(BaseModel):
    """Why a supplier may not take part: a stable code and bilingual messages."""

    code: str
    message_en: str
    message_zh: str
    details: dict[str, Any] = Field(default_factory=dict)


class Eligibility(BaseModel):
    """Whether a supplier may take part in a category, for an amount, at a moment."""

    supplier_id: str
    category: Category
    amount: Decimal
    at: datetime
    eligible: bool
    reasons: list[IneligibilityReason] = Field(default_factory=list)

    @property
    def codes(self) -> list[str]:
        """The reason codes, in order."""
        return [r.code for r in self.reasons]


class PerformanceEventInput(BaseModel):
    """A performance event against a contract; severity 1 (minor) to 5 (critical)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    supplier_id: str = Field(min_length=1)
    contract_id: str = Field(min_length=1, max_length=100)
    kind: EventKind
    severity: int = Field(ge=1, le=5)
    occurred_at: datetime
    note: str = Field(default="", max_length=2000)
    external_ref: ExternalRef | None = Field(default=None, description=(
        "the ERP's own reference for the record (a goods receipt, a complaint number)"))

    _aware_at = field_validator("occurred_at")(_aware)


class PerformanceEventView(BaseModel):
    """A recorded performance event; `blacklist_request_id` when it was a serious violation."""

    id: int
    supplier_id: str
    contract_id: str
    kind: EventKind
    severity: int
    occurred_at: datetime
    blacklist_request_id: str | None = None
    external_ref: str | None = None


class Scorecard(BaseModel):
    """A supplier's scorecard for a period."""

    period_id: str
    supplier_id: str
    scores: dict[str, int]
    total: Decimal
    grade: str
    events: int


class PeriodClosed(BaseModel):
    """The result of closing a performance period."""

    period_id: str
    kind: PeriodKind
    label: str
    scored: int
    grades: dict[str, int]
    suspended: list[str]
    warned: list[str]
    held: list[str] = Field(default_factory=list, description="Requests opened instead for "
                            "suppliers with a live bid: a supervisor decides them")


class RelatedEvidence(BaseModel):
    """One shared fact: its kind and what each side holds."""

    kind: str
    value: str
    label_a: str
    label_b: str


class RelatedPair(BaseModel):
    """Two suppliers that share facts (supplier_a < supplier_b), with the evidence."""

    supplier_a: str
    supplier_b: str
    evidence: list[RelatedEvidence]

    @property
    def kinds(self) -> set[str]:
        """The kinds of facts shared."""
        return {e.kind for e in self.evidence}


class ImportRowError(BaseModel):
    """A row refused by an import, with the reason."""

    row: int
    field: str
    problem: str


class ImportReport(BaseModel):
    """The outcome of a bulk import: all rows imported, or none and the list of bad rows."""

    ok: bool
    total: int
    imported: int
    batch_id: str | None = None
    digest: str | None = None
    errors: list[ImportRowError] = Field(default_factory=list)
    supplier_ids: list[str] = Field(default_factory=list)
