"""Deterministic ranking of a lot's valid bids and the candidates (中标候选人, Reg 53).

Sort key, fixed at publication:

1. comprehensive method: total score, highest first; lowest evaluated price method: evaluated
   price, lowest first;
2. tie-break ``technical_then_lottery`` (default): the higher technical score, then the lottery;
   ``lottery``: the lottery only;
3. the lottery: `lottery_key(opening_record_hash, lot_id, content_hash)` =
   sha256(opening_record_hash || "|" || lot_id || "|" || content_hash), lowest hex first. The
   opening record depends on every sealed bid, so no party can steer it alone.

Never by submission time, bid id or supplier name: the result depends only on the scores, prices
and bid content hashes, not on the order the bids are given in. The first `max_candidates` (3)
are the candidates.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from zhaocai.bidding.rules.common import as_decimal, require_unique
from zhaocai.errors import ValidationError
from zhaocai.problems import label_zh
from zhaocai.profile import DEFAULT_PROFILE, RulesProfile


class AwardMethod(StrEnum):
    """The award method of a tender (Law 41)."""

    COMPREHENSIVE = "comprehensive"  # 综合评估法
    LOWEST_EVALUATED_PRICE = "lowest_evaluated_price"  # 经评审的最低投标价法


class TieBreak(StrEnum):
    """The tie-break rule published with the tender."""

    TECHNICAL_THEN_LOTTERY = "technical_then_lottery"
    LOTTERY = "lottery"


@dataclass(frozen=True)
class Contender:
    """A valid bid to rank: its content hash (from the receipt) and its evaluation results."""

    bid_id: str
    content_hash: str
    total_score: Decimal | None = None
    evaluated_price: Decimal | None = None
    technical_score: Decimal | None = None


@dataclass(frozen=True)
class RankedBid:
    """A bid's place; `decided_by` says what separated it from the bid ranked just above."""

    rank: int
    bid_id: str
    content_hash: str
    total_score: Decimal | None
    evaluated_price: Decimal | None
    technical_score: Decimal | None
    lottery_key: str
    decided_by: str
    """"first", "score" (or "price"), "technical" or "lottery"."""


@dataclass(frozen=True)
class Ranking:
    """The ranking of one lot and its candidates."""

    lot_id: str
    method: AwardMethod
    tie_break: TieBreak
    ranked: tuple[RankedBid, ...]
    candidates: tuple[RankedBid, ...]


def lottery_key(opening_record_hash: str, lot_id: str, content_hash: str) -> str:
    """The tie-break lottery key of a bid: sha256 over the opening record, lot and bid content."""
    return hashlib.sha256(f"{opening_record_hash}|{lot_id}|{content_hash}".encode()).hexdigest()


def _need(value: Decimal | None, what: str, bid_id: str) -> Decimal:
    if value is None:
        raise ValidationError("ranking.missing_value", f"{what} of bid {bid_id} is missing",
                              f"投标 {bid_id!r} 缺少{label_zh(what)}", {"bid_id": bid_id, "what": what})
    return as_decimal(value, field=f"{what} of {bid_id}")


def rank_lot(
    lot_id: str,
    contenders: Sequence[Contender],
    *,
    opening_record_hash: str,
    method: AwardMethod,
    tie_break: TieBreak = TieBreak.TECHNICAL_THEN_LOTTERY,
    profile: RulesProfile = DEFAULT_PROFILE,
) -> Ranking:
    """Rank the valid bids of one lot (see the module docstring); candidates are the first N.

    With ``technical_then_lottery``, technical scores must be given for all bids or for none
    (none: the step is skipped, e.g. a lowest-price tender without a technical score).
    """
    method, tie_break = AwardMethod(method), TieBreak(tie_break)
    require_unique([c.bid_id for c in contenders], what="bid id")
    require_unique([c.content_hash for c in contenders], what="bid content hash")
    given = [c.technical_score is not None for c in contenders]
    use_technical = tie_break is TieBreak.TECHNICAL_THEN_LOTTERY and any(given)
    if use_technical and not all(given):
        raise ValidationError("ranking.missing_value", "technical scores are given for some bids only",
                              "仅部分投标有技术分，无法按技术分排序")
    primary_name = "score" if method is AwardMethod.COMPREHENSIVE else "price"

    def key(c: Contender) -> tuple[Decimal, Decimal, str]:
        if method is AwardMethod.COMPREHENSIVE:
            primary = -_need(c.total_score, "total score", c.bid_id)
        else:
            primary = _need(c.evaluated_price, "evaluated price", c.bid_id)
        technical = -_need(c.technical_score, "technical score", c.bid_id) if use_technical else Decimal(0)
        return primary, technical, lottery_key(opening_record_hash, lot_id, c.content_hash)

    keyed = sorted(((key(c), c) for c in contenders), key=lambda kc: kc[0])
    ranked: list[RankedBid] = []
    previous: tuple[Decimal, Decimal, str] | None = None
    for index, (k, c) in enumerate(keyed):
        if previous is None:
            decided_by = "first"
        elif previous[0] != k[0]:
            decided_by = primary_name
        elif previous[1] != k[1]:
            decided_by = "technical"
        else:
            decided_by = "lottery"
        previous = k
        ranked.append(RankedBid(index + 1, c.bid_id, c.content_hash, c.total_score, c.evaluated_price,
                                c.technical_score, k[2], decided_by))
    return Ranking(lot_id, method, tie_break, tuple(ranked), tuple(ranked[: profile.max_candidates]))
