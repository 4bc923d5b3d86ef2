"""Red flags from the Bidding Law, its Implementing Regulations and the company's own rules.

These check what the bidding rules require (docs/rules.md) after the fact,
on histories that may come from elsewhere (imports, older systems), plus one screen for bid
rotation, which the planted-scheme tests need and Cardinal does not have.
"""

from __future__ import annotations

from collections import Counter
from datetime import timedelta
from decimal import Decimal

from zhaocai.integrity.facts import UNOPENED_STATUSES, TenderFacts
from zhaocai.integrity.model import (
    DEFAULT_SETTINGS,
    Digest,
    Flag,
    FlagSettings,
    History,
    digests_of,
    make_flag,
)
from zhaocai.integrity.scope import TENDER_METHODS, competitive
from zhaocai.money import percent_of


def few_bidders(history: History, settings: FlagSettings = DEFAULT_SETTINGS) -> list[Flag]:
    """ZC-FEW-BIDDERS: fewer than 3 distinct suppliers with a valid bid (Law 28, Reg 44; 三三二).

    Open and invited tenders need `min_valid_bidders` (3) valid bidders, price inquiries
    `inquiry_min_suppliers` (3). Single source (direct) has one supplier by design and other
    systems' limited or unknown methods have no such rule: they are not checked. Tenders not yet
    opened, and tenders cancelled before any bid was submitted, are skipped. A tender with at
    least that many valid bidders is never flagged; a joint bid is one bidder (Law 31).
    """
    return [f for d in digests_of(history) if (f := few_bidders_check(d, settings)) is not None]


def required_bidders(method: str, settings: FlagSettings) -> int | None:
    """Valid bidders a method needs: tenders Law 28, inquiries 三三二; None if it has no rule."""
    if method == "inquiry":
        return settings.inquiry_min_suppliers
    if method in TENDER_METHODS:
        return settings.min_valid_bidders
    return None


def few_bidders_check(d: Digest, settings: FlagSettings) -> Flag | None:
    """ZC-FEW-BIDDERS for one tender."""
    t = d.tender
    if t.status in UNOPENED_STATUSES or (t.status == "cancelled" and not d.submitted):
        return None
    required = required_bidders(t.method, settings)
    if required is None or len(d.valid_suppliers) >= required:
        return None
    return few_bidders_flag(d, required)


def few_bidders_flag(d: Digest, required: int) -> Flag:
    """The ZC-FEW-BIDDERS flag of a tender with fewer valid bidders than `required`."""
    t = d.tender
    return make_flag("ZC-FEW-BIDDERS", "tender", tender_ids=[t.id],
                     supplier_ids=d.valid_suppliers, evidence={
        "valid_bidders": len(d.valid_suppliers),
        "submitted_bidders": len(d.submitted_suppliers),
        "required": required, "method": t.method, "status": t.status})


def late_amendment(history: History, settings: FlagSettings = DEFAULT_SETTINGS) -> list[Flag]:
    """ZC-LATE-AMENDMENT: an amendment left less than 15 days to the deadline (Law 23, Reg 21).

    An amendment of a tender must reach bidders at least `amendment_notice_days` before the
    deadline; a later one must move the deadline so that the full notice remains. Flagged when
    the deadline after the amendment is less than that long after it was issued: the deadline
    was not moved, or not moved far enough. One flag per tender lists every such amendment.
    Law 23 governs tenders (open, invited; `amendment_methods`): a price inquiry or a single
    source procurement is not held to it.
    """
    flags = []
    notice = timedelta(days=settings.amendment_notice_days)
    for d in digests_of(history):
        t = d.tender
        if t.amendments and t.method in settings.amendment_methods:
            flag = late_amendment_check(t, notice, settings)
            if flag is not None:
                flags.append(flag)
    return flags


def late_amendment_check(t: TenderFacts, notice: timedelta, settings: FlagSettings) -> Flag | None:
    """ZC-LATE-AMENDMENT for one tender."""
    late = [a for a in t.amendments if a.deadline_after - a.issued_at < notice]
    if not late:
        return None
    late.sort(key=lambda a: (a.issued_at, a.deadline_before, a.deadline_after))
    return make_flag("ZC-LATE-AMENDMENT", "tender", tender_ids=[t.id], evidence={
        "notice_days_required": settings.amendment_notice_days,
        "amendments": [{
            "issued_at": a.issued_at, "deadline_before": a.deadline_before,
            "deadline_after": a.deadline_after,
            "deadline_moved": a.deadline_after != a.deadline_before,
            "notice_hours": int((a.deadline_after - a.issued_at) / timedelta(hours=1)),
        } for a in late]})


def excessive_bid_security(history: History, settings: FlagSettings = DEFAULT_SETTINGS) -> list[Flag]:
    """ZC-BID-SECURITY: the bid security asked exceeds 2 % of the estimate (Reg 26)."""
    flags = []
    percent = settings.bid_security_cap_percent
    for d in digests_of(history):
        t = d.tender
        # Exact quick pass: a security of whole fen at most the unrounded cap is within the cap.
        if t.bid_security is None or t.estimate is None or t.bid_security * 100 <= t.estimate * percent:
            continue
        flag = bid_security_check(t, percent)
        if flag is not None:
            flags.append(flag)
    return flags


def bid_security_check(t: TenderFacts, percent: Decimal) -> Flag | None:
    """ZC-BID-SECURITY for a tender whose security passed the quick pass's fence."""
    if t.bid_security is None or t.estimate is None:
        return None
    cap = percent_of(t.estimate, percent)
    if t.bid_security <= cap:
        return None
    return make_flag("ZC-BID-SECURITY", "tender", tender_ids=[t.id], evidence={
        "bid_security": t.bid_security, "estimate": t.estimate, "cap": cap,
        "cap_percent": percent,
        "percent_of_estimate": (t.bid_security * 100 / t.estimate).quantize(Decimal("0.01"))
        if t.estimate else None})


def short_publicity(history: History, settings: FlagSettings = DEFAULT_SETTINGS) -> list[Flag]:
    """ZC-SHORT-PUBLICITY: the award candidates were publicised for less than 3 days (Reg 54)."""
    flags = []
    minimum = timedelta(days=settings.publicity_min_days)
    for d in digests_of(history):
        t = d.tender
        if t.publicity_start is None or t.publicity_end is None:
            continue
        length = t.publicity_end - t.publicity_start
        if length < minimum:
            flags.append(short_publicity_flag(t, length, settings))
    return flags


def short_publicity_flag(t: TenderFacts, length: timedelta, settings: FlagSettings) -> Flag:
    """The ZC-SHORT-PUBLICITY flag of a tender publicised for `length`."""
    return make_flag("ZC-SHORT-PUBLICITY", "tender", tender_ids=[t.id], evidence={
        "publicity_start": t.publicity_start, "publicity_end": t.publicity_end,
        "publicity_hours": int(length / timedelta(hours=1)),
        "minimum_days": settings.publicity_min_days})


def bid_rotation(history: History, settings: FlagSettings = DEFAULT_SETTINGS) -> list[Flag]:
    """ZC-BID-ROTATION: the same group of bidders meets again and again and takes turns winning.

    The screen: group the awarded tenders by the exact set of suppliers with a valid bid (two or
    more). A group met in at least `rotation_min_tenders` (3) tenders with at least
    `rotation_min_winners` (2) distinct winners is flagged, with all its tenders and members.
    Honest markets rarely bring the very same set of firms together three times; a ring that
    always bids together and shares the wins does. A ring that varies its line-up escapes this
    exact-set screen (see docs/transparency.md). Single source (direct) tenders have no
    competition and are left out.
    """
    keys: list[tuple[str, ...]] = []
    awarded: list[tuple[str, str]] = []
    for d in digests_of(history):
        if d.winner is not None and len(d.valid_suppliers) >= 2 and competitive(d.tender):
            keys.append(tuple(sorted(d.valid_suppliers)))
            awarded.append((d.tender.id, d.winner))
    return bid_rotation_flags(keys, awarded, settings)


def bid_rotation_flags(keys: list[tuple[str, ...]], awarded: list[tuple[str, str]],
                       settings: FlagSettings) -> list[Flag]:
    """ZC-BID-ROTATION from the awarded tenders with two or more valid bidders: `keys` their
    valid bidders (sorted, distinct) and beside each in `awarded` its (tender id, winner).

    Groups are counted before any is built: a large history has thousands of groups met once,
    and only tuples of strings (which the garbage collector stops tracking) stand for them.
    """
    counts = Counter(keys)
    groups: dict[tuple[str, ...], list[tuple[str, str]]] = {
        key: [] for key, n in counts.items() if n >= settings.rotation_min_tenders}
    if groups:
        for key, tender in zip(keys, awarded, strict=True):
            found = groups.get(key)
            if found is not None:
                found.append(tender)
    flags = []
    for members, tenders in groups.items():
        if len(tenders) < settings.rotation_min_tenders:
            continue
        wins = Counter(winner for _, winner in tenders)
        if len(wins) >= settings.rotation_min_winners:
            flags.append(make_flag("ZC-BID-ROTATION", "tender", tender_ids=[t for t, _ in tenders],
                                   supplier_ids=members, evidence={
                "tenders": len(tenders), "group_size": len(members),
                "distinct_winners": len(wins),
                "wins": {supplier: wins[supplier] for supplier in sorted(wins)}}))
    return flags
