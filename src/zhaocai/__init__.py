"""zhaocai (招采): fair supplier procurement, with fairness enforced by the library itself."""

from zhaocai.actors import SYSTEM, Actor, Role
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
from zhaocai.money import Money, amount_in_words
from zhaocai.platform import Platform
from zhaocai.profile import DEFAULT_PROFILE, RulesProfile
from zhaocai.workdays import WorkingCalendar

__all__ = [
    "DEFAULT_PROFILE",
    "SHANGHAI",
    "SYSTEM",
    "Actor",
    "Category",
    "Clock",
    "ConflictError",
    "InvalidTransition",
    "ManualClock",
    "Money",
    "NotFoundError",
    "PermissionDenied",
    "Platform",
    "Role",
    "RuleViolation",
    "RulesProfile",
    "SystemClock",
    "ValidationError",
    "WorkingCalendar",
    "ZhaocaiError",
    "amount_in_words",
    "validate_credit_code",
]
