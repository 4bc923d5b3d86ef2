"""The evaluation rules answer exactly what their docstrings publish: results keep every input
they report, arithmetic does not depend on the caller's decimal context, rounding is half up
once, periods follow the Civil Code in Asia/Shanghai, and Reg 34 names what related bidders share."""

from __future__ import annotations

import hashlib
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal as D
from decimal import localcontext
from typing import Any

import pytest

from zhaocai.bidding.rules import (
    AwardMethod,
    Benchmark,
    Contender,
    CriterionKind,
    OutlierRule,
    PriceScoreFormula,
    Quote,
    RelatedBidders,
    RelatedPair,
    ScoreSheet,
    ScoringCriterion,
    ScoringScheme,
    SharedFact,
    TieBreak,
    award_notice,
    benchmark_price,
    can_award,
    committee_points,
    decide_inquiry,
    evaluate,
    find_abnormally_low,
    find_outliers,
    inquiry_lottery_key,
    period_end,
    price_score,
    price_scores,
    publicity_ends_at,
    rank_lot,
    related_bidders,
    related_reason,
)
from zhaocai.bidding.rules.compliance import BidderFacts
from zhaocai.clock import SHANGHAI
from zhaocai.errors import ValidationError
from zhaocai.profile import RulesProfile
from zhaocai.workdays import WorkingCalendar

T, C = CriterionKind.TECHNICAL, CriterionKind.COMMERCIAL
OPENING = "ab" * 32


# --- the caller's decimal context never changes a result ------------------------------------------

def _everything() -> tuple[Any, ...]:
    prices = {"B1": D("100.01"), "B2": D("200.03"), "B3": D("300.07"), "B4": D("133.37")}
    formula = PriceScoreFormula(D(30), Benchmark.MEAN_DISCOUNTED, D("3.33"), D("0.77"), D("0.33"))
    scheme = ScoringScheme(D(30), (ScoringCriterion("T1", "t", T, D(47), D(60)),
                                   ScoringCriterion("C1", "c", C, D(23), D(7))))
    sheets = [ScoreSheet(m, {"B1": {"T1": D(p), "C1": D(q)}})
              for m, p, q in (("M1", "59.99", "6.99"), ("M2", "13.33", "1.11"), ("M3", "41.17", "3.33"))]
    return (find_abnormally_low(prices), price_scores(prices, formula),
            committee_points([D("1.11"), D("2.22"), D("3.37")], 5),
            evaluate(scheme, sheets, committee_member_ids=["M1", "M2", "M3"], price_scores={"B1": D("17.77")}),
            find_outliers(sheets, scheme, ["B1"], OutlierRule(D("7.7"), D("0.01"))))


def test_results_are_the_same_in_a_coarse_decimal_context() -> None:
    expected = _everything()
    with localcontext(prec=6):  # enough for the amounts themselves, not for the formulas
        coarse = _everything()
    assert coarse == expected
    assert expected[0] and expected[4]  # flags and outliers were found: the comparison means something


def test_published_scores_are_computed_exactly_before_their_one_rounding() -> None:
    # Each case is one where six significant digits would round to the other side of a half-cent.
    scheme = ScoringScheme(D(53), (ScoringCriterion("T1", "t", T, D(47), D(60)),))
    sheets = [ScoreSheet(m, {"B1": {"T1": D(p)}}) for m, p in (("M1", "18.07"), ("M2", "51.67"), ("M3", "56.93"))]
    flags = {"A": D("184.11"), "B": D("573.64")}
    with localcontext(prec=6):
        # mean 126.67 / 3 = 42.2233…, × 47 / 60 = 33.07494…: 33.07 (not 33.075 → 33.08).
        (bid,) = evaluate(scheme, sheets, committee_member_ids=["M1", "M2", "M3"], price_scores={"B1": D(0)}).bids
        assert bid.criteria[0].score == D("33.07")
        # (573.64 − 184.11) × 100 / 573.64 = 67.90495…: 67.90 (not 67.9050 → 67.91).
        (flag,) = find_abnormally_low(flags)
        assert (flag.below_mean_percent, flag.below_next_percent) == (D("67.90"), D("67.90"))
        # The mean of 123 456.78 and 123 456.79 is 123 456.785: half up, 123 456.79.
        assert benchmark_price([D("123456.78"), D("123456.79")],
                               PriceScoreFormula(D(30), Benchmark.MEAN_DISCOUNTED)) == D("123456.79")
        # 60 points × 12.3456789 % = 7.40740734 points: the threshold, not 7.40741.
        outliers = find_outliers([ScoreSheet("M1", {"B1": {"T1": D(60)}}), ScoreSheet("M2", {"B1": {"T1": D(0)}})],
                                 scheme, ["B1"], OutlierRule(D("12.3456789")))
        assert {o.threshold for o in outliers if o.criterion_id == "T1"} == {D("7.40740734")}


# --- price score -----------------------------------------------------------------------------

def test_the_formula_reads_its_numbers_and_benchmark_from_text() -> None:
    formula = PriceScoreFormula("30", "lowest", "5", "1.5", "0.5")  # type: ignore[arg-type]
    assert (formula.full_marks, formula.benchmark, formula.discount_percent,
            formula.deduct_above_per_point, formula.deduct_below_per_point) == (
        D(30), Benchmark.LOWEST, D(5), D("1.5"), D("0.5"))
    assert formula.benchmark is Benchmark.LOWEST
    assert all(isinstance(v, D) for v in (formula.full_marks, formula.discount_percent,
                                          formula.deduct_above_per_point, formula.deduct_below_per_point))
    assert benchmark_price([D(100), D(120)], formula) == D(100)


@pytest.mark.parametrize("full,above", [(D(1), D(1)), (D("0.5"), D(0)), (D(30), D("0.5"))])
def test_small_positive_full_marks_and_zero_or_small_deductions_are_allowed(full: D, above: D) -> None:
    assert PriceScoreFormula(full, deduct_above_per_point=above).full_marks == full


def test_the_benchmark_is_rounded_half_up_to_the_fen() -> None:
    formula = PriceScoreFormula(D(30), Benchmark.MEAN_DISCOUNTED)
    assert benchmark_price([D("100.00"), D("100.01")], formula) == D("100.01")  # mean 100.005
    assert benchmark_price([D("0.50"), D("0.51")], formula) == D("0.51")  # below one yuan is a price


def test_prices_below_one_yuan_are_scored() -> None:
    scores = price_scores({"B1": D("0.50"), "B2": D("0.75")}, PriceScoreFormula(D(30)))
    assert scores.benchmark_price == D("0.50")
    assert [(s.bid_id, s.price, s.deviation_percent, s.score) for s in scores.scores] == [
        ("B1", D("0.50"), D(0), D("30.00")), ("B2", D("0.75"), D(50), D("0.00"))]


def test_one_price_score_keeps_its_price_and_no_bid() -> None:
    one = price_score(D(110), D(100), PriceScoreFormula(D(30)))
    assert (one.bid_id, one.price, one.deviation_percent, one.score) == ("", D(110), D(10), D("20.00"))


# --- abnormally low bids ---------------------------------------------------------------------

def test_exactly_forty_percent_below_the_mean_of_the_others_is_flagged() -> None:
    # Reg 51 via the profile: at least 40 % below the others' mean (80, 100, 120: 100) — 60 is.
    (flag,) = find_abnormally_low({"A": D(60), "B": D(80), "C": D(100), "D": D(120)})
    assert (flag.bid_id, flag.price, flag.by_mean, flag.by_next) == ("A", D(60), True, False)
    assert (flag.mean_of_others, flag.below_mean_percent) == (D(100), D("40.00"))
    assert (flag.next_higher_price, flag.below_next_percent) == (D(80), D("25.00"))
    assert find_abnormally_low({"A": D("60.01"), "B": D(80), "C": D(100), "D": D(120)}) == ()


# --- inquiry ---------------------------------------------------------------------------------

@pytest.mark.parametrize("order", [("S1", "S2", "S3"), ("S3", "S2", "S1"), ("S2", "S3", "S1")])
def test_equal_lowest_quotes_are_separated_by_the_published_lottery(order: tuple[str, ...]) -> None:
    record = "signed-record"
    quotes = [Quote(s, D(50)) for s in order] + [Quote("S9", D(70))]
    result = decide_inquiry(quotes, conducted_by=["a", "b"], signed_by=["b", "a"], record_hash=record)
    lottery = sorted(order, key=lambda s: hashlib.sha256(f"{record}|{s}".encode()).hexdigest())
    assert lottery != sorted(order)  # the lottery, not the id, decides here
    assert result.ranked_supplier_ids == (*lottery, "S9")
    assert result.winner_supplier_id == result.lowest_supplier_id == lottery[0]
    assert inquiry_lottery_key(record, "S1") == hashlib.sha256(f"{record}|S1".encode()).hexdigest()


# --- ranking ---------------------------------------------------------------------------------

def test_a_ranking_keeps_each_bid_and_numbers_the_places_from_one() -> None:
    contenders = [Contender("Q", "hq", evaluated_price=D("90.00"), technical_score=D(30)),
                  Contender("P", "hp", evaluated_price=D("80.00"), technical_score=D(20)),
                  Contender("R", "hr", evaluated_price=D("95.00"), technical_score=D(40))]
    ranking = rank_lot("lot-2", contenders, opening_record_hash=OPENING,
                       method=AwardMethod.LOWEST_EVALUATED_PRICE)
    assert (ranking.lot_id, ranking.method, ranking.tie_break) == (
        "lot-2", AwardMethod.LOWEST_EVALUATED_PRICE, TieBreak.TECHNICAL_THEN_LOTTERY)
    assert [(r.rank, r.bid_id, r.content_hash, r.evaluated_price, r.technical_score, r.total_score,
             r.decided_by) for r in ranking.ranked] == [
        (1, "P", "hp", D("80.00"), D(20), None, "first"), (2, "Q", "hq", D("90.00"), D(30), None, "price"),
        (3, "R", "hr", D("95.00"), D(40), None, "price")]
    scored = rank_lot("lot-2", [Contender("P", "hp", total_score=D(80)), Contender("Q", "hq", total_score=D(90))],
                      opening_record_hash=OPENING, method="comprehensive", tie_break="lottery")  # type: ignore[arg-type]
    assert [(r.rank, r.bid_id, r.total_score, r.decided_by) for r in scored.ranked] == [
        (1, "Q", D(90), "first"), (2, "P", D(80), "score")]
    assert (scored.method, scored.tie_break) == (AwardMethod.COMPREHENSIVE, TieBreak.LOTTERY)


# --- scoring ---------------------------------------------------------------------------------

def test_a_scheme_reads_its_numbers_and_kinds_from_text() -> None:
    scheme = ScoringScheme("0", (ScoringCriterion("T1", "方案", "technical", "99.5", "10"),  # type: ignore[arg-type]
                                 ScoringCriterion("C1", "服务", "commercial", "0.5", "0.5")))  # type: ignore[arg-type]
    assert scheme.price_weight == D(0) and isinstance(scheme.price_weight, D)
    assert scheme.criteria == (ScoringCriterion("T1", "方案", T, D("99.5"), D(10)),
                               ScoringCriterion("C1", "服务", C, D("0.5"), D("0.5")))
    assert scheme.criteria[0].kind is T and isinstance(scheme.criteria[1].weight, D)


def test_a_price_weight_of_one_point_and_criteria_just_above_zero_are_allowed() -> None:
    scheme = ScoringScheme(D("1"), (ScoringCriterion("T1", "t", T, D("98.5"), D("0.5")),
                                    ScoringCriterion("T2", "t", T, D("0.5"), D(1))))
    assert scheme.price_weight == D(1)


def _scheme() -> ScoringScheme:
    return ScoringScheme(D(30), (ScoringCriterion("T1", "technical", T, D(60), D(60)),
                                 ScoringCriterion("C1", "commercial", C, D(10), D(10))))


def test_outliers_are_flagged_from_two_members_with_the_points_given() -> None:
    sheets = [ScoreSheet("M1", {"B1": {"T1": D(50), "C1": D(5)}}),
              ScoreSheet("M2", {"B1": {"T1": D(10), "C1": D(5)}})]
    flags = find_outliers(sheets, _scheme(), ["B1"])
    # Per criterion: |50 − 10| = 40 > 60 × 20 % = 12; per total (weights 70): 55 vs 15 > 14.
    assert [(o.member_id, o.criterion_id, o.points, o.others_mean, o.deviation, o.threshold)
            for o in flags] == [
        ("M1", "T1", D(50), D(10), D(40), D(12)), ("M1", None, D(55), D(15), D(40), D(14)),
        ("M2", "T1", D(10), D(50), D(40), D(12)), ("M2", None, D(15), D(55), D(40), D(14))]
    assert find_outliers(sheets[:1], _scheme(), ["B1"]) == ()


def test_the_total_outlier_threshold_is_a_share_of_the_criteria_weights() -> None:
    # Weights 60 + 10 = 70: the total threshold is 14 points; 14.1 apart is flagged, 14 is not.
    def totals(a: str, b: str) -> list[tuple[str, str | None]]:
        sheets = [ScoreSheet("M1", {"B1": {"T1": D(a), "C1": D(5)}}),
                  ScoreSheet("M2", {"B1": {"T1": D(b), "C1": D(5)}})]
        rule = OutlierRule(percent_of_max=D(20), min_points=D(0))
        return [(o.member_id, o.criterion_id) for o in find_outliers(sheets, _scheme(), ["B1"], rule)
                if o.criterion_id is None]
    assert totals("24.1", "10") == [("M1", None), ("M2", None)]
    assert totals("24", "10") == []


def test_a_bid_scored_only_on_commercial_criteria_has_a_technical_score_of_0_00() -> None:
    scheme = ScoringScheme(D(90), (ScoringCriterion("C1", "c", C, D(10), D(10)),))
    sheets = [ScoreSheet("M1", {"B1": {"C1": D(7)}})]
    (bid,) = evaluate(scheme, sheets, committee_member_ids=["M1"], price_scores={"B1": D("0")}).bids
    assert (bid.bid_id, bid.price_score, str(bid.technical_score), bid.commercial_score, bid.total) == (
        "B1", D(0), "0.00", D("7.00"), D("7.00"))
    scheme = ScoringScheme(D(90), (ScoringCriterion("T1", "t", T, D(10), D(10)),))
    sheets = [ScoreSheet("M1", {"B1": {"T1": D(7)}})]
    (bid,) = evaluate(scheme, sheets, committee_member_ids=["M1"], price_scores={"B1": D("90")}).bids
    assert (bid.price_score, bid.technical_score, str(bid.commercial_score), bid.total) == (
        D(90), D("7.00"), "0.00", D("97.00"))


# --- award: periods, publicity, the notice -------------------------------------------------------

def test_periods_end_at_midnight_shanghai_given_in_utc() -> None:
    # 2026-03-01 20:00 UTC is already 2 March in Shanghai: 3 days run to the end of 5 March.
    end = period_end(datetime(2026, 3, 1, 20, 0, tzinfo=UTC), 3)
    assert end == datetime(2026, 3, 5, 16, 0, tzinfo=UTC)
    assert end.tzinfo is UTC
    assert period_end(datetime(2026, 3, 1, 20, 0, tzinfo=UTC), 0) == datetime(2026, 3, 2, 16, 0, tzinfo=UTC)


def test_a_negative_period_is_refused() -> None:
    with pytest.raises(ValidationError) as info:
        period_end(datetime(2026, 3, 1, tzinfo=UTC), -1)
    assert info.value.code == "award.bad_period"
    assert info.value.message_en and info.value.message_zh


@pytest.mark.parametrize("call,field", [
    (lambda naive: period_end(naive, 3), "start"),
    (lambda naive: can_award(naive, datetime(2026, 3, 1, tzinfo=UTC), 0), "now"),
    (lambda naive: can_award(datetime(2026, 3, 1, tzinfo=UTC), naive, 0), "publicity_ends_at"),
    (lambda naive: award_notice(tender_ref="R", tender_title="T", lot_name=None, supplier_name="S",
                                amount=D(1), contract_deadline_at=naive), "contract_deadline_at"),
])
def test_a_naive_moment_is_refused_naming_it(call: Any, field: str) -> None:
    with pytest.raises(ValidationError) as info:
        call(datetime(2026, 3, 1, 12, 0))
    assert (info.value.code, info.value.details) == ("time.naive", {"field": field})


def test_working_day_periods_use_the_default_calendar_or_the_one_given() -> None:
    start = datetime(2026, 3, 2, 1, 0, tzinfo=SHANGHAI)  # a Monday
    assert period_end(start, 3, in_workdays=True) == datetime(2026, 3, 5, 16, 0, tzinfo=UTC)
    holiday = WorkingCalendar(extra_holidays=[date(2026, 3, 3)])
    assert period_end(start, 3, in_workdays=True, calendar=holiday) == datetime(2026, 3, 6, 16, 0, tzinfo=UTC)


def test_a_calendar_period_ending_on_a_sunday_runs_to_monday() -> None:
    start = datetime(2026, 3, 5, 9, 0, tzinfo=SHANGHAI)  # Thursday; + 3 days = Sunday 8 March
    calendar = WorkingCalendar()
    assert not calendar.is_workday(date(2026, 3, 8)) and calendar.is_workday(date(2026, 3, 9))
    assert period_end(start, 3) == datetime(2026, 3, 8, 16, 0, tzinfo=UTC)
    assert period_end(start, 3, calendar=calendar) == datetime(2026, 3, 9, 16, 0, tzinfo=UTC)
    assert publicity_ends_at(start, calendar=calendar) == datetime(2026, 3, 9, 16, 0, tzinfo=UTC)
    assert publicity_ends_at(start) == datetime(2026, 3, 8, 16, 0, tzinfo=UTC)


def test_the_notice_names_the_last_day_in_shanghai() -> None:
    def last_day_zh(deadline: datetime) -> str:
        notice = award_notice(tender_ref="R", tender_title="T", lot_name=None, supplier_name="S",
                              amount=D(1), contract_deadline_at=deadline)
        return notice.body_zh.rsplit("请于", 1)[1]
    assert last_day_zh(datetime(2026, 4, 30, 16, 0, tzinfo=UTC)).startswith("2026年4月30日")
    # Two in the morning of 1 May in Shanghai is still 30 April in UTC: the day is Shanghai's.
    assert last_day_zh(datetime(2026, 4, 30, 18, 0, tzinfo=UTC)).startswith("2026年5月1日")
    # A deadline one microsecond after midnight leaves that new day to sign in.
    assert last_day_zh(datetime(2026, 5, 1, 0, 0, 0, 1, tzinfo=SHANGHAI)).startswith("2026年5月1日")


def test_the_award_notice_texts() -> None:
    deadline = datetime(2026, 4, 30, 16, 0, tzinfo=UTC)
    notice = award_notice(tender_ref="ZC-2026-001", tender_title="办公楼改造", lot_name=None,
                          supplier_name="甲公司", amount="1234567.89", contract_deadline_at=deadline)  # type: ignore[arg-type]
    assert (notice.title_en, notice.title_zh, notice.amount, notice.amount_figures) == (
        "Award notice", "中标通知书", D("1234567.89"), "¥1,234,567.89")
    assert notice.amount_in_words == "壹佰贰拾叁万肆仟伍佰陆拾柒元捌角玖分"
    assert notice.body_en == (
        "To 甲公司: your bid for 办公楼改造 (ZC-2026-001) has been evaluated and publicised, and you "
        "are the successful bidder. Contract amount: CNY 1,234,567.89 (壹佰贰拾叁万肆仟伍佰陆拾柒元捌角玖分). "
        "Please sign the contract by the end of 2026-04-30.")
    assert notice.body_zh == (
        "甲公司：你方参加办公楼改造（ZC-2026-001）的投标，经评标委员会评审并公示，确定你方为中标人。"
        "中标金额：人民币壹佰贰拾叁万肆仟伍佰陆拾柒元捌角玖分（¥1,234,567.89）。"
        "请于2026年4月30日（含当日）前签订合同。")
    lot = award_notice(tender_ref="ZC-2026-001", tender_title="办公楼改造", lot_name="二标段",
                       supplier_name="甲公司", amount=D(1), contract_deadline_at=deadline)
    assert "(ZC-2026-001), lot 二标段 has been" in lot.body_en
    assert "（ZC-2026-001）（二标段）的投标" in lot.body_zh


# --- Reg 34: related bidders -------------------------------------------------------------------

H1 = "1f" * 16 + "aa"
H2 = "2e" * 16 + "bb"


def _facts(supplier: str, *persons: tuple[str, str], contacts: tuple[tuple[str, str], ...] = (),
           name: str = "") -> BidderFacts:
    return BidderFacts(supplier, name or f"代表{supplier}", tuple(persons), contacts)


def test_only_control_roles_on_both_sides_make_a_pair_void() -> None:
    a = _facts("A", ("owner", H1))
    b = _facts("B", ("employee", H1))
    assert related_bidders([a, b]) == RelatedBidders((), ())
    # The same person is B's employee and owner: the owner role decides.
    b = _facts("B", ("employee", H1), ("owner", H1))
    (pair,) = related_bidders([a, b]).void
    assert pair.facts == (SharedFact("control", f"owner hmac:{H1[:16]}", f"owner hmac:{H1[:16]}"),)


def test_one_legal_representative_and_each_controlling_person_are_named() -> None:
    a = _facts("A", ("legal_representative", H1), ("manager", H2))
    b = _facts("B", ("legal_representative", H1), ("shareholder", H2))
    (pair,) = related_bidders([b, a]).void
    assert (pair.supplier_a, pair.supplier_b) == ("A", "B")
    assert pair.facts == (
        SharedFact("control", f"manager hmac:{H2[:16]}", f"shareholder hmac:{H2[:16]}"),
        SharedFact("legal_representative", f"legal_representative hmac:{H1[:16]}",
                   f"legal_representative hmac:{H1[:16]}"))
    c = _facts("C", ("legal_representative", H1))
    d = _facts("D", ("owner", H1))
    (pair,) = related_bidders([c, d]).void
    assert [f.kind for f in pair.facts] == ["control"]


def test_shared_contacts_are_questions_shown_as_entered() -> None:
    a = _facts("A", contacts=(("phone", "+86 138 0013 8000"), ("website", "www.jia.cn")), name="张 三")
    b = _facts("B", contacts=(("phone", "13800138000"), ("website", " www.jia.cn ")), name="张三")
    result = related_bidders([a, b])
    assert result.void == ()
    (pair,) = result.questions
    assert (pair.supplier_a, pair.supplier_b) == ("A", "B")
    assert pair.facts == (SharedFact("legal_representative_name", "张 三", "张三"),
                          SharedFact("phone", "+86 138 0013 8000", "13800138000"),
                          SharedFact("website", "www.jia.cn", " www.jia.cn "))


def test_void_pairs_join_into_sorted_groups() -> None:
    def groups(*pairs: tuple[str, str]) -> list[list[str]]:
        result = RelatedBidders(tuple(RelatedPair(a, b, ()) for a, b in pairs), ())
        return [sorted(g) for g in result.void_groups()]
    assert groups(("C", "D"), ("A", "B")) == [["A", "B"], ["C", "D"]]
    assert groups(("A", "B"), ("C", "D"), ("B", "C")) == [["A", "B", "C", "D"]]
    assert groups(("A", "B"), ("B", "C")) == [["A", "B", "C"]]
    assert groups(("A", "B"), ("C", "B")) == [["A", "B", "C"]]


def test_the_reason_voiding_a_related_bid_names_the_other_bidder_and_what_they_share() -> None:
    pair = RelatedPair("A", "B", (SharedFact("legal_representative", "x", "y"), SharedFact("control", "x", "y"),
                                  SharedFact("control", "p", "q")))
    for me, other in (("A", "B"), ("B", "A")):
        reason = related_reason(pair, me)
        assert reason.code == "compliance.related_bidders"
        assert f"with, {other} (control, legal_representative)" in reason.en
        assert f"与 {other} " in reason.zh
    determined = related_reason(pair, "B", determined=True)
    assert determined.code == "compliance.related_bidders_determined"
    assert "related to A (control, legal_representative)" in determined.en


def test_publicity_and_award_need_the_period_over_and_no_objection() -> None:
    ends = datetime(2026, 3, 5, 16, 0, tzinfo=UTC)
    assert can_award(ends - timedelta(seconds=1), ends, 0)[1].code == "award.publicity_running"  # type: ignore[union-attr]
    assert can_award(ends, ends, 1)[1].code == "award.open_objection"  # type: ignore[union-attr]
    assert can_award(ends, ends, 0) == (True, None)
    assert RulesProfile().publicity_days == 3
