"""Input models and views of single-source procurement."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, field_validator

from zhaocai.bidding.models import Item
from zhaocai.bidding.single_source.rules import Justification, SingleSourcePolicy
from zhaocai.categories import Category
from zhaocai.guards import NotBlank
from zhaocai.money import to_decimal


def _positive(value: Any, field: str) -> Decimal:
    amount = to_decimal(value, field=field)
    if amount <= 0:
        raise ValueError(f"{field} must be positive")
    return amount


class SingleSourceDraft(BaseModel):
    """What is bought from whom and why: the need, the estimate, the supplier, the ground.

    `earlier_contract_id` is named by an additional purchase (`additional_compatible`) and
    `failed_tender_ids` by `failed_twice`; the store decides whether they are true.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    title: Annotated[str, NotBlank] = Field(min_length=1, max_length=300)
    buyer: Annotated[str, NotBlank] = Field(min_length=1, max_length=200)
    category: Category
    description: str = Field(min_length=1, max_length=5000)
    items: list[Item] = Field(default_factory=list)
    estimate: Decimal
    supplier_id: str = Field(min_length=1, max_length=64)
    justification: Justification
    reason: str = Field(min_length=10, max_length=5000, description="why this ground holds, in words")
    earlier_contract_id: str | None = Field(default=None, min_length=1, max_length=64)
    failed_tender_ids: list[str] = Field(default_factory=list, max_length=10)

    @field_validator("estimate", mode="before")
    @classmethod
    def _estimate(cls, value: Any) -> Decimal:
        return _positive(value, "estimate")


class NegotiationInput(BaseModel):
    """The negotiation record (协商情况记录): the agreed price and what was negotiated."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    agreed_price: Decimal
    record: str = Field(min_length=10, max_length=20000)

    @field_validator("agreed_price", mode="before")
    @classmethod
    def _price(cls, value: Any) -> Decimal:
        return _positive(value, "agreed_price")


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True)


class SingleSourceObjectionView(_Frozen):
    """An objection lodged during the public notice, and its decision."""

    id: str
    procurement_id: str
    raised_by: str
    supplier_id: str | None
    raised_at: datetime
    text: str
    decision: str | None
    answer: str | None
    decided_by: str | None
    decided_at: datetime | None


class SignatureView(_Frozen):
    """One officer's signature on the negotiation record."""

    officer_id: str
    signed_at: datetime
    digest: str


class SingleSourceView(_Frozen):
    """A single-source procurement as stored, with its objections and signatures."""

    id: str
    state: str
    buyer: str
    title: str
    category: Category
    description: str
    items: list[Item]
    estimate: Decimal
    supplier_id: str
    justification: Justification
    reason: str
    earlier_contract_id: str | None
    failed_tender_ids: list[str]
    policy: SingleSourcePolicy
    drafted_by: str
    drafted_at: datetime
    approved_by: str | None
    approved_at: datetime | None
    approval_facts: dict[str, Any] | None
    notice_ends: datetime | None
    agreed_price: Decimal | None
    negotiation_record: str | None
    negotiation_digest: str | None
    concluded_at: datetime | None
    contract_id: str | None
    cancelled_at: datetime | None
    cancel_reason: str | None
    objections: list[SingleSourceObjectionView]
    signatures: list[SignatureView]
