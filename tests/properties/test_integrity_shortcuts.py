"""The shortcuts `compute_flags` takes for speed find exactly what the plain computation finds.

ZC-NEAR-EQUAL examines only the tenders a whole-history float screen keeps; R025 reads the
digest's suppliers when no valid bid is joint; the compared currency is looked for tender by
tender at C level; `compute_flags` pauses the garbage collector. ZC-SCREEN-COVER reads only each
tender's CV and RD (`cover_stats`) and the baselines it shows; R024 and R058 read a bid's one
tenderer without the property; ZC-LATE-HAIR screens the last receipt time first; digests are
built with C-level maps; the rotation test writes `Random.shuffle` out; ZC-LOYAL-LOSER's tally
counts at C level.
Each is compared here with the computation it replaces, on histories made to hit its edges:
prices a hair apart, equal prices, pending bids and bids in another currency between two close
prices, joint bids.
"""

from __future__ import annotations

import gc
import math
import random
from collections import Counter, defaultdict
from datetime import UTC, datetime, timedelta
from decimal import Decimal, localcontext
from statistics import median

from hypothesis import given
from hypothesis import strategies as st

from tests.properties.test_integrity_properties import histories
from zhaocai.integrity import cardinal_fences, compute_flags, generate_history, markets, networks, normalise
from zhaocai.integrity.facts import AWARDED_STATUSES, SUBMITTED_STATUSES, BidFacts, SupplierFacts, TenderFacts
from zhaocai.integrity.model import DEFAULT_SETTINGS, RATIO_CONTEXT, Digest, FlagSettings, PreparedHistory
from zhaocai.integrity.prepared import digest
from zhaocai.integrity.price_patterns import _late_hair, late_hair_win, near_equal_flag, near_equal_prices
from zhaocai.integrity.price_ratios import second_lowest_ratios
from zhaocai.integrity.rotation import STOP_SHARE, fewer_repeats_chance, repeats
from zhaocai.integrity.scope import compared_currency, compares_prices, history_currency, screened_table
from zhaocai.integrity.screens import cover_stats, market_baselines, screen_table

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


# A history of either kind: random bids with Reg 40 traces, or prices a hair apart with joint bids.
st_tenders = st.one_of(histories().map(lambda h: h[0]), close_prices())


@given(st_tenders)
def test_cover_stats_are_the_screens_cv_and_rd(tenders: list[TenderFacts]) -> None:
    prepared = PreparedHistory(tenders)
    expected = {t: (s.cv, s.rd) for t, s in screen_table(prepared).items()}
    assert {t: (cv, rd) for t, (cv, rd, _) in cover_stats(prepared).items()} == expected


def test_cover_stats_on_a_synthetic_history() -> None:
    prepared = PreparedHistory(generate_history(11, 600).tenders)
    expected = {t: (s.cv, s.rd) for t, s in screen_table(prepared).items()}
    assert {t: (cv, rd) for t, (cv, rd, _) in cover_stats(prepared).items()} == expected
    assert market_baselines(prepared) == _plain_baselines(prepared)


def _plain_baselines(prepared: PreparedHistory) -> dict[tuple[str, str], tuple[float, ...]]:
    """Every baseline of CV and RD, computed from the full screens of every tender."""
    table = screen_table(prepared)
    values: dict[tuple[str, str], list[tuple[float, float]]] = {}
    for d in prepared.digests:
        s = table.get(d.tender.id)
        if s is not None and s.rd is not None and math.isfinite(s.rd):
            for key in ((d.tender.buyer, d.tender.category), ("", d.tender.category)):
                values.setdefault(key, []).append((s.cv, s.rd))
    found = {}
    for key, pairs in values.items():
        if len(pairs) >= DEFAULT_SETTINGS.fence_min_values:
            cvs, rds = [p[0] for p in pairs], [p[1] for p in pairs]
            found[key] = (median(cvs), _mad(cvs), median(rds), _mad(rds))
    return found


def _mad(values: list[float]) -> float:
    centre = median(values)
    return 1.4826 * median(abs(v - centre) for v in values)


def _plain_second_lowest(tenders: list[TenderFacts]) -> dict[str, tuple[Decimal, str, str]]:
    """R024's ratios read through `BidFacts.tenderers`, as Cardinal's rule is written."""
    prepared = PreparedHistory(tenders)
    currency = compared_currency(prepared, DEFAULT_SETTINGS)
    found = {}
    with localcontext(RATIO_CONTEXT):
        for d in prepared.digests:
            if d.winner is None or not compares_prices(d.tender, DEFAULT_SETTINGS):
                continue
            best = other = None
            for b in d.valid:
                if b.price is None or b.currency != currency or len(b.tenderers) != 1:
                    continue
                mine = b.tenderers[0] == d.winner
                current = best if mine else other
                if current is None or (b.price, b.id) < (current[0], current[1].id):
                    if mine:
                        best = (b.price, b)
                    else:
                        other = (b.price, b)
            if best is None or other is None or best[0] <= 0 or other[0] < best[0]:
                continue
            found[d.tender.id] = ((other[0] - best[0]) / best[0], best[1].id, other[1].id)
    return found


@given(st_tenders)
def test_second_lowest_ratios_read_the_tenderers_as_the_property_does(tenders: list[TenderFacts]) -> None:
    result = second_lowest_ratios(PreparedHistory(tenders).digests)
    assert {t: (r, result.winning[t].id, result.second[t].id)
            for t, r in result.ratios.items()} == _plain_second_lowest(tenders)


def _plain_late_hair(tenders: list[TenderFacts]) -> list[object]:
    prepared = PreparedHistory(tenders)
    window = timedelta(minutes=DEFAULT_SETTINGS.late_hair_minutes)
    with localcontext(RATIO_CONTEXT):
        found = [_late_hair(d, bids, DEFAULT_SETTINGS, window, DEFAULT_SETTINGS.late_hair_margin)
                 for d, bids in zip(prepared.digests, screened_table(prepared, DEFAULT_SETTINGS),
                                    strict=True)]
    return [f for f in found if f is not None]


@given(st_tenders)
def test_late_hair_screen_keeps_every_tender_the_exact_test_flags(tenders: list[TenderFacts]) -> None:
    assert late_hair_win(tenders) == _plain_late_hair(tenders)


def test_late_hair_screen_on_a_synthetic_history() -> None:
    tenders = list(generate_history(11, 600).tenders)
    assert late_hair_win(tenders) == _plain_late_hair(tenders)


def _plain_digest(t: TenderFacts) -> tuple[object, ...]:
    bids = t.bids
    winner = t.winner_supplier_id if t.status in AWARDED_STATUSES else None
    if {b.status for b in bids} <= {"valid"} and all(b.supplier_id for b in bids):
        suppliers = tuple({b.supplier_id for b in bids})
        return (bids, bids, suppliers, suppliers, winner)
    valid = tuple(b for b in bids if b.status == "valid")
    submitted = tuple(b for b in bids if b.status in SUBMITTED_STATUSES)
    return (submitted, valid, tuple({b.supplier_id for b in valid if b.supplier_id}),
            tuple({b.supplier_id for b in submitted if b.supplier_id}), winner)


@given(st_tenders)
def test_digests_are_built_as_comprehensions_would_build_them(tenders: list[TenderFacts]) -> None:
    for t in tenders:
        d = digest(t)
        # The suppliers in the same order, too: some flags' evidence lists them as found.
        assert (d.submitted, d.valid, d.valid_suppliers, d.submitted_suppliers, d.winner) == _plain_digest(t)


def _plain_chance(sequence: list[str], draws: int, stop: float) -> float:
    """The permutation test with `Random.shuffle` itself."""
    observed = repeats(sequence)
    counts = Counter(sequence).values()
    if not sequence or observed >= sum(n * (n - 1) for n in counts) / len(sequence):
        return 1.0
    rng = random.Random(len(sequence))
    shuffled = list(sequence)
    hits = 1
    for _ in range(draws):
        rng.shuffle(shuffled)
        hits += repeats(shuffled) <= observed
        if hits > stop * (draws + 1):
            return 1.0
    return hits / (draws + 1)


@given(st.lists(st.sampled_from("ABCDE"), max_size=40), st.integers(min_value=1, max_value=300),
       st.sampled_from([STOP_SHARE, 0.5, 1.0]))
def test_the_written_out_shuffle_draws_as_random_shuffle(sequence: list[str], draws: int,
                                                         stop: float) -> None:
    assert fewer_repeats_chance(sequence, draws, stop) == _plain_chance(sequence, draws, stop)


def test_the_loyal_losers_tally_counts_as_one_by_one() -> None:
    net = networks.network(PreparedHistory(generate_history(11, 600).tenders))
    settings = FlagSettings()
    tally = markets._tally(net, settings)
    bids: Counter[str] = Counter()
    wins: Counter[str] = Counter()
    losses: dict[str, Counter[str]] = defaultdict(Counter)
    market_size: Counter[str] = Counter()
    for d in net.awarded:
        market_size[d.tender.category] += 1
        for s in d.valid_suppliers:
            bids[s] += 1
            if s in d.winners():
                wins[s] += 1
            else:
                for winner in d.winners():
                    losses[s][winner] += 1
    assert list(tally.bids.items()) == list(bids.items())
    assert list(tally.market_size.items()) == list(market_size.items())
    assert +tally.wins == +wins
    # Losses are counted only for the suppliers that can be loyal losers.
    possible = [s for s, n in bids.items() if n >= settings.loyal_min_bids and wins[s] <= 1]
    assert possible and all(tally.losses[s] == losses[s] for s in possible)


_plain_text = normalise._stable(
    lambda v: normalise._LOOSE_SPACE.sub("", normalise._SPACES.sub(" ", normalise._fold(v)).strip()))


def _plain_phone_step(value: str) -> str:
    text = normalise._EXTENSION.sub("", normalise._fold(value).strip())
    digits = normalise._NON_DIGITS.sub("", text)
    international = False
    while digits.startswith("0086") or (digits.startswith("86") and len(digits) >= 12):
        digits = digits[4:] if digits.startswith("0086") else digits[2:]
        international = True
    mobile = len(digits) == 11 and digits.startswith("1")
    if international and digits and not mobile and not digits.startswith("0"):
        digits = "0" + digits
    return digits


_plain_phone = normalise._stable(_plain_phone_step)
st_typed = st.one_of(st.text(), st.text(alphabet="王工 　\u00a0\tAaＡ１1-+转x８6０", max_size=12),
                     st.from_regex(r"\A[0-9]{0,14}\Z"))


@given(st_typed)
def test_text_without_whitespace_normalises_as_the_regular_expressions_do(value: str) -> None:
    assert normalise.normalise_text(value) == _plain_text(value)


@given(st_typed)
def test_phones_of_ascii_digits_normalise_as_the_regular_expressions_do(value: str) -> None:
    assert normalise.normalise_phone(value) == _plain_phone(value)
