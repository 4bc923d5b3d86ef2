"""ZC-TERRITORY-SPLIT's group test: a set of suppliers whose dear lowest bids partition the buyers."""

from __future__ import annotations

import random
from dataclasses import replace
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st
from test_integrity_flags import bid, run, tender

from zhaocai.integrity.territory_groups import group_split, relabelled_tail

BUYERS = tuple(f"项目部-{k:02d}" for k in range(1, 7))
GROUP = ("A", "B", "C")


def _allocation(seed: int = 1) -> list[Any]:
    """A, B and C own two buyers each: the owner bids dear there (at about the estimate), the
    others cover it 6–9 % above, an outsider bids higher still; the three also meet in honest
    tenders at every buyer, where they bid cheaply (12–15 % under the estimate) in any order."""
    rng = random.Random(seed)
    out = []
    for k in range(36):
        buyer = BUYERS[(k // 2) % 6]
        owner = GROUP[BUYERS.index(buyer) // 2]
        bids = [bid(f"a{k}-{owner}", owner, 1_000_000 + 1_000 * rng.randint(0, 20))]
        bids += [bid(f"a{k}-{s}", s, 1_060_000 + 1_000 * rng.randint(0, 30)) for s in GROUP if s != owner]
        bids.append(bid(f"a{k}-o", f"O{k}", 1_150_000))
        out.append(tender(f"A{k:02d}", bids, category="labour", buyer=buyer))
    for k in range(48):
        bids = [bid(f"h{k}-{s}", s, 850_000 + 1_000 * rng.randint(0, 30)) for s in GROUP]
        bids.append(bid(f"h{k}-o", f"P{k % 5}", 840_000 + 1_000 * rng.randint(0, 40)))
        out.append(tender(f"H{k:02d}", bids, category="labour", buyer=rng.choice(BUYERS)))
    return out


def _tenders(flags: list[Any]) -> set[str]:
    return {t for f in flags if f.subject == "tender" for t in f.tender_ids}


def test_a_group_splitting_the_buyers_is_named_with_its_homes() -> None:
    history = _allocation()
    flags = group_split(history)
    assert _tenders(flags) == {f"A{k:02d}" for k in range(36)}
    assert {s for f in flags if f.subject == "supplier" for s in f.supplier_ids} == set(GROUP)
    ev = next(f for f in flags if f.subject == "tender").evidence
    assert ev["group"] == list(GROUP) and ev["territory"] == "buyer" and ev["category"] == "labour"
    assert ev["homes"] == {"A": list(BUYERS[:2]), "B": list(BUYERS[2:4]), "C": list(BUYERS[4:])}
    assert float(ev["p_value"]) <= 0.05 and ev["against_majority"] == 0
    # The whole flag names them too (the pair test may name some first: one flag per tender).
    assert _tenders(run("ZC-TERRITORY-SPLIT", history)) >= {f"A{k:02d}" for k in range(36)}


def test_honest_meetings_alone_are_not_named() -> None:
    honest = [t for t in _allocation() if t.id.startswith("H")]
    assert group_split(honest) == []


def test_local_firms_serving_only_nearby_buyers_are_not_named() -> None:
    """Three local firms, each cheaper near its yard and bidding only at its two buyers, against
    changing outsiders who win now and then: their wins split the buyers, but they never meet,
    so no tender shows one of them lowest while another stood aside as a cover."""
    rng = random.Random(3)
    out = []
    for k in range(72):
        buyer = BUYERS[k % 6]
        local = GROUP[BUYERS.index(buyer) // 2]
        bids = [bid(f"l{k}", local, 880_000 + 1_000 * rng.randint(0, 60))]
        bids += [bid(f"l{k}-{j}", f"O{(k + j) % 9}", 900_000 + 1_000 * rng.randint(0, 120)) for j in range(3)]
        out.append(tender(f"L{k:02d}", bids, category="labour", buyer=buyer))
    assert group_split(out) == []
    assert run("ZC-TERRITORY-SPLIT", out) == []


def test_a_group_without_an_estimate_is_not_read() -> None:
    history = [replace(t, estimate=None) for t in _allocation()]
    assert group_split(history) == []


@settings(max_examples=10, deadline=None)
@given(st.permutations(BUYERS), st.randoms(use_true_random=False))
def test_relabelling_buyers_or_reordering_the_history_names_the_same_tenders(
        names: list[str], rnd: Any) -> None:
    rename = dict(zip(BUYERS, names, strict=True))
    history = [replace(t, buyer=rename[t.buyer]) for t in _allocation()]
    rnd.shuffle(history)
    flags = group_split(history)
    assert _tenders(flags) == {f"A{k:02d}" for k in range(36)}
    ev = next(f for f in flags if f.subject == "tender").evidence
    assert ev["homes"] == {s: sorted(rename[b] for b in BUYERS[2 * k:2 * k + 2]) for k, s in enumerate(GROUP)}


def test_relabelled_tail_is_exact_on_a_perfect_split_and_one_at_no_split() -> None:
    rng = random.Random(0)
    perfect = [(GROUP, BUYERS[k % 6], GROUP[(k % 6) // 2]) for k in range(24)]
    statistic, p = relabelled_tail(perfect, rng)
    # Four marks per buyer, all one member's: P(S' = 0) is far below 1/1000, so no draw matches.
    assert statistic == 0 and p == 1 / 1000
    mixed = [(GROUP, BUYERS[k % 6], GROUP[(k // 6) % 3]) for k in range(24)]
    assert relabelled_tail(mixed, rng)[1] > 0.5
