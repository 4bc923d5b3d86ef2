"""Shared vocabulary of evaluation: reasons (code, English, Chinese), exact arithmetic, rounding.

Rounding rule (the same everywhere in evaluation):

- every intermediate value is a `Decimal` computed in a fixed context of 50 significant digits
  (`EXACT`), so the caller's `decimal` context never changes a result;
- each *published* score (a price score, a committee score of one criterion) is rounded **once**,
  at the end of its own formula, to 0.01 with ROUND_HALF_UP (`round_score`);
- a total is the exact sum of published scores (already two places, never rounded again), so
  anyone can re-add the published figures and get the published total.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_EVEN, ROUND_HALF_UP, Context, Decimal, InvalidOperation
from typing import Any

from zhaocai.errors import ValidationError
from zhaocai.problems import label_zh, value_zh

SCORE_QUANTUM = Decimal("0.01")
"""Scores are published with two decimals."""

EXACT = Context(prec=50, rounding=ROUND_HALF_EVEN)
"""The arithmetic context of every evaluation formula (use with `decimal.localcontext`)."""

HUNDRED = Decimal(100)


@dataclass(frozen=True)
class Reason:
    """Why something happened: a stable dotted code and the explanation in English and Chinese."""

    code: str
    en: str
    zh: str


def round_score(value: Decimal) -> Decimal:
    """Round a score to 0.01, half up: the one and only rounding of a published score."""
    return value.quantize(SCORE_QUANTUM, rounding=ROUND_HALF_UP)


def as_decimal(value: Any, *, field: str) -> Decimal:
    """An exact finite Decimal from `int`, `str` or `Decimal`; `float` and `bool` are refused."""
    if isinstance(value, (bool, float)):
        raise ValidationError(
            "evaluation.float",
            f"{field}: give numbers as str, int or Decimal, not {type(value).__name__} ({value!r})",
            f"{label_zh(field)}：数值须以字符串、整数或 Decimal 给出，"
            f"不能用浮点数或布尔值（{value_zh(value)}）",
            {"field": field, "value": repr(value)},
        )
    try:
        number = value if isinstance(value, Decimal) else Decimal(str(value).strip())
    except (InvalidOperation, TypeError):
        number = Decimal("NaN")
    if not number.is_finite():
        raise ValidationError(
            "evaluation.not_a_number",
            f"{field}: {value!r} is not a finite number",
            f"{label_zh(field)}：{value_zh(value)} 不是有限数值",
            {"field": field, "value": repr(value)},
        )
    return number


def require_unique(ids: list[str], *, what: str) -> None:
    """Refuse duplicate identifiers (a duplicate would make results depend on input order)."""
    seen: set[str] = set()
    repeated: set[str] = set()
    for item in ids:
        if item in seen:
            repeated.add(item)
        seen.add(item)
    duplicates = sorted(repeated)
    if duplicates:
        raise ValidationError(
            "evaluation.duplicate_id",
            f"duplicate {what}: {', '.join(duplicates)}",
            f"{label_zh(what)}重复：{'、'.join(repr(d) for d in duplicates)}",
            {"what": what, "duplicates": duplicates},
        )
