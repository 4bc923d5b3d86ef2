"""Bid-distribution screens (Imhof 2017; Imhof, Karagök & Rutz 2018; Huber & Imhof 2019).

The econometric screens read only the valid bid prices of one tender:

- coefficient of variation CV = σ / μ (population σ, as Imhof computes it): a cartel agrees
  on its prices, so the support of the bids shrinks and CV falls;
- relative distance RD = (b₂ − b₁) / σ_losing, σ_losing the standard deviation of the losing
  bids b₂…bₙ: cover bids sit close together above a designated winner, so the gap to the
  winner grows while the losing bids bunch (RD > 1 in the Ticino and See-Gaster cartels);
- spread = (bₙ − b₁) / b₁, skewness and excess kurtosis of the bids (Huber & Imhof 2019);
  skewness and kurtosis need four bids, the others three.

A single tender's screens are weak evidence (three honest bids produce RD > 1 often): the
screening literature applies them to *groups* of tenders and firms, which `networks` does. The
flag here, ZC-SCREEN-COVER, marks the tenders whose bids show the cover-bidding shape against
their own market: CV under the literature's threshold *and* under half the median CV of the same
category, and RD above 1. It is a screen (category ``screen``), never proof on its own. Its
evidence also compares the tender with the same buyer's tenders of that category and with the
category, robustly: the median, and z = (x − median) / (1.4826·MAD) for CV and RD.

Statistics are dimensionless ratios computed in binary floating point (no amount is stored or
shown as a float); the evidence shows them as Decimals rounded to four places.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal
from itertools import repeat
from operator import attrgetter, itemgetter, mul, sub
from statistics import median

from zhaocai.integrity.facts import BidFacts
from zhaocai.integrity.model import (
    DEFAULT_SETTINGS,
    Digest,
    Flag,
    FlagSettings,
    History,
    PreparedHistory,
    make_flag,
    prepare,
)
from zhaocai.integrity.scope import compared_currency as compared_currency
from zhaocai.integrity.scope import screened_floats, screened_table


@dataclass(frozen=True, slots=True)
class Screens:
    """The screens of one tender's valid bids (None where too few bids for that screen)."""

    tender_id: str
    bids: int
    cv: float
    rd: float | None
    spread: float
    skewness: float | None
    kurtosis: float | None
    winner_lowest: bool


_PRICE = itemgetter(0)
_ID = attrgetter("id")


def decimal4(value: float) -> Decimal:
    """A float statistic as a Decimal of four places, for evidence."""
    return Decimal(repr(round(value, 4)))


def screens_of(prices: list[float], tender_id: str = "", winner_lowest: bool = True,
               min_bids: int = 3) -> Screens | None:
    """The screens of sorted-or-not positive prices; None with fewer than `min_bids` prices."""
    n = len(prices)
    if n < max(3, min_bids):
        return None
    ordered = sorted(prices)
    if ordered[0] <= 0:
        return None
    # C-level maps over the prices (each term and the order of the sums as written out).
    mean = sum(ordered) / n
    deviations = list(map(sub, ordered, repeat(mean)))
    variance = sum(map(mul, deviations, deviations)) / n
    sd = math.sqrt(variance)
    losing = ordered[1:]
    losing_mean = sum(losing) / len(losing)
    losing_sd = math.sqrt(sum(map(pow, map(sub, losing, repeat(losing_mean)), repeat(2))) / len(losing))
    gap = ordered[1] - ordered[0]
    rd = gap / losing_sd if losing_sd > 0 else (math.inf if gap > 0 else None)
    skewness = kurtosis = None
    if n >= 4 and sd > 0:
        skewness = sum(map(pow, deviations, repeat(3))) / n / sd ** 3
        kurtosis = sum(map(pow, deviations, repeat(4))) / n / variance ** 2 - 3.0
    return Screens(tender_id, n, sd / mean, rd, (ordered[-1] - ordered[0]) / ordered[0],
                   skewness, kurtosis, winner_lowest)


def _screens_of_digest(d: Digest, bids: list[tuple[Decimal, BidFacts]], settings: FlagSettings
                       ) -> Screens | None:
    if len(bids) < settings.screen_min_bids:
        return None
    known = list(map(_PRICE, bids))
    prices = list(map(float, known))
    winners = d.winners()
    winner_lowest = True
    if winners:
        # The lowest bid, equal prices broken by bid id.
        low = min(known)
        tied = [b for p, b in bids if p == low]
        lowest = tied[0] if len(tied) == 1 else min(tied, key=_ID)
        winner_lowest = not winners.isdisjoint(lowest.tenderers)
    return screens_of(prices, d.tender.id, winner_lowest, settings.screen_min_bids)


def screen_table(history: History, settings: FlagSettings = DEFAULT_SETTINGS) -> dict[str, Screens]:
    """The screens of every competitive tender with enough valid priced bids, by tender id
    (memoised; `scope.screened_prices` says which bids count)."""
    prepared = prepare(history)
    found: dict[str, Screens] | None = prepared.memo.get("screens")
    if found is None:
        found = {}
        for d, bids in zip(prepared.digests, screened_table(prepared, settings), strict=True):
            s = _screens_of_digest(d, bids, settings)
            if s is not None:
                found[d.tender.id] = s
        prepared.memo["screens"] = found
    return found


def cover_stats(history: History, settings: FlagSettings = DEFAULT_SETTINGS
                ) -> dict[str, tuple[float, float | None, int]]:
    """Per screened tender (the tenders of `screen_table`): its CV and RD only, computed as
    `screens_of` computes them, and the index of its digest (memoised). The cover pattern reads
    nothing else, so the other screens are computed only for the tenders it flags."""
    prepared = prepare(history)
    found: dict[str, tuple[float, float | None, int]] | None = prepared.memo.get("cover_stats")
    if found is None:
        found = {}
        least = max(3, settings.screen_min_bids)
        floats = screened_floats(prepared, settings)
        for index, d in enumerate(prepared.digests):
            prices = floats[index]
            if len(prices) >= least:
                ordered = sorted(prices)
                if ordered[0] > 0:
                    found[d.tender.id] = (*_cv_rd(ordered), index)
        prepared.memo["cover_stats"] = found
    return found


def _cv_rd(ordered: list[float]) -> tuple[float, float | None]:
    """CV and RD of sorted positive prices, each term and sum as `screens_of` computes it."""
    n = len(ordered)
    mean = sum(ordered) / n
    deviations = list(map(sub, ordered, repeat(mean)))
    sd = math.sqrt(sum(map(mul, deviations, deviations)) / n)
    losing = ordered[1:]
    losing_mean = sum(losing) / len(losing)
    losing_sd = math.sqrt(sum(map(pow, map(sub, losing, repeat(losing_mean)), repeat(2))) / len(losing))
    gap = ordered[1] - ordered[0]
    return sd / mean, gap / losing_sd if losing_sd > 0 else (math.inf if gap > 0 else None)


def _groups(history: History, settings: FlagSettings
            ) -> tuple[dict[str, list[float]], dict[tuple[str, str], list[tuple[float, float]]]]:
    """The CVs of each category's screened tenders, and the (CV, RD) of each (buyer, category)'s
    and each ("", category)'s screened tenders with a finite RD, in one pass (memoised)."""
    prepared = prepare(history)
    cached: tuple[dict[str, list[float]], dict[tuple[str, str], list[tuple[float, float]]]] | None = \
        prepared.memo.get("screen_groups")
    if cached is None:
        stats = cover_stats(prepared, settings)
        cvs: dict[str, list[float]] = defaultdict(list)
        pairs: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
        isfinite = math.isfinite
        for d in prepared.digests:
            tender = d.tender
            found = stats.get(tender.id)
            if found is not None:
                category = tender.category
                cvs[category].append(found[0])
                rd = found[1]
                if rd is not None and isfinite(rd):
                    pairs[(tender.buyer, category)].append((found[0], rd))
                    pairs[("", category)].append((found[0], rd))
        cached = prepared.memo["screen_groups"] = (cvs, pairs)
    return cached


def category_cv_medians(history: History, settings: FlagSettings = DEFAULT_SETTINGS
                        ) -> dict[str, float]:
    """The median CV of each category's screened tenders (categories with enough tenders)."""
    prepared = prepare(history)
    cached: dict[str, float] | None = prepared.memo.get("cv_medians")
    if cached is None:
        values = _groups(prepared, settings)[0]
        cached = {c: median(v) for c, v in values.items() if len(v) >= settings.fence_min_values}
        prepared.memo["cv_medians"] = cached
    return cached


def market_baselines(history: History, settings: FlagSettings = DEFAULT_SETTINGS
                     ) -> dict[tuple[str, str], tuple[float, float, float, float]]:
    """Robust baselines of CV and RD per (buyer, category) and per ("", category): median and
    scaled MAD (1.4826·MAD, the normal-consistent spread) of each, where enough tenders exist."""
    prepared = prepare(history)
    groups = _groups(prepared, settings)[1]
    return {key: found for key in groups if (found := _baseline(prepared, settings, key)) is not None}


def _baseline(prepared: PreparedHistory, settings: FlagSettings, key: tuple[str, str]
              ) -> tuple[float, float, float, float] | None:
    """`market_baselines` of one key, computed when first asked (most keys never are)."""
    memo: dict[tuple[str, str], tuple[float, float, float, float] | None] = \
        prepared.memo.setdefault("baselines", {})
    if key not in memo:
        screens = _groups(prepared, settings)[1].get(key, [])
        found = None
        if len(screens) >= settings.fence_min_values:
            cvs, rds = [x[0] for x in screens], [x[1] for x in screens]
            found = (median(cvs), _mad(cvs), median(rds), _mad(rds))
        memo[key] = found
    return memo[key]


def _mad(values: list[float]) -> float:
    centre = median(values)
    return 1.4826 * median(list(map(abs, map(sub, values, repeat(centre)))))


def _robust_z(value: float, centre: float, spread: float) -> Decimal | None:
    return decimal4((value - centre) / spread) if spread > 0 else None


def cover_pattern(history: History, settings: FlagSettings = DEFAULT_SETTINGS) -> dict[str, bool]:
    """Per screened tender: whether its bids have the cover-bidding shape (see the module doc)."""
    prepared = prepare(history)
    cached: dict[str, bool] | None = prepared.memo.get("cover_pattern")
    if cached is None:
        table = cover_stats(prepared, settings)
        medians = category_cv_medians(prepared, settings)
        cv_max, rd_min = float(settings.screen_cv_max), float(settings.screen_rd_min)
        factor = float(settings.screen_cv_market_factor)
        cached = {}
        for d in prepared.digests:
            tender_id = d.tender.id
            s = table.get(tender_id)
            if s is None:
                continue
            cv, rd, _ = s
            market = medians.get(d.tender.category)
            cached[tender_id] = (cv < cv_max and market is not None and cv <= factor * market
                                 and rd is not None and rd > rd_min)
        prepared.memo["cover_pattern"] = cached
    return cached


def screen_cover(history: History, settings: FlagSettings = DEFAULT_SETTINGS) -> list[Flag]:
    """ZC-SCREEN-COVER: the valid bids are tight (low CV against the literature and the market)
    and the winner stands apart (RD > 1): the shape cover bidding leaves (Imhof 2017)."""
    prepared = prepare(history)
    medians = category_cv_medians(prepared, settings)
    pattern = cover_pattern(prepared, settings)
    stats = cover_stats(prepared, settings)
    screened = screened_table(prepared, settings)
    flags = []
    for d in prepared.digests:
        tender_id = d.tender.id
        if not pattern.get(tender_id):
            continue
        # The full screens (spread, skewness, kurtosis) only for the tenders flagged.
        index = stats[tender_id][2]
        s = _screens_of_digest(prepared.digests[index], screened[index], settings)
        assert s is not None and s.rd is not None
        local = _baseline(prepared, settings, (d.tender.buyer, d.tender.category))
        market = _baseline(prepared, settings, ("", d.tender.category))
        compared: dict[str, object] = {}
        for name, base in (("category", market), ("buyer_category", local)):
            if base is not None:
                compared[f"{name}_median_cv"] = decimal4(base[0])
                compared[f"{name}_cv_robust_z"] = _robust_z(s.cv, base[0], base[1])
                compared[f"{name}_rd_robust_z"] = _robust_z(min(s.rd, 9999.0), base[2], base[3])
        flags.append(make_flag("ZC-SCREEN-COVER", "tender", tender_ids=[tender_id],
                               supplier_ids=d.valid_suppliers, evidence={
            "bids": s.bids, "cv": decimal4(s.cv), "rd": decimal4(min(s.rd, 9999.0)),
            "spread": decimal4(s.spread),
            "skewness": None if s.skewness is None else decimal4(s.skewness),
            "kurtosis": None if s.kurtosis is None else decimal4(s.kurtosis),
            "category_median_cv": decimal4(medians[d.tender.category]),
            "cv_max": settings.screen_cv_max, "rd_min": settings.screen_rd_min,
            "cv_market_factor": settings.screen_cv_market_factor, **compared}))
    return flags
