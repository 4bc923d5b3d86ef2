"""Everything a caller builds to give to zhaocai, importable from one place.

Each command takes its input as one of these pydantic models or as a plain mapping of the same
shape (parsed with `zhaocai.errors.parse`: a bad shape is `validation.input` with every field).
The settings are what `Platform.open` takes.

    from zhaocai.inputs import SupplierApplication, TenderDraft, BidPayload

Views (what commands and reads answer) stay beside their services.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal

from zhaocai.bidding.evaluating.views import (
    AbnormalInput,
    AdjustmentInput,
    ExpertInput,
    IneligibleDecisionInput,
    RelatedInput,
    Representative,
)
from zhaocai.bidding.models import (
    CriterionSpec,
    Custodian,
    EvaluationMethod,
    EvaluationPart,
    EvaluationSpec,
    Item,
    Lot,
    TenderDraft,
    Weights,
)
from zhaocai.bidding.payload import BidPayload, DocumentMetadata, LotBid
from zhaocai.bidding.rules.tender import TenderMethod
from zhaocai.bidding.sealing import SealedBid, seal_bid
from zhaocai.bidding.single_source.models import NegotiationInput, SingleSourceDraft
from zhaocai.bidding.single_source.rules import Justification, SingleSourcePolicy
from zhaocai.bidding.views import ComplianceDecision
from zhaocai.categories import Category
from zhaocai.holidays.rules import YearSchedule
from zhaocai.integrity.model import FlagSettings
from zhaocai.people.interests.views import NewInterest
from zhaocai.people.views import NewGrant, NewPerson, NewSupplierUser
from zhaocai.profile import RulesProfile
from zhaocai.publish.settings import PublishSettings
from zhaocai.suppliers.models import (
    ContactInput,
    PerformanceEventInput,
    PersonInput,
    QualificationInput,
    SupplierApplication,
)
from zhaocai.suppliers.rules import Department, EventKind, QualificationRequirement, SupplierSettings

ScoreSheet = Mapping[str, Mapping[str, Decimal | str | int]]
"""A committee member's score sheet for one lot (`zhaocai.commit_sheet`, then
`platform.evaluation.reveal_scores`): bid id → criterion id → points (never a float)."""

__all__ = [
    "AbnormalInput",
    "AdjustmentInput",
    "BidPayload",
    "Category",
    "ComplianceDecision",
    "ContactInput",
    "CriterionSpec",
    "Custodian",
    "Department",
    "DocumentMetadata",
    "EvaluationMethod",
    "EvaluationPart",
    "EvaluationSpec",
    "EventKind",
    "ExpertInput",
    "FlagSettings",
    "IneligibleDecisionInput",
    "Item",
    "Justification",
    "Lot",
    "LotBid",
    "NegotiationInput",
    "NewGrant",
    "NewInterest",
    "NewPerson",
    "NewSupplierUser",
    "PerformanceEventInput",
    "PersonInput",
    "PublishSettings",
    "QualificationInput",
    "QualificationRequirement",
    "RelatedInput",
    "Representative",
    "RulesProfile",
    "ScoreSheet",
    "SealedBid",
    "SingleSourceDraft",
    "SingleSourcePolicy",
    "SupplierApplication",
    "SupplierSettings",
    "TenderDraft",
    "TenderMethod",
    "Weights",
    "YearSchedule",
    "seal_bid",
]
