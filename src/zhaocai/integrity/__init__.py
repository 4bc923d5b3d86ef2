"""Integrity (廉洁): red flags over procurement histories, reports, and synthetic test histories.

Feed `compute_flags` plain `TenderFacts` and `SupplierFacts` (a thin adapter builds them from the
store); it returns `Flag`s with their evidence. `tender_report` / `period_report` make them
readable. `generate_history` and `score` measure the flags against planted schemes.
"""

from zhaocai.integrity.facts import AmendmentFacts, BidFacts, SupplierFacts, TenderFacts
from zhaocai.integrity.flags import FLAG_FUNCTIONS, compute_flags, flagged_tenders
from zhaocai.integrity.model import (
    DEFAULT_SETTINGS,
    FLAG_INFO,
    Flag,
    FlagInfo,
    FlagSettings,
    PreparedHistory,
)
from zhaocai.integrity.report import PeriodReport, TenderReport, period_report, tender_report
from zhaocai.integrity.scoring import SCHEME_CODES, SchemeScore, score
from zhaocai.integrity.synthetic import SCHEMES, SchemeTruth, SyntheticHistory, generate_history

__all__ = [
    "DEFAULT_SETTINGS",
    "FLAG_FUNCTIONS",
    "FLAG_INFO",
    "SCHEMES",
    "SCHEME_CODES",
    "AmendmentFacts",
    "BidFacts",
    "Flag",
    "FlagInfo",
    "FlagSettings",
    "PeriodReport",
    "PreparedHistory",
    "SchemeScore",
    "SchemeTruth",
    "SupplierFacts",
    "SyntheticHistory",
    "TenderFacts",
    "TenderReport",
    "compute_flags",
    "flagged_tenders",
    "generate_history",
    "period_report",
    "score",
    "tender_report",
]
