"""What suppliers do in their markets: bid suppression, territories and loyal losers.

These flags read the co-bidding network (`networks.network`) and the cartel candidates found in
it, and ask how suppliers share the buyers and categories of a market:

- ZC-BID-SUPPRESSION (tender): a member of a cartel candidate bid alone while the other members,
  who regularly bid with that buyer in that category, stayed away, fewer firms bid than usually
  bid there, and the award was dear;
- ZC-MARKET-ALLOCATION (tender, supplier): suppliers of one category that split its buyers
  between them (each wins with its own buyers and never with the other's), beyond chance;
- ZC-LOYAL-LOSER (supplier): bids often, (almost) never wins, and most of its losses are to the
  same one to three winners, far more than those winners' market share explains.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from decimal import Decimal, localcontext
from itertools import chain, combinations, repeat
from operator import itemgetter
from statistics import median

from zhaocai.integrity.model import (
    DEFAULT_SETTINGS,
    RATIO_CONTEXT,
    Digest,
    Flag,
    FlagSettings,
    History,
    Quartiles,
    make_flag,
    shown,
)
from zhaocai.integrity.networks import Group, Network, active_tenders, network
from zhaocai.integrity.screens import decimal4
from zhaocai.integrity.statistics import discoveries


def bid_suppression(history: History, settings: FlagSettings = DEFAULT_SETTINGS) -> list[Flag]:
    """ZC-BID-SUPPRESSION: a cartel member bid alone while the group's regulars stayed away.

    Per buyer and category, the group is *active* in the tenders where any member bid; a member
    is *regular* there when it bid in at least `regular_share` (half) of them. Flagged: exactly
    one member bid, a regular member was absent, fewer firms bid than usually do for that buyer
    in that category (the median over all its awarded competitive tenders there: the market's
    usual number, not the group's, whose own tenders include the suppressed ones), and the award
    is dear: its ratio to the estimate is above the upper quartile of the category's awards
    (suppression raises the price; OECD 2009, "fewer competitors than usual", "regular
    suppliers fail to bid"). Whoever won: a cartel's price above the competitive one loses to
    an outsider now and then, and the regulars still stayed away.
    """
    net = network(history, settings)
    if not net.groups:
        return []
    ratio_of, dear = _award_ratios(net, settings)
    sizes: dict[tuple[str, str], list[int]] = defaultdict(list)
    for d in net.awarded:
        sizes[(d.tender.buyer, d.tender.category)].append(len(d.valid_suppliers))
    usual = {cell: median(found) for cell, found in sizes.items()}
    flags = []
    for group in net.groups:
        cells: dict[tuple[str, str], list[Digest]] = defaultdict(list)
        for d in active_tenders(net, group.members):
            cells[(d.tender.buyer, d.tender.category)].append(d)
        covered = set(group.tenders)
        for cell, active in sorted(cells.items()):
            # Where the group lodged covers at least twice: its members are regulars of the
            # cartel there, not merely firms that also compete honestly with that buyer.
            if len(active) >= settings.group_min_tenders and \
                    sum(d.tender.id in covered for d in active) >= 2:
                flags.extend(_suppressed(group, cell, active, usual[cell], ratio_of,
                                         dear.get(cell[1]), settings))
    return flags


def _award_ratios(net: Network, settings: FlagSettings
                  ) -> tuple[dict[int, Decimal | None], dict[str, Decimal]]:
    """Each awarded tender's award ratio (by digest object, computed once), and each category's
    upper quartile of them where enough tenders have one."""
    ratios: dict[str, list[Decimal]] = defaultdict(list)
    ratio_of: dict[int, Decimal | None] = {}
    with localcontext(RATIO_CONTEXT):  # once for all the tenders, not once per tender
        for d in net.awarded:
            ratio = ratio_of[id(d)] = _award_ratio(d)
            if ratio is not None:
                ratios[d.tender.category].append(ratio)
    dear = {c: Quartiles.of(v).q3 for c, v in ratios.items() if len(v) >= settings.fence_min_values}
    return ratio_of, dear


def _suppressed(group: Group, cell: tuple[str, str], active: list[Digest], usual: float,
                ratio_of: dict[int, Decimal | None], dear: Decimal | None,
                settings: FlagSettings) -> list[Flag]:
    """ZC-BID-SUPPRESSION among the group's active tenders with one buyer in one category."""
    buyer, category = cell
    chosen = set(group.members)
    counts = Counter(s for d in active for s in d.valid_suppliers if s in chosen)
    regular = {s for s, n in counts.items() if n >= len(active) * float(settings.regular_share)}
    flags = []
    for d in active:
        present = chosen.intersection(d.valid_suppliers)
        absent = sorted(regular - present)
        ratio = ratio_of[id(d)]
        if (len(present) == 1 and absent
                and len(d.valid_suppliers) < usual and ratio is not None
                and dear is not None and ratio > dear):
            flags.append(make_flag("ZC-BID-SUPPRESSION", "tender", tender_ids=[d.tender.id],
                                   supplier_ids=[*present, *absent], evidence={
                "winner": d.winner, "absent_regular_members": absent,
                "bidders": len(d.valid_suppliers), "usual_bidders": usual,
                "award_to_estimate": shown(ratio), "category_upper_quartile": shown(dear),
                "buyer": buyer, "category": category, "group": list(group.members)}))
    return flags


def _award_ratio(d: Digest) -> Decimal | None:
    """The one winner's lowest priced valid bid over the estimate (None when either is unknown
    or the tender has several winners), divided in the current context (`RATIO_CONTEXT`)."""
    estimate = d.tender.estimate
    winner = d.winner
    if winner is None or estimate is None or estimate <= 0:
        return None
    prices = [b.price for b in d.valid if b.supplier_id == winner and b.price is not None]
    if not prices:
        return None
    return min(prices) / estimate


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


_SUPPLIER_CATEGORY = itemgetter(0, 1)


def _territories(net: Network, settings: FlagSettings) -> list[_Territory]:
    """Suppliers that win with some buyers of a category and never with the others they bid at."""
    named = [d for d in net.awarded if d.tender.buyer]  # no buyer named: no territory
    # A supplier that never won in the category has no home there: it is counted among those
    # examined (with two buyers or more) but its bids are not read.
    won = {(w, d.tender.category) for d in named for w in d.winners()}
    # Every valid bid and every win as a bidder, counted per (supplier, category, buyer) at C
    # level: the territory test reads counts; the tenders are listed only for its candidates.
    bids = Counter(chain.from_iterable(zip(d.valid_suppliers, repeat(d.tender.category),
                                           repeat(d.tender.buyer)) for d in named))
    wins = Counter(chain.from_iterable(zip(d.winners().intersection(d.valid_suppliers),
                                           repeat(d.tender.category), repeat(d.tender.buyer))
                                       for d in named))
    examined = sum(1 for n in Counter(map(_SUPPLIER_CATEGORY, bids)).values() if n >= 2)
    record: dict[tuple[str, str], dict[str, int]] = defaultdict(dict)
    for (supplier, category, buyer), n in bids.items():
        if (supplier, category) in won:
            record[(supplier, category)][buyer] = n
    candidates = []
    for (supplier, category), by_buyer in sorted(record.items()):
        if len(by_buyer) >= 2 and (found := _territory(supplier, category, by_buyer, wins,
                                                       settings)) is not None:
            candidates.append(found)
    if candidates:
        at: dict[tuple[str, str], list[Digest]] = defaultdict(list)
        for d in named:
            at[(d.tender.category, d.tender.buyer)].append(d)
        candidates = [_with_home_wins(t, at) for t in candidates]
    found_all = discoveries([(t.chance, t.supplier, t.category, t) for t in candidates],
                            float(settings.group_alpha), examined)
    return [r[3] for r in found_all]


def _territory(supplier: str, category: str, by_buyer: dict[str, int],
               wins: Counter[tuple[str, str, str]], settings: FlagSettings) -> _Territory | None:
    """The supplier's territory in the category, before the test: a home (two wins or more with
    a buyer) and enough bids at other buyers, none of them won (`by_buyer`: the supplier's valid
    bids per buyer; `wins`: its wins per category and buyer, as a valid bidder). The home wins'
    tenders are listed afterwards (`_with_home_wins`)."""
    won = {b: wins[(supplier, category, b)] for b in by_buyer}
    if 1 in won.values():
        return None  # a single win away from home: no clean territory
    home = {b for b, n in won.items() if n >= 2}
    away = set(by_buyer) - home
    away_bids = sum(by_buyer[b] for b in away)
    if not home or away_bids < settings.group_min_tenders:
        return None
    rate = sum(won[b] for b in home) / sum(by_buyer.values())
    return _Territory(supplier, category, frozenset(home), frozenset(away), [],
                      away_bids, rate, (1 - rate) ** away_bids)


def _with_home_wins(t: _Territory, at: dict[tuple[str, str], list[Digest]]) -> _Territory:
    """`t` with the tenders it won at home, buyer by buyer (sorted), in the history's order."""
    home_wins = [d.tender.id for b in sorted(t.home) for d in at[(t.category, b)]
                 if t.supplier in d.valid_suppliers and t.supplier in d.winners()]
    return _Territory(t.supplier, t.category, t.home, t.away, home_wins, t.away_bids, t.win_rate,
                      t.chance)


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
    flags: list[Flag] = []
    named: dict[str, _Territory] = {}
    for a, b in combinations(_territories(net, settings), 2):
        pair = _allocating(a, b, net)
        if pair is not None:
            named[a.supplier], named[b.supplier] = a, b
            flags.extend(_allocation_flags(pair, a, b, settings))
    flags.extend(_territory_flag(t) for _, t in sorted(named.items()))
    # A tender won at home may be named by two pairs; keep one flag per tender.
    return one_per_subject(flags)


def _allocating(a: _Territory, b: _Territory, net: Network) -> tuple[str, str] | None:
    """The pair (sorted) when two territories split one category's buyers and their holders
    met at least twice; else None."""
    if (a.category != b.category or a.supplier == b.supplier or not (a.home & b.away)
            or not (b.home & a.away)):
        return None
    first, second = sorted((a.supplier, b.supplier))
    return (first, second) if len(net.pairs.get((first, second), ())) >= 2 else None


def _allocation_flags(pair: tuple[str, str], a: _Territory, b: _Territory,
                      settings: FlagSettings) -> list[Flag]:
    """ZC-MARKET-ALLOCATION on each home win of an allocating pair."""
    evidence = {"pair": list(pair), "category": a.category,
                "territories": {t.supplier: sorted(t.home) for t in (a, b)},
                "never_won_with": {t.supplier: sorted(t.away) for t in (a, b)},
                "bids_without_a_win": {t.supplier: t.away_bids for t in (a, b)},
                "chance": {t.supplier: f"{t.chance:.2e}" for t in (a, b)},
                "alpha": settings.group_alpha}
    return [make_flag("ZC-MARKET-ALLOCATION", "tender", tender_ids=[tender_id], supplier_ids=pair,
                      evidence=evidence) for t in (a, b) for tender_id in t.home_wins]


def _territory_flag(t: _Territory) -> Flag:
    """ZC-MARKET-ALLOCATION on a supplier of an allocating pair, with its territory."""
    return make_flag("ZC-MARKET-ALLOCATION", "supplier", supplier_ids=[t.supplier],
                     tender_ids=t.home_wins, evidence={
        "category": t.category, "home": sorted(t.home), "away": sorted(t.away),
        "bids_without_a_win": t.away_bids, "win_rate": decimal4(t.win_rate),
        "chance": f"{t.chance:.2e}"})


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


@dataclass(slots=True)
class _Tally:
    """Per supplier: valid bids, wins, losses by winner and categories; per category: the
    awarded tenders and each winner's wins."""

    bids: Counter[str] = field(default_factory=Counter)
    wins: Counter[str] = field(default_factory=Counter)
    losses: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    categories: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    market: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    market_size: Counter[str] = field(default_factory=Counter)


def _tally(net: Network, settings: FlagSettings) -> _Tally:
    """The counts `loyal_losers` reads; losses by winner only for the suppliers that can be loyal
    losers (enough bids, at most one win): most suppliers are not, and their losses are not
    needed."""
    tally = _Tally()
    categories, losses = tally.categories, tally.losses
    # The counts of every bid, win and tender at C level.
    tally.bids.update(chain.from_iterable(d.valid_suppliers for d in net.awarded))
    tally.wins.update(chain.from_iterable(d.winners().intersection(d.valid_suppliers)
                                          for d in net.awarded))
    tally.market_size.update(d.tender.category for d in net.awarded)
    wanted = {s for s, n in tally.bids.items()
              if n >= settings.loyal_min_bids and tally.wins[s] <= 1}
    for d in net.awarded:
        category = d.tender.category
        won_by = d.winners()
        market = tally.market[category]
        for winner in won_by:
            market[winner] += 1
        for s in wanted.intersection(d.valid_suppliers):
            categories[s].add(category)
            if s not in won_by:
                lost = losses[s]
                for winner in won_by:
                    lost[winner] += 1
    return tally


def loyal_losers(history: History, settings: FlagSettings = DEFAULT_SETTINGS) -> list[Flag]:
    """ZC-LOYAL-LOSER: bids often, wins at most once, loses mostly to the same few winners.

    A supplier with at least `loyal_min_bids` valid bids in awarded tenders and at most one win
    whose three most frequent winners took at least `loyal_concentration` (60 %) of its losses,
    at least twice the share those winners won of its categories' awarded tenders.
    """
    tally = _tally(network(history, settings), settings)
    flags = []
    for supplier, n in sorted(tally.bids.items()):
        if n >= settings.loyal_min_bids and tally.wins[supplier] <= 1 and tally.losses[supplier]:
            flag = _loyal_loser(supplier, tally, settings)
            if flag is not None:
                flags.append(flag)
    return flags


def _loyal_loser(supplier: str, tally: _Tally, settings: FlagSettings) -> Flag | None:
    """ZC-LOYAL-LOSER for one frequent loser, when its losses concentrate on a few winners."""
    lost = tally.losses[supplier]
    top = lost.most_common(3)
    share = sum(c for _, c in top) / sum(lost.values())
    categories = tally.categories[supplier]
    size = sum(tally.market_size[c] for c in categories)
    expected = sum(tally.market[c][w] for c in categories for w, _ in top) / size if size else 1.0
    if share < float(settings.loyal_concentration) or share < 2 * expected:
        return None
    return make_flag("ZC-LOYAL-LOSER", "supplier", supplier_ids=[supplier], evidence={
        "valid_bids": tally.bids[supplier], "wins": tally.wins[supplier],
        "lost_to": {w: c for w, c in top}, "share_of_losses": decimal4(share),
        "their_market_share": decimal4(expected)})
