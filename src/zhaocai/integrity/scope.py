"""Which tenders and bids a flag looks at: method filters, Cardinal's exclusions, the currency.

Shared by the Cardinal indicators (`cardinal`, `price_ratios`) and the law's rules by method
(`local`): pure functions over the facts and the settings.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from decimal import Decimal
from itertools import repeat
from operator import attrgetter, is_not, itemgetter

from zhaocai.integrity.facts import BidFacts, TenderFacts
from zhaocai.integrity.model import Digest, FlagSettings, History, prepare

LAW_24 = "Law 24"
INQUIRY_SETTING = "price inquiry: organisation's setting"
CARDINAL_R003 = "Cardinal R003"
TENDER_METHODS: frozenset[str] = frozenset({"open", "invited", "selective"})
"""Methods that are tenders (招标) under the Bidding Law: open, invited (OCDS selective)."""


def method_matches(tender: TenderFacts, methods: Iterable[str] | None) -> bool:
    """Whether the tender's method is in `methods`, by zhaocai's or by OCDS's name.

    As Cardinal: no filter (None or empty) matches every tender, also one whose method is not
    known; a filter never matches an unknown method.
    """
    if not methods:
        return True
    chosen = methods if isinstance(methods, (set, frozenset)) else frozenset(methods)
    return tender.method in chosen or (tender.ocds_method is not None and tender.ocds_method in chosen)


def in_scope(tender: TenderFacts, settings: FlagSettings) -> bool:
    """Whether a tender is screened at all: Cardinal leaves out cancelled processes and those
    whose procurementMethodDetails is excluded (`[exclusions] procurement_method_details`)."""
    if settings.exclude_cancelled and tender.status == "cancelled":
        return False
    details = tender.procurement_method_details
    return details is None or details not in settings.excluded_method_details


def scoped(tenders: Iterable[TenderFacts], settings: FlagSettings) -> list[TenderFacts]:
    """The tenders in scope (all of them under zhaocai's defaults)."""
    if not settings.exclude_cancelled and not settings.excluded_method_details:
        return tenders if isinstance(tenders, list) else list(tenders)
    return [t for t in tenders if in_scope(t, settings)]


def compares_prices(tender: TenderFacts, settings: FlagSettings) -> bool:
    """Whether bid prices of the tender may be compared (Cardinal's price comparison lists).

    An allow list (`price_comparison_method_details`) keeps only the listed
    procurementMethodDetails; otherwise the deny list (`no_price_comparison_method_details`)
    drops the listed ones (e.g. procedures whose price the buyer fixes). A tender without
    details matches only the deny list.
    """
    allow = settings.price_comparison_method_details
    details = tender.procurement_method_details
    if details is None:
        return not allow
    if allow:
        return details in allow
    return details not in settings.no_price_comparison_method_details


def history_currency(digests: Sequence[Digest], settings: FlagSettings) -> str | None:
    """The currency prices are compared in: the setting, or the first one stated by a priced bid
    (None when no bid states one, as in zhaocai's own data, all in yuan)."""
    if settings.currency is not None:
        return settings.currency
    for d in digests:
        bids = d.tender.bids
        # Most data states no currency at all: a C-level test per tender finds that out.
        if any(map(is_not, map(_CURRENCY, bids), repeat(None))):
            for b in bids:
                if b.price is not None and b.currency is not None:
                    return b.currency
    return None


_CURRENCY = attrgetter("currency")


def compared_currency(history: History, settings: FlagSettings) -> str | None:
    """The currency a prepared history's prices are compared in (`history_currency`, memoised:
    without a stated currency finding it reads every bid)."""
    prepared = prepare(history)
    key = f"currency:{settings.currency!r}"
    if key not in prepared.memo:
        prepared.memo[key] = history_currency(prepared.digests, settings)
    found: str | None = prepared.memo[key]
    return found


def priced(bid: BidFacts, currency: str | None) -> bool:
    """Whether a bid has a price in the compared currency."""
    return bid.price is not None and bid.currency == currency


def whole_days_between(tender: TenderFacts) -> int | None:
    """Whole days from publication to the deadline in force, truncated toward zero (chrono's
    num_days); None when either date is not known."""
    if tender.published_at is None or tender.deadline is None:
        return None
    period = tender.deadline - tender.published_at
    return period.days if period.days >= 0 else -((-period).days)


def period_minimum(tender: TenderFacts, settings: FlagSettings) -> tuple[int, str] | None:
    """The shortest bid period allowed for the tender, and its source; None when not checked.

    Per procurementMethodDetails (Cardinal's R003 table) first. Then, under zhaocai's defaults
    (`r003_law_minimums`), each method's own rule: open and invited tenders 20 days (Law 24),
    price inquiries the organisation's setting (3 days), single source (direct) no bidding period
    at all. Otherwise Cardinal's threshold (15 days).
    """
    if not method_matches(tender, settings.r003_procurement_methods):
        return None
    details = tender.procurement_method_details
    if details is not None and settings.r003_procurement_method_details:
        for name, days in settings.r003_procurement_method_details:
            if name == details:
                return days, f"procurementMethodDetails {details}"
    if settings.r003_law_minimums:
        if tender.method == "direct":
            return None
        if tender.method == "open":
            return settings.open_tender_min_days, LAW_24
        if tender.method in ("invited", "selective"):
            return settings.invited_tender_min_days, LAW_24
        if tender.method == "inquiry":
            return settings.inquiry_min_days, INQUIRY_SETTING
    return settings.r003_threshold_days, CARDINAL_R003


NO_COMPETITION_METHODS: frozenset[str] = frozenset({"direct"})
"""Methods without competition: single source (单一来源, OCDS `direct`) asks one supplier, so its
bids say nothing about how suppliers compete."""


def competitive(tender: TenderFacts) -> bool:
    """Whether suppliers competed for the tender: any method but single source (an unknown
    method counts, as the data does not say otherwise). The screens and the supplier networks
    read only competitive tenders."""
    return tender.method not in NO_COMPETITION_METHODS


def screened_prices(digest: Digest, settings: FlagSettings, currency: str | None
                    ) -> list[tuple[Decimal, BidFacts]]:
    """The bids a price screen reads of one tender, each beside its price: its valid bids
    (pending and invited bids are not valid) with a price in the compared currency; none when
    the tender had no competition or its prices may not be compared (`compares_prices`)."""
    tender = digest.tender
    if not competitive(tender) or not compares_prices(tender, settings):
        return []
    return [(b.price, b) for b in digest.valid if b.price is not None and b.currency == currency]


_NONE: list[tuple[Decimal, BidFacts]] = []


def screened_table(history: History, settings: FlagSettings) -> list[list[tuple[Decimal, BidFacts]]]:
    """`screened_prices` of every digest, in the digests' order, computed once per history and
    shared by the screens, the price patterns and the buyer split (do not change the lists)."""
    prepared = prepare(history)
    key = _screened_key(settings)
    found: list[list[tuple[Decimal, BidFacts]]] | None = prepared.memo.get(key)
    if found is None:
        currency = compared_currency(prepared, settings)
        found = [screened_prices(d, settings, currency) or _NONE for d in prepared.digests]
        prepared.memo[key] = found
    return found


def screened_floats(history: History, settings: FlagSettings) -> list[list[float]]:
    """The prices of `screened_table` as floats, list for list and bid for bid (memoised): the
    screens compute in floats, and converting each Decimal once serves them all."""
    prepared = prepare(history)
    key = _screened_key(settings) + ":floats"
    found: list[list[float]] | None = prepared.memo.get(key)
    if found is None:
        found = prepared.memo[key] = [list(map(float, map(_FIRST, bids))) if bids else _NO_FLOATS
                                      for bids in screened_table(prepared, settings)]
    return found


def _screened_key(settings: FlagSettings) -> str:
    return "screened:" + repr((settings.currency, sorted(settings.no_price_comparison_method_details),
                               sorted(settings.price_comparison_method_details or ())))


_FIRST = itemgetter(0)
_NO_FLOATS: list[float] = []
