"""Screens, price patterns, supplier networks and the risk score: worked examples."""

from __future__ import annotations

import math
from decimal import Decimal
from typing import Any

from test_integrity_flags import bid, run, tender

from zhaocai.integrity import Flag, compute_flags
from zhaocai.integrity.model import FLAG_INFO, make_flag
from zhaocai.integrity.risk import RISK_THRESHOLD, tender_risks, worklist
from zhaocai.integrity.screens import screens_of

D = Decimal


def test_screens_by_hand() -> None:
    s = screens_of([100.0, 110.0, 111.0, 112.0])
    assert s is not None
    mean = 108.25
    sd = math.sqrt(sum((p - mean) ** 2 for p in (100, 110, 111, 112)) / 4)
    assert math.isclose(s.cv, sd / mean)
    losing_sd = math.sqrt(((110 - 111) ** 2 + 0 + (112 - 111) ** 2) / 3)
    assert math.isclose(s.rd or 0, 10 / losing_sd)
    assert math.isclose(s.spread, 0.12)
    assert s.skewness is not None and s.skewness < 0  # the winner apart: negative skew
    assert screens_of([100.0, 101.0]) is None  # fewer than three bids
    three = screens_of([100.0, 101.0, 102.0])
    assert three is not None and three.skewness is None and three.kurtosis is None


def _market(prefix: str, n: int, category: str = "labour") -> list[Any]:
    """Honest tenders: bids scattered by several per cent (CV near 7 %)."""
    out = []
    for k in range(n):
        bids = [bid(f"{prefix}{k}-{j}", f"H{(k + j) % 9}", 800_000 + step + 1_000 * k)
                for j, step in enumerate((0, 60_000, 130_000, 170_000))]
        out.append(tender(f"{prefix}{k}", bids, category=category))
    return out


def test_screen_cover_flags_the_tight_tender_with_a_winner_apart() -> None:
    cover = tender("TC", [bid("c1", "R1", 900_000), bid("c2", "R2", 950_000), bid("c3", "R3", 952_000),
                          bid("c4", "R4", 955_000)], category="labour")
    flags = run("ZC-SCREEN-COVER", [*_market("M", 8), cover])
    assert [f.tender_ids for f in flags] == [("TC",)]
    ev = flags[0].evidence
    assert ev["cv"] < D("0.05") and ev["rd"] > 1 and ev["category_median_cv"] > 2 * ev["cv"]
    assert ev["category_cv_robust_z"] < -2  # robustly below the category (median, 1.4826·MAD)
    assert FLAG_INFO["ZC-SCREEN-COVER"].kind == "screen"


def test_near_equal_prices() -> None:
    t1 = tender("T1", [bid("a", "S1", 456_553), bid("b", "S2", 456_600), bid("c", "S3", 490_000)])
    t2 = tender("T2", [bid("a2", "S1", 456_000), bid("b2", "S2", 456_500), bid("c2", "S3", 490_000)])
    # two losing bids 0.01 % apart: beyond the quarter tolerance between losers (0.005 %)
    t3 = tender("T3", [bid("a3", "S1", 400_000), bid("b3", "S2", 456_553), bid("c3", "S3", 456_600)])
    flags = run("ZC-NEAR-EQUAL", [t1, t2, t3])
    assert [f.tender_ids for f in flags] == [("T1",)]
    assert flags[0].evidence["pairs"][0]["prices"] == [D(456_553), D(456_600)]


def test_constant_ratio_between_two_suppliers() -> None:
    fixed = [tender(f"F{k}", [bid(f"f{k}1", "A", p), bid(f"f{k}2", "B", round(p * 1.05)),
                              bid(f"f{k}3", f"X{k}", p + 77_777)])
             for k, p in enumerate((500_000, 730_000, 610_000))]
    varied = [tender(f"V{k}", [bid(f"v{k}1", "C", p), bid(f"v{k}2", "E", q), bid(f"v{k}3", f"Y{k}", p + 99_999)])
              for k, (p, q) in enumerate(((500_000, 530_000), (700_000, 720_000), (610_000, 660_000)))]
    flags = run("ZC-CONSTANT-RATIO", [*fixed, *varied])
    assert sorted(t for f in flags for t in f.tender_ids) == ["F0", "F1", "F2"]
    assert {f.supplier_ids for f in flags} == {("A", "B")}


def _late(id: str, winner_price: int, minutes_before: float, buyer: str = "项目部-01", winner: str = "W",
          days: int = 25) -> Any:
    deadline_hours = days * 24
    return tender(id, [bid(f"{id}-1", "S1", 500_000, hours=48), bid(f"{id}-2", "S2", 520_000, hours=60),
                       bid(f"{id}-w", winner, winner_price, hours=deadline_hours - minutes_before / 60)],
                  buyer=buyer, days=days)


def test_late_hair_and_insider() -> None:
    hair = _late("L1", 497_500, 20)          # 0.5 % under, 20 minutes before the deadline
    wide = _late("L2", 480_000, 20, winner="W2")   # 4 % under: not a hair
    early = _late("L3", 497_500, 600, winner="W3")  # ten hours before
    assert [f.tender_ids for f in run("ZC-LATE-HAIR", [hair, wide, early])] == [("L1",)]
    again = [_late(f"I{k}", 497_000 + k, 10 + k, buyer="项目部-07", winner="IN") for k in range(4)]
    elsewhere = [tender(f"E{k}", [bid(f"E{k}-1", "IN", 600_000), bid(f"E{k}-2", "S1", 500_000),
                                  bid(f"E{k}-3", "S2", 520_000)], buyer=f"项目部-0{k + 1}") for k in range(5)]
    insider = run("ZC-INSIDER", [*again, *elsewhere])
    assert sorted(t for f in insider for t in f.tender_ids) == ["I0", "I1", "I2", "I3"]
    assert insider[0].evidence["late_wins_with_buyer"] == 4
    assert FLAG_INFO["ZC-LATE-HAIR"].kind == "screen" and FLAG_INFO["ZC-INSIDER"].kind == "collusion"


def _ring_and_shortlist() -> list[Any]:
    ring = ["R1", "R2", "R3", "R4"]
    out = []
    for k in range(8):
        due = ring[k % 4]
        base = 900_000 + 7_000 * k
        bids = [bid(f"r{k}-{m}", m, base if m == due else base + 60_000 + 1_500 * j)
                for j, m in enumerate(ring)]
        out.append(tender(f"R{k}", bids, category="machinery"))
    # An honest shortlist: the same four firms asked again and again, honest scatter.
    honest = ["H1", "H2", "H3", "H4"]
    for k in range(10):
        prices = [800_000 + ((k * 37 + j * 53) % 11) * 18_000 for j in range(4)]
        out.append(tender(f"Q{k}", [bid(f"q{k}-{j}", h, p) for j, (h, p) in enumerate(zip(honest, prices, strict=False))],
                          category="machinery", method="inquiry"))
    out.extend(_market("M", 12, category="machinery"))
    return out


def test_cartel_candidates_are_found_and_honest_shortlists_are_not() -> None:
    history = _ring_and_shortlist()
    flags = compute_flags(history, settings=_codes("ZC-CARTEL", "ZC-CARTEL-MEMBER", "ZC-BID-ROTATION"))
    cartel = {t for f in flags if f.code == "ZC-CARTEL" for t in f.tender_ids}
    assert cartel == {f"R{k}" for k in range(8)}
    members = {s for f in flags if f.code == "ZC-CARTEL-MEMBER" for s in f.supplier_ids}
    assert members == {"R1", "R2", "R3", "R4"}
    evidence = next(f for f in flags if f.code == "ZC-CARTEL").evidence
    assert evidence["rotation"] is True and evidence["consecutive_repeats"] == 0
    assert sum(y["joint_tenders"] for y in evidence["by_year"].values()) == 8
    # The exact-set rotation screen fires on the honest shortlist; it is a screen of low weight.
    rotation = {t for f in flags if f.code == "ZC-BID-ROTATION" for t in f.tender_ids}
    assert {f"Q{k}" for k in range(10)} & rotation
    risks = tender_risks(flags)
    assert all(not risks[f"Q{k}"].flagged for k in range(10) if f"Q{k}" in risks)
    assert all(risks[f"R{k}"].flagged for k in range(8))


def _codes(*codes: str) -> Any:
    from zhaocai.integrity import FlagSettings
    return FlagSettings(codes=frozenset(codes))


def test_market_allocation_needs_a_split_of_buyers_beyond_chance() -> None:
    out = []
    for k in range(24):
        home = k % 2 == 0
        buyer = ("项目部-01", "项目部-02")[k % 4 // 2] if home else ("项目部-03", "项目部-04")[k % 4 // 2]
        a_price, b_price = (700_000, 760_000) if home else (760_000, 700_000)
        out.append(tender(f"A{k}", [bid(f"a{k}", "A", a_price + k), bid(f"b{k}", "B", b_price + k),
                                    bid(f"c{k}", f"O{k}", 790_000)], category="specialist_subcontracting",
                          buyer=buyer))
    flags = run("ZC-MARKET-ALLOCATION", out)
    tenders = {t for f in flags if f.subject == "tender" for t in f.tender_ids}
    assert len(tenders) == 24
    assert {s for f in flags if f.subject == "supplier" for s in f.supplier_ids} == {"A", "B"}
    # The same firms with winners that do not follow the buyer: no allocation.
    mixed = [tender(f"X{k}", [bid(f"xa{k}", "A", 700_000 + (k % 3) * 40_000), bid(f"xb{k}", "B", 760_000),
                              bid(f"xc{k}", f"O{k}", 790_000)], buyer=("项目部-01", "项目部-03")[k % 2])
             for k in range(24)]
    assert run("ZC-MARKET-ALLOCATION", mixed) == []


def test_loyal_loser() -> None:
    out = []
    for k in range(12):
        out.append(tender(f"L{k}", [bid(f"l{k}w", "BOSS", 700_000 + k), bid(f"l{k}c", "COVER", 740_000 + k),
                                    bid(f"l{k}o", f"O{k % 6}", 760_000 + k)]))
    for k in range(12):
        out.append(tender(f"N{k}", [bid(f"n{k}1", f"O{k % 6}", 700_000 + k), bid(f"n{k}2", f"O{(k + 1) % 6}", 720_000),
                                    bid(f"n{k}3", f"O{(k + 2) % 6}", 730_000)]))
    flags = run("ZC-LOYAL-LOSER", out)
    assert [f.supplier_ids for f in flags] == [("COVER",)]
    assert flags[0].evidence["lost_to"] == {"BOSS": 12}


def _flag(code: str, tender_id: str) -> Flag:
    return make_flag(code, "tender", tender_ids=[tender_id])


def test_risk_screens_never_decide_alone() -> None:
    flags = [_flag("R058", "T1"), _flag("R036", "T1"), _flag("ZC-SCREEN-COVER", "T1"),
             _flag("ZC-BID-ROTATION", "T1"), _flag("R028", "T2"), _flag("R058", "T2"),
             _flag("R003", "T3")]
    risks = tender_risks(flags)
    assert risks["T1"].score == D("0.5") and not risks["T1"].flagged
    assert risks["T2"].score == D("1.25") and risks["T2"].flagged
    assert risks["T3"].score == RISK_THRESHOLD
    facts = [tender(t, [bid(f"{t}-1", "S1", 100 * n), bid(f"{t}-2", "S2", 120 * n), bid(f"{t}-3", "S3", 130 * n)])
             for n, t in enumerate(("T1", "T2", "T3"), start=1)]
    items = worklist(flags, facts, limit=20)
    assert [i.id for i in items if i.subject == "tender"] == ["T2", "T3"]
    assert items[0].id == "T2" and items[0].score == D("1.25") and items[0].rank == 1
    assert len(worklist(flags, facts, limit=1)) == 1


def test_every_code_has_a_kind_and_a_registered_function() -> None:
    from zhaocai.integrity import FLAG_FUNCTIONS
    assert set(FLAG_FUNCTIONS) == set(FLAG_INFO)
    assert {info.kind for info in FLAG_INFO.values()} == {"collusion", "screen", "procedure"}


def test_open_ring_of_the_own_generator_is_found_at_scale() -> None:
    from zhaocai.integrity import generate_history, score
    from zhaocai.integrity.synthetic import DEFAULT_SHARES
    history = generate_history(7, 3000, shares={**DEFAULT_SHARES, "open_ring": 0.05})
    flags = compute_flags(history.tenders, history.suppliers)
    result = score(flags, history.truth)["open_ring"]
    assert result.planted == 150 and result.recall >= 0.9, result.line()
    # The ring's codes also name other cartels' tenders (cover bidding, exact rotation): what
    # they name must be rigged, hardly ever an honest tender.
    rigged = set().union(*(t.tender_ids for t in history.truth.values()))
    named = {t for f in flags if f.code in result.codes and f.subject == "tender" for t in f.tender_ids}
    assert len(named - rigged) <= 0.01 * len(named), sorted(named - rigged)
