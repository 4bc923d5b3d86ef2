"""Price score formulas and evaluated price, against hand-computed examples."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from zhaocai.bidding.rules import (
    Adjustment,
    Benchmark,
    PriceScoreFormula,
    Reason,
    evaluated_price,
    price_scores,
)
from zhaocai.errors import ValidationError

PRICES = {"A": D(100000), "B": D(110000), "C": D(120000)}


def test_lowest_price_benchmark() -> None:
    # F = 30, a = 1 point per % above, benchmark = lowest = 100 000
    # A: D = 0 → 30; B: D = 10 % → 30 − 10 = 20; C: D = 20 % → 30 − 20 = 10
    formula = PriceScoreFormula(full_marks=D(30), benchmark=Benchmark.LOWEST,
                                deduct_above_per_point=D(1))
    result = price_scores(PRICES, formula)
    assert result.benchmark_price == D("100000.00")
    assert result.by_bid() == {"A": D("30.00"), "B": D("20.00"), "C": D("10.00")}


def test_mean_discounted_benchmark() -> None:
    # mean = 330 000 / 3 = 110 000; B = 110 000 × (1 − 5 %) = 104 500.00
    # A: D = (100 000 − 104 500) / 104 500 × 100 = −4.30622 %; 30 − 0.5 × 4.30622 = 27.84689 → 27.85
    # B: D = 5 500 / 104 500 × 100 = 5.26316 %;  30 − 1 × 5.26316 = 24.73684 → 24.74
    # C: D = 15 500 / 104 500 × 100 = 14.83254 %; 30 − 14.83254 = 15.16746 → 15.17
    formula = PriceScoreFormula(full_marks=D(30), benchmark=Benchmark.MEAN_DISCOUNTED,
                                discount_percent=D(5), deduct_above_per_point=D(1),
                                deduct_below_per_point=D("0.5"))
    result = price_scores(PRICES, formula)
    assert result.benchmark_price == D("104500.00")
    assert result.by_bid() == {"A": D("27.85"), "B": D("24.74"), "C": D("15.17")}


def test_benchmark_is_rounded_to_the_fen() -> None:
    # mean of 100.00, 100.00, 100.01 = 300.01 / 3 = 100.003333… → 100.00
    formula = PriceScoreFormula(full_marks=D(10), benchmark=Benchmark.MEAN_DISCOUNTED)
    assert price_scores({"A": D(100), "B": D(100), "C": D("100.01")}, formula).benchmark_price == D("100.00")


def test_score_is_floored_at_zero() -> None:
    # C: 300 000 against 100 000 → D = 200 %; 30 − 200 < 0 → 0
    formula = PriceScoreFormula(full_marks=D(30), deduct_above_per_point=D(1))
    assert price_scores({"A": D(100000), "C": D(300000)}, formula).by_bid()["C"] == D("0.00")


def test_half_up_rounding_once_at_the_end() -> None:
    # benchmark 80 000; 80 012 is 12 / 80 000 × 100 = 0.015 % above; 30 − 0.015 = 29.985
    # → 29.99 half up (banker's rounding would give 29.98)
    formula = PriceScoreFormula(full_marks=D(30), deduct_above_per_point=D(1))
    assert price_scores({"A": D(80000), "B": D(80012)}, formula).by_bid()["B"] == D("29.99")


@pytest.mark.parametrize("kw", [{"full_marks": D(0)}, {"full_marks": D(30), "discount_percent": D(100)},
                                {"full_marks": D(30), "deduct_above_per_point": D(-1)},
                                {"full_marks": 30.0}])
def test_bad_formula_is_refused(kw: dict[str, object]) -> None:
    with pytest.raises(ValidationError):
        PriceScoreFormula(**kw)  # type: ignore[arg-type]


def test_evaluated_price_adds_documented_adjustments() -> None:
    # 1 000 000 + 12 500.50 (missing item priced at the highest other bid) − 3 000 (early delivery credit)
    # = 1 009 500.50
    adjustments = [
        Adjustment(D("12500.50"), Reason("adjust.missing_item", "missing item", "漏项")),
        Adjustment(D("-3000"), Reason("adjust.delivery", "earlier delivery", "提前交货")),
    ]
    assert evaluated_price(D(1000000), adjustments) == D("1009500.50")
    assert evaluated_price(D("99.9")) == D("99.90")
