"""Abnormally low bids (异常低价), Law 33 and Reg 51; thresholds as Prozorro.

Among the compliant bids of a lot, a bid is flagged when

- it is at least `abnormally_low_vs_mean_percent` (40 %) below the mean of the OTHER compliant
  bids: ``(mean_others − price) × 100 ≥ 40 × mean_others``; or
- it is at least `abnormally_low_vs_next_percent` (30 %) below the next higher bid, i.e. the
  lowest price among the other bids that is not below its own (an equal price counts, so two
  identical prices are 0 % apart): ``(next − price) × 100 ≥ 30 × next``.

Comparisons are exact (no division); the percentages on the flag are rounded to 0.01 for display.
A flagged bid is not rejected by the rule: the committee asks for a written explanation and
decides (`apply_decisions`): accepted → the bid stays; rejected as below cost, or no explanation
given → the bid becomes non-compliant with the reason recorded.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal, localcontext
from enum import StrEnum

from zhaocai.bidding.rules.common import EXACT, HUNDRED, Reason, as_decimal, round_score
from zhaocai.bidding.rules.compliance import ComplianceResult
from zhaocai.errors import ConflictError, RuleViolation, ValidationError
from zhaocai.money import to_decimal
from zhaocai.profile import DEFAULT_PROFILE, RulesProfile


@dataclass(frozen=True)
class AbnormalFlag:
    """A flagged bid with the numbers that flagged it."""

    bid_id: str
    price: Decimal
    mean_of_others: Decimal | None
    below_mean_percent: Decimal | None
    next_higher_price: Decimal | None
    below_next_percent: Decimal | None
    by_mean: bool
    by_next: bool
    reason: Reason


class AbnormalDecision(StrEnum):
    """The committee's decision on a flagged bid after asking for a written explanation."""

    EXPLANATION_ACCEPTED = "explanation_accepted"
    REJECTED_BELOW_COST = "rejected_below_cost"
    NO_EXPLANATION = "no_explanation"


def _percent_below(reference: Decimal, price: Decimal) -> Decimal:
    with localcontext(EXACT):
        return round_score((reference - price) * HUNDRED / reference)


def find_abnormally_low(prices: Mapping[str, Decimal],
                        profile: RulesProfile = DEFAULT_PROFILE) -> tuple[AbnormalFlag, ...]:
    """Flag abnormally low bids among compliant bids (bid id → price); flags in bid-id order."""
    vs_mean = as_decimal(profile.abnormally_low_vs_mean_percent, field="abnormally_low_vs_mean_percent")
    vs_next = as_decimal(profile.abnormally_low_vs_next_percent, field="abnormally_low_vs_next_percent")
    clean = {bid: to_decimal(p, field=f"price of {bid}") for bid, p in prices.items()}
    for bid, price in clean.items():
        if price <= 0:
            raise ValidationError("abnormal.price_not_positive", f"price of {bid} must be positive",
                                  f"{bid} 的报价须为正数", {"bid_id": bid})
    flags: list[AbnormalFlag] = []
    for bid in sorted(clean):
        price = clean[bid]
        others = [p for other, p in clean.items() if other != bid]
        if not others:
            continue
        with localcontext(EXACT):
            mean = sum(others, Decimal(0)) / len(others)
            by_mean = (mean - price) * HUNDRED >= vs_mean * mean
        not_below = [p for p in others if p >= price]
        nxt = min(not_below) if not_below else None
        by_next = nxt is not None and (nxt - price) * HUNDRED >= vs_next * nxt
        if not (by_mean or by_next):
            continue
        below_mean = _percent_below(mean, price)
        below_next = _percent_below(nxt, price) if nxt is not None else None
        parts_en, parts_zh = [], []
        if by_mean:
            parts_en.append(f"{below_mean} % below the mean of the other bids {round_score(mean)}")
            parts_zh.append(f"低于其他投标平均价 {round_score(mean)} 达 {below_mean}%")
        if by_next:
            parts_en.append(f"{below_next} % below the next higher bid {nxt}")
            parts_zh.append(f"低于相邻较高报价 {nxt} 达 {below_next}%")
        flags.append(AbnormalFlag(
            bid_id=bid, price=price, mean_of_others=mean, below_mean_percent=below_mean,
            next_higher_price=nxt, below_next_percent=below_next, by_mean=by_mean, by_next=by_next,
            reason=Reason("abnormal.low_price",
                          f"abnormally low price {price}: " + "; ".join(parts_en)
                          + " — a written explanation is required (Law 33, Reg 51)",
                          f"报价 {price} 明显偏低：" + "；".join(parts_zh)
                          + "，须书面说明（招标投标法第三十三条、实施条例第五十一条）"),
        ))
    return tuple(flags)


def apply_decisions(results: Sequence[ComplianceResult], flags: Sequence[AbnormalFlag],
                    decisions: Mapping[str, AbnormalDecision]) -> tuple[ComplianceResult, ...]:
    """Apply the committee's decisions on flagged bids; results keep their order.

    Every flagged bid needs a decision (``abnormal.decision_missing``); a decision on a bid that
    was not flagged is refused (``abnormal.not_flagged``).
    """
    flagged = {f.bid_id for f in flags}
    missing = sorted(flagged - set(decisions))
    if missing:
        raise RuleViolation(
            "abnormal.decision_missing",
            f"the committee must decide on every abnormally low bid; missing: {', '.join(missing)}",
            f"评标委员会须对每一异常低价投标作出认定，缺少：{', '.join(missing)}",
            {"bid_ids": missing})
    extra = sorted(set(decisions) - flagged)
    if extra:
        raise ValidationError(
            "abnormal.not_flagged",
            f"decisions given for bids that were not flagged: {', '.join(extra)}",
            f"以下投标未被标记为异常低价，不能作出认定：{', '.join(extra)}",
            {"bid_ids": extra})
    out: list[ComplianceResult] = []
    for result in results:
        decision = AbnormalDecision(decisions[result.bid_id]) if result.bid_id in decisions else None
        if decision is AbnormalDecision.REJECTED_BELOW_COST:
            result = result.with_reason(Reason(
                "abnormal.rejected_below_cost",
                "rejected: the committee found the price below cost (Law 33, Reg 51)",
                "否决：评标委员会认定其报价低于成本（招标投标法第三十三条、实施条例第五十一条）"))
        elif decision is AbnormalDecision.NO_EXPLANATION:
            result = result.with_reason(Reason(
                "abnormal.no_explanation",
                "rejected: no written explanation of the abnormally low price (Reg 51)",
                "否决：未对明显偏低的报价作出书面说明（实施条例第五十一条）"))
        out.append(result)
    return tuple(out)


def require_decidable(bid_id: str, *, flagged: bool, decided: bool, decision: AbnormalDecision,
                      explanation: str) -> None:
    """The committee decides once on a flagged bid, with the bidder's written explanation unless
    none was given (``abnormal.not_flagged``, ``abnormal.already_decided``,
    ``abnormal.explanation_missing``)."""
    if not flagged:
        raise ValidationError("abnormal.not_flagged", f"Bid {bid_id} was not flagged abnormally low",
                              f"投标 {bid_id} 未被认定为异常低价", {"bid_id": bid_id})
    if decided:
        raise ConflictError("abnormal.already_decided", "The committee already decided on this bid",
                            "评标委员会已对该投标作出认定", {"bid_id": bid_id})
    if decision is not AbnormalDecision.NO_EXPLANATION and not explanation.strip():
        raise ValidationError("abnormal.explanation_missing",
                              "Record the bidder's written explanation with the decision",
                              "须登记投标人的书面说明", {"bid_id": bid_id})
