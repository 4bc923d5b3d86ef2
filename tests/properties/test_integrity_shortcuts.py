"""The shortcuts `compute_flags` takes for speed find exactly what the plain computation finds.

ZC-NEAR-EQUAL examines only the tenders a whole-history float screen keeps; R025 reads the
digest's suppliers when no valid bid is joint; the compared currency is looked for tender by
tender at C level; `compute_flags` pauses the garbage collector.
Each is compared here with the computation it replaces, on histories made to hit its edges:
prices a hair apart, equal prices, pending bids and bids in another currency between two close
prices, joint bids.
"""

from __future__ import annotations

import gc
from datetime import UTC, datetime, timedelta
from decimal import Decimal, localcontext

from hypothesis import given
from hypothesis import strategies as st

from tests.properties.test_integrity_properties import histories
from zhaocai.integrity import cardinal_fences, compute_flags, generate_history
from zhaocai.integrity.facts import BidFacts, SupplierFacts, TenderFacts
from zhaocai.integrity.model import DEFAULT_SETTINGS, RATIO_CONTEXT, Digest, FlagSettings, PreparedHistory
from zhaocai.integrity.price_patterns import near_equal_flag, near_equal_prices
from zhaocai.integrity.scope import compared_currency, history_currency

T0 = datetime(2025, 3, 3, 9, 0, tzinfo=UTC)
SUPPLIERS = ("S1", "S2", "S3", "S4", "S5")

# Steps between neighbouring prices, in units of 1/100,000 of the base price: 0 (equal), 1–3
# (inside 0.02 %, and on both sides of its quarter), 20 and 21 (on the edge), far apart.
st_step = st.sampled_from([0, 1, 2, 3, 5, 19, 20, 21, 50, 2000])
st_status = st.sampled_from(["valid", "valid", "valid", "disqualified", "pending", "withdrawn"])


@st.composite
def close_prices(draw: st.DrawFn) -> list[TenderFacts]:
    """Tenders whose bids climb from a base price in small steps, some pending or in another
    currency, some joint, so that neighbours of the opened prices are close, equal or apart."""
    tenders = []
    for t in range(draw(st.integers(min_value=1, max_value=6))):
        base = Decimal(draw(st.integers(min_value=1, max_value=2_000_000)))
        bidders = draw(st.lists(st.sampled_from(SUPPLIERS), min_size=1, max_size=7))
        price, bids = base, []
        for i, supplier in enumerate(bidders):
            price += base * draw(st_step) / 100_000
            currency = draw(st.sampled_from([None, None, None, "USD"]))
            joint = draw(st.booleans()) and supplier != "S5"
            bids.append(BidFacts(id=f"T{t}-B{i}", supplier_id=supplier, price=price,
                                 received_at=T0, status=draw(st_status), currency=currency,
                                 tenderer_ids=(supplier, "S5") if joint else None))
        valid = sorted({b.supplier_id for b in bids if b.status == "valid"})
        winner = draw(st.sampled_from(valid)) if valid and draw(st.booleans()) else None
        tenders.append(TenderFacts(
            id=f"T{t}", title=f"t{t}", buyer="B1", category="materials",
            method=draw(st.sampled_from(["open", "invited", "inquiry", "direct"])),
            estimate=base, published_at=T0 - timedelta(days=30), deadline=T0, bids=tuple(bids),
            status="awarded" if winner else "failed", winner_supplier_id=winner))
    return tenders


def _every_tender(tenders: list[TenderFacts], settings: FlagSettings) -> list[object]:
    prepared = PreparedHistory(tenders)
    currency = compared_currency(prepared, settings)
    with localcontext(RATIO_CONTEXT):
        found = [near_equal_flag(d, settings, currency) for d in prepared.digests]
    return [f for f in found if f is not None]


@given(close_prices())
def test_near_equal_screen_keeps_every_tender_the_exact_test_flags(tenders: list[TenderFacts]) -> None:
    for settings in (DEFAULT_SETTINGS, FlagSettings(near_equal_tolerance=Decimal("0.00001")),
                     FlagSettings(currency="USD")):
        assert near_equal_prices(tenders, settings) == _every_tender(tenders, settings)


def test_near_equal_screen_on_a_synthetic_history() -> None:
    history = generate_history(11, 600)
    assert near_equal_prices(list(history.tenders)) == _every_tender(list(history.tenders),
                                                                      DEFAULT_SETTINGS)


def _plain_sole_tenderers(d: Digest) -> set[str]:
    return {b.tenderers[0] for b in d.valid if len(b.tenderers) == 1}


@given(close_prices())
def test_r025_reads_the_same_tenderers_as_the_plain_rule(tenders: list[TenderFacts]) -> None:
    for d in PreparedHistory(tenders).digests:
        assert set(cardinal_fences._sole_tenderers(d)) == _plain_sole_tenderers(d)


@given(histories())
def test_r025_reads_the_same_tenderers_on_random_histories(
        history: tuple[list[TenderFacts], list[SupplierFacts]]) -> None:
    for d in PreparedHistory(history[0]).digests:
        assert set(cardinal_fences._sole_tenderers(d)) == _plain_sole_tenderers(d)


@given(close_prices())
def test_the_compared_currency_is_the_first_a_priced_bid_states(tenders: list[TenderFacts]) -> None:
    first = next((b.currency for t in tenders for b in t.bids
                  if b.price is not None and b.currency is not None), None)
    assert history_currency(PreparedHistory(tenders).digests, DEFAULT_SETTINGS) == first


def test_compute_flags_leaves_the_garbage_collector_as_it_found_it() -> None:
    history = generate_history(3, 60)
    was = gc.isenabled()
    try:
        gc.enable()
        compute_flags(history.tenders, history.suppliers)
        assert gc.isenabled()
        gc.disable()
        compute_flags(history.tenders, history.suppliers)
        assert not gc.isenabled()
    finally:
        (gc.enable if was else gc.disable)()
