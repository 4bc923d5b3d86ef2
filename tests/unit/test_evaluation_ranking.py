"""Ranking: sort keys, tie-breaks (technical score, lottery), candidates."""

from __future__ import annotations

import hashlib
from decimal import Decimal as D

import pytest

from zhaocai.bidding.rules import AwardMethod, Contender, TieBreak, lottery_key, rank_lot
from zhaocai.errors import ValidationError
from zhaocai.profile import RulesProfile

OPENING = "9f2c" * 16


def test_lottery_key_formula() -> None:
    assert lottery_key(OPENING, "lot-1", "hash-R") == hashlib.sha256(
        f"{OPENING}|lot-1|hash-R".encode()).hexdigest()


def test_comprehensive_ties_broken_by_technical_then_lottery() -> None:
    contenders = [
        Contender("R", "hash-R", total_score=D("80.00"), technical_score=D("40.00")),
        Contender("Q", "hash-Q", total_score=D("84.52"), technical_score=D("38.00")),
        Contender("S", "hash-S", total_score=D("80.00"), technical_score=D("40.00")),
        Contender("P", "hash-P", total_score=D("84.52"), technical_score=D("40.00")),
        Contender("T", "hash-T", total_score=D("70.00"), technical_score=D("45.00")),
    ]
    ranking = rank_lot("lot-1", contenders, opening_record_hash=OPENING, method=AwardMethod.COMPREHENSIVE)
    # P and Q tie at 84.52: P has the higher technical score (40 > 38).
    # R and S tie on total and technical: lottery keys
    #   R: 2a20d824…, S: 003474f0… → S first.
    assert [r.bid_id for r in ranking.ranked] == ["P", "Q", "S", "R", "T"]
    assert [r.decided_by for r in ranking.ranked] == ["first", "technical", "score", "lottery", "score"]
    assert [c.bid_id for c in ranking.candidates] == ["P", "Q", "S"]
    assert ranking.ranked[2].lottery_key.startswith("003474f0")


def test_lottery_only_rule_ignores_technical_score() -> None:
    contenders = [
        Contender("P", "hash-P", total_score=D("84.52"), technical_score=D("40.00")),
        Contender("Q", "hash-Q", total_score=D("84.52"), technical_score=D("38.00")),
    ]
    ranking = rank_lot("lot-1", contenders, opening_record_hash=OPENING,
                       method=AwardMethod.COMPREHENSIVE, tie_break=TieBreak.LOTTERY)
    expected = sorted(["P", "Q"], key=lambda b: lottery_key(OPENING, "lot-1", f"hash-{b}"))
    assert [r.bid_id for r in ranking.ranked] == expected
    assert ranking.ranked[1].decided_by == "lottery"


def test_lowest_evaluated_price_ascending() -> None:
    contenders = [
        Contender("A", "h-a", evaluated_price=D("1009500.50")),
        Contender("B", "h-b", evaluated_price=D("998000.00")),
        Contender("C", "h-c", evaluated_price=D("1009500.50")),
        Contender("D", "h-d", evaluated_price=D("1200000.00")),
    ]
    ranking = rank_lot("1", contenders, opening_record_hash=OPENING,
                       method=AwardMethod.LOWEST_EVALUATED_PRICE,
                       profile=RulesProfile(max_candidates=2))
    tied = sorted(["A", "C"], key=lambda b: lottery_key(OPENING, "1", f"h-{b.lower()}"))
    assert [r.bid_id for r in ranking.ranked] == ["B", *tied, "D"]
    assert ranking.ranked[2].decided_by == "lottery"  # no technical scores: straight to the lottery
    assert len(ranking.candidates) == 2


def test_missing_values_and_duplicates_are_refused() -> None:
    with pytest.raises(ValidationError):
        rank_lot("1", [Contender("A", "h", total_score=D(1))], opening_record_hash=OPENING,
                 method=AwardMethod.LOWEST_EVALUATED_PRICE)
    with pytest.raises(ValidationError):
        rank_lot("1", [Contender("A", "h", total_score=D(1), technical_score=D(1)),
                       Contender("B", "h2", total_score=D(1))],
                 opening_record_hash=OPENING, method=AwardMethod.COMPREHENSIVE)
    with pytest.raises(ValidationError):
        rank_lot("1", [Contender("A", "h", total_score=D(1)), Contender("B", "h", total_score=D(2))],
                 opening_record_hash=OPENING, method=AwardMethod.COMPREHENSIVE)
