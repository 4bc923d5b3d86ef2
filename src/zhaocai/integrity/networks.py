"""Supplier networks: who bids with whom, and which groups behave like a cartel.

The screening literature reads bids per *group* of firms, not per tender (Imhof, Karagök & Rutz
2018 screen consortia of firms over time; OECD 2025 guidelines, "patterns across tenders").
This module builds the co-bidding network (two suppliers are linked by the tenders in which both
lodged a valid bid) and asks, for every pair that met often enough, whether their joint tenders
show a cover-bidding shape far more often than their market does: the literature's shape
(`tight_pattern`: CV < 0.05 and RD > 1) and ZC-SCREEN-COVER's market-relative one
(`screens.cover_pattern`), each a one-sided binomial test against the category's own rate of
that shape, all of them under one Benjamini–Hochberg procedure at false discovery rate
`group_alpha` (0.05). Honest firms that meet often (a buyer asking the same shortlist again and
again) meet with honest prices, so their joint tenders look like their market and the test
stays silent.

Pairs that pass are joined into groups (connected components). A group's *cover tenders* are
its joint tenders (two or more members, at least half the valid bidders) in which the members'
own bids have the cover shape (`members_cover`, the screens read on the members' subset of the
bids: Wallimann, Imhof & Huber 2020), so that an honest outsider's bid does not hide the covers
and the members' honest meetings are not flagged. A group with at least `group_min_tenders`
cover tenders (and, if set, a member winning `group_min_win_share` of them) is a *cartel
candidate*. Its evidence names the members, their wins (in all and year by year), the winners'
sequence (rotation: few repeats, shares spread) and the screen counts. Flags:

- ZC-CARTEL (tender): each cover tender, whoever won it (a cartel's price is above the
  competitive one and an outsider underbids it now and then);
- ZC-CARTEL-MEMBER (supplier): each member, with the group's evidence.

What the groups do in their markets (bid suppression, territories, loyal losers) is read in
`markets`; the binomial tail and the Benjamini–Hochberg procedure are in `statistics`.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from itertools import pairwise
from operator import itemgetter
from typing import Any

from zhaocai.integrity.model import (
    DEFAULT_SETTINGS,
    Digest,
    Flag,
    FlagSettings,
    History,
    make_flag,
    prepare,
)
from zhaocai.integrity.prepared import MAX_PAIR_BIDDERS as MAX_PAIR_BIDDERS
from zhaocai.integrity.scope import competitive, screened_table
from zhaocai.integrity.screens import cover_pattern, cover_stats, decimal4
from zhaocai.integrity.statistics import binomial_tail as binomial_tail
from zhaocai.integrity.statistics import discoveries as discoveries


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
    at = [i for i, d in enumerate(prepared.digests)
          if competitive(d.tender) and len(d.valid_suppliers) >= 2 and d.winners()]
    awarded = [prepared.digests[i] for i in at]
    bidder_pairs = prepared.bidder_pairs()
    touching, pairs = _co_bids(awarded, [bidder_pairs.keys[i] for i in at], bidder_pairs.met(2))
    # Two screens of a tender's shape, each against its own market rate, tested together.
    shapes = [(name, found, _base_rates(awarded, found, settings)) for name, found in
              (("tight", tight_pattern(prepared, settings)), ("cover", cover_pattern(prepared, settings)))]
    base = shapes[0][2]
    suspicious = _suspicious_pairs(awarded, pairs, shapes, settings)
    screened = {id(d): bids for d, bids in zip(prepared.digests, screened_table(prepared, settings),
                                               strict=True)}
    groups = [_group(members, awarded, touching, screened, settings)
              for members in components(suspicious)]
    result = Network(awarded, pairs, base, suspicious, [g for g in groups if g is not None], touching)
    prepared.memo["network"] = result
    return result


def tight_pattern(history: History, settings: FlagSettings = DEFAULT_SETTINGS) -> dict[str, bool]:
    """Per screened tender: the literature's cover shape alone, CV < `screen_cv_max` and
    RD > `screen_rd_min` (Imhof 2017; PSPC's screen), without ZC-SCREEN-COVER's comparison with
    the category's median CV: the pair test compares the pair's rate of this shape with its
    category's own rate, which is that comparison, made once (memoised)."""
    prepared = prepare(history)
    cached: dict[str, bool] | None = prepared.memo.get("tight_pattern")
    if cached is None:
        cv_max, rd_min = float(settings.screen_cv_max), float(settings.screen_rd_min)
        cached = {tender_id: cv < cv_max and rd is not None and rd > rd_min
                  for tender_id, (cv, rd, _) in cover_stats(prepared, settings).items()}
        prepared.memo["tight_pattern"] = cached
    return cached


def members_cover(prices: list[float], settings: FlagSettings = DEFAULT_SETTINGS) -> bool:
    """Whether a group's own bids in one tender have the cover shape: at least three of them, the
    losing ones tight (the members' CV under `screen_cv_max`) and apart above the lowest (the
    members' RD above `screen_rd_min`). The screens read on the members' subset of the bids, as
    Wallimann, Imhof & Huber (2020) read subsets to find incomplete cartels: an honest outsider's
    bid does not hide the covers the members lodged."""
    if len(prices) < 3:
        return False
    ordered = sorted(prices)
    if ordered[0] <= 0:
        return False
    n = len(ordered)
    mean = sum(ordered) / n
    sd = (sum((p - mean) ** 2 for p in ordered) / n) ** 0.5
    losing = ordered[1:]
    losing_mean = sum(losing) / len(losing)
    losing_sd = (sum((p - losing_mean) ** 2 for p in losing) / len(losing)) ** 0.5
    gap = ordered[1] - ordered[0]
    if gap <= 0 or sd / mean >= float(settings.screen_cv_max):
        return False
    return losing_sd == 0 or gap / losing_sd > float(settings.screen_rd_min)


def _co_bids(awarded: list[Digest], keys: list[list[tuple[str, str]]],
             candidates: set[tuple[str, str]]
             ) -> tuple[dict[str, list[int]], dict[tuple[str, str], list[int]]]:
    """The tenders each supplier bid in, and the tenders of every pair that met twice or more
    (indices into `awarded`). `keys` are the pairs of each awarded tender (`BidderPairs.keys`),
    `candidates` the pairs that met twice or more in the whole history: most pairs meet once,
    and only the candidates are listed (and kept if they met twice in the awarded tenders)."""
    touching: dict[str, list[int]] = defaultdict(list)
    for index, d in enumerate(awarded):
        for s in d.valid_suppliers:
            touching[s].append(index)
    found: dict[tuple[str, str], list[int]] = {}
    for index, tender_pairs in enumerate(keys):
        for pair in filter(candidates.__contains__, tender_pairs):
            listed = found.get(pair)
            if listed is None:
                found[pair] = listed = []
            listed.append(index)
    # In the order each pair first met, as the pairs were counted.
    return dict(touching), {pair: indices for pair, indices in found.items() if len(indices) >= 2}


def _base_rates(awarded: list[Digest], pattern: dict[str, bool], settings: FlagSettings
                ) -> dict[str, float]:
    """Each category's share of screened tenders with the cover pattern (at least the floor)."""
    screened: dict[str, list[bool]] = defaultdict(list)
    for d in awarded:
        hit = pattern.get(d.tender.id)
        if hit is not None:
            screened[d.tender.category].append(hit)
    floor = float(settings.group_base_rate_floor)
    return {c: max(floor, sum(v) / len(v)) for c, v in screened.items() if v}


def _suspicious_pairs(awarded: list[Digest], pairs: dict[tuple[str, str], list[int]],
                      shapes: list[tuple[str, dict[str, bool], dict[str, float]]],
                      settings: FlagSettings) -> dict[tuple[str, str], dict[str, Any]]:
    """The pairs whose joint tenders show a cover shape beyond their market's rate of it: the
    Benjamini–Hochberg discoveries among all the tests, one per pair screened in enough joint
    tenders and per shape (the expected share of honest pairs among the discoveries stays at
    most `group_alpha`). The shapes: the literature's (`tight_pattern`) and ZC-SCREEN-COVER's,
    which also asks the CV to be low against the category's median (`cover_pattern`); a pair
    found by both keeps the smaller p-value."""
    floor = float(settings.group_base_rate_floor)
    # Each awarded tender's mark under each shape (whether it has the shape, and its market's
    # rate of it), or None when it was not screened: read once, then for every pair.
    marked = [(name, [(pattern[d.tender.id], base.get(d.tender.category, floor))
                      if d.tender.id in pattern else None for d in awarded])
              for name, pattern, base in shapes]
    results = []
    for pair, indices in pairs.items():
        if len(indices) < settings.group_min_tenders:
            continue
        for name, marks_of in marked:
            marks = [m for m in map(marks_of.__getitem__, indices) if m is not None]
            if len(marks) < settings.group_min_tenders:
                continue
            k = len(list(filter(None, map(_HIT, marks))))
            p0 = sum(map(_RATE, marks)) / len(marks)
            results.append((binomial_tail(k, len(marks), p0), pair, k, p0, len(marks), name))
    found: dict[tuple[str, str], dict[str, Any]] = {}
    for p_value, pair, k, p0, screened, name in discoveries(results, float(settings.group_alpha)):
        if pair not in found:  # smallest p-value first
            found[pair] = {"joint_tenders": len(pairs[pair]), "screened": screened,
                           "cover_pattern": k, "market_rate": p0, "p_value": p_value, "shape": name}
    return found


_HIT = itemgetter(0)
_RATE = itemgetter(1)


def active_tenders(net: Network, members: Iterable[str]) -> list[Digest]:
    """The awarded tenders in which any of `members` lodged a valid bid, in history order."""
    return [net.awarded[i] for i in sorted({i for m in members for i in net.touching.get(m, ())})]


def _group(members: tuple[str, ...], awarded: list[Digest], touching: dict[str, list[int]],
           screened: dict[int, list[tuple[Any, Any]]], settings: FlagSettings) -> Group | None:
    """The cartel candidate of `members`, if its members' covers show and they win those tenders.

    The group's joint tenders are those in which two or more members, at least half of the valid
    bidders, bid (two members among eight honest firms is a market, not a ring). Its *cover
    tenders* are the joint tenders in which the members' own bids have the cover shape
    (`members_cover`): members who also meet honestly are not flagged for those meetings. A group
    is a candidate when members won at least `group_min_win_share` of its cover tenders; each
    cover tender is flagged, whoever won it (the covers were lodged)."""
    chosen = set(members)
    candidates = [awarded[i] for i in sorted({i for m in members for i in touching.get(m, ())})]
    joint = [d for d in candidates if len(chosen.intersection(d.valid_suppliers)) >= 2
             and 2 * len(chosen.intersection(d.valid_suppliers)) >= len(d.valid_suppliers)]
    joint.sort(key=chronological)
    covered = [d for d in joint if members_cover(_member_prices(d, chosen, screened), settings)]
    won = [d for d in covered if not chosen.isdisjoint(d.winners())]
    if len(covered) < settings.group_min_tenders or \
            len(won) / len(covered) < float(settings.group_min_win_share):
        return None
    winners = [min(chosen.intersection(d.winners())) for d in won]
    wins = Counter(winners)
    repeats = sum(1 for a, b in pairwise(winners) if a == b)
    expected = sum((n / len(winners)) ** 2 for n in wins.values()) * max(0, len(winners) - 1)
    return Group(members, [d.tender.id for d in covered], {
        "by_year": _by_year(joint, members),
        "members": list(members), "joint_tenders": len(joint), "cover_tenders": len(covered),
        "won_by_members": len(won),
        "win_share": decimal4(len(won) / len(covered)),
        "wins": {m: wins.get(m, 0) for m in members},
        "winner_sequence": winners[:40],
        "consecutive_repeats": repeats, "repeats_expected_if_random": decimal4(expected),
        "rotation": len(wins) >= 2 and repeats < expected,
    })


def _member_prices(d: Digest, chosen: set[str], screened: dict[int, list[tuple[Any, Any]]]) -> list[float]:
    """The lowest screened price of each member that bid in `d`."""
    lowest: dict[str, Any] = {}
    for price, bid in screened.get(id(d), ()):
        supplier = bid.supplier_id
        if supplier in chosen and (supplier not in lowest or price < lowest[supplier]):
            lowest[supplier] = price
    return [float(p) for p in lowest.values()]


def _by_year(joint: list[Digest], members: tuple[str, ...]) -> dict[int, dict[str, Any]]:
    """The group's joint tenders and each member's wins, year by year (undated tenders count in
    the totals, in no year)."""
    chosen = set(members)
    by_year: dict[int, Counter[str]] = defaultdict(Counter)
    for d in joint:
        when = d.tender.published_at or d.tender.deadline
        if when is None:
            continue
        by_year[when.year]["tenders"] += 1
        for winner in chosen.intersection(d.winners()):
            by_year[when.year][winner] += 1
    return {year: {"joint_tenders": c["tenders"], "wins": {m: c[m] for m in members}}
            for year, c in sorted(by_year.items())}


def cartel_flags(history: History, settings: FlagSettings = DEFAULT_SETTINGS) -> list[Flag]:
    """ZC-CARTEL on each tender of a cartel candidate, and ZC-CARTEL-MEMBER on each member
    (memoised: `compute_flags` asks once for each code)."""
    prepared = prepare(history)
    cached: list[Flag] | None = prepared.memo.get("cartel_flags")
    if cached is not None:
        return list(cached)
    net = network(prepared, settings)
    flags: list[Flag] = []
    # Each pair's evidence once, by its first supplier (a pair lies in one group only).
    by_first: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for p, e in sorted(net.suspicious_pairs.items()):
        by_first[p[0]].append({"pair": list(p), "joint_tenders": e["joint_tenders"],
                               "cover_pattern": e["cover_pattern"], "screened": e["screened"],
                               "market_rate": decimal4(e["market_rate"]),
                               "p_value": f"{e['p_value']:.2e}"})
    for group in net.groups:
        pair_evidence = sorted((e for m in group.members for e in by_first.get(m, ())),
                               key=lambda e: e["pair"])
        evidence = {**group.evidence, "pairs": pair_evidence, "alpha": settings.group_alpha}
        for tender_id in group.tenders:
            flags.append(make_flag("ZC-CARTEL", "tender", tender_ids=[tender_id],
                                   supplier_ids=group.members, evidence=evidence))
        for member in group.members:
            flags.append(make_flag("ZC-CARTEL-MEMBER", "supplier", supplier_ids=[member],
                                   tender_ids=group.tenders, evidence=evidence))
    prepared.memo["cartel_flags"] = flags
    return list(flags)

def chronological(d: Digest) -> tuple[bool, datetime | None, str]:
    """Tenders by publication (or deadline), undated ones last, then by id."""
    when = d.tender.published_at or d.tender.deadline
    return (when is None, when, d.tender.id)
