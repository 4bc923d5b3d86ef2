"""One positive and one negative example per red flag, checking the evidence numbers."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any

import pytest

from zhaocai.clock import SHANGHAI
from zhaocai.errors import ValidationError
from zhaocai.integrity import (
    AmendmentFacts,
    BidFacts,
    Flag,
    FlagSettings,
    SupplierFacts,
    TenderFacts,
    compute_flags,
    period_report,
    tender_report,
)
from zhaocai.integrity.model import Quartiles, quantile
from zhaocai.integrity.report import jsonable
from zhaocai.profile import RulesProfile

T0 = datetime(2025, 3, 3, 9, 0, tzinfo=SHANGHAI)
D = Decimal


def bid(id: str, supplier: str, price: str | int, *, hours: float = 24, status: str = "valid",
        **extra: Any) -> BidFacts:
    return BidFacts(id=id, supplier_id=supplier, price=D(price), received_at=T0 + timedelta(hours=hours),
                    status=status, **extra)  # type: ignore[arg-type]


def tender(id: str, bids: list[BidFacts], *, days: int = 25, method: str = "open",
           status: str = "awarded", winner: str | None = None, estimate: str = "1000000",
           category: str = "materials", buyer: str = "项目部-01", **extra: Any) -> TenderFacts:
    if winner is None and status == "awarded":
        valid = [b for b in bids if b.status == "valid"]
        winner = min(valid, key=lambda b: (b.price, b.id)).supplier_id if valid else None
    return TenderFacts(id=id, title=f"钢筋采购 {id}", buyer=buyer, category=category,
                       method=method, estimate=D(estimate), published_at=T0,  # type: ignore[arg-type]
                       deadline=T0 + timedelta(days=days), bids=tuple(bids), status=status,
                       winner_supplier_id=winner, **extra)


def three(prefix: str, a: int = 900_000, b: int = 950_000, c: int = 990_000) -> list[BidFacts]:
    return [bid(f"{prefix}-1", "S1", a), bid(f"{prefix}-2", "S2", b), bid(f"{prefix}-3", "S3", c)]


def only(code: str, flags: list[Flag]) -> list[Flag]:
    return [f for f in flags if f.code == code]


def run(code: str, tenders: list[TenderFacts], suppliers: list[SupplierFacts] | None = None,
        **settings: Any) -> list[Flag]:
    return only(code, compute_flags(tenders, suppliers, FlagSettings(codes=frozenset({code}), **settings)))


# -- facts -----------------------------------------------------------------------------------

def test_facts_refuse_float_money_and_naive_datetimes() -> None:
    with pytest.raises(ValidationError) as err:
        BidFacts(id="b", supplier_id="s", price=1.5, received_at=T0)  # type: ignore[arg-type]
    assert err.value.code == "integrity.facts.money"
    with pytest.raises(ValidationError) as err:
        BidFacts(id="b", supplier_id="s", price=D(1), received_at=datetime(2025, 1, 1))
    assert err.value.code == "integrity.facts.naive"
    with pytest.raises(ValidationError) as err:
        tender("T", [], method="auction")
    assert err.value.code == "integrity.facts.choice"


def test_winner_is_read_from_the_winning_bid_when_not_named() -> None:
    t = TenderFacts(id="T", title="t", buyer="b", category="materials", method="open",
                    estimate=D(1), published_at=T0, deadline=T0 + timedelta(days=20),
                    bids=[bid("b1", "S1", 1, winner=True), bid("b2", "S2", 2)])  # type: ignore[arg-type]
    assert t.winner_supplier_id == "S1" and isinstance(t.bids, tuple)


def test_quantile_is_hyndman_fan_method_8_as_in_statrs() -> None:
    values = [D(1), D(2), D(3), D(4)]
    assert abs(quantile(values, D("0.25")) - D("1.416666666666666666666666667")) < D("1e-20")
    assert abs(quantile(values, D("0.75")) - D("3.583333333333333333333333333")) < D("1e-20")
    assert quantile([D(5)], D("0.25")) == D(5)
    q = Quartiles.of(values)
    assert abs(q.lower_fence - (q.q1 - D("1.5") * (q.q3 - q.q1))) < D("1e-20")


# -- Cardinal ----------------------------------------------------------------------------------

def test_r003_short_submission_period() -> None:
    tenders = [tender("T1", three("a"), days=10), tender("T2", three("b"), days=15),
               tender("T3", three("c"), days=5, method="inquiry")]
    # zhaocai's default: each method's own minimum (Law 24: 20 days for tenders; inquiry 3 days).
    flags = run("R003", tenders)
    assert [f.tender_ids for f in flags] == [("T1",), ("T2",)]
    assert flags[0].evidence["period_days"] == 10 and flags[0].evidence["threshold_days"] == 20
    assert flags[0].evidence["rule"] == "Law 24"
    # Cardinal's rule: 15 days for every method.
    flags = run("R003", tenders, r003_law_minimums=False)
    assert [f.tender_ids for f in flags] == [("T1",), ("T3",)]
    assert flags[0].evidence["threshold_days"] == 15


def test_r018_single_bid() -> None:
    flags = run("R018", [tender("T1", [bid("a", "S1", 100)]), tender("T2", three("b")),
                         tender("T3", [bid("c", "S1", 100)], method="inquiry")])
    assert [(f.tender_ids, f.supplier_ids) for f in flags] == [(("T1",), ("S1",))]
    assert flags[0].evidence["tenderers"] == 1


def test_r024_price_close_to_winning_bid_with_threshold() -> None:
    close = tender("T1", three("a", 1_000_000, 1_005_000, 1_100_000))
    apart = tender("T2", three("b", 1_000_000, 1_100_000, 1_200_000))
    flags = run("R024", [close, apart], r024_threshold=D("0.01"))
    assert [f.tender_ids for f in flags] == [("T1",)]
    ev = flags[0].evidence
    assert (ev["winning_price"], ev["second_lowest_price"], ev["difference"], ev["lower_fence"]) == (
        D(1_000_000), D(1_005_000), D("0.0050"), D("0.0100"))
    assert flags[0].supplier_ids == ("S1", "S2") and flags[0].bid_ids == ("a-1", "a-2")


def test_r024_fence_from_quartiles_and_exclusions() -> None:
    tenders = [tender(f"T{i}", three(f"t{i}", 1_000_000, 1_000_000 + step, 1_300_000))
               for i, step in enumerate([100_000, 105_000, 110_000, 95_000, 100_000, 2_000])]
    # Not price only: the winner is not the lowest bidder, so the tender is left out.
    tenders.append(tender("TX", three("x", 900_000, 1_000_000, 1_100_000), winner="S2"))
    flags = run("R024", tenders)
    assert [f.tender_ids for f in flags] == [("T5",)]
    ratios = sorted(D(s) / D(1_000_000) for s in [100_000, 105_000, 110_000, 95_000, 100_000, 2_000])
    fence = Quartiles.of(ratios).lower_fence
    assert flags[0].evidence["difference"] == D("0.0020")
    assert abs(flags[0].evidence["lower_fence"] - fence) <= D("0.00005")
    # Too few tenders for a fence: nothing is flagged without an explicit threshold.
    assert run("R024", tenders[:3]) == []


def test_r025_excessive_unsuccessful_bids() -> None:
    tenders = [tender(f"T{i}", [bid(f"w{i}", f"W{i}", 100), bid(f"l{i}", "LOSER", 110),
                                bid(f"x{i}", f"X{i}", 120)]) for i in range(6)]
    flags = run("R025", tenders, r025_threshold=D("0.1"))
    assert [f.supplier_ids for f in flags] == [("LOSER",)]
    ev = flags[0].evidence
    assert (ev["valid_bids"], ev["wins"], ev["ratio"], ev["upper_fence_bids"]) == (6, 0, D(0), D(1))
    # With Cardinal's own fence Q1 − 1.5·IQR = 0 − 1.5 nobody's ratio is below it.
    assert run("R025", tenders) == []


def test_r028_identical_bid_prices() -> None:
    flags = run("R028", [tender("T1", three("a", 900_000, 900_000, 950_000)),
                         tender("T2", three("b"))])
    assert [(f.tender_ids, f.supplier_ids, f.bid_ids) for f in flags] == [
        (("T1",), ("S1", "S2"), ("a-1", "a-2"))]
    assert flags[0].evidence == {"identical_prices": [D(900_000)], "bids_per_price": [2], "value": D(1)}


def test_r030_late_bid_won() -> None:
    late = tender("T1", [bid("a-1", "S1", 900_000, hours=25 * 24 + 2), *three("a")[1:]], days=25)
    loser_late = tender("T2", [bid("b-1", "S1", 900_000), bid("b-2", "S2", 950_000, hours=26 * 24),
                               bid("b-3", "S3", 990_000)], days=25)
    flags = run("R030", [late, loser_late])
    assert [f.tender_ids for f in flags] == [("T1",)]
    assert flags[0].evidence["minutes_late"] == 120 and flags[0].supplier_ids == ("S1",)


def test_r035_all_except_winner_disqualified() -> None:
    bids = [bid("a-1", "S1", 950_000), bid("a-2", "S2", 900_000, status="disqualified",
                                            disqualification_reason="资质证书过期"),
            bid("a-3", "S3", 920_000, status="disqualified", disqualification_reason="未盖章")]
    flags = run("R035", [tender("T1", bids), tender("T2", three("b"))])
    assert [f.tender_ids for f in flags] == [("T1",)]
    assert flags[0].evidence["disqualified_tenderers"] == 2
    assert flags[0].evidence["reasons"] == ["未盖章", "资质证书过期"]
    assert run("R035", [tender("T1", bids)], r035_threshold=3) == []


def test_r036_lowest_bid_disqualified() -> None:
    bids = [bid("a-1", "S1", 850_000, status="disqualified", disqualification_reason="报价超过最高限价"),
            *three("a")[1:]]
    tie = [bid("b-1", "S1", 950_000, status="disqualified"), *three("b")[1:]]
    flags = run("R036", [tender("T1", bids), tender("T2", tie)])
    assert [f.tender_ids for f in flags] == [("T1",)]
    assert (flags[0].evidence["lowest_price"], flags[0].evidence["lowest_valid_price"]) == (
        D(850_000), D(950_000))


def test_r038_excessive_disqualified_bids() -> None:
    tenders = [tender(f"T{i}", [bid(f"a{i}", "BAD", 800, status="disqualified"), bid(f"b{i}", "S2", 900),
                                bid(f"c{i}", "S3", 950), bid(f"d{i}", "S4", 990)]) for i in range(3)]
    flags = run("R038", tenders, r038_threshold=D("0.5"))
    assert [(f.subject, f.supplier_ids) for f in flags] == [("supplier", ("BAD",))]
    ev = flags[0].evidence
    assert (ev["disqualified_bids"], ev["submitted_bids"], ev["ratio"]) == (3, 3, D(1))
    # A zero ratio is never flagged, even where the fence is 0.
    clean = [tender(f"C{i}", three(f"c{i}")) for i in range(4)]
    assert run("R038", clean, r038_threshold=D(0)) == []


def test_r038_buyer() -> None:
    tenders = [tender(f"T{i}", [bid(f"a{i}", f"A{i}", 800, status="disqualified"), *three(f"t{i}")],
                      buyer="项目部-09") for i in range(2)]
    tenders += [tender(f"U{i}", three(f"u{i}")) for i in range(2)]
    flags = [f for f in run("R038", tenders, r038_threshold=D("0.2")) if f.subject == "buyer"]
    assert [f.buyer for f in flags] == ["项目部-09"]
    assert flags[0].evidence["ratio"] == D("0.2500")


def test_r044_business_similarities() -> None:
    suppliers = [SupplierFacts("S1", "甲", address="义乌市 稠州北路 1号", phones=frozenset({"0579-1"})),
                 SupplierFacts("S2", "乙", address="义乌市稠州北路1号 ", phones=frozenset({"0579-2"})),
                 SupplierFacts("S3", "丙", address=" 义乌市  稠州北路 1号", phones=frozenset({"0579-3"}))]
    # Spacing inside an address and a missing province do not make another address.
    suppliers[1] = SupplierFacts("S2", "乙", address="浙江省义乌市稠州北路1号 ", phones=frozenset({"0579-2"}))
    flags = run("R044", [tender("T1", three("a"))], suppliers)
    assert [f.supplier_ids for f in flags] == [("S1", "S2", "S3")]
    assert flags[0].evidence["links"] == [
        {"field": "address", "value": "义乌市稠州北路1号", "suppliers": ["S1", "S2", "S3"]}]
    other = SupplierFacts("S2", "乙", address="义乌市稠州北路2号", phones=frozenset({"0579-2"}))
    assert run("R044", [tender("T1", three("a"))], [suppliers[0], other]) == []


def test_r048_heterogeneous_supplier() -> None:
    cats = ["materials", "labour", "machinery"]
    tenders = [tender(f"T{i}", three(f"t{i}"), category=c) for i, c in enumerate(cats)]
    suppliers = [SupplierFacts("S1", "甲", categories=frozenset({"materials"}))]
    flags = run("R048", tenders, suppliers, r048_threshold=3)
    assert [f.supplier_ids for f in flags] == [("S1",)]
    ev = flags[0].evidence
    assert ev["variety"] == 3 and ev["outside_usual_categories"] == ["labour", "machinery"]
    assert run("R048", tenders, suppliers, r048_threshold=4) == []


def test_r058_heavily_discounted_bid() -> None:
    flags = run("R058", [tender("T1", three("a", 700_000, 1_000_000, 1_100_000)),
                         tender("T2", three("b", 1_000_000, 1_050_000, 1_100_000))],
                r058_threshold=D("0.2"))
    assert [(f.tender_ids, f.supplier_ids) for f in flags] == [(("T1",), ("S1",))]
    assert flags[0].evidence["difference"] == D("0.4286")


# -- local rules -------------------------------------------------------------------------------

def test_few_bidders() -> None:
    two = [bid("a-1", "S1", 900), bid("a-2", "S2", 950), bid("a-3", "S3", 990, status="disqualified")]
    flags = run("ZC-FEW-BIDDERS", [tender("T1", two, status="failed"), tender("T2", three("b")),
                                   tender("T3", [], status="published")])
    assert [f.tender_ids for f in flags] == [("T1",)]
    ev = flags[0].evidence
    assert (ev["valid_bidders"], ev["submitted_bidders"], ev["required"]) == (2, 3, 3)
    settings = FlagSettings.from_profile(RulesProfile(min_valid_bids=2), codes=frozenset({"ZC-FEW-BIDDERS"}))
    assert compute_flags([tender("T1", two, status="failed")], settings=settings) == []


def test_late_amendment() -> None:
    deadline = T0 + timedelta(days=25)
    not_moved = AmendmentFacts(deadline - timedelta(days=10), deadline, deadline)
    moved = AmendmentFacts(deadline - timedelta(days=10), deadline, deadline + timedelta(days=5))
    early = AmendmentFacts(deadline - timedelta(days=20), deadline, deadline)
    flags = run("ZC-LATE-AMENDMENT", [tender("T1", three("a"), amendments=(not_moved,)),
                                      tender("T2", three("b"), amendments=(moved, early))])
    assert [f.tender_ids for f in flags] == [("T1",)]
    amendment = flags[0].evidence["amendments"][0]
    assert amendment["notice_hours"] == 240 and amendment["deadline_moved"] is False


def test_excessive_bid_security() -> None:
    flags = run("ZC-BID-SECURITY", [tender("T1", three("a"), bid_security=D("20000.01")),
                                    tender("T2", three("b"), bid_security=D("20000.00"))])
    assert [f.tender_ids for f in flags] == [("T1",)]
    ev = flags[0].evidence
    assert (ev["cap"], ev["percent_of_estimate"]) == (D("20000.00"), D("2.00"))


def test_short_publicity() -> None:
    start = T0 + timedelta(days=30)
    flags = run("ZC-SHORT-PUBLICITY", [
        tender("T1", three("a"), publicity_start=start, publicity_end=start + timedelta(days=2)),
        tender("T2", three("b"), publicity_start=start, publicity_end=start + timedelta(days=3))])
    assert [f.tender_ids for f in flags] == [("T1",)]
    assert flags[0].evidence["publicity_hours"] == 48


def test_bid_rotation() -> None:
    ring = [tender(f"R{i}", [bid(f"r{i}-{s}", s, 100 if s == f"S{i % 3 + 1}" else 105)
                             for s in ("S1", "S2", "S3")]) for i in range(3)]
    always_same_winner = [tender(f"Q{i}", [bid(f"q{i}-{s}", s, 100 if s == "Q1" else 105)
                                           for s in ("Q1", "Q2", "Q3")]) for i in range(3)]
    flags = run("ZC-BID-ROTATION", ring + always_same_winner + ring[:0])
    assert [(f.tender_ids, f.supplier_ids) for f in flags] == [(("R0", "R1", "R2"), ("S1", "S2", "S3"))]
    assert flags[0].evidence["wins"] == {"S1": 1, "S2": 1, "S3": 1}
    assert run("ZC-BID-ROTATION", ring[:2]) == []


# -- Reg 40 and related parties ------------------------------------------------------------------

@pytest.mark.parametrize(("code", "field"), [
    ("REG40-SAME-AUTHOR", "document_author"), ("REG40-SAME-AGENT", "agent"),
    ("REG40-SAME-PM", "project_manager"), ("REG40-SAME-ACCOUNT", "security_account")])
def test_same_person_or_account_across_bidders(code: str, field: str) -> None:
    value = {"document_author": "王  工", "agent": "李经理", "project_manager": "张建造师",
             "security_account": "6222-0812-0001"}[field]
    other = value.upper().replace("  ", " ").replace("-", " ") if field != "project_manager" else value
    mine: dict[str, Any] = {field: value}
    theirs: dict[str, Any] = {field: other}
    nobody: dict[str, Any] = {field: "someone else"}
    shared = [bid("a-1", "S1", 900, **mine), bid("a-2", "S2", 950, **theirs), bid("a-3", "S3", 990, **nobody)]
    own = [bid("b-1", "S1", 900, **mine), bid("b-2", "S1", 905, **mine), bid("b-3", "S3", 990)]
    flags = run(code, [tender("T1", shared), tender("T2", own)])
    assert [(f.tender_ids, f.supplier_ids, f.bid_ids) for f in flags] == [
        (("T1",), ("S1", "S2"), ("a-1", "a-2"))]
    assert flags[0].evidence["field"] == field and len(flags[0].evidence["shared"]) == 1


def test_default_office_authors_are_not_one_author() -> None:
    bids = [bid("a-1", "S1", 900, document_author="Administrator"),
            bid("a-2", "S2", 950, document_author="administrator"), bid("a-3", "S3", 990)]
    assert run("REG40-SAME-AUTHOR", [tender("T1", bids)]) == []


def test_price_progression_arithmetic_and_geometric() -> None:
    arithmetic = [bid("a-1", "S1", 1_000_000), bid("a-2", "S2", 1_020_000), bid("a-3", "S3", 1_040_001),
                  bid("a-4", "S4", 1_187_000)]
    geometric = [bid("g-1", "S1", 500_000), bid("g-2", "S2", 515_000), bid("g-3", "S3", 530_450)]
    honest = [bid("h-1", "S1", 912_345), bid("h-2", "S2", 947_810), bid("h-3", "S3", 990_021)]
    flags = run("REG40-PRICE-PROGRESSION", [tender("T1", arithmetic), tender("T2", geometric),
                                            tender("T3", honest)])
    assert [(f.tender_ids, f.bid_ids) for f in flags] == [
        (("T1",), ("a-1", "a-2", "a-3")), (("T2",), ("g-1", "g-2", "g-3"))]
    run1 = flags[0].evidence["runs"][0]
    assert (run1["kind"], run1["step"], run1["prices"]) == (
        "arithmetic", D(20_000), [D(1_000_000), D(1_020_000), D(1_040_001)])
    run2 = flags[1].evidence["runs"][0]
    assert (run2["kind"], run2["step"]) == ("geometric", D("0.0300"))
    # Beyond the tolerance of 2 yuan the arithmetic run is gone.
    off = [bid("o-1", "S1", 1_000_000), bid("o-2", "S2", 1_020_000), bid("o-3", "S3", 1_040_003)]
    assert run("REG40-PRICE-PROGRESSION", [tender("T4", off)]) == []


def test_related_parties() -> None:
    suppliers = [SupplierFacts("S1", "甲", legal_representative="LR-1", bank_account="6222 0001"),
                 SupplierFacts("S2", "乙", legal_representative="LR-2", bank_account="62220001"),
                 SupplierFacts("S3", "丙", related_person_hashes=frozenset({"h1"})),
                 SupplierFacts("S4", "丁", related_person_hashes=frozenset({"h1"}))]
    flags = run("REG40-RELATED-PARTIES", [tender("T1", three("a")),
                                          tender("T2", [bid("b-1", "S1", 1), bid("b-3", "S3", 2),
                                                        bid("b-5", "S5", 3)])], suppliers)
    assert [(f.tender_ids, f.supplier_ids) for f in flags] == [(("T1",), ("S1", "S2"))]
    assert flags[0].evidence["links"] == [
        {"field": "bank_account", "value": "62220001", "suppliers": ["S1", "S2"]}]


# -- reports ------------------------------------------------------------------------------------

def test_tender_and_period_reports() -> None:
    tenders = [tender("T1", three("a", 900_000, 900_000, 950_000), days=10), tender("T2", three("b"))]
    flags = compute_flags(tenders)
    report = tender_report(tenders[0], flags)
    assert [f.code for f in report.flags] == ["R003", "R028"]
    text = report.to_text()
    assert "[R028] Identical bid prices / 投标报价相同" in text and "900000" in text
    assert json.loads(json.dumps(report.to_dict()))["flags"][1]["evidence"] == {
        "identical_prices": ["900000"], "bids_per_price": [2], "value": "1"}
    clean = tender_report(tenders[1], flags)
    assert "No red flags" in clean.to_text()
    period = period_report(tenders, flags, T0 - timedelta(days=1), T0 + timedelta(days=1))
    assert period.tenders == 2 and period.flagged_tenders == ("T1",)
    assert period.counts == {"R003": 1, "R028": 1}
    assert "2 tenders, 1 flagged (50.0%)" in period.to_text()
    json.dumps(period.to_dict())
    assert jsonable({"at": T0, "n": D("1.50"), "s": frozenset({"b", "a"})}) == {
        "at": T0.isoformat(), "n": "1.50", "s": ["a", "b"]}
