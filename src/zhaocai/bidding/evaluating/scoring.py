"""Comprehensive scoring (综合评估法): the committee scores computed in the database from the
members' revealed sheets (how sheets are committed and revealed: `sealed_sheets.py`).

Committee scores are the rules of `zhaocai.bidding.rules.scoring` computed in bulk: one GROUP BY
gives each criterion's count, sum, min and max (the trimmed mean drops one min and one max);
outlying points and weighted totals are found with exact integer comparisons, reading member by
member only the bids whose spread could hide one. The property tests check the result equals the
pure `evaluate`. Only revealed sheets have points: a sheet recorded as never revealed has none,
so the counts are those of the revealed sheets.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from decimal import Decimal, localcontext
from fractions import Fraction
from itertools import groupby
from operator import itemgetter
from typing import Any

from sqlalchemy import Text, bindparam, cast, func, literal, select
from sqlmodel import Session

from zhaocai.bidding.evaluating.sealed_sheets import sealed_until_all
from zhaocai.bidding.evaluating.tables import SCORE
from zhaocai.bidding.rules import (
    BidScore,
    CriterionScore,
    Outlier,
    OutlierRule,
    ScoringCriterion,
    ScoringScheme,
    round_score,
)
from zhaocai.bidding.rules.common import EXACT, HUNDRED
from zhaocai.bidding.rules.scoring import bid_score, criterion_score_of
from zhaocai.profile import RulesProfile
from zhaocai.store import driver

OUTLIER_RULE = OutlierRule()


def _ratio(value: Decimal) -> tuple[int, int]:
    fraction = Fraction(value)
    return fraction.numerator, fraction.denominator


_POINTS = SCORE.c.points_centi
_AGGREGATE = (select(SCORE.c.bid_id, SCORE.c.criterion_id, func.count(), func.sum(_POINTS), func.min(_POINTS),
                     func.max(_POINTS))
              .where(SCORE.c.tender_id == bindparam("s_tender"), SCORE.c.lot_id == bindparam("s_lot"))
              .group_by(SCORE.c.bid_id, SCORE.c.criterion_id).order_by(SCORE.c.bid_id, SCORE.c.criterion_id))
_CHUNK = 500


def _packed(dialect: str) -> Any:
    """Each (bid, criterion)'s members and points packed in one string, `member \x1e points`
    joined by `\x1f`: a lot's suspect bids are read in a seventh of the rows."""
    pair = SCORE.c.member_id + "\x1e" + cast(_POINTS, Text)
    packed = (func.group_concat(pair, "\x1f") if dialect == "sqlite"
              else func.string_agg(pair, literal("\x1f", Text)))
    return (select(SCORE.c.bid_id, SCORE.c.criterion_id, packed)
            .group_by(SCORE.c.bid_id, SCORE.c.criterion_id).order_by(SCORE.c.bid_id, SCORE.c.criterion_id))


Stats = dict[tuple[str, str], tuple[int, int, int, int]]


class _Limits:
    """The outlier thresholds as exact integer ratios (see `_scan`)."""

    def __init__(self, scheme: ScoringScheme, rule: OutlierRule) -> None:
        with localcontext(EXACT):
            self.thresholds = {c.criterion_id: max(c.max_points * rule.percent_of_max / HUNDRED,
                                                   rule.min_points) for c in scheme.criteria}
            self.ratios = {cid: _ratio(t * HUNDRED) for cid, t in self.thresholds.items()}
            factors = {c.criterion_id: Fraction(c.weight) / Fraction(c.max_points) for c in scheme.criteria}
            self.scale = math.lcm(*(f.denominator for f in factors.values()))
            self.weights = {cid: int(f * self.scale) for cid, f in factors.items()}
            weighted = sum((c.weight for c in scheme.criteria), Decimal(0))
            self.total_threshold = max(weighted * rule.percent_of_max / HUNDRED, rule.min_points)
            self.t_num, self.t_den = _ratio(self.total_threshold * HUNDRED * self.scale)


def _scan(session: Session, tender_id: str, lot_id: str, scheme: ScoringScheme,
          rule: OutlierRule) -> tuple[Stats, list[Outlier]]:
    """Per bid and criterion: count, sum, min, max (one GROUP BY); then the outliers.

    Exact integer tests: a member's points p (hundredths) among n members summing to S stray from
    the others' mean when |n·p − S| / (n − 1) > threshold, i.e. |n·p − S| · den > num · (n − 1)
    with threshold × 100 = num / den; weighted totals likewise, scaled to integers by the lcm of
    the criteria's weight/max-points denominators. A point is never further from the others' mean
    than max − min, and a weighted total never further than Σ weight × (max − min): only bids
    whose spread passes a threshold are read member by member.
    """
    limits = _Limits(scheme, rule)
    stats, suspects = _aggregates(session, tender_id, lot_id, limits)
    flagged: list[tuple[str, str, str | None, int, int, int]] = []
    packed = _packed(session.connection().dialect.name).where(SCORE.c.tender_id == tender_id,
                                                              SCORE.c.lot_id == lot_id)
    for start in range(0, len(suspects), _CHUNK):
        chunk = suspects[start:start + _CHUNK]
        for bid, of_bid in groupby(session.execute(packed.where(SCORE.c.bid_id.in_(chunk))),
                                   key=itemgetter(0)):
            flagged += _members(bid, of_bid, limits)
    return stats, _outliers(flagged, limits)


def _aggregates(session: Session, tender_id: str, lot_id: str, limits: _Limits) -> tuple[Stats, list[str]]:
    """Each (bid, criterion)'s count, sum, min and max, and the bids whose spread could hide an
    outlier."""
    stats: Stats = {}
    suspects: list[str] = []
    rows = driver.fetchall(session.connection(), _AGGREGATE, {"s_tender": tender_id, "s_lot": lot_id})
    for bid, of_bid in groupby(rows, key=itemgetter(0)):
        spread = 0
        suspect = False
        for _, cid, n, total, low, high in of_bid:
            n, total, low, high = int(n), int(total), int(low), int(high)
            stats[(bid, cid)] = (n, total, low, high)
            num, den = limits.ratios[cid]
            suspect = suspect or (high - low) * den > num
            spread += limits.weights[cid] * (high - low)
        if suspect or spread * limits.t_den > limits.t_num:
            suspects.append(bid)
    return stats, suspects


def _outliers(flagged: list[tuple[str, str, str | None, int, int, int]], limits: _Limits) -> list[Outlier]:
    """The flagged points and totals as outliers, exact, in (member, bid, criterion) order."""
    outliers = []
    unit = Decimal(100 * limits.scale)
    with localcontext(EXACT):
        for member, bid, cid, p, n, total in flagged:
            div = Decimal(100) if cid is not None else unit
            points_d = Decimal(p) / div
            mean = Decimal(total - p) / div / (n - 1)
            threshold = limits.total_threshold if cid is None else limits.thresholds[cid]
            outliers.append(Outlier(member, bid, cid, points_d, mean, abs(points_d - mean), threshold))
    outliers.sort(key=lambda o: (o.member_id, o.bid_id, o.criterion_id is None, o.criterion_id or ""))
    return outliers


def _members(bid: str, of_bid: Any, limits: _Limits) -> list[tuple[str, str, str | None, int, int, int]]:
    """The outlying points and totals of one bid, from its members' points per criterion."""
    flagged: list[tuple[str, str, str | None, int, int, int]] = []
    totals: dict[str, int] = {}
    for _, cid, packed in of_bid:
        points = [(member, int(p)) for member, _, p in
                  (pair.rpartition("\x1e") for pair in packed.split("\x1f"))]
        n = len(points)
        total = sum(p for _, p in points)
        num, den = limits.ratios[cid]
        k = limits.weights[cid]
        for member, p in points:
            if n > 1 and abs(n * p - total) * den > num * (n - 1):
                flagged.append((member, bid, cid, p, n, total))
            totals[member] = totals.get(member, 0) + p * k
    n = len(totals)
    grand = sum(totals.values())
    for member, t in totals.items():
        if n > 1 and abs(n * t - grand) * limits.t_den > limits.t_num * (n - 1):
            flagged.append((member, bid, None, t, n, grand))
    return flagged


def committee_scores(session: Session, tender_id: str, lot_id: str, scheme: ScoringScheme,
                     profile: RulesProfile, price_scores: Mapping[str, Decimal],
                     rule: OutlierRule = OUTLIER_RULE) -> tuple[list[BidScore], list[Outlier]]:
    """Every compliant bid's committee scores (as `evaluate`) and the outlier flags, in bulk."""
    sealed_until_all(session, tender_id, lot_id)
    stats, outliers = _scan(session, tender_id, lot_id, scheme, rule)
    # Many bids share a criterion's (count, sum, min, max): each score is computed once and shared.
    known: dict[tuple[str, int, int, int, int], CriterionScore] = {}

    def part(criterion: ScoringCriterion, stat: tuple[int, int, int, int]) -> CriterionScore:
        key = (criterion.criterion_id, *stat)
        found = known.get(key)
        if found is None:
            found = known[key] = criterion_score_of(criterion, *stat, profile.trimmed_mean_min_members)
        return found

    results = [bid_score(bid, price_scores[bid], [part(c, stats[(bid, c.criterion_id)])
                                                  for c in scheme.criteria])
               for bid in sorted(price_scores)]
    return results, outliers


def outlier_dict(outlier: Outlier) -> dict[str, Any]:
    """An outlier flag as stored in the report (figures rounded to 0.01 for display)."""
    return {"member_id": outlier.member_id, "bid_id": outlier.bid_id,
            "criterion_id": outlier.criterion_id, "points": str(round_score(outlier.points)),
            "others_mean": str(round_score(outlier.others_mean)),
            "deviation": str(round_score(outlier.deviation)), "threshold": str(outlier.threshold)}

