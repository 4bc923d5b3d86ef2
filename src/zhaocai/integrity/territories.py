"""Market allocation read from who wins where: ZC-TERRITORY-SPLIT.

OECD 2009 (guidelines for fighting bid rigging, "market allocation") describes competitors who
divide customers or geographic areas: each member wins with its own buyers or in its own region
and, elsewhere, bids high (a cover) or not at all; the warning signs are "suppliers that win
only in certain areas or with certain buyers" while they bid elsewhere, and "a firm that bids
but never wins" with some buyers. The Swiss road-construction cartels divided contracts so
(Imhof, Karagök & Rutz 2018). Between honest competitors, which of two firms wins a tender both
bid in depends on costs and chance, not on who the buyer is or where the work is.

The test is on a pair of suppliers within one category and one kind of territory (the buyer, or
the delivery region when the facts carry one):

- each awarded tender where both bid and one of the two won gives one mark (which of them won),
  grouped by territory; a tender won by a third firm gives none (who of two losers priced lower
  is what ZC-BUYER-SPLIT reads);
- under the null hypothesis the territory does not decide which of the two wins: given how many
  marks each territory has and how many the first supplier won in all, every assignment of those
  wins to the marks is equally likely (a permutation test, exact, conditional on both margins:
  no win rate is estimated). The statistic is the marks against their territory's majority,
  S = Σ_u min(a_u, n_u − a_u), and the p-value is P(S' ≤ S), computed by enumerating the
  hypergeometric split of the wins over the territories;
- a pair is tested when it has at least `group_min_tenders` marks, at least two territories with
  two marks or more, and each supplier won at least once; the p-values of every pair, category
  and kind of territory go through the Benjamini–Hochberg procedure at `group_alpha`.

A discovery is an allocation when each supplier has a *home*: a territory where it won most of
the pair's marks, at least two. Members of a larger group appear as several pairs, each with its
own homes. Flagged: each tender at a home where both bid and the owner priced below the other
(the other's bid was the cover), whoever won it (an honest outsider who undercut the owner does
not make the cover honest), and both suppliers.

What it cannot see: members that never bid at each other's territories (only ZC-MARKET-
ALLOCATION's territory test can), a pair that rarely meets with one of them winning, and a split
by category (what an honest specialist produces). An honest pair whose costs really differ by
territory (a plant next to one region's sites) is named; the auditor's case clears it.

The group test, for members that also bid honestly, is in `zhaocai.integrity.territory_groups`.
"""


from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal
from math import comb

from zhaocai.integrity.markets import one_per_subject
from zhaocai.integrity.model import DEFAULT_SETTINGS, Flag, FlagSettings, History, make_flag, prepare
from zhaocai.integrity.networks import network
from zhaocai.integrity.statistics import discoveries
from zhaocai.integrity.territory_groups import KINDS, group_split, territory_of


def split_tail(cells: list[tuple[int, int]]) -> float:
    """P(S' ≤ S), S = Σ min(a, n − a) over `cells` of (a, n), when the total of the a's is fixed
    and every way of choosing which marks are the first supplier's is equally likely."""
    observed = sum(min(a, n - a) for a, n in cells)
    total = sum(a for a, _ in cells)
    # Ways indexed by (first supplier's marks so far, minority count so far).
    ways: dict[tuple[int, int], int] = {(0, 0): 1}
    for _, n in cells:
        grown: dict[tuple[int, int], int] = defaultdict(int)
        for (used, s), w in ways.items():
            for a in range(min(n, total - used) + 1):
                grown[(used + a, s + min(a, n - a))] += w * comb(n, a)
        ways = grown
    marks = sum(n for _, n in cells)
    low = sum(w for (used, s), w in ways.items() if used == total and s <= observed)
    return min(1.0, low / comb(marks, total))


@dataclass(frozen=True, slots=True)
class _Split:
    pair: tuple[str, str]
    kind: str
    category: str
    marks: dict[str, list[bool]]
    """Per territory: for each joint tender won by one of the two, whether the first won it."""
    p_value: float


def _tested(prepared: History, settings: FlagSettings) -> tuple[list[_Split], int]:
    net = network(prepared, settings)
    kinds = [k for k in KINDS if k == "buyer" or any(d.tender.region for d in net.awarded)]
    least = settings.group_min_tenders
    splits: list[_Split] = []
    examined = 0
    for pair, indices in sorted(net.pairs.items()):
        if len(indices) < least:
            continue
        first, second = pair
        marks: dict[tuple[str, str], dict[str, list[bool]]] = defaultdict(lambda: defaultdict(list))
        for i in indices:
            d = net.awarded[i]
            won = d.winners()
            a, b = first in won, second in won
            if a == b:
                continue  # a third firm won (or both, in lots): no mark
            for kind in kinds:
                place = territory_of(d, kind)
                if place:
                    marks[(kind, d.tender.category)][place].append(a)
        for (kind, category), by_place in sorted(marks.items()):
            cells = [(sum(ms), len(ms)) for ms in by_place.values()]
            n, wins = sum(c for _, c in cells), sum(a for a, _ in cells)
            if n < least or not 0 < wins < n or sum(1 for _, c in cells if c >= 2) < 2:
                continue
            examined += 1
            splits.append(_Split(pair, kind, category, dict(by_place), split_tail(cells)))
    return splits, examined


def _homes(split: _Split) -> dict[str, set[str]]:
    """Each supplier's homes: territories where it won most of the pair's marks, two or more."""
    homes: dict[str, set[str]] = {split.pair[0]: set(), split.pair[1]: set()}
    for place, ms in split.marks.items():
        a = sum(ms)
        if 2 * a > len(ms) and a >= 2:
            homes[split.pair[0]].add(place)
        elif 2 * (len(ms) - a) > len(ms) and len(ms) - a >= 2:
            homes[split.pair[1]].add(place)
    return homes


def _covered(prepared: History, settings: FlagSettings, split: _Split, owner: str, other: str,
             homes: set[str]) -> list[str]:
    """The tenders at the owner's homes (of the split's category) where both bid and the other
    priced above the owner: a cover lodged, whoever won."""
    net = network(prepared, settings)
    found = []
    for i in net.pairs[split.pair]:
        d = net.awarded[i]
        if d.tender.category != split.category or territory_of(d, split.kind) not in homes:
            continue
        prices: dict[str, Decimal] = {}
        for bid in d.valid:
            price = bid.price
            if price is not None and bid.supplier_id in (owner, other):
                lowest = prices.get(bid.supplier_id)
                if lowest is None or price < lowest:
                    prices[bid.supplier_id] = price
        if owner in prices and other in prices and prices[owner] < prices[other]:
            found.append(d.tender.id)
    return found


def territory_split(history: History, settings: FlagSettings = DEFAULT_SETTINGS) -> list[Flag]:
    """ZC-TERRITORY-SPLIT: two suppliers who each win in their own territory (buyer or region)
    and cover the other in its own (see the module doc)."""
    prepared = prepare(history)
    splits, examined = _tested(prepared, settings)
    found = discoveries([(s.p_value, (s.pair, s.kind, s.category), s) for s in splits],
                        float(settings.group_alpha), examined)
    flags: list[Flag] = []
    named: dict[str, set[str]] = defaultdict(set)
    for _, _, split in sorted(found, key=lambda r: r[1]):
        homes = _homes(split)
        if not all(homes.values()):
            continue
        first, second = split.pair
        covered = {first: _covered(prepared, settings, split, first, second, homes[first]),
                   second: _covered(prepared, settings, split, second, first, homes[second])}
        evidence: dict[str, object] = {
            "pair": list(split.pair), "territory": split.kind, "category": split.category,
            "wins_by_territory": {place: {first: sum(ms), second: len(ms) - sum(ms)}
                                  for place, ms in sorted(split.marks.items())},
            "homes": {s: sorted(h) for s, h in homes.items()},
            "p_value": f"{split.p_value:.2e}", "alpha": settings.group_alpha,
        }
        for supplier, tender_ids in covered.items():
            for tender_id in tender_ids:
                flags.append(make_flag("ZC-TERRITORY-SPLIT", "tender", tender_ids=[tender_id],
                                       supplier_ids=split.pair, evidence=evidence))
            named[supplier].update(tender_ids)
    for supplier, homes_covered in sorted(named.items()):
        flags.append(make_flag("ZC-TERRITORY-SPLIT", "supplier", supplier_ids=[supplier],
                               tender_ids=homes_covered,
                               evidence={"home_tenders_with_a_cover": len(homes_covered)}))
    flags.sort(key=lambda f: f.sort_key)
    # The group test's flags after the pairs' (a tender or supplier both name keeps the pair's).
    return one_per_subject(flags + group_split(prepared, settings))


