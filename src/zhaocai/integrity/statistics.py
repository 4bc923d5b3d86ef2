"""Quantiles, Tukey fences and the rounding of ratios as Cardinal computes them, and the tests
the group flags share (a binomial tail, the Benjamini–Hochberg procedure).

The red flags compare a value with the distribution of its peers; these helpers are shared by
every flag and kept apart from the flag model.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Context, Decimal, localcontext
from functools import lru_cache
from itertools import repeat
from operator import mul
from typing import Any

RATIO_CONTEXT = Context(prec=28)
"""Ratios (differences, win and disqualification rates) are computed in this context."""
RATIO_PLACES = Decimal("0.0001")
"""Ratios shown in evidence are rounded to four places, as Cardinal rounds its output."""
_THIRD = Decimal(1) / Decimal(3)


def quantile(sorted_values: Sequence[Decimal], tau: Decimal) -> Decimal:
    """The tau-quantile by Hyndman and Fan's method 8, as statrs computes it for Cardinal.

    h = (n + 1/3)·tau + 1/3; below the first order statistic the minimum, above the last the
    maximum, otherwise linear interpolation between the ⌊h⌋-th and the next order statistic.
    """
    n = len(sorted_values)
    if n == 0:
        raise ValueError("quantile of no values")
    with localcontext(RATIO_CONTEXT):
        h = (n + _THIRD) * tau + _THIRD
        whole = int(h)
        if whole <= 0 or tau == 0:
            return sorted_values[0]
        if whole >= n or tau == 1:
            return sorted_values[-1]
        low, high = sorted_values[whole - 1], sorted_values[whole]
        return low + (h - whole) * (high - low)


@dataclass(frozen=True, slots=True)
class Quartiles:
    """Q1 and Q3 of a set of values and the Tukey fences derived from them."""

    q1: Decimal
    q3: Decimal

    @classmethod
    def of(cls, values: Iterable[Decimal]) -> Quartiles:
        """The quartiles of `values` (method 8)."""
        ordered = sorted(values)
        return cls(quantile(ordered, Decimal("0.25")), quantile(ordered, Decimal("0.75")))

    @property
    def lower_fence(self) -> Decimal:
        """Q1 − 1.5·IQR."""
        with localcontext(RATIO_CONTEXT):
            return self.q1 - Decimal("1.5") * (self.q3 - self.q1)

    @property
    def upper_fence(self) -> Decimal:
        """Q3 + 1.5·IQR."""
        with localcontext(RATIO_CONTEXT):
            return self.q3 + Decimal("1.5") * (self.q3 - self.q1)


def shown(ratio: Decimal) -> Decimal:
    """A ratio rounded half up for evidence (four places)."""
    return ratio.quantize(RATIO_PLACES, rounding=ROUND_HALF_UP)


def binomial_tail(k: int, n: int, p: float) -> float:
    """P(X ≥ k) for X ~ Binomial(n, p)."""
    if k <= 0:
        return 1.0
    if p <= 0:
        return 0.0
    if p >= 1:
        return 1.0
    # The terms C(n, i)·pⁱ·(1 − p)ⁿ⁻ⁱ for i = k…n, each computed as written and summed in that
    # order, with C-level maps (the group flags test thousands of pairs). An int times a float
    # is the int's (correctly rounded) float times it, so C(n, i) is taken as a float, computed
    # once per n.
    wins = range(k, n + 1)
    coefficients = _binomials(n)[k:] if n <= _LARGEST_ROW else map(math.comb, repeat(n), wins)
    terms = map(mul, map(mul, coefficients, map(pow, repeat(p), wins)),
                map(pow, repeat(1 - p), range(n - k, -1, -1)))
    return min(1.0, sum(terms))


_LARGEST_ROW = 1000
"""C(1000, i) is below 1e300 for every i: a row of floats up to it is exact to the float."""


@lru_cache(maxsize=256)
def _binomials(n: int) -> tuple[float, ...]:
    """C(n, i) for i = 0…n, each as the nearest float."""
    return tuple(map(float, map(math.comb, repeat(n), range(n + 1))))


def discoveries(results: list[Any], rate: float, tested: int | None = None) -> list[Any]:
    """The results (tuples whose first item is a p-value) that the Benjamini–Hochberg procedure
    declares discoveries at false discovery rate `rate`, smallest p-value first. `tested` is the
    number of hypotheses tested when `results` lists only some of them (the others had p = 1)."""
    ordered = sorted(results, key=lambda r: (r[0], r[1:2]))
    m = max(len(ordered), tested or 0)
    cut = 0
    for rank, result in enumerate(ordered, start=1):
        if result[0] <= rate * rank / m:
            cut = rank
    return ordered[:cut]
