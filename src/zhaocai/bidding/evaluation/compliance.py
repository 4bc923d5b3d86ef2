"""Compliance check of opened bids (符合性审查): what makes a bid invalid before any scoring.

A bid is non-compliant, with every reason listed, when

- its price is not positive (``compliance.price_not_positive``);
- its price is above the published ceiling price (``compliance.above_ceiling``; rejected
  automatically, Reg 27 and 51; a price equal to the ceiling is allowed);
- the bid security paid is below the amount required (``compliance.bid_security_short``);
- the supplier lost its eligibility after submission (reasons given as input by the supplier
  rules, e.g. an expired qualification; kept unchanged);
- the committee found that it does not respond to the requirements (reasons given as input by the
  committee, e.g. a material deviation 重大偏差; kept unchanged).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from decimal import Decimal

from zhaocai.bidding.evaluation.common import Reason, require_unique
from zhaocai.money import to_decimal


@dataclass(frozen=True)
class OpenedBid:
    """An opened bid as the compliance check sees it: amounts in yuan (two decimals at most)."""

    bid_id: str
    supplier_id: str
    price: Decimal
    security_paid: Decimal = Decimal(0)
    eligibility_lost: tuple[Reason, ...] = ()
    """Why the supplier is no longer eligible (from the supplier rules); empty: still eligible."""
    requirement_failures: tuple[Reason, ...] = ()
    """The committee's findings that the bid does not respond to requirements; empty: responds."""


@dataclass(frozen=True)
class ComplianceResult:
    """The outcome for one bid: compliant, or the list of every reason it is not."""

    bid_id: str
    supplier_id: str
    price: Decimal
    reasons: tuple[Reason, ...]

    @property
    def compliant(self) -> bool:
        """True when no reason was found."""
        return not self.reasons

    def with_reason(self, reason: Reason) -> ComplianceResult:
        """A copy with one more reason (used by later rules, e.g. rejected abnormally low bids)."""
        return replace(self, reasons=(*self.reasons, reason))


def check_bid(bid: OpenedBid, *, ceiling_price: Decimal | None,
              security_required: Decimal = Decimal(0)) -> ComplianceResult:
    """The compliance result of one bid (see the module docstring for the rules)."""
    price = to_decimal(bid.price, field="price")
    paid = to_decimal(bid.security_paid, field="security_paid")
    required = to_decimal(security_required, field="security_required")
    reasons: list[Reason] = []
    if price <= 0:
        reasons.append(Reason("compliance.price_not_positive", f"bid price {price} is not positive",
                              f"投标报价 {price} 不是正数"))
    if ceiling_price is not None:
        ceiling = to_decimal(ceiling_price, field="ceiling_price")
        if price > ceiling:
            reasons.append(Reason(
                "compliance.above_ceiling",
                f"bid price {price} is above the ceiling price {ceiling} (Reg 27, 51)",
                f"投标报价 {price} 高于最高投标限价 {ceiling}（实施条例第二十七条、第五十一条）"))
    if paid < required:
        reasons.append(Reason(
            "compliance.bid_security_short",
            f"bid security paid {paid} is below the required {required}",
            f"已交投标保证金 {paid} 低于要求的 {required}"))
    reasons.extend(bid.eligibility_lost)
    reasons.extend(bid.requirement_failures)
    return ComplianceResult(bid.bid_id, bid.supplier_id, price, tuple(reasons))


def check_compliance(bids: Sequence[OpenedBid], *, ceiling_price: Decimal | None,
                     security_required: Decimal = Decimal(0)) -> tuple[ComplianceResult, ...]:
    """Check every bid of one lot; results in the order of `bids`."""
    require_unique([b.bid_id for b in bids], what="bid id")
    return tuple(check_bid(b, ceiling_price=ceiling_price, security_required=security_required)
                 for b in bids)


def compliant_prices(results: Sequence[ComplianceResult]) -> dict[str, Decimal]:
    """Bid id → price of the compliant bids (the input of the abnormal and price-score rules)."""
    return {r.bid_id: r.price for r in results if r.compliant}
