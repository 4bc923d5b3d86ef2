"""Exact money: `Decimal` yuan, stored as integer fen, never built from `float`."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Context, Decimal, InvalidOperation
from typing import Any

import cn2an

from zhaocai.errors import ValidationError
from zhaocai.problems import label_zh, value_zh

CENT = Decimal("0.01")
DEFAULT_CURRENCY = "CNY"
# The largest amount taken anywhere: just under 10^15 yuan (千万亿), far above any procurement and
# well inside both a 64-bit count of fen and Decimal's 28 significant digits.
MAX_AMOUNT = Decimal("999999999999999.99")
# Money arithmetic never depends on the caller's decimal context: 34 digits hold any amount
# times any percentage exactly before rounding to the fen.
EXACT = Context(prec=34, rounding=ROUND_HALF_UP)


def to_decimal(value: Any, *, field: str = "amount") -> Decimal:
    """Convert `str`, `int` or `Decimal` to an exact Decimal with at most two decimals.

    A `float` is refused: 0.1 + 0.2 is not 0.3 in binary, and a bid price must be exact.
    """
    if isinstance(value, (bool, float)):
        raise ValidationError(
            "money.float",
            f"{field}: amounts must be given as str, int or Decimal, not float "
            f"({value!r} cannot be represented exactly)",
            f"{label_zh(field)}：金额须以字符串、整数或 Decimal 给出，"
            f"不能用浮点数（{value_zh(value)} 无法精确表示）",
            {"field": field, "value": repr(value)},
        )
    if isinstance(value, Money):
        return value.amount
    if isinstance(value, int) and value.bit_length() > 64:  # far past the largest amount
        raise ValidationError(
            "money.too_large",
            f"{field}: an integer of {value.bit_length()} bits is beyond the largest amount taken "
            f"({MAX_AMOUNT:,})",
            f"{label_zh(field)}：整数位数过多，超过允许的最大金额（{MAX_AMOUNT:,} 元）",
            {"field": field, "bits": value.bit_length(), "max": str(MAX_AMOUNT)},
        )
    try:
        amount = value if isinstance(value, Decimal) else Decimal(str(value).strip())
    except (InvalidOperation, TypeError, ValueError):
        raise ValidationError(
            "money.invalid",
            f"{field}: {value!r} is not an amount",
            f"{label_zh(field)}：{value_zh(value)} 不是有效金额",
            {"field": field, "value": repr(value)},
        ) from None
    if not amount.is_finite():
        raise ValidationError(
            "money.invalid",
            f"{field}: {value!r} is not a finite amount",
            f"{label_zh(field)}：{value_zh(value)} 不是有限金额",
            {"field": field, "value": repr(value)},
        )
    if amount.copy_abs() > MAX_AMOUNT:
        raise ValidationError(
            "money.too_large",
            f"{field}: {value!r} is beyond the largest amount taken ({MAX_AMOUNT:,})",
            f"{label_zh(field)}：{value} 超过允许的最大金额（{MAX_AMOUNT:,} 元）",
            {"field": field, "value": str(value), "max": str(MAX_AMOUNT)},
        )
    if amount != amount.quantize(CENT, context=EXACT):
        raise ValidationError(
            "money.precision",
            f"{field}: {value!r} has more than two decimal places (the smallest unit is one fen)",
            f"{label_zh(field)}：{value_zh(value)} 超过两位小数（最小单位为分）",
            {"field": field, "value": str(value)},
        )
    return amount.quantize(CENT, context=EXACT)


@dataclass(frozen=True, order=True)
class Money:
    """An exact amount of money. Arithmetic stays exact; currency must match."""

    amount: Decimal
    currency: str = DEFAULT_CURRENCY

    def __post_init__(self) -> None:
        object.__setattr__(self, "amount", to_decimal(self.amount))

    @classmethod
    def of(cls, value: Any, currency: str = DEFAULT_CURRENCY) -> Money:
        """Build from `str`, `int` or `Decimal` (never `float`)."""
        return cls(to_decimal(value), currency)

    @classmethod
    def from_fen(cls, fen: int, currency: str = DEFAULT_CURRENCY) -> Money:
        """Build from an integer number of fen (the stored form)."""
        return cls(Decimal(int(fen)).scaleb(-2, context=EXACT).quantize(CENT, context=EXACT), currency)

    @property
    def fen(self) -> int:
        """The amount in integer fen, as stored."""
        return int(self.amount.scaleb(2, context=EXACT).to_integral_exact(context=EXACT))

    def _same(self, other: Money) -> None:
        if self.currency != other.currency:
            raise ValidationError(
                "money.currency",
                f"cannot combine {self.currency} with {other.currency}",
                f"币种不同，不能合并计算：{self.currency} 与 {other.currency}",
            )

    def __add__(self, other: Money) -> Money:
        self._same(other)
        return Money(EXACT.add(self.amount, other.amount), self.currency)

    def __sub__(self, other: Money) -> Money:
        self._same(other)
        return Money(EXACT.subtract(self.amount, other.amount), self.currency)

    def in_words(self) -> str:
        """The amount in Chinese capital numerals (大写金额), as on notices and contracts."""
        return amount_in_words(self.amount)

    def __str__(self) -> str:
        return f"{self.currency} {self.amount:,.2f}"


def amount_in_words(amount: Decimal | str | int) -> str:
    """Chinese capital numerals for an amount: 1234567.89 → 壹佰贰拾叁万肆仟伍佰陆拾柒元捌角玖分."""
    value = to_decimal(amount)
    if value < 0:
        return "负" + str(cn2an.an2cn(str(-value), "rmb"))
    return str(cn2an.an2cn(str(value), "rmb"))


def percent_of(amount: Decimal, percent: Decimal) -> Decimal:
    """`percent` % of `amount`, rounded half up to the fen (e.g. the bid security cap)."""
    product = EXACT.divide(EXACT.multiply(amount, percent), Decimal(100))
    return product.quantize(CENT, rounding=ROUND_HALF_UP, context=EXACT)
