"""One pass over the tenders for the simple per-tender flags.

`compute_flags` runs `per_tender_flags` instead of one loop per flag: each digest is read once for
R003, R018, R030, R035, R036 and the local rules (few bidders, late amendment, bid security, short
publicity), and the same pass tallies what R025, R048 and ZC-BID-ROTATION aggregate. Each flag's
own function (in `cardinal`, `cardinal_fences` and `local`) stays the reference: the pass calls the
same per-tender checks and builds every flag with the same helpers, and the tests check that both
give the same flags.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import timedelta

from zhaocai.integrity.cardinal import r003_check, r018_check, r030_check, r035_check, r036_check
from zhaocai.integrity.cardinal_fences import r025_flags, r048_flags, r048_varieties
from zhaocai.integrity.facts import SupplierFacts
from zhaocai.integrity.local import (
    bid_rotation_flags,
    bid_security_check,
    few_bidders_check,
    late_amendment_check,
    short_publicity_flag,
)
from zhaocai.integrity.model import Digest, Flag, FlagSettings, PreparedHistory
from zhaocai.integrity.scope import compared_currency, competitive

FUSED_CODES: frozenset[str] = frozenset({
    "R003", "R018", "R025", "R030", "R035", "R036", "R048", "ZC-FEW-BIDDERS",
    "ZC-LATE-AMENDMENT", "ZC-BID-SECURITY", "ZC-SHORT-PUBLICITY", "ZC-BID-ROTATION"})
"""The codes `per_tender_flags` computes."""


def per_tender_flags(history: PreparedHistory, suppliers: Mapping[str, SupplierFacts],
                     settings: FlagSettings, codes: frozenset[str]) -> dict[str, list[Flag]]:
    """The flags of `codes` (a subset of `FUSED_CODES`) in one pass over the digests, by code."""
    out: dict[str, list[Flag]] = {code: [] for code in codes & FUSED_CODES}
    r003, r018, r030 = out.get("R003"), out.get("R018"), out.get("R030")
    r035, r036, few = out.get("R035"), out.get("R036"), out.get("ZC-FEW-BIDDERS")
    late, security = out.get("ZC-LATE-AMENDMENT"), out.get("ZC-BID-SECURITY")
    short = out.get("ZC-SHORT-PUBLICITY")
    notice = timedelta(days=settings.amendment_notice_days)
    percent = settings.bid_security_cap_percent
    minimum = timedelta(days=settings.publicity_min_days)
    currency = compared_currency(history, settings) if r036 is not None else None
    awarded: list[Digest] | None = [] if "R025" in out else None
    rotation = "ZC-BID-ROTATION" in out
    groups: list[tuple[str, ...]] = []
    grouped: list[tuple[str, str]] = []
    for d in history.digests:
        t = d.tender
        if r003 is not None and (flag := r003_check(d, settings)) is not None:
            r003.append(flag)
        if r018 is not None and (flag := r018_check(d, settings)) is not None:
            r018.append(flag)
        if few is not None and (flag := few_bidders_check(d, settings)) is not None:
            few.append(flag)
        if late is not None and t.amendments and t.method in settings.amendment_methods \
                and (flag := late_amendment_check(t, notice, settings)) is not None:
            late.append(flag)
        if security is not None and t.bid_security is not None and t.estimate is not None \
                and t.bid_security * 100 > t.estimate * percent \
                and (flag := bid_security_check(t, percent)) is not None:
            security.append(flag)
        if short is not None and t.publicity_start is not None and t.publicity_end is not None:
            length = t.publicity_end - t.publicity_start
            if length < minimum:
                short.append(short_publicity_flag(t, length, settings))
        if d.valid:
            if r030 is not None and (flag := r030_check(d)) is not None:
                r030.append(flag)
            if r035 is not None and len(d.valid_suppliers) < 2 \
                    and (flag := r035_check(d, settings)) is not None:
                r035.append(flag)
            if r036 is not None and len(d.submitted) != len(d.valid) \
                    and (flag := r036_check(d, settings, currency)) is not None:
                r036.append(flag)
        winner = d.winner
        if winner is None:
            continue
        if awarded is not None:
            awarded.append(d)
        if rotation and len(d.valid_suppliers) >= 2 and competitive(t):
            groups.append(tuple(sorted(d.valid_suppliers)))
            grouped.append((t.id, winner))
    if awarded is not None:
        out["R025"] = r025_flags(awarded, settings)
    if "R048" in out:
        out["R048"] = r048_flags(r048_varieties(history.digests, settings), suppliers, settings)
    if rotation:
        out["ZC-BID-ROTATION"] = bid_rotation_flags(groups, grouped, settings)
    return out
