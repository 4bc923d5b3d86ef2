"""Typed errors: a stable code, a message in English and in Chinese, and details.

Every refusal in zhaocai raises one of these, and a refused command changes nothing.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any, TypeVar

import pydantic


class ZhaocaiError(Exception):
    """Base error. `code` is stable across releases; integrators switch on it."""

    default_code = "zhaocai.error"

    def __init__(
        self,
        code: str | None,
        message_en: str,
        message_zh: str,
        details: Mapping[str, Any] | None = None,
    ) -> None:
        self.code = code or self.default_code
        self.message_en = message_en
        self.message_zh = message_zh
        self.details: dict[str, Any] = dict(details or {})
        super().__init__(f"[{self.code}] {message_en} / {message_zh}")

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready form for APIs and logs."""
        return {
            "code": self.code,
            "message_en": self.message_en,
            "message_zh": self.message_zh,
            "details": self.details,
        }


class ValidationError(ZhaocaiError):
    """Input that is malformed or out of range."""

    default_code = "validation"


class NotFoundError(ZhaocaiError):
    """A referenced record does not exist (or is not visible to the actor)."""

    default_code = "not_found"


class PermissionDenied(ZhaocaiError):
    """The actor lacks the role, or separation of duties forbids the act."""

    default_code = "permission"


class RuleViolation(ZhaocaiError):
    """A procurement rule (law, regulation or profile setting) forbids the act."""

    default_code = "rule"


class InvalidTransition(ZhaocaiError):
    """The state machine does not allow this event in the current state."""

    default_code = "transition"


class ConflictError(ZhaocaiError):
    """The act conflicts with concurrent or earlier work (duplicate, idempotency misuse)."""

    default_code = "conflict"


def from_pydantic(exc: pydantic.ValidationError, model: str) -> ValidationError:
    """Turn a pydantic validation error into zhaocai's ValidationError."""
    from zhaocai.problems import problem_zh  # the Chinese wording of each problem

    errors = exc.errors()
    problems = [
        {"field": ".".join(str(p) for p in err["loc"]), "problem": err["msg"], "problem_zh": problem_zh(err)}
        for err in errors
    ]
    listing = "; ".join(f"{p['field']}: {p['problem']}" for p in problems)
    listing_zh = "；".join(f"{_field_zh(p['field'])}：{p['problem_zh']}" for p in problems)
    return ValidationError(
        "validation.input",
        f"Invalid {model}: {listing}",
        f"输入无效（{model}）：{listing_zh}",
        {"model": model, "problems": problems},
    )


def _field_zh(field: str) -> str:
    """Where a problem is, in a Chinese message: a dict's key (pydantic's `field.[key]`) said in
    Chinese; a location that is no plain key path (a caller's key with spaces, say) quoted as the
    caller's own text."""
    if not field:
        return "输入"
    if re.fullmatch(r"[A-Za-z0-9_.\[\]]+", field):
        return field.replace(".[key]", " 的键名")
    return repr(field)


M = TypeVar("M", bound=pydantic.BaseModel)


def parse(model: type[M], data: M | Mapping[str, Any]) -> M:
    """Validate `data` into `model`, raising zhaocai's ValidationError on failure. Every text
    of the result is then checked as the boundary checks texts (`zhaocai.guards.check_strings`:
    no control character, no lone surrogate, no text past `zhaocai.limits.MAX_TEXT`)."""
    from zhaocai.guards import check_strings  # the guards raise this module's errors

    if isinstance(data, model):
        parsed = data
    else:
        try:
            parsed = model.model_validate(data)
        except pydantic.ValidationError as exc:
            raise from_pydantic(exc, model.__name__) from None
        except (ValueError, TypeError, ArithmeticError, RecursionError) as exc:
            # A validator of the model's own failing on a value pydantic let through.
            raise ValidationError("validation.input", f"Invalid {model.__name__}: {exc}",
                                  f"输入无效（{model.__name__}）：取值无效",
                                  {"model": model.__name__}) from None
    check_strings(parsed, "")
    return parsed
