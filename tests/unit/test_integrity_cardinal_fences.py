"""R038 and R048 on small histories built by hand, each number checkable on paper: who is counted
(joint bids count for every tenderer, pending bids are submitted but not disqualified, a bid that
names no tenderer counts for nobody), the minimum counts, the fence of 0 that flags nobody, and
what the evidence shows."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal as D
from decimal import localcontext
from typing import Any

from zhaocai.integrity import FlagSettings
from zhaocai.integrity.cardinal import r038_excessive_disqualified_bids, r048_heterogeneous_supplier
from zhaocai.integrity.facts import BidFacts, SupplierFacts, TenderFacts

AT = datetime(2026, 3, 2, tzinfo=UTC)


def bid(tender: str, n: int, supplier: str, status: str = "valid", joint: tuple[str, ...] | None = None) -> BidFacts:
    return BidFacts(f"{tender}/{n}", supplier, D(100 + n), AT, status=status, tenderer_ids=joint)  # type: ignore[arg-type]


def tender(id: str, *bids: BidFacts, buyer: str = "B", entity: str | None = None, category: str = "civil",
           winner: str | None = None) -> TenderFacts:
    return TenderFacts(id, id, buyer, category, "open", None, AT, AT, bids=bids,
                       status="awarded" if winner else "evaluating", winner_supplier_id=winner,
                       procuring_entity=entity)


HISTORY = [
    tender("T0"),  # no bids: counts for nobody
    tender("T1", bid("T1", 1, "A", "disqualified"), bid("T1", 2, "C"), bid("T1", 3, "J", "disqualified", ("J", "K")),
           bid("T1", 4, "", "disqualified"), entity="E"),
    tender("T2", bid("T2", 1, "A", "disqualified"), bid("T2", 2, "C"), bid("T2", 3, "J", "valid", ("J", "K")),
           bid("T2", 4, "P", "pending"), entity="E"),
    tender("T3", bid("T3", 1, "A"), bid("T3", 2, "P", "pending"), bid("T3", 3, "Q", "disqualified"),
           bid("T3", 4, "K", "disqualified", ("K", "J")), bid("T3", 5, "J"), buyer="B2"),
]


def r038(**settings: Any) -> list[tuple[str, str | None, tuple[str, ...], dict[str, Any]]]:
    chosen = FlagSettings(fence_min_values=1, **settings)
    return [(f.subject, f.buyer, f.supplier_ids, dict(f.evidence))
            for f in r038_excessive_disqualified_bids(HISTORY, chosen)]


def test_r038_counts_each_tenderer_of_a_joint_bid_and_nobody_for_an_unnamed_one() -> None:
    # A: 2 of 3 bids disqualified; K: 2 of its 3 joint bids; J: those 3 and a bid of its own, 2 of 4;
    # C: 0 of 2; P: 2 pending bids, none disqualified; Q: 1 bid only (the minimum is 2); "": nobody.
    # Buyer B: T1 and T2, 8 bids, 4 disqualified (a pending bid is not); B2: one process only.
    # Entity E: the same two tenders as B.
    found = r038(r038_threshold=D("0.5"))
    assert found == [
        ("buyer", "B", (), {"role": "buyer", "disqualified_bids": 4, "submitted_bids": 8,
                            "ratio": D("0.5000"), "upper_fence": D("0.5000"), "value": D("0.5")}),
        ("buyer", "E", (), {"role": "procuring_entity", "disqualified_bids": 4, "submitted_bids": 8,
                            "ratio": D("0.5000"), "upper_fence": D("0.5000"), "value": D("0.5")}),
        ("supplier", None, ("A",), {"disqualified_bids": 2, "submitted_bids": 3, "ratio": D("0.6667"),
                                    "upper_fence": D("0.5000"), "value": D(2) / D(3)}),
        ("supplier", None, ("J",), {"disqualified_bids": 2, "submitted_bids": 4, "ratio": D("0.5000"),
                                    "upper_fence": D("0.5000"), "value": D("0.5")}),
        ("supplier", None, ("K",), {"disqualified_bids": 2, "submitted_bids": 3, "ratio": D("0.6667"),
                                    "upper_fence": D("0.5000"), "value": D(2) / D(3)}),
    ]


def test_r038_minimums_count_processes_and_submitted_bids() -> None:
    # With a minimum of one process, B2 (1 of its 3 bids disqualified) is counted too; with a
    # minimum of one submitted bid, Q (its only bid disqualified) is.
    found = r038(r038_threshold=D("0.3"), r038_minimum_contracting_processes=1, r038_minimum_submitted_bids=1)
    assert sorted((s, b or "", ids) for s, b, ids, _ in found) == [
        ("buyer", "B", ()), ("buyer", "B2", ()), ("buyer", "E", ()),
        ("supplier", "", ("A",)), ("supplier", "", ("J",)), ("supplier", "", ("K",)),
        ("supplier", "", ("Q",))]
    # Counting bids instead of processes, B2's 3 bids reach a minimum of 3; B and E's 8 do too.
    found = r038(r038_threshold=D("0.3"), r038_minimum_contracting_processes=3, r038_minimum_counts_bids=True)
    assert [b for s, b, _, _ in found if s == "buyer"] == ["B", "B2", "E"]
    found = r038(r038_threshold=D("0.3"), r038_minimum_contracting_processes=3)
    assert [b for s, b, _, _ in found if s == "buyer"] == []


def test_r038_a_fence_of_zero_flags_nobody() -> None:
    # Nine tenderers never disqualified and X always: Q1 = Q3 = 0, so the fence is 0 and Cardinal
    # flags nobody (rather than everyone).
    history = [tender(f"Z{i}", *(bid(f"Z{i}", n, f"U{n}") for n in range(9)),
                      bid(f"Z{i}", 9, "X", "disqualified")) for i in range(2)]
    flags = r038_excessive_disqualified_bids(history, FlagSettings(fence_min_values=1))
    assert [f.supplier_ids for f in flags if f.subject == "supplier"] == []


def test_r038_is_the_same_in_any_decimal_context() -> None:
    expected = r038(r038_threshold=D("0.5"))
    with localcontext(prec=6):
        assert r038(r038_threshold=D("0.5")) == expected
    # By the fence: one buyer (and one entity) alone is its own fence; no tenderer stands out.
    assert [(s, b, e["q1"], e["q3"]) for s, b, _, e in r038()] == [
        ("buyer", "B", D("0.5000"), D("0.5000")), ("buyer", "E", D("0.5000"), D("0.5000"))]


def won(id: str, winner: str, category: str) -> TenderFacts:
    return tender(id, bid(id, 1, winner), category=category, winner=winner)


def test_r048_counts_the_categories_a_supplier_won_in() -> None:
    # X won 3 processes in 2 categories; Z 2 processes in 2; Y one process.
    history = [won("W1", "X", "civil"), won("W2", "X", "electrical"), won("W3", "X", "civil"),
               won("W4", "Z", "civil"), won("W5", "Z", "water"), won("W6", "Y", "civil"),
               tender("W7", bid("W7", 1, "X"), category="roads"), tender("W8", category="water")]
    suppliers = {"X": SupplierFacts("X", "X", categories=frozenset({"civil"}))}
    settings = FlagSettings(r048_threshold=2, r048_minimum_contracting_processes=3, fence_min_values=1)
    (flag,) = r048_heterogeneous_supplier(history, suppliers, settings)
    assert (flag.supplier_ids, dict(flag.evidence)) == (("X",), {
        "variety": 2, "categories": ["civil", "electrical"], "outside_usual_categories": ["electrical"],
        "upper_fence": 2, "value": D(2)})
    settings = FlagSettings(r048_threshold=2, r048_minimum_contracting_processes=2, fence_min_values=1)
    flags = r048_heterogeneous_supplier(history, None, settings)
    assert [(f.supplier_ids, f.evidence["outside_usual_categories"]) for f in flags] == [
        (("X",), []), (("Z",), [])]


def test_r018_counts_the_bids_of_an_opened_tender() -> None:
    from zhaocai.integrity.cardinal import r018_single_bid
    history = [tender("S1", bid("S1", 1, "A")), tender("S2", bid("S2", 1, "A"), bid("S2", 2, "C"))]
    (flag,) = r018_single_bid(history, FlagSettings())
    assert (flag.tender_ids, flag.supplier_ids, flag.bid_ids, dict(flag.evidence)) == (
        ("S1",), ("A",), ("S1/1",), {"tenderers": 1, "method": "open", "value": D(1)})


def test_r030_flags_only_the_winners_bid_received_after_the_deadline() -> None:
    from datetime import timedelta

    from zhaocai.integrity.cardinal import r030_late_bid_won

    def late(*bids: BidFacts, deadline: datetime | None = AT) -> list[tuple[tuple[str, ...], int]]:
        t = TenderFacts("L", "L", "B", "civil", "open", None, AT - timedelta(days=30), deadline, bids=bids,
                        status="awarded", winner_supplier_id="W")
        return [(f.bid_ids, f.evidence["minutes_late"]) for f in r030_late_bid_won([t], FlagSettings())]

    def at(supplier: str, moment: datetime | None, n: int = 1) -> BidFacts:
        return BidFacts(f"L/{n}", supplier, D(100), moment)

    minute = timedelta(minutes=1)
    assert late(at("W", AT)) == []  # received at the deadline: on time
    assert late(at("W", AT), at("C", None, 2)) == []
    assert late(at("W", AT + 90 * minute)) == [(("L/1",), 90)]
    assert late(at("W", None), at("C", AT + minute, 2)) == []  # a late loser, a winner without a date
    assert late(at("W", AT + minute), deadline=None) == []


def test_r036_names_the_lowest_disqualified_bid_and_the_lowest_valid_price() -> None:
    from zhaocai.integrity.cardinal import r036_lowest_bid_disqualified
    t = tender("D1", bid("D1", 5, "A", "disqualified"), bid("D1", 7, "E", "disqualified"), bid("D1", 9, "C"),
               bid("D1", 10, "W"), winner="W")
    (flag,) = r036_lowest_bid_disqualified([t], FlagSettings())
    # Prices are 100 + n: A's 105 is the lowest, E's 107 is disqualified too, C's 109 the lowest valid.
    assert (flag.supplier_ids, flag.bid_ids, dict(flag.evidence)) == (
        ("A",), ("D1/5",), {"lowest_price": D(105), "lowest_valid_price": D(109), "reasons": [""],
                            "value": D(1)})


def test_r028_lists_each_tied_price_once_by_price_then_currency() -> None:
    from zhaocai.integrity.cardinal import r028_identical_bid_prices

    def priced(n: int, supplier: str, price: str, currency: str | None = None) -> BidFacts:
        return BidFacts(f"R/{n}", supplier, D(price), AT, currency=currency)
    t = tender("R", priced(7, "G", "50"), priced(6, "F", "50.0"), priced(1, "A", "100"), priced(2, "B", "100"),
               priced(3, "C", "100", "CNY"), priced(4, "D", "100", "CNY"), priced(5, "E", "100", "CNY"))
    (flag,) = r028_identical_bid_prices([t], FlagSettings())
    # Shown as the bid with the first id spells it: R/6's 50.0.
    assert [str(p) for p in flag.evidence["identical_prices"]] == ["50.0", "100", "100"]
    assert flag.evidence["bids_per_price"] == [2, 2, 3]
    assert flag.supplier_ids == ("A", "B", "C", "D", "E", "F", "G")


def test_r025_a_top_tenderer_has_more_bids_than_the_percentile() -> None:
    from zhaocai.integrity.cardinal import r025_excessive_unsuccessful_bids
    # Ten tenderers; Tk has k valid bids in processes with one winner. T3 won one of its three
    # (losing two to T10), everyone else won every process: ratios 1/3 and nine 1s, Q1 = Q3 = 1,
    # the lower fence 1, and only T3 is below it. Whether T3 is a "top" tenderer depends on the
    # percentile of the counts 1–10 (method 8: h = (10 + 1/3)·p + 1/3): at 26 % h = 3.02, the
    # percentile 3.02, and T3's 3 bids are not more; at 20 % h = 2.4 and they are.
    history = [won("L0", "T3", "civil")]
    history += [tender(f"L{i}", bid(f"L{i}", 1, "T10"), bid(f"L{i}", 2, "T3"), winner="T10") for i in (1, 2)]
    history += [won(f"W{k}-{i}", f"T{k}", "civil") for k in (1, 2, 4, 5, 6, 7, 8, 9) for i in range(k)]
    history += [won(f"W10-{i}", "T10", "civil") for i in range(8)]

    def flagged(percentile: int) -> list[tuple[tuple[str, ...], dict[str, object]]]:
        settings = FlagSettings(fence_min_values=1, r025_percentile=percentile)
        return [(f.supplier_ids, dict(f.evidence)) for f in r025_excessive_unsuccessful_bids(history, settings)]
    assert flagged(26) == []
    found = flagged(20)
    assert found == [(("T3",), {"valid_bids": 3, "wins": 1, "ratio": D("0.3333"), "upper_fence_bids": D("2.4000"),
                                "lower_fence_ratio": D("1.0000"), "value": D(1) / D(3)})]
    with localcontext(prec=10):  # the ratio is exact whatever the caller's context
        assert flagged(20) == found
