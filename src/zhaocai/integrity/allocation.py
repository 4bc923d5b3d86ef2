"""Market allocation read from the ranking of two suppliers' bids: ZC-BUYER-SPLIT.

An allocation cartel divides buyers between its members; each wins with its own buyers, and to
keep up appearances the others lodge cover bids there, above the owner's price (OECD 2009
guidelines, "suppliers that win only in certain areas or with certain buyers", "a firm that bids
but never wins"; the Ticino and See-Gaster cartels allocated contracts in the same way, Imhof,
Karagök & Rutz 2018). Between two honest competitors, which of them prices lower in a tender
depends on their costs and on chance, not on who the buyer is. The test here is on the pair,
not on one supplier (an honest local firm wins near home, but its rivals do not bid there as
covers): for each pair of suppliers that met in at least `group_min_tenders` priced tenders of
one category,

- each joint tender gives one mark: which of the two bid lower (a tie gives none);
- the marks are grouped by buyer; under the null hypothesis that the buyer does not decide the
  ranking, every mark is an independent draw with the pair's own overall share q of the first
  supplier bidding lower. The statistic is the number of marks against their buyer's majority,
  S = Σ_b min(k_b, n_b − k_b); the p-value P(S' ≤ S) is computed exactly (the convolution of the
  buyers' distributions of the minority count). A supplier who is simply cheaper everywhere has q
  near 1 and no small p-value;
- the pairs' p-values go through the Benjamini–Hochberg procedure at false discovery rate
  `group_alpha` over all the pairs tested (as the network's cover test).

A discovery is an allocation when each supplier has a *home* — buyers where it bid lower in most
joint tenders and won at least `allocation_home_win_share` (half) of them, at least two wins in
all: the owner is the usual winner there and the other stood aside as its cover, whereas two
honest firms whose prices differ by buyer still lose mostly to third firms. (Honest outsiders
do win some of a territory's tenders: the cartel's price is above cost. A buyer where the lower
of the two did not win is a third firm's: nobody's home.)
Flagged: each joint tender of the pair at a home's buyers, whoever won it (the cover was lodged
there; an honest outsider who undercut the owner does not make it honest), and both suppliers.

What it cannot see: an allocation whose members never bid at each other's buyers (then only the
territory test of ZC-MARKET-ALLOCATION can), a split by region or category that the buyer does
not carry, a pair that met fewer than four times, and an honest pair whose costs really differ
by buyer (a firm whose plant is next to one project) — such a pair is named, and the auditor's
case clears it.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal
from math import comb

from zhaocai.integrity.facts import BidFacts
from zhaocai.integrity.markets import one_per_subject
from zhaocai.integrity.model import (
    DEFAULT_SETTINGS,
    Digest,
    Flag,
    FlagSettings,
    History,
    make_flag,
    prepare,
)
from zhaocai.integrity.networks import network
from zhaocai.integrity.scope import screened_table
from zhaocai.integrity.screens import decimal4
from zhaocai.integrity.statistics import discoveries


def minority_tail(cells: list[tuple[int, int]], q: float) -> float:
    """P(S' ≤ S) where S = Σ min(k, n − k) over `cells` of (k, n) and, under the null, each k is
    Binomial(n, q) independently."""
    observed = sum(min(k, n - k) for k, n in cells)
    total = [1.0]
    for _, n in cells:
        own = [0.0] * (n // 2 + 1)
        for k in range(n + 1):
            own[min(k, n - k)] += comb(n, k) * q ** k * (1 - q) ** (n - k)
        joined = [0.0] * (len(total) + len(own) - 1)
        for i, a in enumerate(total):
            if a:
                for j, b in enumerate(own):
                    joined[i + j] += a * b
        total = joined
    return min(1.0, sum(total[:observed + 1]))


@dataclass(frozen=True, slots=True)
class _Split:
    pair: tuple[str, str]
    category: str
    marks: dict[str, list[tuple[bool, Digest]]]
    """Per buyer: (first supplier lower, tender) of every joint tender with a strict ranking."""
    share: float
    p_value: float


def _lowest(bids: list[tuple[Decimal, BidFacts]]) -> dict[str, Decimal]:
    prices: dict[str, Decimal] = {}
    for price, bid in bids:
        if bid.supplier_id and (bid.supplier_id not in prices or price < prices[bid.supplier_id]):
            prices[bid.supplier_id] = price
    return prices


def _tested(history: History, settings: FlagSettings) -> tuple[list[_Split], int]:
    prepared = prepare(history)
    net = network(prepared, settings)
    # Keyed by the digest object: the network's tenders are the prepared history's own digests.
    screened = {id(d): bids for d, bids in zip(prepared.digests, screened_table(prepared, settings),
                                               strict=True)}
    prices: dict[int, dict[str, Decimal]] = {}
    splits = []
    examined = 0
    for pair, indices in sorted(net.pairs.items()):
        if len(indices) < settings.group_min_tenders:
            continue
        by_category: dict[str, dict[str, list[tuple[bool, Digest]]]] = defaultdict(lambda: defaultdict(list))
        for i in indices:
            d = net.awarded[i]
            if not d.tender.buyer:
                continue  # no buyer named: no territory
            if i not in prices:
                prices[i] = _lowest(screened[id(d)])
            a, b = prices[i].get(pair[0]), prices[i].get(pair[1])
            if a is not None and b is not None and a != b:
                by_category[d.tender.category][d.tender.buyer].append((a < b, d))
        for category, marks in sorted(by_category.items()):
            cells = [(sum(m for m, _ in ms), len(ms)) for ms in marks.values()]
            n = sum(c for _, c in cells)
            if n < settings.group_min_tenders or sum(1 for _, c in cells if c >= 2) < 2:
                continue
            examined += 1
            share = sum(k for k, _ in cells) / n
            informative = [(k, c) for k, c in cells if c >= 2]
            splits.append(_Split(pair, category, dict(marks), share, minority_tail(informative, share)))
    return splits, examined


def _homes(split: _Split, share: float) -> dict[str, list[Digest]]:
    """Each supplier's home tenders with the other: those at the buyers where it bid lower in
    most joint tenders and won at least `share` of them. A buyer where the lower one did not win
    (both lost to a third firm) is nobody's home."""
    homes: dict[str, list[Digest]] = {split.pair[0]: [], split.pair[1]: []}
    for marks in split.marks.values():
        lower = sum(m for m, _ in marks)
        if 2 * lower == len(marks):
            continue  # no majority: nobody's home
        owner = split.pair[0] if 2 * lower > len(marks) else split.pair[1]
        if sum(owner in d.winners() for _, d in marks) >= share * len(marks):
            homes[owner].extend(d for _, d in marks)
    return homes


def buyer_split(history: History, settings: FlagSettings = DEFAULT_SETTINGS) -> list[Flag]:
    """ZC-BUYER-SPLIT: two suppliers whose ranking is decided by the buyer (see the module doc)."""
    splits, examined = _tested(history, settings)
    found = discoveries([(s.p_value, s.pair, s) for s in splits], float(settings.group_alpha), examined)
    flags: list[Flag] = []
    named: dict[str, list[str]] = defaultdict(list)
    share = float(settings.allocation_home_win_share)
    for _, pair, split in sorted(found, key=lambda r: (r[1], r[2].category)):
        homes = _homes(split, share)
        won = {s: [d for d in ds if s in d.winners()] for s, ds in homes.items()}
        if any(len(ds) < 2 for ds in won.values()):
            continue
        evidence = {
            "pair": list(pair), "category": split.category,
            "lower_by_buyer": {buyer: {pair[0]: sum(m for m, _ in ms),
                                       pair[1]: sum(1 for m, _ in ms if not m)}
                               for buyer, ms in sorted(split.marks.items())},
            "home_tenders": {s: len(ds) for s, ds in homes.items()},
            "home_wins": {s: len(ds) for s, ds in won.items()},
            "first_lower_share": decimal4(split.share), "p_value": f"{split.p_value:.2e}",
            "alpha": settings.group_alpha,
        }
        for supplier, ds in homes.items():
            for d in ds:
                flags.append(make_flag("ZC-BUYER-SPLIT", "tender", tender_ids=[d.tender.id],
                                       supplier_ids=pair, evidence=evidence))
                named[supplier].append(d.tender.id)
    for supplier, tender_ids in sorted(named.items()):
        flags.append(make_flag("ZC-BUYER-SPLIT", "supplier", supplier_ids=[supplier],
                               tender_ids=sorted(set(tender_ids)),
                               evidence={"home_tenders_with_a_cover": len(set(tender_ids))}))
    return one_per_subject(flags)  # a tender may lie in the homes of two pairs
