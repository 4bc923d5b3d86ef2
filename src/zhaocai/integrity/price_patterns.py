"""Price patterns across bids and tenders: near-equal prices, constant ratios, insider bids.

- ZC-NEAR-EQUAL: two different bidders' prices in one tender differ by more than nothing (R028
  takes exact equality) but by at most `near_equal_tolerance` (0.02 %: 456,553 against 456,600)
  when one of them won, a quarter of that (0.005 %) between two losing bids.
  Independent estimates of a construction job scatter by several per cent (Imhof 2017 finds a
  CV near 10 % in competitive Swiss tenders); two bids within two ten-thousandths are one
  price copied and nudged. Reg 40 (4) (prices in a regular pattern) and OECD 2009 ("identical or
  suspiciously close bids").
- ZC-CONSTANT-RATIO: the same two suppliers' prices keep the same ratio (within
  `ratio_tolerance`, 0.05 %) in at least `ratio_min_tenders` (3) tenders and in at least half the
  tenders where both bid: one firm prices from the other's figure (a cover computed as "theirs
  plus 5 %"). Honest ratios between two firms vary by several per cent from job to job.
- ZC-LATE-HAIR: the winning bid was lodged within `late_hair_minutes` (60) of the deadline,
  after the second-lowest bid (a leak shows only the bids already lodged), and beat it by at
  most `late_hair_margin` (1 %): the pattern
  of a bidder who learnt the others' prices (OECD 2009, "a late bidder wins by a small margin";
  Cardinal's R024 names a winning tender just below the next). Needs the bids' receipt times.
  Honest firms that habitually lodge in the last hour do this now and then, so alone it is a
  screen.
- ZC-INSIDER: a supplier's ZC-LATE-HAIR wins fall with one buyer far more often than its bids
  do: a one-sided binomial test (k late wins by a hair with that buyer out of n, against the
  share of its bids lodged with that buyer), a discovery of the Benjamini–Hochberg procedure over
  the supplier–buyer pairs examined at false discovery rate `group_alpha`, with at least two
  such wins. An insider serves
  one buyer's officials; a habit of lodging late follows the supplier everywhere.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import timedelta
from decimal import Decimal, localcontext
from itertools import combinations, compress, pairwise, repeat
from operator import and_, attrgetter, eq, gt, itemgetter, le, mul, sub

from zhaocai.integrity.facts import BidFacts
from zhaocai.integrity.model import (
    DEFAULT_SETTINGS,
    RATIO_CONTEXT,
    Digest,
    Flag,
    FlagSettings,
    History,
    PreparedHistory,
    make_flag,
    prepare,
    shown,
)
from zhaocai.integrity.scope import (
    compared_currency,
    compares_prices,
    competitive,
    screened_floats,
    screened_table,
)
from zhaocai.integrity.statistics import binomial_tail, discoveries


def near_equal_prices(history: History, settings: FlagSettings = DEFAULT_SETTINGS) -> list[Flag]:
    """ZC-NEAR-EQUAL: two bidders' prices within `near_equal_tolerance` but not equal."""
    prepared = prepare(history)
    currency = compared_currency(prepared, settings)
    flags = []
    with localcontext(RATIO_CONTEXT):
        for index in _near_candidates(prepared, settings.near_equal_tolerance):
            flag = near_equal_flag(prepared.digests[index], settings, currency)
            if flag is not None:
                flags.append(flag)
    return flags


def near_equal_flag(d: Digest, settings: FlagSettings, currency: str | None) -> Flag | None:
    """ZC-NEAR-EQUAL for one tender: its neighbouring opened prices (sorted, equal prices by bid
    id) of different bidders that are close but not equal. Computed in `RATIO_CONTEXT`."""
    tolerance = settings.near_equal_tolerance
    bids = sorted(_opened_prices(d, settings, currency), key=lambda b: (b[0], b[1].id))
    winners = d.winners()
    close = []
    for (low_price, low), (high_price, high) in pairwise(bids):
        # Between two losing bids the tolerance is a quarter as wide: a pair touching
        # the winner is the leak the flag is about, and other pairs are many.
        touches = not winners.isdisjoint((low.supplier_id, high.supplier_id))
        allowed = tolerance if touches else tolerance / 4
        if (low.supplier_id != high.supplier_id and low_price > 0 and high_price != low_price
                and (high_price - low_price) / low_price <= allowed):
            close.append((low, high))
    if not close:
        return None
    return make_flag(
        "ZC-NEAR-EQUAL", "tender", tender_ids=[d.tender.id],
        supplier_ids=[b.supplier_id for pair in close for b in pair],
        bid_ids=[b.id for pair in close for b in pair], evidence={
            "tolerance": tolerance, "pairs": [{
                "prices": [low.price, high.price], "bids": [low.id, high.id],
                "suppliers": [low.supplier_id, high.supplier_id],
                "relative_gap": _gap(low, high),
            } for low, high in close]})


def _near_candidates(prepared: PreparedHistory, tolerance: Decimal) -> list[int]:
    """The tenders (digest indices) where two neighbouring submitted prices are within the widest
    tolerance, found for the whole history at once with C-level `map`s over the flat sorted
    prices (in floats, with a little slack for rounding); the exact test follows for these only.

    Enough: two unequal neighbours of the opened prices are at least as far apart, relatively,
    as every rising step between them in all the tender's submitted prices."""
    owners = prepared.sorted_prices()[1]
    if len(owners) < 2:
        return []
    floats = prepared.sorted_floats()
    low = floats[:-1]
    steps = list(map(sub, floats[1:], low))
    close = map(le, steps, map(mul, low, repeat(float(tolerance) * 1.001)))
    rising = map(and_, map(gt, steps, repeat(0.0)), map(gt, low, repeat(0.0)))
    keep = map(and_, map(and_, close, rising), map(eq, owners[:-1], owners[1:]))
    return sorted(set(compress(owners[:-1], keep)))


def _opened_prices(d: Digest, settings: FlagSettings, currency: str | None
                   ) -> list[tuple[Decimal, BidFacts]]:
    """The priced bids read at the opening of a competitive tender whose prices may be compared:
    valid or disqualified (a copied price is evidence whatever became of the bid), not pending."""
    if not competitive(d.tender) or not compares_prices(d.tender, settings):
        return []
    return [(b.price, b) for b in d.submitted
            if b.status != "pending" and b.price is not None and b.currency == currency]


def _gap(low: BidFacts, high: BidFacts) -> Decimal | None:
    """(high − low) / low of two priced bids."""
    if low.price is None or high.price is None or low.price <= 0:
        return None
    return (high.price - low.price) / low.price


def constant_ratios(history: History, settings: FlagSettings = DEFAULT_SETTINGS) -> list[Flag]:
    """ZC-CONSTANT-RATIO: the same two suppliers' prices in one fixed ratio across tenders."""
    ratios = _pair_ratios(prepare(history), settings)
    tolerance = float(settings.ratio_tolerance)
    flags: list[Flag] = []
    for one, other in sorted(ratios):
        found = ratios[(one, other)]
        found.sort()
        best = _widest_band(found, tolerance)
        if (len(best) >= settings.ratio_min_tenders and 2 * len(best) >= len(found)
                and abs(best[0][0] - 1.0) > tolerance):
            values = [r for r, _ in best]
            flags.extend(make_flag("ZC-CONSTANT-RATIO", "tender", tender_ids=[tender_id],
                                   supplier_ids=[one, other], evidence={
                "pair": [one, other], "ratio_low": Decimal(repr(round(values[0], 6))),
                "ratio_high": Decimal(repr(round(values[-1], 6))),
                "tenders": sorted(t for _, t in best), "joint_tenders": len(found),
                "tolerance": settings.ratio_tolerance}) for _, tender_id in best)
    return flags


def _pair_ratios(prepared: PreparedHistory, settings: FlagSettings
                 ) -> dict[tuple[str, str], list[tuple[float, str]]]:
    """For each pair of suppliers that met in at least `ratio_min_tenders` tenders of 2 to 15
    priced bidders: the ratio of their lowest prices (second / first) in each, with the tender."""
    least = settings.ratio_min_tenders
    every = prepared.bidder_pairs()
    entries: list[tuple[str, list[tuple[str, str]], list[float]]] = []
    # Pairs of priced bidders that are not a tender's valid bidders, counted here; the others
    # are counted once for the history (`BidderPairs`).
    others: Counter[tuple[str, str]] = Counter()
    for index, (d, bids, floats) in enumerate(zip(prepared.digests, screened_table(prepared, settings),
                                                  screened_floats(prepared, settings), strict=True)):
        lowest: dict[str, float] = {}
        for price, (_, b) in zip(floats, bids, strict=True):
            if price > 0 and (b.supplier_id not in lowest or price < lowest[b.supplier_id]):
                lowest[b.supplier_id] = price
        if 2 <= len(lowest) <= 15:
            ordered = sorted(lowest.items())
            if lowest.keys() == set(d.valid_suppliers):
                pairs = every.keys[index]
            else:
                pairs = list(combinations([s for s, _ in ordered], 2))
                others.update(pairs)
            entries.append((d.tender.id, pairs, [p for _, p in ordered]))
    # A pair met at most as often as counted over all valid bidders and these others: list the
    # ratios of the pairs that may have met often enough, keep those that did.
    candidates = every.met(least) if not others else \
        {pair for pair in every.counts.keys() | others.keys() if every.counts[pair] + others[pair] >= least}
    ratios: dict[tuple[str, str], list[tuple[float, str]]] = {}
    for tender_id, pairs, prices in entries:
        steps = zip(pairs, combinations(prices, 2), strict=True)
        for pair, (pa, pb) in compress(steps, map(candidates.__contains__, pairs)):
            found = ratios.get(pair)
            if found is None:
                ratios[pair] = found = []
            found.append((pb / pa, tender_id))
    return {pair: found for pair, found in ratios.items() if len(found) >= least}


def _widest_band(found: list[tuple[float, str]], tolerance: float) -> list[tuple[float, str]]:
    """The most sorted ratios within one band of relative width `tolerance` (the first such)."""
    best: list[tuple[float, str]] = []
    start = 0
    for end in range(len(found)):
        while found[end][0] > found[start][0] * (1 + tolerance):
            start += 1
        if end - start + 1 > len(best):
            best = found[start:end + 1]
    return best


def late_hair_win(history: History, settings: FlagSettings = DEFAULT_SETTINGS) -> list[Flag]:
    """ZC-LATE-HAIR: the winner lodged just before the deadline, after the bid it beat, and won by
    a hair (a leak shows only the bids already lodged; other bids may still arrive after it).

    Read only where the timing is known: a tender with one winner, a deadline, and a receipt
    time and a comparable price on every valid bid (`scope.screened_prices`). Memoised: ZC-INSIDER
    reads the same flags."""
    prepared = prepare(history)
    key = "late_hair:" + repr((settings.late_hair_minutes, settings.late_hair_margin, settings.currency,
                               sorted(settings.no_price_comparison_method_details),
                               sorted(settings.price_comparison_method_details or ())))
    cached: list[Flag] | None = prepared.memo.get(key)
    if cached is not None:
        return list(cached)
    window = timedelta(minutes=settings.late_hair_minutes)
    margin = settings.late_hair_margin
    flags = []
    with localcontext(RATIO_CONTEXT):
        for d, bids in zip(prepared.digests, screened_table(prepared, settings), strict=True):
            if _last_in_window(d, bids, window) and \
                    (found := _late_hair(d, bids, settings, window, margin)) is not None:
                flags.append(found)
    prepared.memo[key] = flags
    return list(flags)


def _last_in_window(d: Digest, bids: list[tuple[Decimal, BidFacts]], window: timedelta) -> bool:
    """The screen before `_late_hair`, with C-level maps: the tender has a deadline and two or
    more bids, each with a receipt time, the last of them within `window` of the deadline. Most
    tenders fail it, and `_late_hair` flags none of those."""
    deadline = d.tender.deadline
    if deadline is None or len(bids) < 2:
        return False
    received = list(map(_RECEIVED, map(_BID, bids)))
    return None not in received and deadline - window <= max(received) <= deadline


def _late_hair(d: Digest, bids: list[tuple[Decimal, BidFacts]], settings: FlagSettings,
               window: timedelta, margin: Decimal) -> Flag | None:
    """ZC-LATE-HAIR for one tender (None when it does not apply or does not fire)."""
    winner, deadline = d.winner, d.tender.deadline
    if winner is None or deadline is None or len(bids) < 2 or len(bids) < len(d.valid):
        return None
    timed = [(b.received_at, b.id, price, b) for price, b in bids if b.received_at is not None]
    if len(timed) < len(bids):
        return None
    own = [x for x in timed if x[3].supplier_id == winner]
    if not own:
        return None
    received_at, _, winning_price, last = min(own, key=lambda x: (x[2], x[0], x[1]))
    if not (deadline - window <= received_at <= deadline):
        return None
    second_price, second = min(((p, b) for p, b in bids if b.supplier_id != winner),
                               key=lambda pb: (pb[0], pb[1].id))
    # A leak shows only the bids already lodged: the winner lodged after the bid it beat.
    if second.received_at is None or second.received_at > received_at:
        return None
    if winning_price <= 0 or second_price < winning_price:
        return None
    gap = (second_price - winning_price) / winning_price
    if gap > margin:
        return None
    return make_flag("ZC-LATE-HAIR", "tender", tender_ids=[d.tender.id],
                     supplier_ids=[winner, second.supplier_id], bid_ids=[last.id, second.id],
                     evidence={"winner": winner, "winning_price": winning_price,
                               "second_lowest_price": second_price, "margin": shown(gap),
                               "received_at": received_at, "deadline": deadline,
                               "minutes_before_deadline":
                                   int((deadline - received_at) / timedelta(minutes=1)),
                               "window_minutes": settings.late_hair_minutes, "margin_max": margin})


_RECEIVED = attrgetter("received_at")
_BID = itemgetter(1)


def insider_wins(history: History, settings: FlagSettings = DEFAULT_SETTINGS) -> list[Flag]:
    """ZC-INSIDER: the late wins by a hair of one supplier concentrate on one buyer."""
    prepared = prepare(history)
    late = late_hair_win(prepared, settings)
    if not late:
        return []
    by_pair, wins = _late_wins_by_buyer(prepared, late)
    bids_with = _bids_by_buyer(prepared)
    results = []
    for (supplier, buyer), tenders in sorted(by_pair.items()):
        total = sum(bids_with[supplier].values())
        share = bids_with[supplier][buyer] / total if total else 1.0
        if len(tenders) >= 2:
            results.append((binomial_tail(len(tenders), wins[supplier], share), supplier, buyer, share))
    flags: list[Flag] = []
    for p_value, supplier, buyer, share in discoveries(results, float(settings.group_alpha), len(by_pair)):
        tenders = by_pair[(supplier, buyer)]
        evidence = {"supplier": supplier, "buyer": buyer, "late_wins_with_buyer": len(tenders),
                    "late_wins": wins[supplier], "share_of_bids_with_buyer": Decimal(repr(round(share, 4))),
                    "p_value": f"{p_value:.2e}", "tenders": sorted(tenders)}
        flags.extend(make_flag("ZC-INSIDER", "tender", tender_ids=[t], supplier_ids=[supplier], buyer=buyer,
                               evidence=evidence) for t in tenders)
    return flags


def _late_wins_by_buyer(prepared: PreparedHistory, late: list[Flag]
                        ) -> tuple[dict[tuple[str, str], list[str]], Counter[str]]:
    """The late wins by a hair per (winner, buyer), and each winner's count of them."""
    buyer_of = {d.tender.id: d.tender.buyer for d in prepared.digests}
    by_pair: dict[tuple[str, str], list[str]] = defaultdict(list)
    wins: Counter[str] = Counter()
    for flag in late:
        winner = str(flag.evidence["winner"])
        wins[winner] += 1
        buyer = buyer_of[flag.tender_ids[0]]
        if buyer:  # a tender whose data names no buyer cannot show a preference for one
            by_pair[(winner, buyer)].append(flag.tender_ids[0])
    return by_pair, wins


def _bids_by_buyer(prepared: PreparedHistory) -> dict[str, Counter[str]]:
    """Each supplier's valid bids in competitive tenders, counted by buyer."""
    bids_with: dict[str, Counter[str]] = defaultdict(Counter)
    for d in prepared.digests:
        if competitive(d.tender):
            for s in d.valid_suppliers:
                bids_with[s][d.tender.buyer] += 1
    return bids_with
