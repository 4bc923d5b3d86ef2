"""Sealed comprehensive scoring (综合评估法): members' sheets, sealed until all are in, and the
committee scores computed in the database.

- Each member submits one sheet per lot, once, scoring exactly the lot's compliant bids on every
  criterion (points 0..max, at most two decimals: stored as integer hundredths). The audit chain
  keeps the sheet's sha256 (a commitment), never its points; the outbox says only how many sheets
  are in.
- Every read of points — `sheets()`, the report, the committee scores — refuses with
  `scoring.sealed` until every sitting member has submitted that lot's sheet. A member cannot
  read back even their own sheet before then.
- Committee scores are the rules of `zhaocai.bidding.rules.scoring` computed in bulk: one
  GROUP BY gives each criterion's count, sum, min and max (the trimmed mean drops one min and one
  max); outlying points and weighted totals are found with exact integer comparisons, reading
  member by member only the bids whose spread could hide one. The property tests check the
  result equals the pure `evaluate`.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Mapping, Sequence
from decimal import Decimal, InvalidOperation, localcontext
from fractions import Fraction
from itertools import groupby
from operator import itemgetter
from typing import Any

from sqlalchemy import func, select
from sqlmodel import Session, col
from sqlmodel import select as sm_select

from zhaocai.actors import Actor, is_buyer_staff
from zhaocai.bidding.evaluating.common import (
    LOT_FAILED,
    SUBJECT,
    active_members,
    bulk,
    conflict,
    evaluation_row,
    lot_row,
    method_of,
    refuse,
    require_member,
    require_state,
    scheme_of,
)
from zhaocai.bidding.evaluating.tables import EntryRow, ScoreRow, SheetRow
from zhaocai.bidding.evaluating.views import ScoreSheetView, SheetReceipt
from zhaocai.bidding.lifecycle import frozen_rules, load_tender
from zhaocai.bidding.machine import TenderState
from zhaocai.bidding.rules import (
    AwardMethod,
    BidScore,
    CriterionKind,
    CriterionScore,
    Outlier,
    OutlierRule,
    ScoringScheme,
    round_score,
)
from zhaocai.bidding.rules.common import EXACT, HUNDRED
from zhaocai.bidding.tables import TenderRow
from zhaocai.errors import PermissionDenied, ValidationError
from zhaocai.profile import RulesProfile
from zhaocai.store import UnitOfWork
from zhaocai.store.types import canonical_json

_SCORE = ScoreRow.__table__  # type: ignore[attr-defined]
_ENTRY = EntryRow.__table__  # type: ignore[attr-defined]
OUTLIER_RULE = OutlierRule()


def _centi(value: Any, where: str, limit: Decimal) -> int:
    """Points as integer hundredths, refusing floats, more than two decimals, and out of range."""
    if isinstance(value, (bool, float)):
        raise ValidationError("evaluation.float", f"{where}: give points as str, int or Decimal",
                              f"{where}：分值须以字符串、整数或 Decimal 给出", {"where": where})
    try:
        hundredths = (value if isinstance(value, Decimal) else Decimal(str(value).strip())) * 100
        whole = int(hundredths)
    except (InvalidOperation, TypeError, ValueError, OverflowError):
        hundredths, whole = Decimal("NaN"), 0
    if whole != hundredths:
        raise ValidationError("scoring.precision", f"{where}: {value!r} is not a number with at most "
                              "two decimals", f"{where}：{value!r} 不是至多两位小数的数值", {"where": where})
    if not 0 <= whole <= limit:
        raise ValidationError("scoring.out_of_range", f"{where}: {value!r} is outside 0–{limit / 100}",
                              f"{where}：{value!r} 超出 0–{limit / 100}", {"where": where})
    return whole


_ENTRIES = ("SELECT bid_id, compliant, abnormal IS NOT NULL, abnormal_decision FROM evaluation_entry "
            "WHERE tender_id = ? AND lot_id = ?")
_INSERT_SCORES = ("INSERT INTO evaluation_score (tender_id, lot_id, member_id, bid_id, criterion_id, "
                  "points_centi) VALUES (?, ?, ?, ?, ?, ?)")


def sealed_until_all(session: Session, tender_id: str, lot_id: str) -> list[str]:
    """The sitting members, once every one has submitted the lot's sheet; else `scoring.sealed`."""
    members = [m.member_id for m in active_members(session, tender_id)]
    submitted = set(session.exec(sm_select(SheetRow.member_id).where(
        col(SheetRow.tender_id) == tender_id, col(SheetRow.lot_id) == lot_id)).all())
    waiting = [m for m in members if m not in submitted]
    if waiting or not members:
        raise PermissionDenied("scoring.sealed",
                               f"Scores stay sealed until every member has submitted: {len(waiting)} "
                               "sheet(s) outstanding",
                               f"全部评委提交前评分保持密封：尚有 {len(waiting)} 份未提交",
                               {"tender_id": tender_id, "lot_id": lot_id, "outstanding": len(waiting)})
    return members


def submit(uow: UnitOfWork, tender_id: str, lot_id: str,
           scores: Mapping[str, Mapping[str, Any]]) -> SheetReceipt:
    """A member submits their sheet for a lot (once); it is sealed until all have submitted."""
    session = uow.session
    tender = load_tender(uow, tender_id)
    require_state(tender, TenderState.EVALUATING, doing="score")
    member = require_member(session, tender.id, uow.actor)
    ev = evaluation_row(session, tender.id)
    _, spec = frozen_rules(tender)
    if method_of(spec) is not AwardMethod.COMPREHENSIVE:
        raise refuse("scoring.not_comprehensive", "This tender is evaluated by lowest evaluated price",
                     "本项目采用经评审的最低投标价法，无需评分", tender_id=tender.id)
    if ev.compliance_at is None or ev.report_at is not None:
        raise refuse("scoring.not_open", "Scoring is open after the compliance check and before the report",
                     "评分须在符合性审查之后、评标报告之前进行", tender_id=tender.id)
    lot = lot_row(session, tender.id, lot_id)
    if lot.status == LOT_FAILED:
        raise refuse("evaluation.lot_failed", f"Lot {lot_id} failed: {lot.failure_reason}",
                     f"标段 {lot_id} 已流标", lot_id=lot_id)
    # (bid_id, compliant, flagged, abnormal_decision) as plain driver tuples: 10,000s of rows.
    entries = _fetch(session, _ENTRIES, (tender.id, lot_id))
    undecided = sorted(bid for bid, _, flagged, decision in entries if flagged and decision is None)
    if undecided:
        raise refuse("abnormal.decision_missing",
                     "Decide on every abnormally low bid before scoring the lot",
                     "评分前须对每一异常低价投标作出认定", bid_ids=undecided)
    if session.get(SheetRow, (tender.id, lot_id, member.member_id)) is not None:
        raise conflict("scoring.already_submitted", "This member's sheet for the lot is already in; "
                       "sheets are final", "该评委本标段评分已提交，不可更改", lot_id=lot_id)
    bids = sorted(bid for bid, compliant, _, _ in entries if compliant)
    scheme = scheme_of(spec)
    limits = {c.criterion_id: c.max_points * HUNDRED for c in scheme.criteria}
    if set(scores) != set(bids):
        raise ValidationError("scoring.incomplete", "A sheet scores exactly the lot's compliant bids",
                              "评分表须覆盖本标段全部有效投标且仅限于此",
                              {"missing": len(set(bids) - set(scores)),
                               "unknown": sorted(set(scores) - set(bids))[:10]})
    rows: list[tuple[Any, ...]] = []
    normal: dict[str, dict[str, int]] = {}
    keys = set(limits)
    tid, mid = tender.id, member.member_id
    ordered = list(limits.items())
    for bid in bids:
        row = scores[bid]
        if row.keys() != keys:
            raise ValidationError("scoring.incomplete", f"bid {bid}: score exactly the criteria "
                                  f"{sorted(limits)}", f"投标 {bid} 的评分因素不完整", {"bid_id": bid})
        normal[bid] = points = {}
        for cid, limit in ordered:
            value = row[cid]
            # Fast path for a plain in-range Decimal of at most two decimals; anything else (or
            # anything wrong) goes through `_centi`, which gives the same result or the same error.
            if type(value) is Decimal and value.is_finite():
                hundredths = value * 100
                whole = int(hundredths)
                if whole == hundredths and 0 <= whole <= limit:
                    points[cid] = whole
                    rows.append((tid, lot_id, mid, bid, cid, whole))
                    continue
            points[cid] = whole = _centi(value, f"{bid}/{cid}", limit)
            rows.append((tid, lot_id, mid, bid, cid, whole))
    bulk(session, _INSERT_SCORES, rows)
    digest = hashlib.sha256(canonical_json(normal).encode("utf-8")).hexdigest()
    session.add(SheetRow(tender_id=tender.id, lot_id=lot_id, member_id=member.member_id,
                         submitted_at=uow.now, digest=digest, bids=len(bids)))
    session.flush()
    submitted = len(session.exec(sm_select(SheetRow.member_id).where(
        col(SheetRow.tender_id) == tender.id, col(SheetRow.lot_id) == lot_id)).all())
    size = len(active_members(session, tender.id))
    uow.record("evaluation.score_sheet", SUBJECT, tender.id,
               {"tender_id": tender.id, "lot_id": lot_id, "member_id": member.member_id,
                "digest": digest, "bids": len(bids)},
               event="ScoreSheetSubmitted",
               payload={"tender_id": tender.id, "lot_id": lot_id, "submitted": submitted, "of": size})
    return SheetReceipt(tender_id=tender.id, lot_id=lot_id, member_id=member.member_id, digest=digest,
                        submitted=submitted, committee_size=size)


def sheets(session: Session, tender: TenderRow, lot_id: str, actor: Actor) -> list[ScoreSheetView]:
    """Every member's sheet of a lot, for members and staff, only once all are in."""
    if not is_buyer_staff(actor):
        require_member(session, tender.id, actor)
    members = sealed_until_all(session, tender.id, lot_id)
    digests = {s.member_id: s.digest for s in session.exec(sm_select(SheetRow).where(
        col(SheetRow.tender_id) == tender.id, col(SheetRow.lot_id) == lot_id)).all()}
    points: dict[str, dict[str, dict[str, Decimal]]] = {m: {} for m in members}
    for row in session.execute(select(_SCORE.c.member_id, _SCORE.c.bid_id, _SCORE.c.criterion_id,
                                      _SCORE.c.points_centi).where(
            _SCORE.c.tender_id == tender.id, _SCORE.c.lot_id == lot_id)):
        points.setdefault(row[0], {}).setdefault(row[1], {})[row[2]] = Decimal(int(row[3])).scaleb(-2)
    return [ScoreSheetView(member_id=m, lot_id=lot_id, digest=digests[m], scores=points.get(m, {}))
            for m in members]


def _ratio(value: Decimal) -> tuple[int, int]:
    fraction = Fraction(value)
    return fraction.numerator, fraction.denominator


_AGGREGATE = ("SELECT bid_id, criterion_id, count(*), sum(points_centi), min(points_centi), "
              "max(points_centi) FROM evaluation_score WHERE tender_id = ? AND lot_id = ? "
              "GROUP BY bid_id, criterion_id ORDER BY bid_id, criterion_id")
_PACKED = {
    "sqlite": "SELECT bid_id, criterion_id, group_concat(member_id || char(30) || points_centi, char(31)) "
              "FROM evaluation_score WHERE tender_id = ? AND lot_id = ? AND bid_id IN ({ids}) "
              "GROUP BY bid_id, criterion_id ORDER BY bid_id, criterion_id",
    "postgresql": "SELECT bid_id, criterion_id, string_agg(member_id || chr(30) || points_centi::text, "
                  "chr(31)) FROM evaluation_score WHERE tender_id = ? AND lot_id = ? "
                  "AND bid_id IN ({ids}) GROUP BY bid_id, criterion_id ORDER BY bid_id, criterion_id",
}
_CHUNK = 500


def _fetch(session: Session, sql: str, params: Sequence[Any]) -> list[Any]:
    """Plain driver tuples for `sql` (qmark placeholders), inside the session's transaction."""
    connection = session.connection()
    if connection.dialect.paramstyle != "qmark":
        sql = sql.replace("?", "%s")
    cursor = connection.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
    try:
        cursor.execute(sql, tuple(params))
        return list(cursor.fetchall())
    finally:
        cursor.close()


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
    stats: Stats = {}
    suspects: list[str] = []
    for bid, of_bid in groupby(_fetch(session, _AGGREGATE, (tender_id, lot_id)), key=itemgetter(0)):
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
    flagged: list[tuple[str, str, str | None, int, int, int]] = []
    dialect = session.connection().dialect.name
    for start in range(0, len(suspects), _CHUNK):
        chunk = suspects[start:start + _CHUNK]
        sql = _PACKED[dialect].format(ids=", ".join("?" * len(chunk)))
        for bid, of_bid in groupby(_fetch(session, sql, (tender_id, lot_id, *chunk)), key=itemgetter(0)):
            flagged += _members(bid, of_bid, limits)
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
    return stats, outliers


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
    results = []
    # Many bids share the same sums: the (frozen, exact) criterion scores and part totals are
    # computed once per distinct key and shared.
    parts_of: dict[tuple[tuple[int, int, int, int], ...], tuple[tuple[CriterionScore, ...], Decimal, Decimal]]
    parts_of = {}
    part_of: dict[tuple[str, int, int, int, int], CriterionScore] = {}
    with localcontext(EXACT):
        for bid in sorted(price_scores):
            key = tuple(stats[(bid, c.criterion_id)] for c in scheme.criteria)
            known = parts_of.get(key)
            if known is None:
                parts = []
                for c, (n, total, low, high) in zip(scheme.criteria, key, strict=True):
                    part = part_of.get((c.criterion_id, n, total, low, high))
                    if part is None:
                        trimmed = n >= profile.trimmed_mean_min_members and n >= 3
                        kept, count = (total - low - high, n - 2) if trimmed else (total, n)
                        points = Decimal(kept).scaleb(-2) / count
                        score = round_score(points * c.weight / c.max_points)
                        part = part_of[(c.criterion_id, n, total, low, high)] = CriterionScore(
                            c.criterion_id, c.kind, points, trimmed, score)
                    parts.append(part)
                technical = sum((p.score for p in parts if p.kind is CriterionKind.TECHNICAL),
                                Decimal("0.00"))
                commercial = sum((p.score for p in parts if p.kind is CriterionKind.COMMERCIAL),
                                 Decimal("0.00"))
                known = parts_of[key] = (tuple(parts), technical, commercial)
            parts_t, technical, commercial = known
            price = price_scores[bid]
            results.append(BidScore(bid, price, parts_t, technical, commercial,
                                    price + technical + commercial))
    return results, outliers


def outlier_dict(outlier: Outlier) -> dict[str, Any]:
    """An outlier flag as stored in the report (figures rounded to 0.01 for display)."""
    return {"member_id": outlier.member_id, "bid_id": outlier.bid_id,
            "criterion_id": outlier.criterion_id, "points": str(round_score(outlier.points)),
            "others_mean": str(round_score(outlier.others_mean)),
            "deviation": str(round_score(outlier.deviation)), "threshold": str(outlier.threshold)}


def submitted_counts(session: Session, tender_id: str) -> dict[str, int]:
    """Lot id → sheets submitted (what anyone may know while scores are sealed)."""
    rows: Sequence[Any] = session.execute(
        select(SheetRow.lot_id, func.count()).where(  # type: ignore[call-overload]
            col(SheetRow.tender_id) == tender_id).group_by(SheetRow.lot_id)).all()
    return {r[0]: int(r[1]) for r in rows}
