"""Price score (价格分) and evaluated price (评标价); formulas fixed at publication.

Comprehensive method, price score of a valid bid with price P:

- benchmark B (评标基准价), rounded to the fen (ROUND_HALF_UP) because it is published as a price:
  ``lowest``: the lowest valid price; ``mean_discounted``: mean of valid prices × (1 − d / 100)
  with the published discount d %;
- deviation D = (P − B) / B × 100, in percentage points;
- score = F − a × D when D > 0 (above the benchmark), F − b × |D| when D < 0 (below it), F when
  D = 0; F full marks (the price weight), a and b points deducted per percentage point;
- floored at 0, then rounded to 0.01 half up (the only rounding).

Example (F = 30, a = 1, b = 0.5, lowest): prices 100, 110, 120 → B = 100, scores 30, 20, 10.

Lowest evaluated price method (经评审的最低投标价法): evaluated price = bid price + the sum of the
documented adjustments (each given as an exact amount, positive or negative, with its reason).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, localcontext
from enum import StrEnum

from zhaocai.bidding.rules.common import EXACT, HUNDRED, Reason, as_decimal, round_score
from zhaocai.bidding.rules.ranking import AwardMethod
from zhaocai.errors import RuleViolation, ValidationError
from zhaocai.money import CENT, to_decimal


class Benchmark(StrEnum):
    """How the benchmark price is set."""

    LOWEST = "lowest"
    MEAN_DISCOUNTED = "mean_discounted"


@dataclass(frozen=True)
class PriceScoreFormula:
    """The published price-score formula of a tender (see the module docstring)."""

    full_marks: Decimal
    benchmark: Benchmark = Benchmark.LOWEST
    discount_percent: Decimal = Decimal(0)
    deduct_above_per_point: Decimal = Decimal(1)
    deduct_below_per_point: Decimal = Decimal(0)

    def __post_init__(self) -> None:
        full = as_decimal(self.full_marks, field="full_marks")
        discount = as_decimal(self.discount_percent, field="discount_percent")
        above = as_decimal(self.deduct_above_per_point, field="deduct_above_per_point")
        below = as_decimal(self.deduct_below_per_point, field="deduct_below_per_point")
        if full <= 0 or above < 0 or below < 0 or not (0 <= discount < 100):
            raise ValidationError(
                "price_score.bad_formula",
                "price formula: full marks must be positive, deductions not negative, "
                "discount in [0, 100)",
                "价格分公式：满分须为正数，扣分率不能为负，下浮率须在 [0, 100) 之间",
                {"full_marks": str(full), "discount_percent": str(discount),
                 "deduct_above_per_point": str(above), "deduct_below_per_point": str(below)})
        object.__setattr__(self, "full_marks", full)
        object.__setattr__(self, "benchmark", Benchmark(self.benchmark))
        object.__setattr__(self, "discount_percent", discount)
        object.__setattr__(self, "deduct_above_per_point", above)
        object.__setattr__(self, "deduct_below_per_point", below)


@dataclass(frozen=True)
class PriceScore:
    """One bid's price score with the deviation (exact) that produced it."""

    bid_id: str
    price: Decimal
    deviation_percent: Decimal
    score: Decimal


@dataclass(frozen=True)
class PriceScores:
    """The published benchmark and every valid bid's score, in bid-id order."""

    benchmark_price: Decimal
    scores: tuple[PriceScore, ...]

    def by_bid(self) -> dict[str, Decimal]:
        """Bid id → price score."""
        return {s.bid_id: s.score for s in self.scores}


def benchmark_price(prices: Sequence[Decimal], formula: PriceScoreFormula) -> Decimal:
    """The benchmark price of the valid prices, rounded to the fen."""
    if not prices:
        raise ValidationError("price_score.no_valid_bids", "no valid prices to score",
                              "没有可计算价格分的有效报价")
    with localcontext(EXACT):
        if formula.benchmark is Benchmark.LOWEST:
            value = min(prices)
        else:
            mean = sum(prices, Decimal(0)) / len(prices)
            value = mean * (HUNDRED - formula.discount_percent) / HUNDRED
        value = value.quantize(CENT, rounding=ROUND_HALF_UP)
    if value <= 0:
        raise ValidationError("price_score.benchmark_not_positive",
                              f"the benchmark price {value} is not positive",
                              f"评标基准价 {value} 不是正数", {"benchmark": str(value)})
    return value


def price_score(price: Decimal, benchmark: Decimal, formula: PriceScoreFormula) -> PriceScore:
    """Score one price against a benchmark (bid id left empty; see `price_scores`)."""
    with localcontext(EXACT):
        deviation = (price - benchmark) * HUNDRED / benchmark
        if deviation > 0:
            raw = formula.full_marks - formula.deduct_above_per_point * deviation
        else:
            raw = formula.full_marks - formula.deduct_below_per_point * (-deviation)
        score = round_score(max(raw, Decimal(0)))
    return PriceScore("", price, deviation, score)


def price_scores(prices: Mapping[str, Decimal], formula: PriceScoreFormula) -> PriceScores:
    """Price scores of the valid bids of a lot (bid id → price, all positive)."""
    clean = {bid: to_decimal(p, field=f"price of {bid}") for bid, p in prices.items()}
    bad = sorted(bid for bid, p in clean.items() if p <= 0)
    if bad:
        raise ValidationError("price_score.price_not_positive",
                              f"prices must be positive: {', '.join(bad)}",
                              f"报价须为正数：{', '.join(bad)}", {"bid_ids": bad})
    benchmark = benchmark_price(list(clean.values()), formula)
    scores = []
    for bid in sorted(clean):
        one = price_score(clean[bid], benchmark, formula)
        scores.append(PriceScore(bid, one.price, one.deviation_percent, one.score))
    return PriceScores(benchmark, tuple(scores))


@dataclass(frozen=True)
class Adjustment:
    """A documented adjustment to a bid price (e.g. a priced deviation, a missing item)."""

    amount: Decimal
    reason: Reason


def evaluated_price(price: Decimal, adjustments: Sequence[Adjustment] = ()) -> Decimal:
    """Bid price plus the sum of its adjustments, exact to the fen."""
    total = to_decimal(price, field="price")
    for adj in adjustments:
        total += to_decimal(adj.amount, field=f"adjustment {adj.reason.code}")
    return total


def require_adjustable(bid_id: str, *, method: AwardMethod, compliant: bool) -> None:
    """Documented price adjustments belong to the lowest evaluated price method, on compliant bids
    (``evaluation.adjustment_method``, ``evaluation.bid_not_compliant``)."""
    if method is not AwardMethod.LOWEST_EVALUATED_PRICE:
        raise RuleViolation("evaluation.adjustment_method",
                            "Price adjustments belong to the lowest evaluated price method",
                            "价格调整仅适用于经评审的最低投标价法", {"bid_id": bid_id})
    if not compliant:
        raise RuleViolation("evaluation.bid_not_compliant", "Only compliant bids are evaluated",
                            "仅对有效投标进行评审", {"bid_id": bid_id})
