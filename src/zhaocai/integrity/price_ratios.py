"""Cardinal R024 and R058: the winning bid against the second-lowest valid bid.

Both indicators use Cardinal's SecondLowestBidRatio; it is computed once per history and shared.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, localcontext

from zhaocai.integrity.cardinal_fences import fence_of, quartile_evidence
from zhaocai.integrity.facts import BidFacts
from zhaocai.integrity.model import (
    DEFAULT_SETTINGS,
    RATIO_CONTEXT,
    Digest,
    Flag,
    FlagSettings,
    History,
    PreparedHistory,
    digests_of,
    make_flag,
    shown,
)
from zhaocai.integrity.scope import compared_currency, compares_prices, history_currency


@dataclass(frozen=True, slots=True)
class SecondLowest:
    """Per tender id: the difference ratio, the winning bid and the second-lowest valid bid.

    Three flat dicts rather than a tuple per tender: fewer objects for the garbage collector.
    """

    ratios: dict[str, Decimal]
    winning: dict[str, BidFacts]
    second: dict[str, BidFacts]


def second_lowest_ratios(digests: list[Digest], settings: FlagSettings = DEFAULT_SETTINGS) -> SecondLowest:
    """Per tender: (second-lowest valid bid − winning bid) / winning bid, as R024 and R058 use it.

    Cardinal's SecondLowestBidRatio: only tenders with one winner (every award final, one active
    award to one supplier) whose prices may be compared; valid bids of one tenderer with a price
    in the compared currency; the winner's lowest valid bid against the lowest valid bid of any
    other tenderer; excluded when that bid is lower than the winner's (the award criteria were
    not price only). Equal prices are broken by bid id (Cardinal: the first in the data), and a
    winning price of 0 is left out (Cardinal would divide by it).
    """
    return _second_lowest(digests, settings, history_currency(digests, settings))


def _second_lowest(digests: list[Digest], settings: FlagSettings, currency: str | None) -> SecondLowest:
    result = SecondLowest({}, {}, {})
    with localcontext(RATIO_CONTEXT):
        for d in digests:
            winner = d.winner
            if winner is None or not compares_prices(d.tender, settings):
                continue
            best = other = None
            for bid in d.valid:
                price = bid.price
                if price is None or bid.currency != currency:
                    continue
                # The bid's one tenderer (`BidFacts.tenderers`, read without the property).
                tenderers = bid.tenderer_ids
                if tenderers is None:
                    sole = bid.supplier_id
                    if not sole:
                        continue
                elif len(tenderers) != 1:
                    continue
                else:
                    sole = tenderers[0]
                if sole == winner:
                    if best is None or price < best[0] or (price == best[0] and bid.id < best[1].id):
                        best = (price, bid)
                elif other is None or price < other[0] or (price == other[0] and bid.id < other[1].id):
                    other = (price, bid)
            if best is None or other is None or best[0] <= 0 or other[0] < best[0]:
                continue
            tender_id = d.tender.id
            result.ratios[tender_id] = (other[0] - best[0]) / best[0]
            result.winning[tender_id] = best[1]
            result.second[tender_id] = other[1]
    return result


def _ratio_flags(code: str, history: History, threshold: Decimal | None, low: bool,
                 settings: FlagSettings) -> list[Flag]:
    key = "second_lowest_ratios:" + repr((settings.currency,
                                          sorted(settings.no_price_comparison_method_details),
                                          sorted(settings.price_comparison_method_details or ())))
    if isinstance(history, PreparedHistory):
        if key not in history.memo:
            currency = compared_currency(history, settings)
            history.memo[key] = _second_lowest(history.digests, settings, currency)
        found: SecondLowest = history.memo[key]
    else:
        found = second_lowest_ratios(digests_of(history), settings)
    ratios = found.ratios
    fenced = fence_of(list(ratios.values()), threshold, settings, upper=not low)
    if fenced is None or (low and fenced[1] is not None and fenced[1].q1 <= 0):
        # Cardinal R024: if 25 % of processes have no difference, nothing is flagged.
        return []
    fence, evidence_fence = fenced[0], quartile_evidence(fenced[1])
    if fence <= 0:
        # Cardinal R024 and R058: a fence of 0 or below flags nothing (else 75 % would be).
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
                **evidence_fence, "value": ratio}))
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
