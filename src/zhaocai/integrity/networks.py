"""Supplier networks: who bids with whom, and which groups behave like a cartel.

The screening literature reads bids per *group* of firms, not per tender (Imhof, Karagök & Rutz
2018 screen consortia of firms over time; OECD 2025 guidelines, "patterns across tenders").
This module builds the co-bidding network (two suppliers are linked by the tenders in which both
lodged a valid bid) and asks, for every pair that met often enough, whether their joint tenders
show the cover-bidding shape (`screens.cover_pattern`) far more often than their market does:
a one-sided binomial test against the category's own rate, with the Benjamini–Hochberg
procedure over all the pairs tested at false discovery rate `group_alpha` (0.05). Honest firms
that meet often (a buyer asking the same shortlist again and again) meet with honest prices, so
their joint tenders look like their market and the test stays silent.

Pairs that pass are joined into groups (connected components); a group is a *cartel candidate*
when it also wins most of the tenders two or more of its members bid in. Its evidence names the
members, their wins (in all and year by year), the winners' sequence (rotation: few repeats,
shares spread) and the screen counts. Flags:

- ZC-CARTEL (tender): a tender in which two or more members, at least half the valid bidders,
  bid and a member won;
- ZC-CARTEL-MEMBER (supplier): each member, with the group's evidence;
- ZC-BID-SUPPRESSION (tender): a member won while the other members, who regularly bid with
  that buyer in that category, stayed away and fewer firms bid than the market's median;
- ZC-MARKET-ALLOCATION (tender, supplier): suppliers of one category that split its buyers
  between them (each wins with its own buyers and never with the other's), beyond chance;
- ZC-LOYAL-LOSER (supplier): bids often, (almost) never wins, and most of its losses are to the
  same one to three winners, far more than those winners' market share explains.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal, localcontext
from itertools import chain, combinations, pairwise
from statistics import median
from typing import Any

from zhaocai.integrity.model import (
    DEFAULT_SETTINGS,
    RATIO_CONTEXT,
    Digest,
    Flag,
    FlagSettings,
    History,
    Quartiles,
    make_flag,
    prepare,
    shown,
)
from zhaocai.integrity.scope import competitive
from zhaocai.integrity.screens import cover_pattern, decimal4

MAX_PAIR_BIDDERS = 15
"""Tenders with more valid bidders than this add no pairs (open tenders with crowds are not where
rings hide, and their pairs would dominate the work)."""


def binomial_tail(k: int, n: int, p: float) -> float:
    """P(X ≥ k) for X ~ Binomial(n, p)."""
    if k <= 0:
        return 1.0
    if p <= 0:
        return 0.0
    if p >= 1:
        return 1.0
    return min(1.0, sum(math.comb(n, i) * p ** i * (1 - p) ** (n - i) for i in range(k, n + 1)))


def discoveries(results: list[Any], rate: float, tested: int | None = None) -> list[Any]:
    """The results (tuples whose first item is a p-value) that the Benjamini–Hochberg procedure
    declares discoveries at false discovery rate `rate`, smallest p-value first. `tested` is the
    number of hypotheses tested when `results` lists only some of them (the others had p = 1)."""
    ordered = sorted(results, key=lambda r: (r[0], r[1:2]))
    m = max(len(ordered), tested or 0)
    cut = 0
    for rank, result in enumerate(ordered, start=1):
        if result[0] <= rate * rank / m:
            cut = rank
    return ordered[:cut]


@dataclass(slots=True)
class Group:
    """A cartel candidate: members, the tenders they share and the evidence."""

    members: tuple[str, ...]
    tenders: list[str] = field(default_factory=list)
    evidence: dict[str, Any] = field(default_factory=dict)


@dataclass(slots=True)
class Network:
    """The co-bidding network of a history and the groups found in it."""

    awarded: list[Digest]
    pairs: dict[tuple[str, str], list[int]]
    """The awarded tenders (indices into `awarded`) of every pair that met at least twice."""
    base_rate: dict[str, float]
    suspicious_pairs: dict[tuple[str, str], dict[str, Any]]
    groups: list[Group]
    touching: dict[str, list[int]] = field(default_factory=dict)


def components(edges: Iterable[tuple[str, str]]) -> list[tuple[str, ...]]:
    """The connected components of the graph of `edges`, each sorted, in sorted order."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in edges:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    members: dict[str, list[str]] = defaultdict(list)
    for x in list(parent):
        members[find(x)].append(x)
    return sorted(tuple(sorted(m)) for m in members.values())


def network(history: History, settings: FlagSettings = DEFAULT_SETTINGS) -> Network:
    """The co-bidding network, the suspicious pairs and the cartel candidates (memoised)."""
    prepared = prepare(history)
    cached: Network | None = prepared.memo.get("network")
    if cached is not None:
        return cached
    pattern = cover_pattern(prepared, settings)
    awarded = [d for d in prepared.digests
               if competitive(d.tender) and len(d.valid_suppliers) >= 2 and d.winners()]
    touching: dict[str, list[int]] = defaultdict(list)
    keys: list[list[tuple[str, str]]] = []
    for index, d in enumerate(awarded):
        for s in d.valid_suppliers:
            touching[s].append(index)
        keys.append(list(combinations(sorted(d.valid_suppliers), 2))
                    if len(d.valid_suppliers) <= MAX_PAIR_BIDDERS else [])
    # Count first, list the tenders of the pairs that met twice or more only: most pairs meet
    # once, and a list per pair would make a large history's network slow to build.
    counts = Counter(chain.from_iterable(keys))
    pairs: dict[tuple[str, str], list[int]] = {pair: [] for pair, n in counts.items() if n >= 2}
    for index, found in enumerate(keys):
        for pair in found:
            listed = pairs.get(pair)
            if listed is not None:
                listed.append(index)
    screened: dict[str, list[bool]] = defaultdict(list)
    for d in awarded:
        hit = pattern.get(d.tender.id)
        if hit is not None:
            screened[d.tender.category].append(hit)
    floor = float(settings.group_base_rate_floor)
    base = {c: max(floor, sum(v) / len(v)) for c, v in screened.items() if v}
    tested: dict[tuple[str, str], list[tuple[bool, float]]] = {}
    for pair, indices in pairs.items():
        if len(indices) < settings.group_min_tenders:
            continue
        marks = [(pattern[awarded[i].tender.id], base.get(awarded[i].tender.category, floor))
                 for i in indices if awarded[i].tender.id in pattern]
        if len(marks) >= settings.group_min_tenders:
            tested[pair] = marks
    # Benjamini–Hochberg: among the pairs declared suspicious, the expected share of honest pairs
    # stays at most `group_alpha`.
    results = []
    for pair, marks in tested.items():
        k = sum(1 for hit, _ in marks if hit)
        p0 = sum(rate for _, rate in marks) / len(marks)
        results.append((binomial_tail(k, len(marks), p0), pair, k, p0, len(marks)))
    suspicious: dict[tuple[str, str], dict[str, Any]] = {}
    for p_value, pair, k, p0, screened_count in discoveries(results, float(settings.group_alpha)):
        suspicious[pair] = {"joint_tenders": len(pairs[pair]), "screened": screened_count,
                            "cover_pattern": k, "market_rate": p0, "p_value": p_value}
    groups = [_group(members, awarded, touching, settings) for members in components(suspicious)]
    result = Network(awarded, dict(pairs), base, suspicious,
                     [g for g in groups if g is not None], dict(touching))
    prepared.memo["network"] = result
    return result


def active_tenders(net: Network, members: Iterable[str]) -> list[Digest]:
    """The awarded tenders in which any of `members` lodged a valid bid, in history order."""
    return [net.awarded[i] for i in sorted({i for m in members for i in net.touching.get(m, ())})]


def _group(members: tuple[str, ...], awarded: list[Digest], touching: dict[str, list[int]],
           settings: FlagSettings) -> Group | None:
    chosen = set(members)
    candidates = [awarded[i] for i in sorted({i for m in members for i in touching.get(m, ())})]
    # The group's tenders: two or more members, making up at least half of the valid bidders
    # (two members among eight honest firms is a market, not a ring).
    joint = [d for d in candidates if len(chosen.intersection(d.valid_suppliers)) >= 2
             and 2 * len(chosen.intersection(d.valid_suppliers)) >= len(d.valid_suppliers)]
    joint.sort(key=chronological)
    won = [d for d in joint if not chosen.isdisjoint(d.winners())]
    if not joint or len(won) / len(joint) < float(settings.group_min_win_share):
        return None
    winners = [min(chosen.intersection(d.winners())) for d in won]
    wins = Counter(winners)
    repeats = sum(1 for a, b in pairwise(winners) if a == b)
    expected = sum((n / len(winners)) ** 2 for n in wins.values()) * max(0, len(winners) - 1)
    by_year: dict[int, Counter[str]] = defaultdict(Counter)
    for d in joint:
        when = d.tender.published_at or d.tender.deadline
        if when is None:
            continue  # an undated tender counts in the totals, in no year
        by_year[when.year]["tenders"] += 1
        for winner in chosen.intersection(d.winners()):
            by_year[when.year][winner] += 1
    group = Group(members, [d.tender.id for d in won])
    group.evidence = {
        "by_year": {year: {"joint_tenders": c["tenders"], "wins": {m: c[m] for m in members}}
                    for year, c in sorted(by_year.items())},
        "members": list(members), "joint_tenders": len(joint), "won_by_members": len(won),
        "win_share": decimal4(len(won) / len(joint)),
        "wins": {m: wins.get(m, 0) for m in members},
        "winner_sequence": winners[:40],
        "consecutive_repeats": repeats, "repeats_expected_if_random": decimal4(expected),
        "rotation": len(wins) >= 2 and repeats < expected,
    }
    return group


def cartel_flags(history: History, settings: FlagSettings = DEFAULT_SETTINGS) -> list[Flag]:
    """ZC-CARTEL on each tender of a cartel candidate, and ZC-CARTEL-MEMBER on each member
    (memoised: `compute_flags` asks once for each code)."""
    prepared = prepare(history)
    cached: list[Flag] | None = prepared.memo.get("cartel_flags")
    if cached is not None:
        return list(cached)
    net = network(prepared, settings)
    flags: list[Flag] = []
    for group in net.groups:
        pair_evidence = [{"pair": list(p), "joint_tenders": e["joint_tenders"],
                          "cover_pattern": e["cover_pattern"], "screened": e["screened"],
                          "market_rate": decimal4(e["market_rate"]),
                          "p_value": f"{e['p_value']:.2e}"}
                         for p, e in sorted(net.suspicious_pairs.items())
                         if p[0] in group.members]
        evidence = {**group.evidence, "pairs": pair_evidence, "alpha": settings.group_alpha}
        for tender_id in group.tenders:
            flags.append(make_flag("ZC-CARTEL", "tender", tender_ids=[tender_id],
                                   supplier_ids=group.members, evidence=evidence))
        for member in group.members:
            flags.append(make_flag("ZC-CARTEL-MEMBER", "supplier", supplier_ids=[member],
                                   tender_ids=group.tenders, evidence=evidence))
    prepared.memo["cartel_flags"] = flags
    return list(flags)


def bid_suppression(history: History, settings: FlagSettings = DEFAULT_SETTINGS) -> list[Flag]:
    """ZC-BID-SUPPRESSION: a cartel member won alone while the group's regulars stayed away.

    Per buyer and category, the group is *active* in the tenders where any member bid; a member
    is *regular* there when it bid in at least `regular_share` (half) of them. Flagged: exactly
    one member bid and won, a regular member was absent, fewer firms bid than the median of the
    group's active tenders with that buyer in that category, and the award is dear: its ratio to
    the estimate is above the upper quartile of the category's awards (suppression raises the
    price; OECD 2009).
    """
    net = network(history, settings)
    if not net.groups:
        return []
    ratios: dict[str, list[Decimal]] = defaultdict(list)
    ratio_of: dict[int, Decimal | None] = {}  # by digest object: each ratio computed once
    for d in net.awarded:
        ratio = ratio_of[id(d)] = _award_ratio(d)
        if ratio is not None:
            ratios[d.tender.category].append(ratio)
    dear = {c: Quartiles.of(v).q3 for c, v in ratios.items() if len(v) >= settings.fence_min_values}
    flags = []
    for group in net.groups:
        chosen = set(group.members)
        cells: dict[tuple[str, str], list[Digest]] = defaultdict(list)
        for d in active_tenders(net, group.members):
            cells[(d.tender.buyer, d.tender.category)].append(d)
        for (buyer, category), active in sorted(cells.items()):
            if len(active) < settings.group_min_tenders:
                continue
            counts = Counter(s for d in active for s in d.valid_suppliers if s in chosen)
            regular = {s for s, n in counts.items() if n >= len(active) * float(settings.regular_share)}
            usual = median(len(d.valid_suppliers) for d in active)
            for d in active:
                present = chosen.intersection(d.valid_suppliers)
                absent = sorted(regular - present)
                ratio = ratio_of[id(d)]
                if (len(present) == 1 and d.winner in present and absent
                        and len(d.valid_suppliers) < usual and ratio is not None
                        and category in dear and ratio > dear[category]):
                    flags.append(make_flag("ZC-BID-SUPPRESSION", "tender", tender_ids=[d.tender.id],
                                           supplier_ids=[*present, *absent], evidence={
                        "winner": d.winner, "absent_regular_members": absent,
                        "bidders": len(d.valid_suppliers), "usual_bidders": usual,
                        "award_to_estimate": shown(ratio), "category_upper_quartile": shown(dear[category]),
                        "buyer": buyer, "category": category, "group": list(group.members)}))
    return flags


def _award_ratio(d: Digest) -> Decimal | None:
    """The one winner's lowest priced valid bid over the estimate (None when either is unknown
    or the tender has several winners)."""
    estimate = d.tender.estimate
    if d.winner is None or estimate is None or estimate <= 0:
        return None
    prices = [b.price for b in d.valid if b.supplier_id == d.winner and b.price is not None]
    if not prices:
        return None
    with localcontext(RATIO_CONTEXT):
        return min(prices) / estimate


def chronological(d: Digest) -> tuple[bool, datetime | None, str]:
    """Tenders by publication (or deadline), undated ones last, then by id."""
    when = d.tender.published_at or d.tender.deadline
    return (when is None, when, d.tender.id)


@dataclass(frozen=True, slots=True)
class _Territory:
    supplier: str
    category: str
    home: frozenset[str]
    away: frozenset[str]
    home_wins: list[str]
    away_bids: int
    win_rate: float
    chance: float


def _territories(net: Network, settings: FlagSettings) -> list[_Territory]:
    """Suppliers that win with some buyers of a category and never with the others they bid at."""
    record: dict[tuple[str, str], dict[str, list[Digest]]] = defaultdict(lambda: defaultdict(list))
    for d in net.awarded:
        if not d.tender.buyer:
            continue  # the data names no buyer: no territory can be drawn
        for s in d.valid_suppliers:
            record[(s, d.tender.category)][d.tender.buyer].append(d)
    # A supplier that never won in the category has no home there: skip it after counting it.
    won = {(w, d.tender.category) for d in net.awarded if d.tender.buyer for w in d.winners()}
    candidates = []
    examined = 0
    for (supplier, category), by_buyer in sorted(record.items()):
        if len(by_buyer) < 2:
            continue
        examined += 1
        if (supplier, category) not in won:
            continue
        home = {b for b, ds in by_buyer.items() if sum(supplier in d.winners() for d in ds) >= 2}
        away = set(by_buyer) - home
        away_bids = sum(len(by_buyer[b]) for b in away)
        away_wins = sum(supplier in d.winners() for b in away for d in by_buyer[b])
        if not home or away_wins or away_bids < settings.group_min_tenders:
            continue
        bids = sum(len(ds) for ds in by_buyer.values())
        wins = [d.tender.id for b in sorted(home) for d in by_buyer[b] if supplier in d.winners()]
        rate = len(wins) / bids
        candidates.append(_Territory(supplier, category, frozenset(home), frozenset(away), wins,
                                     away_bids, rate, (1 - rate) ** away_bids))
    found = discoveries([(t.chance, t.supplier, t.category, t) for t in candidates],
                        float(settings.group_alpha), examined)
    return [r[3] for r in found]


def market_allocation(history: History, settings: FlagSettings = DEFAULT_SETTINGS) -> list[Flag]:
    """ZC-MARKET-ALLOCATION: suppliers of one category that split its buyers between them.

    A supplier holds a *territory* in a category when it won at least twice with some buyers
    (its home) and never with the other buyers it bid at, over at least `group_min_tenders`
    bids there, and the chance of no win in so many bids at its own overall win rate,
    (1 − r)ⁿ, is a discovery of the Benjamini–Hochberg procedure over the supplier–category pairs
    examined, at false discovery rate `group_alpha`.
    Two suppliers are *allocating* when each holds a territory, each one's home lies in the
    other's away buyers, and they bid against each other. Flagged: the home wins of both
    (tenders), and both suppliers. Only buyers are split here: a split by category is what
    honest specialists produce, and the facts carry no region.
    """
    net = network(history, settings)
    held = _territories(net, settings)
    flags: list[Flag] = []
    named: dict[str, _Territory] = {}
    for a, b in combinations(held, 2):
        if (a.category != b.category or a.supplier == b.supplier or not (a.home & b.away)
                or not (b.home & a.away)):
            continue
        first, second = sorted((a.supplier, b.supplier))
        pair = (first, second)
        if len(net.pairs.get(pair, ())) < 2:
            continue
        named[a.supplier], named[b.supplier] = a, b
        evidence = {"pair": list(pair), "category": a.category,
                    "territories": {t.supplier: sorted(t.home) for t in (a, b)},
                    "never_won_with": {t.supplier: sorted(t.away) for t in (a, b)},
                    "bids_without_a_win": {t.supplier: t.away_bids for t in (a, b)},
                    "chance": {t.supplier: f"{t.chance:.2e}" for t in (a, b)},
                    "alpha": settings.group_alpha}
        for t in (a, b):
            flags.extend(make_flag("ZC-MARKET-ALLOCATION", "tender", tender_ids=[tender_id],
                                   supplier_ids=pair, evidence=evidence) for tender_id in t.home_wins)
    for supplier, t in sorted(named.items()):
        flags.append(make_flag("ZC-MARKET-ALLOCATION", "supplier", supplier_ids=[supplier],
                               tender_ids=t.home_wins, evidence={
            "category": t.category, "home": sorted(t.home), "away": sorted(t.away),
            "bids_without_a_win": t.away_bids, "win_rate": decimal4(t.win_rate),
            "chance": f"{t.chance:.2e}"}))
    # A tender won at home may be named by two pairs; keep one flag per tender.
    return one_per_subject(flags)


def one_per_subject(flags: list[Flag]) -> list[Flag]:
    """The first flag for each tender (tender flags) and each supplier (supplier flags)."""
    seen: set[tuple[str, tuple[str, ...]]] = set()
    unique = []
    for f in flags:
        key = (f.subject, f.tender_ids if f.subject == "tender" else f.supplier_ids)
        if key not in seen:
            seen.add(key)
            unique.append(f)
    return unique


def loyal_losers(history: History, settings: FlagSettings = DEFAULT_SETTINGS) -> list[Flag]:
    """ZC-LOYAL-LOSER: bids often, wins at most once, loses mostly to the same few winners.

    A supplier with at least `loyal_min_bids` valid bids in awarded tenders and at most one win
    whose three most frequent winners took at least `loyal_concentration` (60 %) of its losses,
    at least twice the share those winners won of its categories' awarded tenders.
    """
    net = network(history, settings)
    losses: dict[str, Counter[str]] = defaultdict(Counter)
    bids: Counter[str] = Counter()
    wins: Counter[str] = Counter()
    categories: dict[str, set[str]] = defaultdict(set)
    market: dict[str, Counter[str]] = defaultdict(Counter)
    market_size: Counter[str] = Counter()
    for d in net.awarded:
        category = d.tender.category
        won_by = d.winners()
        for winner in won_by:
            market[category][winner] += 1
        market_size[category] += 1
        for s in d.valid_suppliers:
            bids[s] += 1
            categories[s].add(category)
            if s in won_by:
                wins[s] += 1
            else:
                for winner in won_by:
                    losses[s][winner] += 1
    flags = []
    concentration = float(settings.loyal_concentration)
    for supplier, n in sorted(bids.items()):
        if n < settings.loyal_min_bids or wins[supplier] > 1:
            continue
        lost = losses[supplier]
        if not lost:
            continue
        top = lost.most_common(3)
        share = sum(c for _, c in top) / sum(lost.values())
        size = sum(market_size[c] for c in categories[supplier])
        expected = sum(market[c][w] for c in categories[supplier] for w, _ in top) / size if size else 1.0
        if share >= concentration and share >= 2 * expected:
            flags.append(make_flag("ZC-LOYAL-LOSER", "supplier", supplier_ids=[supplier], evidence={
                "valid_bids": n, "wins": wins[supplier],
                "lost_to": {w: c for w, c in top}, "share_of_losses": decimal4(share),
                "their_market_share": decimal4(expected)}))
    return flags
