"""Integrity (廉洁): red flags over procurement histories, reports, and synthetic test histories.

Feed `compute_flags` plain `TenderFacts` and `SupplierFacts` (a thin adapter builds them from the
store); it returns `Flag`s with their evidence. `tender_report` / `period_report` make them
readable. `generate_history` and `score` measure the flags against planted schemes;
`generate_evaluation_history` and `evaluate` against an independent history. `tender_risks`,
`supplier_risks` and `worklist` rank what an auditor reads first (see docs/integrity.md).
"""

from zhaocai.integrity.evaluation import Evaluation, evaluate
from zhaocai.integrity.evaluation_history import EvaluationHistory, generate_evaluation_history
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
from zhaocai.integrity.risk import (
    RISK_THRESHOLD,
    Risk,
    WorkItem,
    supplier_risks,
    tender_risks,
    tender_winners,
    worklist,
)
from zhaocai.integrity.scoring import SCHEME_CODES, SchemeScore, score
from zhaocai.integrity.synthetic import SCHEMES, SchemeTruth, SyntheticHistory, generate_history

__all__ = [
    "DEFAULT_SETTINGS",
    "FLAG_FUNCTIONS",
    "FLAG_INFO",
    "RISK_THRESHOLD",
    "SCHEMES",
    "SCHEME_CODES",
    "AmendmentFacts",
    "BidFacts",
    "Evaluation",
    "EvaluationHistory",
    "Flag",
    "FlagInfo",
    "FlagSettings",
    "PeriodReport",
    "PreparedHistory",
    "Risk",
    "SchemeScore",
    "SchemeTruth",
    "SupplierFacts",
    "SyntheticHistory",
    "TenderFacts",
    "TenderReport",
    "WorkItem",
    "compute_flags",
    "evaluate",
    "flagged_tenders",
    "generate_evaluation_history",
    "generate_history",
    "period_report",
    "score",
    "supplier_risks",
    "tender_report",
    "tender_risks",
    "tender_winners",
    "worklist",
]
