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
from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal

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
    found = _Found(*(out.get(code) for code in _PER_TENDER))
    limits = _Limits(timedelta(days=settings.amendment_notice_days), settings.bid_security_cap_percent,
                     timedelta(days=settings.publicity_min_days),
                     compared_currency(history, settings) if found.r036 is not None else None)
    awarded: list[Digest] = []
    groups: list[tuple[str, ...]] = []
    grouped: list[tuple[str, str]] = []
    for d in history.digests:
        _procedure_checks(d, found, limits, settings)
        if d.valid:
            _bid_checks(d, found, limits, settings)
        if d.winner is not None:
            awarded.append(d)
            if len(d.valid_suppliers) >= 2 and competitive(d.tender):
                groups.append(tuple(sorted(d.valid_suppliers)))
                grouped.append((d.tender.id, d.winner))
    if "R025" in out:
        out["R025"] = r025_flags(awarded, settings)
    if "R048" in out:
        out["R048"] = r048_flags(r048_varieties(history.digests, settings), suppliers, settings)
    if "ZC-BID-ROTATION" in out:
        out["ZC-BID-ROTATION"] = bid_rotation_flags(groups, grouped, settings)
    return out


_PER_TENDER = ("R003", "R018", "R030", "R035", "R036", "ZC-FEW-BIDDERS", "ZC-LATE-AMENDMENT",
               "ZC-BID-SECURITY", "ZC-SHORT-PUBLICITY")


@dataclass(slots=True)
class _Found:
    """The flags of each per-tender code found so far (None: the code is not asked for)."""

    r003: list[Flag] | None
    r018: list[Flag] | None
    r030: list[Flag] | None
    r035: list[Flag] | None
    r036: list[Flag] | None
    few: list[Flag] | None
    late: list[Flag] | None
    security: list[Flag] | None
    short: list[Flag] | None


@dataclass(frozen=True, slots=True)
class _Limits:
    notice: timedelta
    security_percent: Decimal
    publicity: timedelta
    currency: str | None


def _procedure_checks(d: Digest, found: _Found, limits: _Limits, settings: FlagSettings) -> None:
    """R003, R018 and the local procedural rules for one tender; the cheap tests of each rule
    come first, so that most tenders never reach its check."""
    t = d.tender
    if found.r003 is not None and (flag := r003_check(d, settings)) is not None:
        found.r003.append(flag)
    if found.r018 is not None and (flag := r018_check(d, settings)) is not None:
        found.r018.append(flag)
    if found.few is not None and (flag := few_bidders_check(d, settings)) is not None:
        found.few.append(flag)
    if found.late is not None and t.amendments and t.method in settings.amendment_methods \
            and (flag := late_amendment_check(t, limits.notice, settings)) is not None:
        found.late.append(flag)
    if found.security is not None and t.bid_security is not None and t.estimate is not None \
            and t.bid_security * 100 > t.estimate * limits.security_percent \
            and (flag := bid_security_check(t, limits.security_percent)) is not None:
        found.security.append(flag)
    if found.short is not None and t.publicity_start is not None and t.publicity_end is not None:
        length = t.publicity_end - t.publicity_start
        if length < limits.publicity:
            found.short.append(short_publicity_flag(t, length, settings))


def _bid_checks(d: Digest, found: _Found, limits: _Limits, settings: FlagSettings) -> None:
    """R030, R035 and R036 for one tender with valid bids."""
    if found.r030 is not None and (flag := r030_check(d)) is not None:
        found.r030.append(flag)
    if found.r035 is not None and len(d.valid_suppliers) < 2 \
            and (flag := r035_check(d, settings)) is not None:
        found.r035.append(flag)
    if found.r036 is not None and len(d.submitted) != len(d.valid) \
            and (flag := r036_check(d, settings, limits.currency)) is not None:
        found.r036.append(flag)
