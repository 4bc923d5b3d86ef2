"""Cardinal R024 and R058: the winning bid against the second-lowest valid bid.

Both indicators use Cardinal's SecondLowestBidRatio; it is computed once per history and shared.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, localcontext

from zhaocai.integrity.facts import BidFacts
from zhaocai.integrity.model import (
    DEFAULT_SETTINGS,
    RATIO_CONTEXT,
    Digest,
    Flag,
    FlagSettings,
    History,
    PreparedHistory,
    Quartiles,
    digests_of,
    make_flag,
    shown,
)


@dataclass(frozen=True, slots=True)
class SecondLowest:
    """Per tender id: the difference ratio, the winning bid and the second-lowest valid bid.

    Three flat dicts rather than a tuple per tender: fewer objects for the garbage collector.
    """

    ratios: dict[str, Decimal]
    winning: dict[str, BidFacts]
    second: dict[str, BidFacts]


def second_lowest_ratios(digests: list[Digest]) -> SecondLowest:
    """Per tender: (second-lowest valid bid − winning bid) / winning bid, as R024 and R058 use it.

    Cardinal's SecondLowestBidRatio: only tenders with one active award to one supplier; the
    winner's lowest valid bid against the lowest valid bid of any other tenderer; excluded when
    that bid is lower than the winner's (the award criteria were not price only).
    """
    result = SecondLowest({}, {}, {})
    with localcontext(RATIO_CONTEXT):
        for d in digests:
            winner = d.winner
            if winner is None:
                continue
            best = other = None
            for bid in d.valid:
                price = bid.price
                if bid.supplier_id == winner:
                    if best is None or price < best.price or (price == best.price and bid.id < best.id):
                        best = bid
                elif (other is None or price < other.price
                      or (price == other.price and bid.id < other.id)):
                    other = bid
            if best is None or other is None or best.price <= 0 or other.price < best.price:
                continue
            tender_id = d.tender.id
            result.ratios[tender_id] = (other.price - best.price) / best.price
            result.winning[tender_id] = best
            result.second[tender_id] = other
    return result


def _ratio_flags(code: str, history: History, threshold: Decimal | None, low: bool,
                 settings: FlagSettings) -> list[Flag]:
    if isinstance(history, PreparedHistory):
        if "second_lowest_ratios" not in history.memo:
            history.memo["second_lowest_ratios"] = second_lowest_ratios(history.digests)
        found: SecondLowest = history.memo["second_lowest_ratios"]
    else:
        found = second_lowest_ratios(digests_of(history))
    ratios = found.ratios
    evidence_fence: dict[str, Decimal] = {}
    if threshold is not None:
        fence = threshold
    else:
        if len(ratios) < settings.fence_min_values:
            return []
        quartiles = Quartiles.of(ratios.values())
        fence = quartiles.lower_fence if low else quartiles.upper_fence
        evidence_fence = {"q1": shown(quartiles.q1), "q3": shown(quartiles.q3)}
        if not low and fence <= 0:
            # Cardinal R058: if 75 % of processes have no difference, nothing is flagged.
            return []
    flags = []
    for tender_id, ratio in ratios.items():
        if (ratio <= fence) if low else (ratio >= fence):
            best, other = found.winning[tender_id], found.second[tender_id]
            flagged = [best.supplier_id, other.supplier_id] if low else [best.supplier_id]
            flags.append(make_flag(code, "tender", tender_ids=[tender_id], supplier_ids=flagged,
                                   bid_ids=[best.id, other.id], evidence={
                "winning_price": best.price, "second_lowest_price": other.price,
                "difference": shown(ratio), ("lower_fence" if low else "upper_fence"): shown(fence),
                **evidence_fence}))
    return flags


def r024_price_close_to_winning_bid(history: History,
                                    settings: FlagSettings = DEFAULT_SETTINGS) -> list[Flag]:
    """R024: the second-lowest valid bid is unusually close to the winning bid.

    Cardinal R024: difference = (second-lowest valid bid − winning bid) / winning bid; flagged if
    the difference ≤ the lower fence Q1 − 1.5·IQR of all differences (or the set threshold).
    """
    return _ratio_flags("R024", history, settings.r024_threshold, True, settings)


def r058_heavily_discounted_bid(history: History,
                                settings: FlagSettings = DEFAULT_SETTINGS) -> list[Flag]:
    """R058: the winning bid is far below the second-lowest valid bid.

    Cardinal R058: the same difference as R024; flagged if ≥ the upper fence Q3 + 1.5·IQR (or the
    set threshold), and never when the fence is 0. The winner is the flagged tenderer.
    """
    return _ratio_flags("R058", history, settings.r058_threshold, False, settings)
