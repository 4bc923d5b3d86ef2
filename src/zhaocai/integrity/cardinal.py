"""Red flags after the Open Contracting Partnership's Cardinal indicators (cardinal-rs).

Each function follows the methodology, defaults and exclusions documented in cardinal-rs
``docs/cli/indicators/R/NNN.md`` and implemented in ``src/indicators/rNNN.rs``, mapped from OCDS
onto `TenderFacts`: a bid is *submitted* when valid or disqualified (withdrawn bids are gone,
Law 29), the tender has an *active award* when its status is awarded or contracted and it names a
winner, `buyer` is both OCDS buyer and procuring entity. Quartiles use method 8, as statrs does.
Where zhaocai deviates from Cardinal, the docstring says so.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Mapping
from datetime import timedelta
from decimal import Decimal, localcontext
from itertools import chain, compress, repeat
from operator import and_, attrgetter, eq

from zhaocai.integrity.facts import UNOPENED_STATUSES, BidFacts, SupplierFacts, TenderFacts
from zhaocai.integrity.model import (
    DEFAULT_SETTINGS,
    RATIO_CONTEXT,
    Digest,
    Flag,
    FlagSettings,
    History,
    Quartiles,
    digests_of,
    make_flag,
    prepare,
    quantile,
    shown,
)

# R024 and R058 live in their own module; re-exported so `cardinal.rNNN` names every indicator.
from zhaocai.integrity.price_ratios import (
    r024_price_close_to_winning_bid as r024_price_close_to_winning_bid,
)
from zhaocai.integrity.price_ratios import (
    r058_heavily_discounted_bid as r058_heavily_discounted_bid,
)

_SUPPLIER = attrgetter("supplier_id")
_STATUS = attrgetter("status")


def _whole_days(period: timedelta) -> int:
    """Whole days of a period, truncated towards zero (chrono's num_days)."""
    return period.days if period >= timedelta(0) else -((-period).days)


def r003_short_submission_period(history: History,
                                 settings: FlagSettings = DEFAULT_SETTINGS) -> list[Flag]:
    """R003: the bid period (publication to deadline) is shorter than 15 days.

    Cardinal R003: period = tenderPeriod.endDate − startDate in whole days; flagged if less than
    the threshold (default 15); excluded when the procurement method is not open. Here the period
    runs from `published_at` to the deadline in force.
    """
    flags = []
    threshold = settings.r003_threshold_days
    methods = settings.r003_procurement_methods
    for d in digests_of(history):
        t = d.tender
        if t.method not in methods:
            continue
        days = _whole_days(t.deadline - t.published_at)
        if days < threshold:
            flags.append(r003_flag(t, days, threshold))
    return flags


def r003_flag(t: TenderFacts, days: int, threshold: int) -> Flag:
    """The R003 flag of a tender whose bid period is `days` long."""
    return make_flag("R003", "tender", tender_ids=[t.id], evidence={
        "published_at": t.published_at, "deadline": t.deadline, "method": t.method,
        "period_days": days, "threshold_days": threshold})


def r018_single_bid(history: History, settings: FlagSettings = DEFAULT_SETTINGS) -> list[Flag]:
    """R018: only one tenderer submitted a bid in a competitive procedure.

    Cardinal R018: flagged when the number of tenderers is 1 and the method is competitive
    (default open|selective; here open and invited). Tenders not yet opened are skipped.
    """
    flags = []
    methods = settings.r018_procurement_methods
    for d in digests_of(history):
        t = d.tender
        if t.method in methods and t.status not in UNOPENED_STATUSES and len(d.submitted_suppliers) == 1:
            flags.append(r018_flag(d))
    return flags


def r018_flag(d: Digest) -> Flag:
    """The R018 flag of a tender with a single tenderer."""
    return make_flag("R018", "tender", tender_ids=[d.tender.id], supplier_ids=d.submitted_suppliers,
                     bid_ids=[b.id for b in d.submitted],
                     evidence={"tenderers": 1, "method": d.tender.method})


def r025_excessive_unsuccessful_bids(history: History,
                                     settings: FlagSettings = DEFAULT_SETTINGS) -> list[Flag]:
    """R025: a top tenderer wins an unusually small share of its bids.

    Cardinal R025: over tenders with one active award, each tenderer's ratio = wins / tenders with
    a valid bid (each tender counted once). Flagged if its count is *greater than* the 75th
    percentile of counts and its ratio *less than* the lower fence Q1 − 1.5·IQR of the ratios (the
    strict comparisons of r025.rs).
    """
    return r025_flags([d for d in digests_of(history) if d.winner is not None], settings)


def r025_flags(awarded: list[Digest], settings: FlagSettings) -> list[Flag]:
    """R025 over the digests of the tenders with an active award."""
    bids_of = Counter(chain.from_iterable(d.valid_suppliers for d in awarded))
    wins_of = Counter(d.winner for d in awarded if d.winner in d.valid_suppliers)
    counts = {s: (wins_of[s], n) for s, n in bids_of.items()}
    if not counts or (settings.r025_threshold is None and len(counts) < settings.fence_min_values):
        return []
    with localcontext(RATIO_CONTEXT):
        ratios = {s: Decimal(w) / Decimal(n) for s, (w, n) in counts.items()}
        upper = quantile(sorted(Decimal(n) for _, n in counts.values()),
                         Decimal(settings.r025_percentile) / 100)
        if settings.r025_threshold is not None:
            lower = settings.r025_threshold
        else:
            lower = Quartiles.of(ratios.values()).lower_fence
    flags = []
    for supplier, (wins, bids) in counts.items():
        if bids > upper and ratios[supplier] < lower:
            flags.append(make_flag("R025", "supplier", supplier_ids=[supplier], evidence={
                "valid_bids": bids, "wins": wins, "ratio": shown(ratios[supplier]),
                "upper_fence_bids": shown(upper), "lower_fence_ratio": shown(lower)}))
    return flags


def r028_identical_bid_prices(history: History,
                              settings: FlagSettings = DEFAULT_SETTINGS) -> list[Flag]:
    """R028: different tenderers submitted bids with the same price.

    Cardinal R028: the tender and the tenderers whose bids share a price are flagged.
    """
    prepared = prepare(history)
    prices, owners = prepared.sorted_prices()
    # Equal neighbours in a tender's sorted prices, found for all tenders at once.
    tied = set(compress(owners[1:], map(and_, map(eq, prices[1:], prices[:-1]),
                                        map(eq, owners[1:], owners[:-1]))))
    flags = []
    for index in sorted(tied):
        d = prepared.digests[index]
        by_price: dict[Decimal, list[BidFacts]] = defaultdict(list)
        for b in d.submitted:
            by_price[b.price].append(b)
        groups = sorted((price, sorted(b.id for b in bids)) for price, bids in by_price.items()
                        if len({b.supplier_id for b in bids}) > 1)
        if groups:
            ids = {b.id: b.supplier_id for b in d.submitted}
            flags.append(make_flag(
                "R028", "tender", tender_ids=[d.tender.id],
                supplier_ids=[ids[i] for _, g in groups for i in g],
                bid_ids=[i for _, g in groups for i in g],
                evidence={"identical_prices": [p for p, _ in groups],
                          "bids_per_price": [len(g) for _, g in groups]}))
    return flags


def r030_late_bid_won(history: History, settings: FlagSettings = DEFAULT_SETTINGS) -> list[Flag]:
    """R030: a valid bid received after the deadline belongs to the winner.

    Cardinal R030: a valid bid's date is after the submission deadline and a tenderer of that
    bid is the supplier of an active award. The deadline is the one in force after amendments.
    """
    flags = []
    for d in digests_of(history):
        winner = d.winner
        if winner is None:
            continue
        deadline = d.tender.deadline
        late = [b for b in d.valid if b.supplier_id == winner and b.received_at > deadline]
        if late:
            flags.append(r030_flag(d, winner, late))
    return flags


def r030_flag(d: Digest, winner: str, late: list[BidFacts]) -> Flag:
    """The R030 flag of a tender whose winner's valid bids `late` came after the deadline."""
    deadline = d.tender.deadline
    latest = max(b.received_at for b in late)
    return make_flag("R030", "tender", tender_ids=[d.tender.id], supplier_ids=[winner],
                     bid_ids=[b.id for b in late], evidence={
        "deadline": deadline, "received_at": latest,
        "minutes_late": int((latest - deadline) / timedelta(minutes=1))})


def r035_all_except_winner_disqualified(history: History,
                                        settings: FlagSettings = DEFAULT_SETTINGS) -> list[Flag]:
    """R035: every tenderer but the winner was disqualified.

    Cardinal R035: exactly one tenderer has valid bids, it is the awarded supplier, and at least
    `threshold` (default 1) other tenderers have disqualified bids. Value: that number.
    """
    flags = []
    for d in digests_of(history):
        winner = d.winner
        if winner is None or d.valid_suppliers != (winner,):
            continue
        flag = r035_check(d, winner, settings)
        if flag is not None:
            flags.append(flag)
    return flags


def r035_check(d: Digest, winner: str, settings: FlagSettings) -> Flag | None:
    """R035 for a tender whose only valid tenderer is its winner."""
    others = [b for b in d.submitted if b.status == "disqualified" and b.supplier_id != winner]
    count = len({b.supplier_id for b in others})
    if count < settings.r035_threshold:
        return None
    return make_flag("R035", "tender", tender_ids=[d.tender.id],
                     supplier_ids=[b.supplier_id for b in others] + [winner],
                     bid_ids=[b.id for b in others], evidence={
        "disqualified_tenderers": count, "threshold": settings.r035_threshold,
        "reasons": sorted({b.disqualification_reason or "" for b in others})})


def r036_lowest_bid_disqualified(history: History,
                                 settings: FlagSettings = DEFAULT_SETTINGS) -> list[Flag]:
    """R036: the lowest submitted bid was disqualified, and the tender was awarded.

    Cardinal R036 takes the first lowest bid it meets; to stay independent of the order of bids,
    zhaocai flags when a disqualified bid is strictly lower than every valid bid.
    """
    flags = []
    for d in digests_of(history):
        if d.winner is None or len(d.submitted) == len(d.valid):
            continue
        flag = r036_check(d)
        if flag is not None:
            flags.append(flag)
    return flags


def r036_check(d: Digest) -> Flag | None:
    """R036 for an awarded tender with disqualified bids."""
    disqualified = [b for b in d.submitted if b.status == "disqualified"]
    lowest = min(b.price for b in disqualified)
    lowest_valid = min((b.price for b in d.valid), default=None)
    if lowest_valid is not None and lowest >= lowest_valid:
        return None
    bids = [b for b in disqualified if b.price == lowest]
    return make_flag("R036", "tender", tender_ids=[d.tender.id],
                     supplier_ids=[b.supplier_id for b in bids],
                     bid_ids=[b.id for b in bids], evidence={
        "lowest_price": lowest, "lowest_valid_price": lowest_valid,
        "reasons": sorted({b.disqualification_reason or "" for b in bids})})


def _high_outliers(code: str, subject: str, fractions: Mapping[str, list[int]], minimum: int,
                   settings: FlagSettings) -> list[Flag]:
    eligible = {k: v for k, v in fractions.items() if v[2] >= minimum}
    if not eligible:
        return []
    with localcontext(RATIO_CONTEXT):
        ratios = {k: Decimal(v[0]) / Decimal(v[1]) for k, v in eligible.items()}
    extra: dict[str, Decimal] = {}
    if settings.r038_threshold is not None:
        fence = settings.r038_threshold
    else:
        if len(ratios) < settings.fence_min_values:
            return []
        quartiles = Quartiles.of(ratios.values())
        fence = quartiles.upper_fence
        extra = {"q1": shown(quartiles.q1), "q3": shown(quartiles.q3)}
    flags = []
    for key, ratio in ratios.items():
        if ratio > 0 and ratio >= fence:
            disqualified, submitted, _ = eligible[key]
            evidence = {"disqualified_bids": disqualified, "submitted_bids": submitted,
                        "ratio": shown(ratio), "upper_fence": shown(fence), **extra}
            if subject == "buyer":
                flags.append(make_flag(code, "buyer", buyer=key, evidence=evidence))
            else:
                flags.append(make_flag(code, "supplier", supplier_ids=[key], evidence=evidence))
    return flags


def r038_excessive_disqualified_bids(history: History,
                                     settings: FlagSettings = DEFAULT_SETTINGS) -> list[Flag]:
    """R038: a buyer or tenderer has an unusually high share of disqualified bids.

    Cardinal R038: ratio = disqualified / submitted bids per buyer (buyers with at least 2
    contracting processes) and per tenderer (at least 2 submitted bids); flagged if ≥ the upper
    fence Q3 + 1.5·IQR of that group's ratios (or the set threshold). Zhaocai never flags a
    ratio of 0: when most ratios are 0 the fence is 0 and Cardinal would flag everyone.
    """
    prepared = prepare(history)
    bids, _ = prepared.flat_submitted()
    suppliers = prepared.memo.get("flat_suppliers")
    if suppliers is None:
        suppliers = prepared.memo["flat_suppliers"] = list(map(_SUPPLIER, bids))
    submitted = Counter(suppliers)
    disqualified = Counter(compress(suppliers, map(eq, map(_STATUS, bids), repeat("disqualified"))))
    tenderers = {s: [disqualified[s], n, n] for s, n in submitted.items()}
    buyers: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for d in prepared.digests:
        if d.submitted:
            entry = buyers[d.tender.buyer]
            entry[0] += len(d.submitted) - len(d.valid)
            entry[1] += len(d.submitted)
            entry[2] += 1
    return (_high_outliers("R038", "buyer", buyers, settings.r038_minimum_contracting_processes,
                           settings)
            + _high_outliers("R038", "supplier", tenderers, settings.r038_minimum_submitted_bids,
                             settings))


def r048_heterogeneous_supplier(history: History, suppliers: Mapping[str, SupplierFacts] | None = None,
                                settings: FlagSettings = DEFAULT_SETTINGS) -> list[Flag]:
    """R048: a supplier wins in an unusually wide variety of categories.

    Cardinal R048: variety = distinct first-level classifications of the items awarded to the
    supplier; flagged if ≥ the upper fence ⌈Q3 + 1.5·IQR⌉ (or the set threshold). Zhaocai's
    first level is the tender's category; a supplier with one category is never flagged (with
    five categories the fence is often 1). The categories outside the supplier's usual ones
    (`SupplierFacts.categories`) are shown as evidence.
    """
    won: dict[str, set[str]] = defaultdict(set)
    for d in digests_of(history):
        if d.winner is not None:
            won[d.winner].add(d.tender.category)
    return r048_flags(won, suppliers, settings)


def r048_flags(won: Mapping[str, set[str]], suppliers: Mapping[str, SupplierFacts] | None,
               settings: FlagSettings) -> list[Flag]:
    """R048 from the categories each winner won in."""
    if not won:
        return []
    extra: dict[str, Decimal] = {}
    if settings.r048_threshold is not None:
        fence = settings.r048_threshold
    else:
        if len(won) < settings.fence_min_values:
            return []
        quartiles = Quartiles.of(Decimal(len(c)) for c in won.values())
        fence = math.ceil(quartiles.upper_fence)
        extra = {"q1": shown(quartiles.q1), "q3": shown(quartiles.q3)}
    flags = []
    known = suppliers or {}
    for supplier, categories in won.items():
        if len(categories) >= 2 and len(categories) >= fence:
            usual = known[supplier].categories if supplier in known else frozenset()
            flags.append(make_flag("R048", "supplier", supplier_ids=[supplier], evidence={
                "variety": len(categories), "categories": sorted(categories),
                "outside_usual_categories": sorted(categories - usual) if usual else [],
                "upper_fence": fence, **extra}))
    return flags
