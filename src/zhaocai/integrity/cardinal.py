"""Red flags after the Open Contracting Partnership's Cardinal indicators (cardinal-rs).

Each function follows the methodology, defaults and exclusions of Cardinal's indicator
(``docs/cli/indicators/R/NNN.md``, ``src/indicators/rNNN.rs``), mapped from OCDS onto the facts:
a bid is *submitted* when valid, disqualified or pending; an award is *in force* when active and
its tender not cancelled; the *winner* is the one supplier of the one active award when every
award is final (or the winner of an awarded zhaocai tender). Quartiles use method 8, as statrs.
Under `conformance.cardinal_settings()` the results are Cardinal's; zhaocai's defaults differ
where the settings' descriptions say so (docs/integrity.md lists every difference and why).
Every flag's evidence holds `value`: Cardinal's output for the process, buyer or tenderer.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import timedelta
from decimal import Decimal
from itertools import compress
from operator import and_, attrgetter, eq

from zhaocai.integrity.cardinal_fences import (
    r025_excessive_unsuccessful_bids as r025_excessive_unsuccessful_bids,
)
from zhaocai.integrity.cardinal_fences import (
    r038_excessive_disqualified_bids as r038_excessive_disqualified_bids,
)
from zhaocai.integrity.cardinal_fences import (
    r048_heterogeneous_supplier as r048_heterogeneous_supplier,
)
from zhaocai.integrity.facts import UNOPENED_STATUSES, BidFacts
from zhaocai.integrity.model import (
    DEFAULT_SETTINGS,
    Digest,
    Flag,
    FlagSettings,
    History,
    digests_of,
    make_flag,
    prepare,
)

# R024 and R058 live in their own module; re-exported so `cardinal.rNNN` names every indicator.
from zhaocai.integrity.price_ratios import (
    r024_price_close_to_winning_bid as r024_price_close_to_winning_bid,
)
from zhaocai.integrity.price_ratios import (
    r058_heavily_discounted_bid as r058_heavily_discounted_bid,
)
from zhaocai.integrity.scope import (
    compares_prices,
    history_currency,
    method_matches,
    period_minimum,
    priced,
    whole_days_between,
)

ONE = Decimal(1)
_RECEIVED = attrgetter("received_at")


def r003_short_submission_period(history: History,
                                 settings: FlagSettings = DEFAULT_SETTINGS) -> list[Flag]:
    """R003: the bid period (publication to deadline) is shorter than the minimum.

    Cardinal R003: period = tenderPeriod.endDate − startDate in whole days; flagged if less than
    the threshold (15; or per procurementMethodDetails), for the `procurement_methods` set (all
    by default). Zhaocai's default minimum is each method's own (`scope.period_minimum`: Law 24
    20 days for tenders, the inquiry setting for inquiries, none for single source).
    """
    return [f for d in digests_of(history) if (f := r003_check(d, settings)) is not None]


def r003_check(d: Digest, settings: FlagSettings) -> Flag | None:
    """R003 for one tender."""
    t = d.tender
    days = whole_days_between(t)
    if days is None:
        return None
    minimum = period_minimum(t, settings)
    if minimum is None or days >= minimum[0]:
        return None
    return make_flag("R003", "tender", tender_ids=[t.id], evidence={
        "published_at": t.published_at, "deadline": t.deadline, "method": t.method,
        "period_days": days, "threshold_days": minimum[0], "rule": minimum[1], "value": ONE})


def r018_single_bid(history: History, settings: FlagSettings = DEFAULT_SETTINGS) -> list[Flag]:
    """R018: only one tenderer submitted a bid in a competitive procedure.

    Cardinal R018: flagged when numberOfTenderers is 1 and the method is competitive (default
    open|selective; zhaocai's invited tender is selective). Zhaocai counts the bidders of an
    opened tender when the number is not published (`r018_count_bids`).
    """
    return [f for d in digests_of(history) if (f := r018_check(d, settings)) is not None]


def r018_check(d: Digest, settings: FlagSettings) -> Flag | None:
    """R018 for one tender."""
    t = d.tender
    count = t.number_of_tenderers
    if count is None and settings.r018_count_bids and t.status not in UNOPENED_STATUSES:
        count = len(d.submitted_suppliers)
    if count != 1 or not method_matches(t, settings.r018_procurement_methods):
        return None
    return make_flag("R018", "tender", tender_ids=[t.id], supplier_ids=d.submitted_suppliers,
                     bid_ids=[b.id for b in d.submitted],
                     evidence={"tenderers": 1, "method": t.method, "value": ONE})


def _tie_sets(bids: Iterable[BidFacts]) -> list[tuple[Decimal, str | None, list[BidFacts]]]:
    by_price: dict[tuple[Decimal, str | None], list[BidFacts]] = defaultdict(list)
    for b in bids:
        if b.price is not None and b.tenderers:
            by_price[(b.price, b.currency)].append(b)
    # Shown with the spelling of the group's first bid by id (1000 and 1000.0 are one price).
    return sorted(((min(g, key=lambda b: b.id).price or p, c, g) for (p, c), g in by_price.items()
                   if len({frozenset(b.tenderers) for b in g}) > 1), key=lambda x: (x[0], x[1] or ""))


def r028_identical_bid_prices(history: History,
                              settings: FlagSettings = DEFAULT_SETTINGS) -> list[Flag]:
    """R028: different tenderers submitted bids with the same price (and currency).

    Cardinal R028: the tender and the tenderers whose bids share a price are flagged; a tenderer
    (or the same group of joint tenderers) may repeat its own price. Not where prices are not
    compared (`no_price_comparison_method_details`).
    """
    prepared = prepare(history)
    prices, owners = prepared.sorted_prices()
    # Equal neighbours in a tender's sorted prices, found for all tenders at once.
    tied = sorted(set(compress(owners[1:], map(and_, map(eq, prices[1:], prices[:-1]),
                                               map(eq, owners[1:], owners[:-1])))))
    flags = []
    for index in tied:
        d = prepared.digests[index]
        if not compares_prices(d.tender, settings):
            continue
        groups = _tie_sets(d.submitted)
        if groups:
            bids = [b for _, _, g in groups for b in g]
            flags.append(make_flag(
                "R028", "tender", tender_ids=[d.tender.id],
                supplier_ids=[s for b in bids for s in b.tenderers], bid_ids=[b.id for b in bids],
                evidence={"identical_prices": [p for p, _, _ in groups],
                          "bids_per_price": [len(g) for _, _, g in groups], "value": ONE}))
    return flags


def r030_late_bid_won(history: History, settings: FlagSettings = DEFAULT_SETTINGS) -> list[Flag]:
    """R030: a valid bid received after the deadline is by a supplier of an award in force.

    Cardinal R030: a valid bid's date is after tenderPeriod.endDate and a tenderer of that bid is
    a supplier of an active award. The deadline is the one in force after amendments. Cardinal
    compares the dates' text; zhaocai compares the moments.
    """
    return [f for d in digests_of(history) if (f := r030_check(d)) is not None]


def r030_check(d: Digest) -> Flag | None:
    """R030 for one tender."""
    deadline = d.tender.deadline
    if deadline is None or not d.valid:
        return None
    try:
        if max(map(_RECEIVED, d.valid)) <= deadline:  # C-level screen: nothing late at all
            return None
    except TypeError:  # a bid without a date
        pass
    late = [b for b in d.valid if b.received_at is not None and b.received_at > deadline]
    if not late:
        return None
    winners = d.tender.active_supplier_ids()
    late = [b for b in late if winners.intersection(b.tenderers)]
    if not late:
        return None
    latest = max(b.received_at for b in late if b.received_at is not None)
    return make_flag("R030", "tender", tender_ids=[d.tender.id],
                     supplier_ids=[s for b in late for s in b.tenderers if s in winners],
                     bid_ids=[b.id for b in late], evidence={
        "deadline": deadline, "received_at": latest,
        "minutes_late": int((latest - deadline) / timedelta(minutes=1)), "value": ONE})


def r035_all_except_winner_disqualified(history: History,
                                        settings: FlagSettings = DEFAULT_SETTINGS) -> list[Flag]:
    """R035: every tenderer but the winner was disqualified.

    Cardinal R035: every award is final; exactly one tenderer has valid bids and it is the one
    supplier of the active awards; at least `threshold` (1) other tenderers have disqualified
    bids. Value: that number.
    """
    return [f for d in digests_of(history) if (f := r035_check(d, settings)) is not None]


def r035_check(d: Digest, settings: FlagSettings) -> Flag | None:
    """R035 for one tender."""
    t = d.tender
    # Each bid's supplier is among its tenderers: two valid suppliers are two valid tenderers.
    if len(d.valid_suppliers) > 1 or not d.valid or not t.awards_final():
        return None
    valid = {s for b in d.valid for s in b.tenderers}
    if len(valid) != 1 or valid != t.active_supplier_ids():
        return None
    (winner,) = valid
    others = [b for b in d.submitted if b.status == "disqualified" and not valid.issuperset(b.tenderers)]
    excluded = {s for b in others for s in b.tenderers} - valid
    if len(excluded) < settings.r035_threshold:
        return None
    return make_flag("R035", "tender", tender_ids=[t.id], supplier_ids=[*excluded, winner],
                     bid_ids=[b.id for b in others], evidence={
        "disqualified_tenderers": len(excluded), "threshold": settings.r035_threshold,
        "winner": winner, "reasons": sorted({b.disqualification_reason or "" for b in others}),
        "value": Decimal(len(excluded))})


def r036_lowest_bid_disqualified(history: History,
                                 settings: FlagSettings = DEFAULT_SETTINGS) -> list[Flag]:
    """R036: the lowest submitted bid was disqualified, and an award is in force.

    Cardinal R036: some award is active, some valid bid has an amount, and the lowest submitted
    bid (valid, disqualified or pending) is disqualified; at equal prices the first bid in the
    data decides (`r036_first_lowest`). Zhaocai's default does not depend on the order of bids:
    flagged when a disqualified bid is strictly lower than every other submitted bid.
    """
    digests = digests_of(history)
    currency = history_currency(digests, settings)
    return [f for d in digests if (f := r036_check(d, settings, currency)) is not None]


def r036_check(d: Digest, settings: FlagSettings, currency: str | None) -> Flag | None:
    """R036 for one tender, comparing the prices stated in `currency`."""
    if len(d.submitted) == len(d.valid) or not d.tender.has_active_award() \
            or not compares_prices(d.tender, settings):
        return None
    bids = [b for b in d.submitted if priced(b, currency)]
    if not any(b.status == "valid" for b in bids):
        return None
    disqualified = [b for b in bids if b.status == "disqualified"]
    if not disqualified:
        return None
    lowest = min(b.price for b in disqualified if b.price is not None)
    others = [b.price for b in bids if b.status != "disqualified" and b.price is not None]
    if settings.r036_first_lowest:
        first = bids[0]
        for b in bids[1:]:
            if b.price is not None and first.price is not None and b.price < first.price:
                first = b
        if first.status != "disqualified":
            return None
    elif others and lowest >= min(others):
        return None
    chosen = [b for b in disqualified if b.price == lowest]
    return make_flag("R036", "tender", tender_ids=[d.tender.id],
                     supplier_ids=[s for b in chosen for s in b.tenderers],
                     bid_ids=[b.id for b in chosen], evidence={
        "lowest_price": lowest, "lowest_valid_price": min(
            (b.price for b in bids if b.status == "valid" and b.price is not None), default=None),
        "reasons": sorted({b.disqualification_reason or "" for b in chosen}), "value": ONE})

