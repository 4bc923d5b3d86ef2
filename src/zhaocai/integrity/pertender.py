"""One pass over the tenders for the simple per-tender flags.

`compute_flags` runs `per_tender_flags` instead of one loop per flag: each digest is read once for
R003, R018, R030, R035, R036 and the local rules (few bidders, late amendment, bid security, short
publicity), and the same pass tallies what R025, R048 and ZC-BID-ROTATION aggregate. Each flag's
own function (in `cardinal` and `local`) stays the reference: the pass applies the same tests and
builds every flag with the same helpers, and the tests check that both give the same flags.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from datetime import timedelta
from operator import attrgetter

from zhaocai.integrity.cardinal import (
    _whole_days,
    r003_flag,
    r018_flag,
    r025_flags,
    r030_flag,
    r035_check,
    r036_check,
    r048_flags,
)
from zhaocai.integrity.facts import UNOPENED_STATUSES, BidFacts, SupplierFacts
from zhaocai.integrity.local import (
    bid_rotation_flags,
    bid_security_check,
    few_bidders_flag,
    late_amendment_check,
    short_publicity_flag,
)
from zhaocai.integrity.model import Digest, Flag, FlagSettings, PreparedHistory

FUSED_CODES: frozenset[str] = frozenset({
    "R003", "R018", "R025", "R030", "R035", "R036", "R048", "ZC-FEW-BIDDERS",
    "ZC-LATE-AMENDMENT", "ZC-BID-SECURITY", "ZC-SHORT-PUBLICITY", "ZC-BID-ROTATION"})
"""The codes `per_tender_flags` computes."""

_NONE: frozenset[str] = frozenset()
_RECEIVED = attrgetter("received_at")


def per_tender_flags(history: PreparedHistory, suppliers: Mapping[str, SupplierFacts],
                     settings: FlagSettings, codes: frozenset[str]) -> dict[str, list[Flag]]:
    """The flags of `codes` (a subset of `FUSED_CODES`) in one pass over the digests, by code."""
    out: dict[str, list[Flag]] = {code: [] for code in codes & FUSED_CODES}
    r003, r018, r030 = out.get("R003"), out.get("R018"), out.get("R030")
    r035, r036, few = out.get("R035"), out.get("R036"), out.get("ZC-FEW-BIDDERS")
    late, security = out.get("ZC-LATE-AMENDMENT"), out.get("ZC-BID-SECURITY")
    short = out.get("ZC-SHORT-PUBLICITY")
    r003_methods = settings.r003_procurement_methods if r003 is not None else _NONE
    r003_days = settings.r003_threshold_days
    r018_methods = settings.r018_procurement_methods if r018 is not None else _NONE
    notice = timedelta(days=settings.amendment_notice_days)
    percent = settings.bid_security_cap_percent
    minimum = timedelta(days=settings.publicity_min_days)
    awarded: list[Digest] | None = [] if "R025" in out else None
    won: dict[str, set[str]] | None = defaultdict(set) if "R048" in out else None
    rotation = "ZC-BID-ROTATION" in out
    groups: list[tuple[str, ...]] = []
    grouped: list[tuple[str, str]] = []
    for d in history.digests:
        t = d.tender
        method, status = t.method, t.status
        if method in r003_methods:
            days = _whole_days(t.deadline - t.published_at)
            if days < r003_days:
                r003.append(r003_flag(t, days, r003_days))  # type: ignore[union-attr]
        if method in r018_methods and status not in UNOPENED_STATUSES \
                and len(d.submitted_suppliers) == 1:
            r018.append(r018_flag(d))  # type: ignore[union-attr]
        if few is not None and status not in UNOPENED_STATUSES \
                and not (status == "cancelled" and not d.submitted):
            required = settings.inquiry_min_suppliers if method == "inquiry" \
                else settings.min_valid_bidders
            if len(d.valid_suppliers) < required:
                few.append(few_bidders_flag(d, required))
        if late is not None and t.amendments:
            flag = late_amendment_check(t, notice, settings)
            if flag is not None:
                late.append(flag)
        if security is not None and t.bid_security is not None \
                and t.bid_security * 100 > t.estimate * percent:
            flag = bid_security_check(t, percent)
            if flag is not None:
                security.append(flag)
        if short is not None and t.publicity_start is not None and t.publicity_end is not None:
            length = t.publicity_end - t.publicity_start
            if length < minimum:
                short.append(short_publicity_flag(t, length, settings))
        winner = d.winner
        if winner is None:
            continue
        if awarded is not None:
            awarded.append(d)
        if won is not None:
            won[winner].add(t.category)
        # R030: the exact test only where some valid bid came after the deadline (C-level max).
        if r030 is not None and d.valid and max(map(_RECEIVED, d.valid)) > t.deadline:
            deadline = t.deadline
            late_bids: list[BidFacts] | None = None
            for b in d.valid:
                if b.received_at > deadline and b.supplier_id == winner:
                    if late_bids is None:
                        late_bids = [b]
                    else:
                        late_bids.append(b)
            if late_bids is not None:
                r030.append(r030_flag(d, winner, late_bids))
        valid_suppliers = d.valid_suppliers
        if r035 is not None and valid_suppliers == (winner,):
            flag = r035_check(d, winner, settings)
            if flag is not None:
                r035.append(flag)
        if r036 is not None and len(d.submitted) != len(d.valid):
            flag = r036_check(d)
            if flag is not None:
                r036.append(flag)
        if rotation and len(valid_suppliers) >= 2:
            groups.append(tuple(sorted(valid_suppliers)))
            grouped.append((t.id, winner))
    if awarded is not None:
        out["R025"] = r025_flags(awarded, settings)
    if won is not None:
        out["R048"] = r048_flags(won, suppliers, settings)
    if rotation:
        out["ZC-BID-ROTATION"] = bid_rotation_flags(groups, grouped, settings)
    return out
