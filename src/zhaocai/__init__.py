"""zhaocai (招采): fair supplier procurement, with fairness enforced by the library itself.

Open a platform with `Platform.open(url, clock, *, ...settings)`; every input model and setting
is also importable from `zhaocai.inputs`.
"""

from importlib.metadata import PackageNotFoundError
from importlib.metadata import version as _version

from zhaocai.actors import SYSTEM, Actor, Role
from zhaocai.bidding.evaluating.commitment import SheetCommitment, commit_sheet
from zhaocai.bidding.machine import TenderState
from zhaocai.bidding.models import TenderDraft
from zhaocai.bidding.payload import BidPayload
from zhaocai.bidding.receipts import BidReceipt, verify_receipt
from zhaocai.bidding.rules.tender import TenderMethod
from zhaocai.bidding.sealing import SealedBid, seal_bid
from zhaocai.bidding.single_source.rules import SingleSourcePolicy
from zhaocai.categories import Category
from zhaocai.clock import SHANGHAI, Clock, ManualClock, SystemClock
from zhaocai.errors import (
    ConflictError,
    InvalidTransition,
    NotFoundError,
    PermissionDenied,
    RuleViolation,
    ValidationError,
    ZhaocaiError,
)
from zhaocai.identifiers import validate_credit_code
from zhaocai.integrity.model import FlagSettings
from zhaocai.money import Money, amount_in_words
from zhaocai.platform import Platform
from zhaocai.profile import DEFAULT_PROFILE, RulesProfile
from zhaocai.publish.settings import PublishSettings
from zhaocai.suppliers import (
    Eligibility,
    IneligibilityReason,
    RelatedPair,
    SupplierApplication,
    SupplierSettings,
    SupplierView,
    check_eligibility,
)
from zhaocai.workdays import WorkingCalendar

try:
    __version__ = _version("zhaocai")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0+unknown"

__all__ = [
    "DEFAULT_PROFILE",
    "SHANGHAI",
    "SYSTEM",
    "Actor",
    "BidPayload",
    "BidReceipt",
    "Category",
    "Clock",
    "ConflictError",
    "Eligibility",
    "FlagSettings",
    "IneligibilityReason",
    "InvalidTransition",
    "ManualClock",
    "Money",
    "NotFoundError",
    "PermissionDenied",
    "Platform",
    "PublishSettings",
    "RelatedPair",
    "Role",
    "RuleViolation",
    "RulesProfile",
    "SealedBid",
    "SheetCommitment",
    "SingleSourcePolicy",
    "SupplierApplication",
    "SupplierSettings",
    "SupplierView",
    "SystemClock",
    "TenderDraft",
    "TenderMethod",
    "TenderState",
    "ValidationError",
    "WorkingCalendar",
    "ZhaocaiError",
    "__version__",
    "amount_in_words",
    "check_eligibility",
    "commit_sheet",
    "seal_bid",
    "validate_credit_code",
    "verify_receipt",
]
