"""A member's score sheet as it is sealed: exact integer hundredths of a point per bid and criterion.

A sheet scores exactly the lot's compliant bids on exactly the published criteria
(``scoring.incomplete``); each value is a number with at most two decimals (``scoring.precision``;
a float is refused, ``evaluation.float``) between 0 and the criterion's maximum
(``scoring.out_of_range``). The same rules as `scoring.validate_sheet`, in the form the store keeps
(and read for tens of thousands of values, so a plain in-range `Decimal` takes a short path that
gives the same result).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal, InvalidOperation
from typing import Any

from zhaocai.bidding.rules.common import HUNDRED
from zhaocai.bidding.rules.scoring import ScoringScheme
from zhaocai.errors import ValidationError


def hundredths(value: Any, where: str, limit: Decimal | None) -> int:
    """Points as integer hundredths, refusing floats, more than two decimals, and out of range
    (`limit` is the maximum in hundredths; None: any points not below zero)."""
    if isinstance(value, (bool, float)):
        raise ValidationError("evaluation.float", f"{where}: give points as str, int or Decimal",
                              f"{where}：分值须以字符串、整数或 Decimal 给出", {"where": where})
    try:
        scaled = (value if isinstance(value, Decimal) else Decimal(str(value).strip())) * 100
        whole = int(scaled)
    except (InvalidOperation, TypeError, ValueError, OverflowError):
        scaled, whole = Decimal("NaN"), 0
    if whole != scaled:
        raise ValidationError("scoring.precision", f"{where}: {value!r} is not a number with at most "
                              "two decimals", f"{where}：{value!r} 不是至多两位小数的数值", {"where": where})
    if limit is None:
        if whole < 0:
            raise ValidationError("scoring.out_of_range", f"{where}: {value!r} is below zero",
                                  f"{where}：{value!r} 小于零", {"where": where})
        return whole
    if not 0 <= whole <= limit:
        raise ValidationError("scoring.out_of_range", f"{where}: {value!r} is outside 0–{limit / 100}",
                              f"{where}：{value!r} 超出 0–{limit / 100}", {"where": where})
    return whole


def sheet_points(scores: Mapping[str, Mapping[str, Any]], bids: Sequence[str],
                 scheme: ScoringScheme) -> dict[str, dict[str, int]]:
    """The sheet as bid → criterion → hundredths, bids in the order of `bids` and criteria in the
    scheme's order; refused as the module docstring says."""
    return points_within(scores, bids, [(c.criterion_id, c.max_points) for c in scheme.criteria])


def points_within(scores: Mapping[str, Mapping[str, Any]], bids: Sequence[str],
                  criteria: Sequence[tuple[str, Decimal]]) -> dict[str, dict[str, int]]:
    """`sheet_points` for criteria given as (criterion id, max points), in their order."""
    if set(scores) != set(bids):
        raise ValidationError("scoring.incomplete", "A sheet scores exactly the lot's compliant bids",
                              "评分表须覆盖本标段全部有效投标且仅限于此",
                              {"missing": len(set(bids) - set(scores)),
                               "unknown": sorted(set(scores) - set(bids))[:10]})
    limits = [(cid, top * HUNDRED) for cid, top in criteria]
    keys = {cid for cid, _ in limits}
    sheet: dict[str, dict[str, int]] = {}
    for bid in bids:
        row = scores[bid]
        if row.keys() != keys:
            raise ValidationError("scoring.incomplete", f"bid {bid}: score exactly the criteria "
                                  f"{sorted(keys)}", f"投标 {bid} 的评分因素不完整", {"bid_id": bid})
        sheet[bid] = points = {}
        for cid, limit in limits:
            value = row[cid]
            if type(value) is Decimal and value.is_finite():
                scaled = value * 100
                whole = int(scaled)
                if whole == scaled and 0 <= whole <= limit:
                    points[cid] = whole
                    continue
            points[cid] = hundredths(value, f"{bid}/{cid}", limit)
    return sheet
