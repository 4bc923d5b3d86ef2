"""All red flags at once: `compute_flags(tenders, suppliers)`.

The flag functions live in `cardinal` (Cardinal's R-indicators), `local` (the law's and the
company's own rules, and the bid-rotation screen), `collusion` (Reg 40 and related parties),
`screens` (bid-distribution screens), `price_patterns` (prices across bids and tenders) and
`networks` (co-bidding groups, cartel candidates), `markets` (suppression, allocation, loyal losers),
`allocation` (buyers split between two suppliers, read from their ranking), `territories`
(buyers or regions split, read from who wins where) and `rotation`
(groups that bid together and take turns to win).
Each is a pure function over a list of `TenderFacts` (and the suppliers' facts where it needs
them) returning `Flag`s. `compute_flags` digests the tenders once, runs every wanted flag and
returns the flags in a fixed order, whatever the order of tenders or bids.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import cast

from zhaocai import collector
from zhaocai.integrity import (
    allocation,
    cardinal,
    collusion,
    local,
    markets,
    networks,
    price_patterns,
    rotation,
    screens,
    territories,
)
from zhaocai.integrity.facts import SupplierFacts, TenderFacts
from zhaocai.integrity.model import DEFAULT_SETTINGS, Flag, FlagSettings, History, PreparedHistory
from zhaocai.integrity.pertender import FUSED_CODES, per_tender_flags
from zhaocai.integrity.scope import in_scope, scoped

FlagFunction = Callable[[History, Mapping[str, SupplierFacts], FlagSettings], list[Flag]]


def _history_only(fn: Callable[[History, FlagSettings], list[Flag]]) -> FlagFunction:
    def run(history: History, suppliers: Mapping[str, SupplierFacts], settings: FlagSettings) -> list[Flag]:
        return fn(history, settings)
    run.__doc__ = fn.__doc__
    return run


def _only(code: str, fn: Callable[[History, FlagSettings], list[Flag]]) -> FlagFunction:
    """The flags of `code` among those `fn` returns (a function that yields several codes)."""
    def run(history: History, suppliers: Mapping[str, SupplierFacts], settings: FlagSettings) -> list[Flag]:
        return [f for f in fn(history, settings) if f.code == code]
    run.__doc__ = fn.__doc__
    return run


FLAG_FUNCTIONS: dict[str, FlagFunction] = {
    "R003": _history_only(cardinal.r003_short_submission_period),
    "R018": _history_only(cardinal.r018_single_bid),
    "R024": _history_only(cardinal.r024_price_close_to_winning_bid),
    "R025": _history_only(cardinal.r025_excessive_unsuccessful_bids),
    "R028": _history_only(cardinal.r028_identical_bid_prices),
    "R030": _history_only(cardinal.r030_late_bid_won),
    "R035": _history_only(cardinal.r035_all_except_winner_disqualified),
    "R036": _history_only(cardinal.r036_lowest_bid_disqualified),
    "R038": _history_only(cardinal.r038_excessive_disqualified_bids),
    "R044": collusion.business_similarities,
    "R048": cardinal.r048_heterogeneous_supplier,
    "R058": _history_only(cardinal.r058_heavily_discounted_bid),
    "ZC-FEW-BIDDERS": _history_only(local.few_bidders),
    "ZC-LATE-AMENDMENT": _history_only(local.late_amendment),
    "ZC-BID-SECURITY": _history_only(local.excessive_bid_security),
    "ZC-SHORT-PUBLICITY": _history_only(local.short_publicity),
    "ZC-BID-ROTATION": _history_only(local.bid_rotation),
    "REG40-SAME-AUTHOR": _history_only(collusion.same_author),
    "REG40-SAME-AGENT": _history_only(collusion.same_agent),
    "REG40-SAME-PM": _history_only(collusion.same_project_manager),
    "REG40-SAME-ACCOUNT": _history_only(collusion.same_security_account),
    "REG40-PRICE-PROGRESSION": _history_only(collusion.price_progression),
    "REG40-RELATED-PARTIES": collusion.related_parties,
    "ZC-SCREEN-COVER": _history_only(screens.screen_cover),
    "ZC-NEAR-EQUAL": _history_only(price_patterns.near_equal_prices),
    "ZC-CONSTANT-RATIO": _history_only(price_patterns.constant_ratios),
    "ZC-LATE-HAIR": _history_only(price_patterns.late_hair_win),
    "ZC-INSIDER": _history_only(price_patterns.insider_wins),
    "ZC-CARTEL": _only("ZC-CARTEL", networks.cartel_flags),
    "ZC-CARTEL-MEMBER": _only("ZC-CARTEL-MEMBER", networks.cartel_flags),
    "ZC-BID-SUPPRESSION": _history_only(markets.bid_suppression),
    "ZC-MARKET-ALLOCATION": _history_only(markets.market_allocation),
    "ZC-BUYER-SPLIT": _history_only(allocation.buyer_split),
    "ZC-TERRITORY-SPLIT": _history_only(territories.territory_split),
    "ZC-ROTATION-RING": _history_only(rotation.rotation_rings),
    "ZC-LOYAL-LOSER": _history_only(markets.loyal_losers),
}
"""Every flag code and the function that computes it."""


def supplier_map(suppliers: Iterable[SupplierFacts] | Mapping[str, SupplierFacts] | None
                 ) -> dict[str, SupplierFacts]:
    """Suppliers' facts by id, from a mapping or any iterable of `SupplierFacts`."""
    if suppliers is None:
        return {}
    if isinstance(suppliers, Mapping):
        return dict(cast(Mapping[str, SupplierFacts], suppliers))
    return {s.id: s for s in suppliers}


def compute_flags(
    tenders: Iterable[TenderFacts] | PreparedHistory,
    suppliers: Iterable[SupplierFacts] | Mapping[str, SupplierFacts] | None = None,
    settings: FlagSettings = DEFAULT_SETTINGS,
) -> list[Flag]:
    """Every wanted red flag over a procurement history, sorted by code and subject.

    `settings.codes` limits the codes computed; tenders out of scope (Cardinal's exclusions, see
    `scope.in_scope`) are left out first. Flags that need suppliers' facts (R044, R048's
    usual categories, REG40-RELATED-PARTIES) find nothing about suppliers they are not given.
    Python's cyclic garbage collector is paused while the flags are computed (`zhaocai.collector.paused`).
    """
    with collector.paused():
        return _compute(tenders, supplier_map(suppliers), settings)


def _compute(tenders: Iterable[TenderFacts] | PreparedHistory, known: dict[str, SupplierFacts],
             settings: FlagSettings) -> list[Flag]:
    if isinstance(tenders, PreparedHistory):
        history = tenders
        if not all(in_scope(d.tender, settings) for d in history.digests):
            history = PreparedHistory(scoped((d.tender for d in history.digests), settings))
    else:
        history = PreparedHistory(scoped(tenders, settings))
    # The simple per-tender flags in one pass (`pertender`), the others by their functions.
    codes = FUSED_CODES if settings.codes is None else FUSED_CODES & settings.codes
    fused = per_tender_flags(history, known, settings, codes) if codes else {}
    flags: list[Flag] = []
    for code, fn in FLAG_FUNCTIONS.items():
        if settings.wants(code):
            flags.extend(fused[code] if code in fused else fn(history, known, settings))
    flags.sort(key=lambda f: f.sort_key)
    return flags


def flagged_tenders(flags: Iterable[Flag], codes: Iterable[str] | None = None) -> set[str]:
    """The ids of tenders named by the flags (of `codes`, if given)."""
    wanted = None if codes is None else set(codes)
    return {t for f in flags if wanted is None or f.code in wanted for t in f.tender_ids}
