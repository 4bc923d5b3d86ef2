"""ZC-ROTATION-RING: a group that bids together beyond chance and takes turns to win."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st
from test_integrity_flags import bid, run, tender

from zhaocai.integrity.model import FLAG_INFO
from zhaocai.integrity.risk import weight
from zhaocai.integrity.rotation import fewer_repeats_chance, repeats

RING = ("A", "B", "C")


def _ring_tender(k: int, winner: str, outsider: bool) -> Any:
    """The member due bids lowest, the others 2–9 % above (spread), sometimes an outsider above."""
    low = 800_000 + 1_000 * k
    bids = [bid(f"r{k}-{m}", m, low if m == winner else low * (102 + 7 * ((k + i) % 2)) // 100)
            for i, m in enumerate(RING)]
    if outsider:
        bids.append(bid(f"r{k}-o", f"O{k}", low * 111 // 100))
    return tender(f"R{k:02d}", bids, category="labour", winner=winner)


def _market(n: int = 40) -> list[Any]:
    """Honest tenders of the category among other firms (three of a pool of twenty each)."""
    return [tender(f"M{k:02d}", [bid(f"m{k}-{j}", f"H{(3 * k + j) % 20}", 800_000 + 37_000 * ((k + j) % 5))
                                 for j in range(3)], category="labour") for k in range(n)]


def _history(order: list[str]) -> list[Any]:
    return [*(_ring_tender(k, w, k % 3 == 0) for k, w in enumerate(order)), *_market()]


TURNS = [RING[k % 3] for k in range(18)]


def test_a_group_taking_turns_is_named_with_its_tenders_and_members() -> None:
    flags = run("ZC-ROTATION-RING", _history(TURNS))
    assert {t for f in flags if f.subject == "tender" for t in f.tender_ids} == {f"R{k:02d}" for k in range(18)}
    assert {s for f in flags if f.subject == "supplier" for s in f.supplier_ids} == set(RING)
    ev = flags[0].evidence
    assert ev["consecutive_repeats"] == 0 and ev["wins"] == {"A": 6, "B": 6, "C": 6}
    assert FLAG_INFO["ZC-ROTATION-RING"].kind == "collusion" and weight("ZC-ROTATION-RING") == 1


def test_an_honest_shortlist_winning_in_random_order_is_not_named() -> None:
    # The same three firms asked again and again; the cheapest of the day wins, repeats and all.
    order = list("AABBBCACCABBAACCBA")
    assert repeats(order) >= 6
    assert run("ZC-ROTATION-RING", _history(order)) == []


def test_a_pair_or_a_group_with_one_winner_is_not_a_ring() -> None:
    assert run("ZC-ROTATION-RING", _history(["A"] * 18)) == []
    assert run("ZC-ROTATION-RING", _history(["A", "B"] * 9)) == []  # two winners: not three


def test_repeats_chance_by_hand() -> None:
    assert repeats(list("AABAB")) == 1
    assert fewer_repeats_chance(["A"] * 6) == 1.0  # every order has the same repeats
    assert fewer_repeats_chance(list("ABC" * 6)) < 0.01
    assert fewer_repeats_chance(list("ABC" * 6)) == fewer_repeats_chance(list("CAB" * 6))


@settings(max_examples=10, deadline=None)
@given(st.permutations(["A", "B", "C", "X"]), st.randoms(use_true_random=False))
def test_renaming_members_or_shuffling_the_input_names_the_same_tenders(names: list[str], rnd: Any) -> None:
    rename = dict(zip(RING, names[:3], strict=True))
    history = [replace(t, bids=tuple(replace(b, supplier_id=rename.get(b.supplier_id or "", b.supplier_id))
                                     for b in t.bids),
                       winner_supplier_id=rename.get(t.winner_supplier_id or "", t.winner_supplier_id))
               for t in _history(TURNS)]
    rnd.shuffle(history)
    flags = run("ZC-ROTATION-RING", history)
    assert {t for f in flags if f.subject == "tender" for t in f.tender_ids} == {f"R{k:02d}" for k in range(18)}
    assert {s for f in flags if f.subject == "supplier" for s in f.supplier_ids} == set(names[:3])
