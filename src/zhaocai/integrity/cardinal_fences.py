"""Cardinal's indicators over the whole history, with quartile fences: R025, R038 and R048.

Each tallies a ratio or a count per tenderer, buyer or procuring entity and flags the outliers
beyond a Tukey fence (method 8 quartiles, as statrs) or beyond a set threshold. See `cardinal`
for the shared conventions; docs/integrity.md for each difference from Cardinal.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Collection, Iterable, Mapping
from decimal import Decimal, localcontext
from itertools import chain, compress, repeat
from operator import attrgetter, eq, is_, is_not

from zhaocai.integrity.facts import SupplierFacts
from zhaocai.integrity.model import (
    DEFAULT_SETTINGS,
    RATIO_CONTEXT,
    Digest,
    Flag,
    FlagSettings,
    History,
    PreparedHistory,
    Quartiles,
    digests_of,
    make_flag,
    prepare,
    quantile,
    shown,
)

_SUPPLIER = attrgetter("supplier_id")
_STATUS = attrgetter("status")
_JOINT = attrgetter("tenderer_ids")


def fence_of(values: Collection[Decimal], threshold: Decimal | int | None, settings: FlagSettings,
             upper: bool = True) -> tuple[Decimal, Quartiles | None] | None:
    """The set threshold; or the Tukey fence of `values` (upper Q3 + 1.5·IQR, lower
    Q1 − 1.5·IQR) with its quartiles; None when there are fewer than `fence_min_values`."""
    if threshold is not None:
        return Decimal(threshold), None
    if len(values) < settings.fence_min_values or not values:
        return None
    quartiles = Quartiles.of(values)
    return (quartiles.upper_fence if upper else quartiles.lower_fence), quartiles


def quartile_evidence(quartiles: Quartiles | None) -> dict[str, Decimal]:
    """Q1 and Q3 for a flag's evidence (nothing when a threshold was set)."""
    return {} if quartiles is None else {"q1": shown(quartiles.q1), "q3": shown(quartiles.q3)}


def r025_excessive_unsuccessful_bids(history: History,
                                     settings: FlagSettings = DEFAULT_SETTINGS) -> list[Flag]:
    """R025: a top tenderer wins an unusually small share of its bids.

    Cardinal R025: over the processes with one winner (every award final, one active award to one
    supplier), each tenderer's ratio = wins / processes where it had a valid bid of its own.
    Flagged if its count reaches the 75th percentile of counts and its ratio the lower fence
    Q1 − 1.5·IQR (≥ and ≤), never when Q1 or the fence is 0. Zhaocai's default is strict
    (`r025_strict`): more bids than the percentile, a ratio below the fence.
    """
    return r025_flags([d for d in digests_of(history) if d.winner is not None], settings)


def r025_flags(awarded: Iterable[Digest], settings: FlagSettings) -> list[Flag]:
    """R025 over the digests of the tenders with one winner."""
    awarded = list(awarded)
    tenderers = list(map(_sole_tenderers, awarded))
    # Counted at C level: each tenderer's tenders (first met first), and its wins (a tender's
    # tenderers are distinct, so the winner counts once at most).
    tendered = Counter(chain.from_iterable(tenderers))
    won = Counter(d.winner for d, found in zip(awarded, tenderers, strict=True) if d.winner in found)
    counts = {supplier: [won[supplier], n] for supplier, n in tendered.items()}
    if not counts:
        return []
    with localcontext(RATIO_CONTEXT):
        ratios = {s: Decimal(w) / Decimal(n) for s, (w, n) in counts.items()}
        upper = quantile(sorted(Decimal(n) for _, n in counts.values()),
                         Decimal(settings.r025_percentile) / 100)
        found = fence_of(list(ratios.values()), settings.r025_threshold, settings, upper=False)
    # Never when the fence is 0 or less; nor when Q1 is (the lower fence Q1 − 1.5·IQR is below Q1).
    if found is None or found[0] <= 0:
        return []
    lower = found[0]
    flags = []
    for supplier, (wins, bids) in counts.items():
        ratio = ratios[supplier]
        top = bids > upper if settings.r025_strict else bids >= upper
        low = ratio < lower if settings.r025_strict else ratio <= lower
        if top and low:
            flags.append(make_flag("R025", "supplier", supplier_ids=[supplier], evidence={
                "valid_bids": bids, "wins": wins, "ratio": shown(ratio),
                "upper_fence_bids": shown(upper), "lower_fence_ratio": shown(lower), "value": ratio}))
    return flags


def _sole_tenderers(d: Digest) -> Collection[str]:
    """The distinct tenderers of the valid bids lodged by one tenderer (joint bids left out).

    Most tenders have no joint bid (no bid names its tenderers): then they are the valid bids'
    suppliers, which the digest already holds; the check runs at C level."""
    if all(map(is_, map(_TENDERER_IDS, d.valid), repeat(None))):
        return d.valid_suppliers
    return {b.tenderers[0] for b in d.valid if len(b.tenderers) == 1}


_TENDERER_IDS = attrgetter("tenderer_ids")


def _high_outliers(fractions: Mapping[str, list[int]], minimum: int,
                   settings: FlagSettings) -> list[tuple[str, Decimal, dict[str, object]]]:
    eligible = {k: v for k, v in fractions.items() if v[2] >= minimum}
    if not eligible:
        return []
    with localcontext(RATIO_CONTEXT):
        ratios = {k: Decimal(v[0]) / Decimal(v[1]) for k, v in eligible.items()}
    found = fence_of(list(ratios.values()), settings.r038_threshold, settings)
    if found is None:
        return []
    fence, extra = found[0], quartile_evidence(found[1])
    if fence <= 0:
        # Cardinal: when most ratios are 0 the fence is 0; nothing is flagged rather than everyone.
        return []
    return [(key, ratio, {"disqualified_bids": eligible[key][0], "submitted_bids": eligible[key][1],
                          "ratio": shown(ratio), "upper_fence": shown(fence), **extra, "value": ratio})
            for key, ratio in ratios.items() if ratio >= fence]


def r038_excessive_disqualified_bids(history: History,
                                     settings: FlagSettings = DEFAULT_SETTINGS) -> list[Flag]:
    """R038: a buyer, procuring entity or tenderer has an unusually high share of disqualified bids.

    Cardinal R038: ratio = disqualified / submitted bids per buyer and procuring entity (with at
    least 2 contracting processes) and per tenderer (at least 2 submitted bids); flagged if ≥ the
    upper fence Q3 + 1.5·IQR of that group's ratios (or the set threshold), never when the fence
    is 0. Cardinal compares the buyer's minimum with its submitted bids
    (`r038_minimum_counts_bids`); zhaocai counts its processes, as the setting's name says.
    A procuring-entity flag is a buyer flag whose evidence says `role: procuring_entity`.
    """
    prepared = prepare(history)
    tenderers = _tenderer_fractions(prepared)
    buyers: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    entities: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    counts_bids = settings.r038_minimum_counts_bids
    for d in prepared.digests:
        if not d.submitted:
            continue
        bids = len(d.submitted)
        # Every submitted bid valid (most tenders): none disqualified, none pending.
        disqualified = 0 if bids == len(d.valid) else \
            bids - len(d.valid) - sum(b.status == "pending" for b in d.submitted)
        processes = bids if counts_bids else 1
        for key, table in ((d.tender.buyer, buyers), (d.tender.procuring_entity, entities)):
            if key:
                entry = table[key]
                entry[0] += disqualified
                entry[1] += bids
                entry[2] += processes
    flags = []
    processes = settings.r038_minimum_contracting_processes
    for role, table in (("buyer", buyers), ("procuring_entity", entities)):
        for key, _, evidence in _high_outliers(table, processes, settings):
            flags.append(make_flag("R038", "buyer", buyer=key, evidence={"role": role, **evidence}))
    for key, _, evidence in _high_outliers(tenderers, settings.r038_minimum_submitted_bids, settings):
        flags.append(make_flag("R038", "supplier", supplier_ids=[key], evidence=evidence))
    return flags


def _tenderer_fractions(prepared: PreparedHistory) -> dict[str, list[int]]:
    """Per tenderer: [disqualified bids, submitted bids, submitted bids]; each tenderer of a
    joint bid counts the bid. Counted with C-level Counters over the flat list of bids, and only
    joint bids (and bids naming no tenderer) one by one."""
    bids, _ = prepared.flat_submitted()
    suppliers = prepared.memo.get("flat_suppliers")
    if suppliers is None:
        suppliers = prepared.memo["flat_suppliers"] = list(map(_SUPPLIER, bids))
    submitted = Counter(suppliers)
    disqualified = Counter(compress(suppliers, map(eq, map(_STATUS, bids), repeat("disqualified"))))
    for b in compress(bids, map(is_not, map(_JOINT, bids), repeat(None))):
        out = b.status == "disqualified"
        submitted[b.supplier_id] -= 1
        disqualified[b.supplier_id] -= out
        for s in b.tenderers:
            submitted[s] += 1
            disqualified[s] += out
    return {s: [disqualified[s], n, n] for s, n in submitted.items() if s and n > 0}


def r048_varieties(digests: Iterable[Digest], settings: FlagSettings) -> dict[str, tuple[int, set[str]]]:
    """Per supplier: (awarded processes counted, first-level categories won).

    Published awards (OCDS): each active award to one supplier adds the first `r048_digits`
    characters of its items' classification codes. zhaocai's own tenders (no published awards):
    the winner adds the tender's category.
    """
    counts: Counter[str] = Counter()
    categories: dict[str, set[str]] = defaultdict(set)
    for d in digests:
        t = d.tender
        found: dict[str, set[str]] = defaultdict(set)
        if t.awards:
            for award in t.active_awards():
                if len(award.supplier_ids) == 1:
                    codes = {c[:settings.r048_digits] for c in award.classifications if c}
                    if codes:
                        found[award.supplier_ids[0]].update(codes)
        elif d.winner is not None and t.category:
            found[d.winner].add(t.category)
        for supplier, codes in found.items():
            counts[supplier] += 1
            categories[supplier].update(codes)
    return {s: (n, categories[s]) for s, n in counts.items()}


def r048_heterogeneous_supplier(history: History, suppliers: Mapping[str, SupplierFacts] | None = None,
                                settings: FlagSettings = DEFAULT_SETTINGS) -> list[Flag]:
    """R048: a supplier wins in an unusually wide variety of categories.

    Cardinal R048: variety = distinct first-level classifications of the items awarded to the
    supplier; flagged if ≥ the upper fence Q3 + 1.5·IQR of the varieties of suppliers awarded
    in at least `minimum_contracting_processes` (Cardinal 20, zhaocai 1) processes, or ≥ the set
    threshold. Zhaocai never flags a supplier of one category (`r048_minimum_variety` 2): with
    few categories the fence is often 1. The categories outside the supplier's usual ones
    (`SupplierFacts.categories`) are shown as evidence.
    """
    return r048_flags(r048_varieties(digests_of(history), settings), suppliers, settings)


def r048_flags(won: Mapping[str, tuple[int, set[str]]], suppliers: Mapping[str, SupplierFacts] | None,
               settings: FlagSettings) -> list[Flag]:
    """R048 from the processes and categories each winner won in."""
    varieties = {supplier: categories for supplier, (count, categories) in won.items()
                 if count >= settings.r048_minimum_contracting_processes}
    if not varieties:
        return []
    found = fence_of([Decimal(len(c)) for c in varieties.values()], settings.r048_threshold, settings)
    if found is None:
        return []
    fence, extra = math.ceil(found[0]), quartile_evidence(found[1])
    flags = []
    known = suppliers or {}
    for supplier, categories in varieties.items():
        variety = len(categories)
        if variety >= settings.r048_minimum_variety and variety >= fence:
            usual = known[supplier].categories if supplier in known else frozenset()
            flags.append(make_flag("R048", "supplier", supplier_ids=[supplier], evidence={
                "variety": variety, "categories": sorted(categories),
                "outside_usual_categories": sorted(categories - usual) if usual else [],
                "upper_fence": fence, **extra, "value": Decimal(variety)}))
    return flags
