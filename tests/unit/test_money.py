from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from zhaocai.errors import ValidationError
from zhaocai.money import Money, amount_in_words, to_decimal

amounts = st.decimals(min_value=Decimal("-1e12"), max_value=Decimal("1e12"), places=2,
                      allow_nan=False, allow_infinity=False)


@given(amounts)
def test_money_round_trips_exactly_through_fen_and_text(value: Decimal) -> None:
    money = Money.of(value)
    assert Money.from_fen(money.fen) == money
    assert Money.of(str(money.amount)) == money
    assert money.amount == value


@given(amounts, amounts)
def test_addition_is_exact(a: Decimal, b: Decimal) -> None:
    assert (Money.of(a) + Money.of(b)).amount == a + b
    assert (Money.of(a) + Money.of(b)).fen == Money.of(a).fen + Money.of(b).fen


def test_float_is_refused_with_a_reason() -> None:
    with pytest.raises(ValidationError) as info:
        Money.of(0.1)
    assert info.value.code == "money.float"
    assert "float" in info.value.message_en and "浮点" in info.value.message_zh


@pytest.mark.parametrize("bad,code", [("1.234", "money.precision"), ("abc", "money.invalid"),
                                      ("NaN", "money.invalid"), (True, "money.float")])
def test_bad_amounts_have_codes(bad: object, code: str) -> None:
    with pytest.raises(ValidationError) as info:
        to_decimal(bad)
    assert info.value.code == code


def test_capital_numerals() -> None:
    assert amount_in_words("1234567.89") == "壹佰贰拾叁万肆仟伍佰陆拾柒元捌角玖分"
    assert Money.of(1_000_000).in_words() == "壹佰万元整"
    assert Money.of("1000000.00").in_words() == "壹佰万元整"


def test_currencies_do_not_mix() -> None:
    with pytest.raises(ValidationError):
        Money.of(1) + Money.of(1, "USD")
