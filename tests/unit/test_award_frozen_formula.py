"""The price formula and tie-break used by the service are the ones frozen in the tender's spec."""

from decimal import Decimal

from zhaocai.bidding.evaluating.common import price_formula, tie_break_of
from zhaocai.bidding.models import EvaluationSpec
from zhaocai.bidding.rules import Benchmark, TieBreak


def test_defaults_are_lowest_price_benchmark_and_technical_then_lottery() -> None:
    spec = EvaluationSpec()
    formula = price_formula(spec)
    assert formula is not None and formula.benchmark is Benchmark.LOWEST
    assert formula.full_marks == spec.weights.price
    assert (formula.deduct_above_per_point, formula.deduct_below_per_point) == (Decimal(1), Decimal(0))
    assert tie_break_of(spec) is TieBreak.TECHNICAL_THEN_LOTTERY


def test_a_published_formula_survives_the_frozen_json_round_trip() -> None:
    spec = EvaluationSpec(price_benchmark="mean_discounted", price_discount_percent=Decimal("5"),
                          deduct_above_per_point=Decimal("2"), deduct_below_per_point=Decimal("0.5"),
                          tie_break="lottery")
    frozen = EvaluationSpec.model_validate_json(spec.model_dump_json())
    formula = price_formula(frozen)
    assert formula is not None
    assert formula.benchmark is Benchmark.MEAN_DISCOUNTED
    assert formula.discount_percent == Decimal(5)
    assert (formula.deduct_above_per_point, formula.deduct_below_per_point) == (Decimal(2), Decimal("0.5"))
    assert tie_break_of(frozen) is TieBreak.LOTTERY
