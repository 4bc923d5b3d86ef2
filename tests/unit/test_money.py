from decimal import Decimal
from decimal import Decimal as D

import pytest
from hypothesis import given
from hypothesis import strategies as st

from zhaocai.errors import ValidationError
from zhaocai.money import Money, amount_in_words, percent_of, to_decimal

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


def test_arithmetic_keeps_the_currency_and_subtracts() -> None:
    usd = Money.of("10.50", "USD")
    assert usd + Money.of("0.25", "USD") == Money(D("10.75"), "USD")
    assert usd - Money.of("0.75", "USD") == Money(D("9.75"), "USD")
    assert (usd - Money.of("20", "USD")).amount == D("-9.50")
    assert Money.from_fen(105, "USD") == Money(D("1.05"), "USD")
    assert Money.of(7).amount == D("7.00") and str(Money.of(1234567)) == "CNY 1,234,567.00"
    with pytest.raises(ValidationError) as info:
        Money.of(1) - Money.of(1, "USD")
    assert info.value.code == "money.currency" and "USD" in info.value.message_zh


@pytest.mark.parametrize("bad,code", [(0.5, "money.float"), (True, "money.float"), ("abc", "money.invalid"),
                                      (None, "money.invalid"), ("Infinity", "money.invalid"),
                                      ("1.001", "money.precision")])
def test_refusals_name_the_field_and_value(bad: object, code: str) -> None:
    with pytest.raises(ValidationError) as info:
        to_decimal(bad, field="price")
    assert info.value.code == code
    assert info.value.details == {"field": "price", "value": str(bad) if code == "money.precision" else repr(bad)}
    assert info.value.message_en.startswith("price: ") and info.value.message_zh.startswith("价格（price）：")


def test_decimals_pass_through_and_text_is_trimmed() -> None:
    assert to_decimal(D("3.1")) == D("3.10") and str(to_decimal(D("3.1"))) == "3.10"
    assert to_decimal(" 12.5 ") == D("12.50") and to_decimal(Money.of(4)) == D("4.00")


def test_percent_of_rounds_half_up_to_the_fen() -> None:
    assert percent_of(D("100.10"), D(5)) == D("5.01")  # 5.005 → 5.01 (half up, not half even)
    assert percent_of(D("100.30"), D(5)) == D("5.02")  # 5.015 → 5.02
    assert percent_of(D(1000), D(2)) == D("20.00")


def test_an_amount_is_kept_to_the_fen() -> None:
    assert str(Money(D("7.5")).amount) == "7.50"
    assert str(Money.from_fen(-5).amount) == "-0.05"


@pytest.mark.parametrize("huge", ["1e400", 10**30, "-1e30", Decimal("1E+16"), "1000000000000000.00"])
def test_amounts_past_the_largest_are_refused_with_a_code(huge: object) -> None:
    with pytest.raises(ValidationError) as info:
        to_decimal(huge, field="price")
    assert info.value.code == "money.too_large" and info.value.details["field"] == "price"
    assert "最大金额" in info.value.message_zh


@given(st.decimals(allow_nan=True, allow_infinity=True) | st.integers() | st.text(max_size=40))
def test_any_input_is_an_amount_or_a_coded_refusal(value: object) -> None:
    try:
        amount = to_decimal(value)
    except ValidationError as error:
        assert error.code.startswith("money.")
    else:
        assert amount == amount.quantize(D("0.01")) and abs(amount) <= D("999999999999999.99")
        assert Money.from_fen(Money.of(amount).fen).amount == amount


def test_an_amount_without_a_field_name_is_called_amount() -> None:
    with pytest.raises(ValidationError) as info:
        to_decimal(1.5)
    assert info.value.details == {"field": "amount", "value": "1.5"}


@given(st.decimals(min_value=D("-499999999999999.99"), max_value=D("499999999999999.99"), places=2),
       st.integers(1, 8))
def test_money_does_not_depend_on_the_callers_decimal_context(value: Decimal, digits: int) -> None:
    import decimal

    expected = to_decimal(value), Money.of(value).fen, percent_of(value, D("2.5"))
    doubled = Money.from_fen(2 * expected[1]).amount
    with decimal.localcontext(decimal.Context(prec=digits)):
        assert (to_decimal(value), Money.of(value).fen, percent_of(value, D("2.5"))) == expected
        assert (Money.of(value) + Money.of(value)).amount == doubled
