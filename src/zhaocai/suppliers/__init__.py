"""The supplier register (供应商库): admission, standing, eligibility, performance, related parties.

Use it through `platform.suppliers` (a `SupplierService`); bidding checks eligibility inside its
own transactions with `check_eligibility(session, ...)` and related bidders with
`related_parties(session, ...)`.
"""

from zhaocai.suppliers.eligibility import check_eligibility
from zhaocai.suppliers.models import (
    ContactInput,
    Eligibility,
    ImportReport,
    IneligibilityReason,
    PerformanceEventInput,
    PerformanceEventView,
    PeriodClosed,
    PersonInput,
    QualificationInput,
    QualificationView,
    RelatedEvidence,
    RelatedPair,
    RequestView,
    Scorecard,
    ScreeningMatch,
    ScreeningView,
    SupplierApplication,
    SupplierView,
)
from zhaocai.suppliers.related import related_parties
from zhaocai.suppliers.rules import (
    DEFAULT_POLICIES,
    AdmissionState,
    Department,
    EventKind,
    PeriodKind,
    PersonRole,
    QualificationRequirement,
    ScorecardCriterion,
    Standing,
    SupplierSettings,
)

__all__ = [
    "DEFAULT_POLICIES",
    "AdmissionState",
    "ContactInput",
    "Department",
    "Eligibility",
    "EventKind",
    "ImportReport",
    "IneligibilityReason",
    "PerformanceEventInput",
    "PerformanceEventView",
    "PeriodClosed",
    "PeriodKind",
    "PersonInput",
    "PersonRole",
    "QualificationInput",
    "QualificationRequirement",
    "QualificationView",
    "RelatedEvidence",
    "RelatedPair",
    "RequestView",
    "Scorecard",
    "ScorecardCriterion",
    "ScreeningMatch",
    "ScreeningView",
    "Standing",
    "SupplierApplication",
    "SupplierSettings",
    "SupplierView",
    "check_eligibility",
    "related_parties",
]
