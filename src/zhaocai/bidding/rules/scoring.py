"""Comprehensive scoring (综合评估法): criteria, members' sealed score sheets, committee scores.

- A scheme has a price weight and technical/commercial criteria; weights sum to 100. Members
  score each criterion from 0 to its `max_points`; the criterion contributes
  ``committee points × weight / max_points`` (so when max points = weight, the points count as is).
- Committee points of a criterion for a bid = the mean of the members' points; with at least
  `trimmed_mean_min_members` (5) members, one highest and one lowest are dropped first.
- Each criterion score is rounded once to 0.01 half up; technical, commercial and total scores are
  exact sums of published scores (total = price score + every criterion score).
- Outliers: a member's points for a criterion of a bid are flagged when
  ``|points − mean of the other members' points| > max(max_points × 20 / 100, min_points)``;
  likewise a member's weighted total for a bid against the sum of weights of the criteria. Flags
  do not change scores (the trimmed mean already damps them); the member must explain.
- Sealed scoring: nobody sees another member's scores before every member has submitted
  (`scores_visible`); `evaluate` refuses to run before that.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, localcontext
from enum import StrEnum

from zhaocai.bidding.rules.common import EXACT, HUNDRED, as_decimal, require_unique, round_score
from zhaocai.errors import RuleViolation, ValidationError
from zhaocai.profile import DEFAULT_PROFILE, RulesProfile


class CriterionKind(StrEnum):
    """Technical (技术) or commercial (商务) criterion."""

    TECHNICAL = "technical"
    COMMERCIAL = "commercial"


@dataclass(frozen=True)
class ScoringCriterion:
    """A scoring criterion published with the tender."""

    criterion_id: str
    name: str
    kind: CriterionKind
    weight: Decimal
    max_points: Decimal


def _invalid(code: str, en: str, zh: str, **details: object) -> ValidationError:
    return ValidationError(f"scoring.{code}", en, zh, details)


@dataclass(frozen=True)
class ScoringScheme:
    """Price weight plus criteria; the weights sum to exactly 100."""

    price_weight: Decimal
    criteria: tuple[ScoringCriterion, ...]

    def __post_init__(self) -> None:
        require_unique([c.criterion_id for c in self.criteria], what="criterion id")
        price_weight = as_decimal(self.price_weight, field="price_weight")
        criteria = tuple(
            ScoringCriterion(c.criterion_id, c.name, CriterionKind(c.kind),
                      as_decimal(c.weight, field=f"weight of {c.criterion_id}"),
                      as_decimal(c.max_points, field=f"max points of {c.criterion_id}"))
            for c in self.criteria)
        if price_weight < 0 or any(c.weight <= 0 or c.max_points <= 0 for c in criteria):
            raise _invalid("bad_weight", "weights and max points must be positive (price weight ≥ 0)",
                           "权重与满分须为正数（价格权重不能为负）")
        total = price_weight + sum((c.weight for c in criteria), Decimal(0))
        if total != HUNDRED:
            raise _invalid("weights_not_100", f"price weight and criteria weights sum to {total}, not 100",
                           f"价格权重与各评分因素权重之和为 {total}，不是 100", total=str(total))
        object.__setattr__(self, "price_weight", price_weight)
        object.__setattr__(self, "criteria", criteria)


@dataclass(frozen=True)
class ScoreSheet:
    """One member's sealed points: bid id → criterion id → points."""

    member_id: str
    scores: Mapping[str, Mapping[str, Decimal]] = field(default_factory=dict)


@dataclass(frozen=True)
class OutlierRule:
    """Published outlier rule: threshold = max(max points × percent_of_max / 100, min_points)."""

    percent_of_max: Decimal = Decimal(20)
    min_points: Decimal = Decimal(0)


@dataclass(frozen=True)
class Outlier:
    """A member's score that strays from the others' (`criterion_id` None: the bid total)."""

    member_id: str
    bid_id: str
    criterion_id: str | None
    points: Decimal
    others_mean: Decimal
    deviation: Decimal
    threshold: Decimal


@dataclass(frozen=True)
class CriterionScore:
    """The committee's result for one criterion of one bid."""

    criterion_id: str
    kind: CriterionKind
    committee_points: Decimal
    """Mean (or trimmed mean) of members' points, exact."""
    trimmed: bool
    score: Decimal
    """committee_points × weight / max_points, rounded to 0.01 half up."""


@dataclass(frozen=True)
class BidScore:
    """A bid's published scores."""

    bid_id: str
    price_score: Decimal
    criteria: tuple[CriterionScore, ...]
    technical_score: Decimal
    commercial_score: Decimal
    total: Decimal


@dataclass(frozen=True)
class Evaluation:
    """Every bid's scores (bid-id order) and the outlier flags (member, bid, criterion order)."""

    bids: tuple[BidScore, ...]
    outliers: tuple[Outlier, ...]

    def by_bid(self) -> dict[str, BidScore]:
        """Bid id → scores."""
        return {b.bid_id: b for b in self.bids}


def scores_visible(submitted_member_ids: Iterable[str], committee_member_ids: Iterable[str]) -> bool:
    """True only when the committee is not empty and every member has submitted."""
    committee = set(committee_member_ids)
    return bool(committee) and committee <= set(submitted_member_ids)


def validate_sheet(sheet: ScoreSheet, scheme: ScoringScheme, bid_ids: Sequence[str]) -> None:
    """Refuse a sheet that misses or adds a bid or criterion, or has points out of range."""
    if set(sheet.scores) != set(bid_ids):
        raise _invalid("incomplete", f"member {sheet.member_id} must score exactly the bids "
                       f"{sorted(bid_ids)}, scored {sorted(sheet.scores)}",
                       f"评委 {sheet.member_id} 须对全部投标评分", member_id=sheet.member_id)
    wanted = {c.criterion_id: c for c in scheme.criteria}
    for bid, row in sheet.scores.items():
        if set(row) != set(wanted):
            raise _invalid("incomplete", f"member {sheet.member_id}, bid {bid}: must score exactly "
                           f"the criteria {sorted(wanted)}, scored {sorted(row)}",
                           f"评委 {sheet.member_id} 对投标 {bid} 的评分因素不完整",
                           member_id=sheet.member_id, bid_id=bid)
        for cid, value in row.items():
            points = as_decimal(value, field=f"{sheet.member_id}/{bid}/{cid}")
            if not 0 <= points <= wanted[cid].max_points:
                raise _invalid("out_of_range", f"member {sheet.member_id}, bid {bid}, {cid}: "
                               f"{points} is outside 0–{wanted[cid].max_points}",
                               f"评委 {sheet.member_id} 对投标 {bid} 的 {cid} 评分 {points} "
                               f"超出 0–{wanted[cid].max_points}",
                               member_id=sheet.member_id, bid_id=bid, criterion_id=cid)


def committee_points(values: Sequence[Decimal], trimmed_mean_min_members: int) -> tuple[Decimal, bool]:
    """Mean of members' points, trimmed (one highest, one lowest dropped) at ≥ N members."""
    ordered = sorted(values)
    trimmed = len(ordered) >= trimmed_mean_min_members and len(ordered) >= 3
    kept = ordered[1:-1] if trimmed else ordered
    with localcontext(EXACT):
        return sum(kept, Decimal(0)) / len(kept), trimmed


def _points(sheet: ScoreSheet, bid: str, criterion_id: str) -> Decimal:
    return as_decimal(sheet.scores[bid][criterion_id], field=f"{sheet.member_id}/{bid}/{criterion_id}")


def _outlier(member: str, bid: str, cid: str | None, points: Decimal, others: list[Decimal],
             threshold: Decimal) -> Outlier | None:
    with localcontext(EXACT):
        mean = sum(others, Decimal(0)) / len(others)
        deviation = abs(points - mean)
    if deviation > threshold:
        return Outlier(member, bid, cid, points, mean, deviation, threshold)
    return None


def find_outliers(sheets: Sequence[ScoreSheet], scheme: ScoringScheme, bid_ids: Sequence[str],
                  rule: OutlierRule = OutlierRule()) -> tuple[Outlier, ...]:
    """Flag outlying points per criterion and per bid total (needs at least two members)."""
    if len(sheets) < 2:
        return ()
    pct = as_decimal(rule.percent_of_max, field="percent_of_max")
    floor = as_decimal(rule.min_points, field="min_points")
    found: list[Outlier] = []
    with localcontext(EXACT):
        weighted_total = sum((c.weight for c in scheme.criteria), Decimal(0))
        total_threshold = max(weighted_total * pct / HUNDRED, floor)
        totals = {(s.member_id, bid): sum((_points(s, bid, c.criterion_id) * c.weight
                                           / c.max_points for c in scheme.criteria), Decimal(0))
                  for s in sheets for bid in bid_ids}
    for sheet in sorted(sheets, key=lambda s: s.member_id):
        others = [s for s in sheets if s.member_id != sheet.member_id]
        for bid in sorted(bid_ids):
            for c in sorted(scheme.criteria, key=lambda c: c.criterion_id):
                with localcontext(EXACT):
                    threshold = max(c.max_points * pct / HUNDRED, floor)
                flag = _outlier(sheet.member_id, bid, c.criterion_id,
                                _points(sheet, bid, c.criterion_id),
                                [_points(o, bid, c.criterion_id) for o in others], threshold)
                if flag:
                    found.append(flag)
            flag = _outlier(sheet.member_id, bid, None, totals[(sheet.member_id, bid)],
                            [totals[(o.member_id, bid)] for o in others], total_threshold)
            if flag:
                found.append(flag)
    return tuple(found)


def evaluate(
    scheme: ScoringScheme,
    sheets: Sequence[ScoreSheet],
    *,
    committee_member_ids: Sequence[str],
    price_scores: Mapping[str, Decimal],
    profile: RulesProfile = DEFAULT_PROFILE,
    outlier_rule: OutlierRule = OutlierRule(),
) -> Evaluation:
    """Committee scores of every bid in `price_scores` (the valid bids), once all have submitted."""
    require_unique([s.member_id for s in sheets], what="member score sheet")
    submitted = [s.member_id for s in sheets]
    if not scores_visible(submitted, committee_member_ids):
        waiting = sorted(set(committee_member_ids) - set(submitted))
        raise RuleViolation("scoring.not_all_submitted",
                            f"scores stay sealed until every member has submitted; waiting for "
                            f"{', '.join(waiting) or 'a committee'}",
                            f"全部评委提交前评分保持密封；尚未提交：{', '.join(waiting) or '无评委'}",
                            {"waiting": waiting})
    strangers = sorted(set(submitted) - set(committee_member_ids))
    if strangers:
        raise _invalid("not_a_member", f"sheets from non-members: {', '.join(strangers)}",
                       f"非评委提交了评分：{'、'.join(repr(s) for s in strangers)}", member_ids=strangers)
    bid_ids = sorted(price_scores)
    for sheet in sheets:
        validate_sheet(sheet, scheme, bid_ids)
    results: list[BidScore] = []
    for bid in bid_ids:
        ps = as_decimal(price_scores[bid], field=f"price score of {bid}")
        if not 0 <= ps <= scheme.price_weight:
            raise _invalid("price_score_out_of_range", f"price score {ps} of {bid} is outside "
                           f"0–{scheme.price_weight}",
                           f"{bid} 的价格分 {ps} 超出 0–{scheme.price_weight}", bid_id=bid)
        parts: list[CriterionScore] = []
        for c in scheme.criteria:
            points, trimmed = committee_points(
                [_points(s, bid, c.criterion_id) for s in sheets], profile.trimmed_mean_min_members)
            with localcontext(EXACT):
                score = round_score(points * c.weight / c.max_points)
            parts.append(CriterionScore(c.criterion_id, c.kind, points, trimmed, score))
        technical = sum((p.score for p in parts if p.kind is CriterionKind.TECHNICAL), Decimal("0.00"))
        commercial = sum((p.score for p in parts if p.kind is CriterionKind.COMMERCIAL), Decimal("0.00"))
        results.append(BidScore(bid, ps, tuple(parts), technical, commercial, ps + technical + commercial))
    return Evaluation(tuple(results), find_outliers(sheets, scheme, bid_ids, outlier_rule))


def criterion_score_of(criterion: ScoringCriterion, count: int, total: int, low: int, high: int,
                       trimmed_mean_min_members: int) -> CriterionScore:
    """A criterion's committee score from its members' points in aggregate — how many, their sum,
    lowest and highest, in hundredths of a point — exactly as `committee_points` computes it from
    the points themselves (the trimmed mean drops one lowest and one highest)."""
    with localcontext(EXACT):
        trimmed = count >= trimmed_mean_min_members and count >= 3
        kept, members = (total - low - high, count - 2) if trimmed else (total, count)
        points = Decimal(kept).scaleb(-2) / members
        score = round_score(points * criterion.weight / criterion.max_points)
    return CriterionScore(criterion.criterion_id, criterion.kind, points, trimmed, score)


def bid_score(bid_id: str, price_score: Decimal, parts: Sequence[CriterionScore]) -> BidScore:
    """A bid's scores: technical and commercial are exact sums of the published criterion scores,
    the total their sum with the price score."""
    with localcontext(EXACT):
        technical = sum((p.score for p in parts if p.kind is CriterionKind.TECHNICAL), Decimal("0.00"))
        commercial = sum((p.score for p in parts if p.kind is CriterionKind.COMMERCIAL), Decimal("0.00"))
        return BidScore(bid_id, price_score, tuple(parts), technical, commercial,
                        price_score + technical + commercial)
