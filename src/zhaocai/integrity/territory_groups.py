"""ZC-TERRITORY-SPLIT's group test: market allocation by a group of suppliers that also bid
honestly (see `zhaocai.integrity.territories` for the pair test and the sources).

**The group test** (`group_split`). Members that also bid honestly, at every buyer, dilute each
pair's marks until no pair is a discovery, although the group's evidence adds up. The test reads
a *group*: a set of suppliers of one category, two or more, with its *marks* — every awarded
tender with an estimate where at least two members lodged a priced valid bid and one of them was
strictly lowest among the members *at a price dear for that member* (its price over the estimate
above the median of all its own priced bids in the category): the cartel's overcharge where the
others stood aside as covers (OECD 2009: allocation raises the price in each member's territory),
whereas a member's honest meetings with the others are at its usual price. The filter reads the
tender's prices and estimate, never its buyer.

- Null hypothesis: given which members priced each tender, the territory does not decide which of
  them is lowest. Statistic: the marks against their territory's majority member,
  S = Σ_u (n_u − max_m a_{u,m}). P-value: the lowest members are shuffled among the tenders with
  the same members present (a member is lowest only where it bid), 999 draws, (1 + #{S' ≤ S}) /
  1000, stopping once 20 draws are as extreme (Besag & Clifford's sequential p-value, hits/draws).
- The group is chosen from the same history without spoiling the test by *sample splitting*:
  each category's tenders in chronological order, the even ones explore, the odd ones confirm.
  On the exploration half, each pair's dear lower-of-the-two marks by territory get the minority
  test of ZC-BUYER-SPLIT (`allocation.minority_tail`); pairs with p ≤ `group_alpha` are kept (no
  correction: nothing is flagged from this half), and each connected component of kept pairs is a
  candidate group. Only the confirmation half is tested, so the selection cannot bias it.
- Tested: a group with at least `group_min_tenders` confirmation marks at two territories with two
  marks or more; the groups of every category and kind of territory go through Benjamini–Hochberg
  at `group_alpha` (0.05). A discovery is an allocation when at least two members have a *home*
  (over both halves: a territory where the member is lowest in most of the group's marks, two or
  more). Flagged: each marked tender at a home where its owner was lowest (the others' bids
  there were covers), whoever won, and each member with a home.

It cannot see an allocation without an overcharge (owners bidding their usual price at home), a
group whose members bid only covers (their median is then a cover: the pair test above sees such
a clean split), a history without estimates, or a group that meets in fewer than
about eight dear tenders. Local firms that serve only nearby buyers never meet, and are not named;
local firms that do meet, each cheaper at its own buyers, bid around their usual price there, so
only about half of those meetings are marks, but they are named when they meet often enough (the
auditor's case clears them, as for the pair test).
"""


from __future__ import annotations

import random
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from itertools import chain, combinations
from operator import add
from statistics import median

from zhaocai.integrity.allocation import minority_tail
from zhaocai.integrity.model import DEFAULT_SETTINGS, Digest, Flag, FlagSettings, History, make_flag, prepare
from zhaocai.integrity.networks import MAX_PAIR_BIDDERS, chronological, components, network
from zhaocai.integrity.statistics import discoveries

KINDS = ("buyer", "region")
"""The kinds of territory read: the buyer always, the delivery region when tenders carry one."""


def territory_of(d: Digest, kind: str) -> str | None:
    """The tender's territory of that kind: its buyer, or its delivery region (None if unknown)."""
    return (d.tender.buyer or None) if kind == "buyer" else d.tender.region


GROUP_PERMUTATIONS = 999
"""Random relabellings drawn for the group test's p-value (the smallest it can give is 1/1000)."""
GROUP_STOP_HITS = 20
"""The draws stop once this many relabellings are at least as extreme as the data: the p-value is
then hits / draws (Besag & Clifford 1991), valid, and far above any threshold."""


@dataclass(frozen=True, slots=True)
class _Mark:
    """One tender of a group: the members that priced it, its territory and the lowest of them."""

    position: int
    """The tender's place in its category's chronological order (even: exploration half)."""
    present: tuple[str, ...]
    place: str
    lowest: str
    tender_id: str


@dataclass(slots=True)
class _Market:
    """One category's awarded tenders with an estimate, in chronological order, with each
    supplier's lowest valid price and whether that price is dear *for that supplier*."""

    digests: list[Digest]
    prices: list[dict[str, Decimal]]
    dear: list[frozenset[str]]


def _markets(prepared: History, settings: FlagSettings) -> dict[str, _Market]:
    """Every category's tenders the group test reads (see `group_split`)."""
    net = network(prepared, settings)
    by_category: dict[str, list[Digest]] = defaultdict(list)
    for d in net.awarded:
        estimate = d.tender.estimate
        if estimate is not None and estimate > 0 and d.tender.category:
            by_category[d.tender.category].append(d)
    markets: dict[str, _Market] = {}
    for category, digests in sorted(by_category.items()):
        digests.sort(key=chronological)
        prices: list[dict[str, Decimal]] = []
        scaled: list[dict[str, float]] = []
        ratios: dict[str, list[float]] = defaultdict(list)
        for d in digests:
            lowest: dict[str, Decimal] = {}
            for bid in d.valid:
                price, supplier = bid.price, bid.supplier_id
                if price is not None and supplier and (supplier not in lowest or price < lowest[supplier]):
                    lowest[supplier] = price
            scale = float(d.tender.estimate or 1)
            ratio = {supplier: float(price) / scale for supplier, price in lowest.items()}
            prices.append(lowest)
            scaled.append(ratio)
            for supplier, r in ratio.items():
                ratios[supplier].append(r)
        usual = {s: median(r) for s, r in ratios.items()}
        dear = [frozenset(s for s, r in ratio.items() if r > usual[s]) for ratio in scaled]
        markets[category] = _Market(digests, prices, dear)
    return markets


def _group_mark(market: _Market, i: int, group: frozenset[str], kind: str) -> _Mark | None:
    """Tender `i`'s mark for `group`: two members or more priced it, one of them strictly
    lowest, at a price dear for that member; else None."""
    d = market.digests[i]
    place = territory_of(d, kind)
    if not place:
        return None
    prices = market.prices[i]
    present = sorted(group.intersection(prices))
    if len(present) < 2:
        return None
    ordered = sorted(present, key=lambda s: prices[s])
    if prices[ordered[0]] == prices[ordered[1]] or ordered[0] not in market.dear[i]:
        return None
    return _Mark(i, tuple(present), place, ordered[0], d.tender.id)


def _against_majority(cells: Iterable[int], width: int) -> int:
    """S = Σ over territories of the marks against the territory's most frequent lowest member,
    from each mark's cell (territory × width + member)."""
    counts = Counter(cells)
    top: dict[int, int] = {}
    total = 0
    for cell, n in counts.items():
        total += n
        place = cell // width
        if n > top.get(place, 0):
            top[place] = n
    return total - sum(top.values())


def relabelled_tail(marks: Sequence[tuple[tuple[str, ...], str, str]], rng: random.Random,
                    draws: int = GROUP_PERMUTATIONS) -> tuple[int, float]:
    """The group test on `marks` of (members present, territory, lowest member): the statistic
    S (marks against their territory's majority) and its Monte Carlo permutation p-value
    (1 + #{S' ≤ S}) / (1 + draws), the lowest members being shuffled among the tenders with the
    same members present (so that a member is only ever lowest where it bid)."""
    place_ids = {p: k for k, p in enumerate(sorted({p for _, p, _ in marks}))}
    member_ids = {m: k for k, m in enumerate(sorted({m for present, _, _ in marks for m in present}))}
    width = len(member_ids)
    strata: dict[tuple[str, ...], list[tuple[int, int]]] = defaultdict(list)
    for present, place, lowest in marks:
        strata[present].append((place_ids[place] * width, member_ids[lowest]))
    # The marks laid out stratum after stratum: a relabelling shuffles each stratum's labels.
    bases: list[int] = []
    blocks: list[list[int]] = []
    for _, found in sorted(strata.items()):
        bases.extend(base for base, _ in found)
        blocks.append([label for _, label in found])
    observed = _against_majority(map(add, bases, chain.from_iterable(blocks)), width)
    hits = 0
    shuffle = rng.shuffle
    for drawn in range(1, draws + 1):
        for block in blocks:
            shuffle(block)
        if _against_majority(map(add, bases, chain.from_iterable(blocks)), width) <= observed:
            hits += 1
            if hits == GROUP_STOP_HITS:
                return observed, hits / drawn  # Besag and Clifford's sequential p-value
    return observed, (1 + hits) / (1 + draws)


def _candidates(market: _Market, kind: str, settings: FlagSettings) -> list[tuple[str, ...]]:
    """The groups worth testing, found on the exploration half only (even positions): the
    connected components of the pairs whose dear lower-of-the-two marks split by territory with
    a minority test p-value at most `group_alpha` (exploratory: no correction, nothing is
    flagged from this half)."""
    marks: dict[tuple[str, str], dict[str, list[bool]]] = defaultdict(lambda: defaultdict(list))
    for i in range(0, len(market.digests), 2):
        place = territory_of(market.digests[i], kind)
        prices = market.prices[i]
        if not place or len(prices) > MAX_PAIR_BIDDERS:
            continue
        for a, b in combinations(sorted(prices), 2):
            if prices[a] == prices[b]:
                continue
            lower = a if prices[a] < prices[b] else b
            if lower in market.dear[i]:
                marks[(a, b)][place].append(lower == a)
    kept = []
    for pair, by_place in sorted(marks.items()):
        cells = [(sum(ms), len(ms)) for ms in by_place.values()]
        n = sum(c for _, c in cells)
        informative = [(k, c) for k, c in cells if c >= 2]
        share = sum(k for k, _ in cells) / n
        if n < settings.group_min_tenders or len(informative) < 2 or not 0 < share < 1:
            continue
        if minority_tail(informative, share) <= float(settings.group_alpha):
            kept.append(pair)
    return components(kept)


@dataclass(frozen=True, slots=True)
class _GroupSplit:
    group: tuple[str, ...]
    kind: str
    category: str
    marks: list[_Mark]
    """Every mark of the group, both halves (the p-value reads the confirmation half only)."""
    statistic: int
    confirmation: int
    p_value: float


def _group_tests(prepared: History, settings: FlagSettings) -> list[_GroupSplit]:
    """The candidate groups of every category and kind of territory, each tested on the
    confirmation half (odd positions)."""
    markets = _markets(prepared, settings)
    has_region = any(d.tender.region for m in markets.values() for d in m.digests)
    tested = []
    for kind in [k for k in KINDS if k == "buyer" or has_region]:
        for category, market in markets.items():
            for group in _candidates(market, kind, settings):
                chosen = frozenset(group)
                every = [m for i in range(len(market.digests))
                         if (m := _group_mark(market, i, chosen, kind)) is not None]
                held = [m for m in every if m.position % 2 == 1]
                cells: dict[str, int] = defaultdict(int)
                for m in held:
                    cells[m.place] += 1
                if len(held) < settings.group_min_tenders or sum(1 for n in cells.values() if n >= 2) < 2:
                    continue
                rng = random.Random(f"{kind}/{category}/{'/'.join(group)}")
                statistic, p_value = relabelled_tail(
                    [(m.present, m.place, m.lowest) for m in held], rng)
                tested.append(_GroupSplit(group, kind, category, every, statistic, len(held), p_value))
    return tested


def group_split(history: History, settings: FlagSettings = DEFAULT_SETTINGS) -> list[Flag]:
    """ZC-TERRITORY-SPLIT's group test: a set of suppliers of one category whose dear lowest
    bids partition the territories (see the module doc)."""
    prepared = prepare(history)
    tested = _group_tests(prepared, settings)
    found = discoveries([(t.p_value, (t.kind, t.category, t.group), t) for t in tested],
                        float(settings.group_alpha), len(tested))
    flags: list[Flag] = []
    named: dict[str, set[str]] = defaultdict(set)
    for _, _, split in sorted(found, key=lambda r: r[1]):
        by_place: dict[str, dict[str, int]] = {}
        for m in split.marks:
            counts = by_place.setdefault(m.place, dict.fromkeys(split.group, 0))
            counts[m.lowest] += 1
        homes: dict[str, list[str]] = {s: [] for s in split.group}
        for place, counts in sorted(by_place.items()):
            ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
            if ranked[0][1] >= 2 and 2 * ranked[0][1] > sum(counts.values()):
                homes[ranked[0][0]].append(place)
        if sum(1 for h in homes.values() if h) < 2:
            continue  # no partition: one member lowest everywhere is a cheaper firm
        evidence: dict[str, object] = {
            "group": list(split.group), "territory": split.kind, "category": split.category,
            "lowest_by_territory": {p: dict(sorted(c.items())) for p, c in sorted(by_place.items())},
            "homes": {s: h for s, h in homes.items() if h},
            "confirmation_marks": split.confirmation, "against_majority": split.statistic,
            "p_value": f"{split.p_value:.2e}", "permutations": GROUP_PERMUTATIONS,
            "alpha": settings.group_alpha,
        }
        for m in split.marks:
            if m.place in homes[m.lowest]:
                flags.append(make_flag("ZC-TERRITORY-SPLIT", "tender", tender_ids=[m.tender_id],
                                       supplier_ids=split.group, evidence=evidence))
                named[m.lowest].add(m.tender_id)
    for supplier, tender_ids in sorted(named.items()):
        flags.append(make_flag("ZC-TERRITORY-SPLIT", "supplier", supplier_ids=[supplier],
                               tender_ids=sorted(tender_ids),
                               evidence={"home_tenders_with_a_cover": len(tender_ids)}))
    flags.sort(key=lambda f: f.sort_key)
    return flags
