"""Boundaries of the tender rules that mutation testing showed unpinned: zero prices, zero shares,
the trimmed mean's member count, an inquiry with no compliant quote, capital numerals of 0."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from zhaocai.bidding.rules import Quote, decide_inquiry, find_abnormally_low
from zhaocai.bidding.rules.committee import validate_composition
from zhaocai.bidding.rules.compliance import OpenedBid, check_bid
from zhaocai.bidding.rules.price_score import (
    Benchmark,
    PriceScoreFormula,
    benchmark_price,
    price_score,
    price_scores,
)
from zhaocai.bidding.rules.scoring import committee_points
from zhaocai.errors import RuleViolation, ValidationError
from zhaocai.money import Money, amount_in_words
from zhaocai.profile import RulesProfile


@pytest.mark.parametrize("price", ["0", "0.00", "-0.01", "-100"])
def test_a_bid_priced_zero_or_less_is_not_compliant(price: str) -> None:
    result = check_bid(OpenedBid("B1", "S1", D(price)), ceiling_price=D(1000))
    assert not result.compliant
    assert [r.code for r in result.reasons] == ["compliance.price_not_positive"]
    assert "不是正数" in result.reasons[0].zh


def test_one_fen_is_compliant_and_the_ceiling_itself_too() -> None:
    assert check_bid(OpenedBid("B1", "S1", D("0.01")), ceiling_price=D(1000)).compliant
    assert check_bid(OpenedBid("B1", "S1", D(1000)), ceiling_price=D(1000)).compliant
    above = check_bid(OpenedBid("B1", "S1", D("1000.01")), ceiling_price=D(1000))
    assert [r.code for r in above.reasons] == ["compliance.above_ceiling"]


@pytest.mark.parametrize("num,den", [(0, 3), (-1, 3), (2, 0), (2, -3), (4, 3)])
def test_an_expert_share_outside_zero_to_one_is_refused(num: int, den: int) -> None:
    profile = RulesProfile(committee_expert_share_num=num, committee_expert_share_den=den)
    with pytest.raises(RuleViolation) as info:
        validate_composition(5, 0, profile)
    assert info.value.code == "committee.bad_share"
    assert info.value.details == {"num": num, "den": den}


def test_an_expert_share_of_one_is_allowed_and_exact_shares_hold() -> None:
    assert validate_composition(5, 0, RulesProfile(committee_expert_share_num=1,
                                                   committee_expert_share_den=1)) == 5
    with pytest.raises(RuleViolation) as info:
        validate_composition(5, 1, RulesProfile(committee_expert_share_num=1, committee_expert_share_den=1))
    assert info.value.code == "committee.expert_share"
    assert info.value.details["experts"] == 4
    # 2/3 of 9 is exactly 6 experts: 3 representatives allowed, 4 refused (at most 3)
    assert validate_composition(9, 3) == 6
    with pytest.raises(RuleViolation) as info:
        validate_composition(9, 4)
    assert "至多 3 人" in info.value.message_zh


@pytest.mark.parametrize("members,threshold,trimmed", [(4, 5, False), (5, 5, True), (6, 5, True),
                                                       (3, 3, True), (2, 3, False), (4, 4, True)])
def test_the_trimmed_mean_starts_at_exactly_n_members(members: int, threshold: int, trimmed: bool) -> None:
    values = [D(10)] * (members - 1) + [D(100)]
    mean, was_trimmed = committee_points(values, threshold)
    assert was_trimmed is trimmed
    assert mean == (D(10) if trimmed else sum(values) / members)


def test_zero_prices_are_refused_by_price_scoring_and_abnormal_detection() -> None:
    formula = PriceScoreFormula(full_marks=D(30))
    with pytest.raises(ValidationError) as info:
        price_scores({"B1": D(0), "B2": D(100), "B0": D(-1)}, formula)
    assert info.value.code == "price_score.price_not_positive"
    assert info.value.details == {"bid_ids": ["B0", "B1"]}
    with pytest.raises(ValidationError) as info:
        benchmark_price([], formula)
    assert info.value.code == "price_score.no_valid_bids"
    with pytest.raises(ValidationError) as info:
        benchmark_price([D("0.01")], PriceScoreFormula(full_marks=D(30), benchmark=Benchmark.MEAN_DISCOUNTED,
                                                       discount_percent=D(90)))
    assert info.value.code == "price_score.benchmark_not_positive"
    with pytest.raises(ValidationError) as info:
        find_abnormally_low({"B1": D(0), "B2": D(100), "B3": D(100)})
    assert info.value.code == "abnormal.price_not_positive"
    assert info.value.details == {"bid_id": "B1"}


def test_price_score_at_and_around_the_benchmark() -> None:
    formula = PriceScoreFormula(full_marks=D(30), deduct_above_per_point=D(1), deduct_below_per_point=D("0.5"))
    assert price_score(D(100), D(100), formula).score == D(30)
    assert price_score(D(110), D(100), formula).score == D(20)
    assert price_score(D(90), D(100), formula).score == D(25)
    assert price_score(D(200), D(100), formula).score == D(0)
    assert price_score(D(90), D(100), formula).deviation_percent == D(-10)


def test_an_inquiry_with_no_compliant_quote_is_refused() -> None:
    quotes = [Quote("S1", D(100), compliant=False), Quote("S2", D(90), compliant=False),
              Quote("S3", D(80), compliant=False)]
    with pytest.raises(RuleViolation) as info:
        decide_inquiry(quotes, conducted_by=["a", "b"], signed_by=["a", "b"], record_hash="r")
    assert info.value.code == "inquiry.no_compliant_quote"
    assert info.value.message_zh == "没有合格供应商的有效报价"


@pytest.mark.parametrize("amount,words", [
    ("0", "零元整"), ("0.00", "零元整"), ("0.05", "伍分"), ("-1", "负壹元整"),
    ("-1234.50", "负壹仟贰佰叁拾肆元伍角"), ("10", "壹拾元整"),
])
def test_capital_numerals_of_zero_and_negative_amounts(amount: str, words: str) -> None:
    assert amount_in_words(amount) == words
    assert Money.of(amount).in_words() == words


def test_a_quote_priced_zero_never_wins_an_inquiry() -> None:
    quotes = [Quote("S1", D(0), compliant=True), Quote("S2", D(90), compliant=True),
              Quote("S3", D(80), compliant=True)]
    result = decide_inquiry(quotes, conducted_by=["a", "b"], signed_by=["a", "b"], record_hash="r")
    assert result.winner_supplier_id == "S3"
    assert "S1" not in result.ranked_supplier_ids
    only_zero = [Quote("S1", D(0), compliant=True), Quote("S2", D(-5), compliant=True),
                 Quote("S3", D(0), compliant=True)]
    with pytest.raises(RuleViolation) as info:
        decide_inquiry(only_zero, conducted_by=["a", "b"], signed_by=["a", "b"], record_hash="r")
    assert info.value.code == "inquiry.no_compliant_quote"
