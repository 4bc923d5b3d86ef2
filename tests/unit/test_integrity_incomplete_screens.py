"""Screens, price patterns and networks over incomplete data and other methods.

A bid without a price is left out of the price screens; a tender without a deadline or bid
times is left out of the timing patterns; pending bids are not valid; single source (direct)
tenders have no competition; the winners of a tender are the suppliers of its active awards.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from typing import Any

from test_integrity_flags import T0, bid, run, tender
from test_integrity_screens import _late, _market

from zhaocai.integrity import compute_flags
from zhaocai.integrity.facts import AwardFacts, BidFacts
from zhaocai.integrity.model import FlagSettings, digest, make_flag
from zhaocai.integrity.risk import supplier_risks, tender_winners

D = Decimal


def _unpriced(id: str, supplier: str, status: str = "valid") -> BidFacts:
    return BidFacts(id=id, supplier_id=supplier, price=None, received_at=None, status=status)  # type: ignore[arg-type]


def _cover(id: str, *extra: BidFacts, **kwargs: Any) -> Any:
    return tender(id, [bid(f"{id}1", "R1", 900_000), bid(f"{id}2", "R2", 950_000),
                       bid(f"{id}3", "R3", 952_000), bid(f"{id}4", "R4", 955_000), *extra],
                  category="labour", winner="R1", **kwargs)


def test_cover_screen_reads_the_priced_valid_bids_of_competitive_tenders() -> None:
    market = _market("M", 8)
    assert [f.tender_ids for f in run("ZC-SCREEN-COVER", [*market, _cover("TC")])] == [("TC",)]
    # An unpriced valid bid is left out; a pending bid's price is not read (it would widen the CV).
    with_gaps = _cover("TG", _unpriced("TGx", "R5"), bid("TGp", "R6", 1_400_000, status="pending"))
    assert [f.tender_ids for f in run("ZC-SCREEN-COVER", [*market, with_gaps])] == [("TG",)]
    assert run("ZC-SCREEN-COVER", [*market, _cover("TD", method="direct")]) == []
    # Cardinal's scope: an excluded procurementMethodDetails and prices not to be compared.
    details = _cover("TX", procurement_method_details="框架协议")
    assert run("ZC-SCREEN-COVER", [*market, details])
    assert run("ZC-SCREEN-COVER", [*market, details], excluded_method_details=frozenset({"框架协议"})) == []
    assert run("ZC-SCREEN-COVER", [*market, details],
               no_price_comparison_method_details=frozenset({"框架协议"})) == []


def test_near_equal_prices_leave_out_pending_and_unpriced_bids() -> None:
    near = [bid("a", "S1", 456_553), bid("c", "S3", 490_000)]
    assert run("ZC-NEAR-EQUAL", [tender("T1", [*near, bid("b", "S2", 456_600)])])
    pending = tender("T2", [*near, bid("b", "S2", 456_600, status="pending"), _unpriced("u", "S4")],
                     winner="S1")
    assert run("ZC-NEAR-EQUAL", [pending]) == []
    assert run("ZC-NEAR-EQUAL", [tender("T3", [*near, bid("b", "S2", 456_600)], method="direct")]) == []


def test_late_hair_needs_the_deadline_and_every_bid_time() -> None:
    hair = _late("L1", 497_500, 20)
    assert [f.tender_ids for f in run("ZC-LATE-HAIR", [hair])] == [("L1",)]
    assert run("ZC-LATE-HAIR", [replace(hair, deadline=None)]) == []
    untimed = tuple(replace(b, received_at=None) if b.supplier_id == "S2" else b for b in hair.bids)
    assert run("ZC-LATE-HAIR", [replace(hair, bids=untimed)]) == []
    unpriced = tuple(replace(b, price=None) if b.supplier_id == "S2" else b for b in hair.bids)
    assert run("ZC-LATE-HAIR", [replace(hair, bids=unpriced)]) == []


def _losing(method: str = "open", awards: tuple[AwardFacts, ...] = ()) -> list[Any]:
    out = []
    for k in range(12):
        t = tender(f"L{k}", [bid(f"l{k}w", "BOSS", 700_000 + k), bid(f"l{k}c", "COVER", 740_000 + k),
                             bid(f"l{k}o", f"O{k % 6}", 760_000 + k)], method=method)
        out.append(replace(t, winner_supplier_id=None, awards=awards) if awards else t)
    for k in range(12):
        out.append(tender(f"N{k}", [bid(f"n{k}1", f"O{k % 6}", 700_000 + k), bid(f"n{k}2", f"O{(k + 1) % 6}", 720_000),
                                    bid(f"n{k}3", f"O{(k + 2) % 6}", 730_000)]))
    return out


def test_networks_skip_single_source_and_count_the_suppliers_of_active_awards() -> None:
    assert [f.supplier_ids for f in run("ZC-LOYAL-LOSER", _losing())] == [("COVER",)]
    assert run("ZC-LOYAL-LOSER", _losing("direct")) == []
    # Awards as published: a cancelled award to COVER is no win; an active one (a second lot) is.
    cancelled = (AwardFacts("a1", "active", ("BOSS",)), AwardFacts("a2", "cancelled", ("COVER",)))
    assert [f.supplier_ids for f in run("ZC-LOYAL-LOSER", _losing(awards=cancelled))] == [("COVER",)]
    lots = (AwardFacts("a1", "active", ("BOSS",)), AwardFacts("a2", "active", ("COVER",)))
    assert run("ZC-LOYAL-LOSER", _losing(awards=lots)) == []


def test_winners_are_the_suppliers_of_the_active_awards() -> None:
    t = replace(tender("W1", [bid("w1", "A", 100_000), bid("w2", "B", 110_000), bid("w3", "C", 120_000)]),
                winner_supplier_id=None, awards=(AwardFacts("x1", "active", ("A",)),
                                                 AwardFacts("x2", "active", ("B", "C")),
                                                 AwardFacts("x3", "unsuccessful", ("D",))))
    assert digest(t).winner is None and digest(t).winners() == {"A", "B", "C"}
    assert tender_winners([t, tender("W2", [bid("v", "E", 1)], status="failed")]) == {"W1": frozenset("ABC")}
    flags = [make_flag("R003", "tender", tender_ids=["W1"]), make_flag("ZC-LATE-AMENDMENT", "tender",
                                                                       tender_ids=["W1"])]
    risks = supplier_risks(flags, tender_winners([t]))
    assert set(risks) == {"A", "B", "C"} and all(r.score == D("0.25") for r in risks.values())


def test_compute_flags_survives_a_history_without_prices_dates_or_estimates() -> None:
    bare = [replace(tender(f"B{k}", [_unpriced(f"b{k}{j}", f"S{j}") for j in range(4)], winner="S0"),
                    estimate=None, published_at=None, deadline=None) for k in range(6)]
    flags = compute_flags([*bare, *_market("M", 6)], settings=FlagSettings())
    assert not {f.code for f in flags if set(f.tender_ids) & {t.id for t in bare}} & {
        "ZC-SCREEN-COVER", "ZC-NEAR-EQUAL", "ZC-CONSTANT-RATIO", "ZC-LATE-HAIR", "ZC-INSIDER", "R003"}
    assert T0.tzinfo is not None


def test_rotation_screen_leaves_out_single_source() -> None:
    def rotating(method: str) -> list[Any]:
        return [tender(f"{method}{k}", [bid(f"{method}{k}{s}", s, 500_000 + (10_000 if s != due else 0))
                                        for s in ("A", "B", "C")], method=method)
                for k, due in enumerate(("A", "B", "C"))]
    assert run("ZC-BID-ROTATION", rotating("open"))
    assert run("ZC-BID-ROTATION", rotating("direct")) == []
    assert local_rotation(rotating("direct")) == [] and local_rotation(rotating("open"))


def local_rotation(tenders: list[Any]) -> list[Any]:
    from zhaocai.integrity.local import bid_rotation
    return bid_rotation(tenders)
