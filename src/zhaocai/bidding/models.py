"""Input models of tender drafting and the evaluation spec frozen at publication."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from zhaocai.bidding.rules.tender import TenderMethod
from zhaocai.categories import Category
from zhaocai.clock import require_aware
from zhaocai.guards import NotBlank
from zhaocai.money import to_decimal
from zhaocai.profile import RulesProfile
from zhaocai.references import ExternalRef

HUNDRED = Decimal(100)


def _money(value: Any, field: str) -> Decimal:
    amount = to_decimal(value, field=field)
    if amount < 0:
        raise ValueError(f"{field} must not be negative")
    return amount


class Item(BaseModel):
    """One line of a lot: what, how many, in which unit."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    name: Annotated[str, NotBlank] = Field(min_length=1, max_length=200)
    quantity: Decimal = Field(gt=0)
    unit: str = Field(min_length=1, max_length=20)
    specification: str = Field(default="", max_length=2000)

    @field_validator("quantity", mode="before")
    @classmethod
    def _no_float(cls, value: Any) -> Any:
        if isinstance(value, float):
            raise ValueError("quantity must be given as str, int or Decimal, not float")
        return value


class Lot(BaseModel):
    """A lot (标段/包): bid and evaluated on its own price; every bid prices every lot."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str = Field(min_length=1, max_length=64)
    title: Annotated[str, NotBlank] = Field(min_length=1, max_length=200)
    items: list[Item] = Field(min_length=1)


class EvaluationMethod(StrEnum):
    """Law 41: lowest evaluated price (经评审的最低投标价法) or comprehensive scoring (综合评估法)."""

    LOWEST_EVALUATED_PRICE = "lowest_evaluated_price"
    COMPREHENSIVE_SCORING = "comprehensive_scoring"


class EvaluationPart(StrEnum):
    """Which part of a bid a criterion judges."""

    TECHNICAL = "technical"
    COMMERCIAL = "commercial"


class CriterionSpec(BaseModel):
    """One scored criterion; within a part, criteria weights add up to the part's weight."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    name: Annotated[str, NotBlank] = Field(min_length=1, max_length=200)
    part: EvaluationPart
    weight: Decimal = Field(gt=0, le=100)
    description: str = Field(default="", max_length=2000)


class Weights(BaseModel):
    """Points (out of 100) for price, technical and commercial parts."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    price: Decimal = Field(default=HUNDRED, ge=0, le=100)
    technical: Decimal = Field(default=Decimal(0), ge=0, le=100)
    commercial: Decimal = Field(default=Decimal(0), ge=0, le=100)

    @model_validator(mode="after")
    def _hundred(self) -> Weights:
        if self.price + self.technical + self.commercial != HUNDRED:
            raise ValueError("price, technical and commercial weights must add up to 100")
        return self


class EvaluationSpec(BaseModel):
    """How bids will be evaluated; frozen at publication with the rules profile."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    method: EvaluationMethod = EvaluationMethod.LOWEST_EVALUATED_PRICE
    weights: Weights = Field(default_factory=Weights)
    criteria: list[CriterionSpec] = Field(default_factory=list)
    # The price-score formula and the tie-break are published and frozen with the tender, so a
    # later change of the library's defaults cannot change an old tender's result.
    price_benchmark: Literal["lowest", "mean_discounted"] = "lowest"
    price_discount_percent: Decimal = Field(Decimal(0), ge=0, lt=100)
    deduct_above_per_point: Decimal = Field(Decimal(1), ge=0)
    deduct_below_per_point: Decimal = Field(Decimal(0), ge=0)
    tie_break: Literal["technical_then_lottery", "lottery"] = "technical_then_lottery"

    @model_validator(mode="after")
    def _consistent(self) -> EvaluationSpec:
        for part in EvaluationPart:
            total = sum((c.weight for c in self.criteria if c.part is part), Decimal(0))
            expected = getattr(self.weights, part.value)
            if any(c.part is part for c in self.criteria) and total != expected:
                raise ValueError(f"{part.value} criteria weigh {total}, the {part.value} "
                                 f"weight is {expected}")
        if (self.method is EvaluationMethod.COMPREHENSIVE_SCORING
                and self.weights.price == HUNDRED):
            raise ValueError("comprehensive scoring needs technical or commercial weight")
        return self


class Custodian(BaseModel):
    """A person who will hold one share of the tender's opening key."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    actor_id: str = Field(min_length=1, max_length=64)
    name: Annotated[str, NotBlank] = Field(min_length=1, max_length=200)
    supervisor: bool = Field(default=False, description=(
        "not read: whether a custodian is a supervisor (纪检) is the people register's record"))


class TenderDraft(BaseModel):
    """Everything a tender needs before publication."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    title: Annotated[str, NotBlank] = Field(min_length=1, max_length=300)
    buyer: Annotated[str, NotBlank] = Field(min_length=1, max_length=200)
    category: Category
    method: TenderMethod = TenderMethod.OPEN
    lots: list[Lot] = Field(min_length=1)
    estimate: Decimal
    ceiling_price: Decimal
    bid_security: Decimal = Decimal("0.00")
    deadline: datetime
    evaluation: EvaluationSpec = Field(default_factory=EvaluationSpec)
    profile: RulesProfile | None = Field(
        default=None, description="the tender's own numbers; None follows the organisation's policy")
    statutory: bool = Field(default=False,
                            description="依法必须招标: never below the law's floors, whoever asks")
    invitees: list[str] = Field(default_factory=list, description="supplier ids")
    custodians: list[Custodian] = Field(min_length=1)
    threshold: int = Field(ge=1, description="custodian shares needed to open (k of n)")
    officers: list[str] = Field(default_factory=list,
                                description="price inquiry: people conducting it together")
    external_ref: ExternalRef | None = Field(default=None, description=(
        "the ERP's own reference (a requisition number); kept by a re-tender, never published"))

    @field_validator("estimate", "ceiling_price", "bid_security", mode="before")
    @classmethod
    def _amount(cls, value: Any, info: Any) -> Decimal:
        return _money(value, info.field_name)

    @field_validator("deadline")
    @classmethod
    def _aware(cls, value: datetime) -> datetime:
        return require_aware(value, "deadline")

    @model_validator(mode="after")
    def _shape(self) -> TenderDraft:
        lot_ids = [lot.id for lot in self.lots]
        if len(set(lot_ids)) != len(lot_ids):
            raise ValueError("lot ids must be distinct")
        # Who may hold the key (k different people, a supervisor, not the drafter nor the
        # publisher) is judged by the commands: `rules.custody.check_seats`.
        if len(set(self.invitees)) != len(self.invitees):
            raise ValueError("invitees must be distinct")
        if len(set(self.officers)) != len(self.officers):
            raise ValueError("officers must be distinct")
        if self.ceiling_price <= 0:
            raise ValueError("ceiling price must be positive")
        return self
