"""ZC-BUYER-SPLIT: market allocation read from which of two suppliers bids lower, by buyer."""

from __future__ import annotations

import math
from dataclasses import replace
from typing import Any

from hypothesis import given
from hypothesis import strategies as st
from test_integrity_flags import bid, run, tender

from zhaocai.integrity.allocation import minority_tail
from zhaocai.integrity.model import FLAG_INFO
from zhaocai.integrity.risk import weight

BUYERS = ("项目部-01", "项目部-02", "项目部-03", "项目部-04")


def _joint(k: int, buyer: str, a: int, b: int, outsider: int = 790_000, **kw: Any) -> Any:
    """A tender where A and B meet with one honest outsider (a new firm each time)."""
    return tender(f"T{k:02d}", [bid(f"a{k}", "A", a + k), bid(f"b{k}", "B", b + k),
                                bid(f"o{k}", f"O{k}", outsider)], category="labour", buyer=buyer, **kw)


def _allocated(n: int = 12) -> list[Any]:
    """A owns buyers 01 and 02, B owns 03 and 04; the other covers 6–9 % above the owner."""
    out = []
    for k in range(n):
        buyer = BUYERS[k % 4]
        a_home = buyer in BUYERS[:2]
        owner, cover = 700_000, 700_000 + 42_000 + 2_000 * (k % 5)
        out.append(_joint(k, buyer, *((owner, cover) if a_home else (cover, owner))))
    return out


def test_a_pair_whose_ranking_follows_the_buyer_is_named() -> None:
    flags = run("ZC-BUYER-SPLIT", _allocated())
    assert {t for f in flags if f.subject == "tender" for t in f.tender_ids} == {f"T{k:02d}" for k in range(12)}
    assert {s for f in flags if f.subject == "supplier" for s in f.supplier_ids} == {"A", "B"}
    ev = next(f for f in flags if f.subject == "tender").evidence
    assert ev["lower_by_buyer"]["项目部-01"] == {"A": 3, "B": 0}
    assert ev["lower_by_buyer"]["项目部-03"] == {"A": 0, "B": 3}
    assert float(ev["p_value"]) < 0.05 and ev["home_wins"] == {"A": 6, "B": 6}
    assert FLAG_INFO["ZC-BUYER-SPLIT"].kind == "collusion" and weight("ZC-BUYER-SPLIT") == 1


def test_an_outsider_winning_some_home_tenders_does_not_hide_the_split() -> None:
    history = _allocated(16)
    # An honest outsider undercuts the owner in one of four tenders at each of A's buyers: A still
    # wins most there, and the tenders it lost carry A's and B's bids all the same.
    history = [(_joint(k, t.buyer, 700_000, 745_000, outsider=650_000) if k in (0, 5) else t)
               for k, t in enumerate(history)]
    tenders = {t for f in run("ZC-BUYER-SPLIT", history) if f.subject == "tender" for t in f.tender_ids}
    assert {"T00", "T05"} <= tenders and len(tenders) == 16


def test_honest_pair_with_a_ranking_that_ignores_the_buyer_is_not_named() -> None:
    out = []
    for k in range(16):
        a_lower = (k // 4 + k) % 2 == 0  # each buyer sees both orders, two of each
        out.append(_joint(k, BUYERS[k % 4], *((700_000, 742_000) if a_lower else (742_000, 700_000))))
    assert run("ZC-BUYER-SPLIT", out) == []


def test_a_firm_cheaper_everywhere_is_not_an_allocation() -> None:
    # The honest local or efficient firm: A is lower at every buyer, B never wins.
    out = [_joint(k, BUYERS[k % 4], 700_000, 760_000) for k in range(16)]
    assert run("ZC-BUYER-SPLIT", out) == []


def test_a_split_ranking_where_both_lose_to_third_firms_is_not_an_allocation() -> None:
    # Prices that differ by buyer (transport costs), but neither firm is the usual winner there.
    out = []
    for k in range(16):
        buyer = BUYERS[k % 4]
        prices = (700_000, 742_000) if buyer in BUYERS[:2] else (742_000, 700_000)
        out.append(_joint(k, buyer, *prices, outsider=600_000))
    assert run("ZC-BUYER-SPLIT", out) == []


def test_too_few_meetings_or_no_buyer_named_are_not_judged() -> None:
    assert run("ZC-BUYER-SPLIT", _allocated(3)) == []
    unnamed = [_joint(k, "", *((700_000, 745_000) if k % 2 else (745_000, 700_000))) for k in range(12)]
    assert run("ZC-BUYER-SPLIT", unnamed) == []


def test_minority_tail_by_hand() -> None:
    # Two buyers, three marks each, q = 1/2: S = 0 has chance (2 · 1/8)² = 1/16.
    assert math.isclose(minority_tail([(3, 3), (0, 3)], 0.5), 1 / 16)
    # The largest possible minority count: the tail is the whole distribution.
    assert math.isclose(minority_tail([(1, 3), (2, 4)], 0.3), 1.0)


@given(st.lists(st.integers(1, 6).flatmap(lambda n: st.tuples(st.integers(0, n), st.just(n))),
                min_size=1, max_size=5), st.floats(0.05, 0.95))
def test_minority_tail_is_a_probability_and_symmetric(cells: list[tuple[int, int]], q: float) -> None:
    p = minority_tail(cells, q)
    assert 0.0 <= p <= 1.0 + 1e-12
    # Swapping which supplier is "first" mirrors every mark and q: the same test.
    assert math.isclose(p, minority_tail([(n - k, n) for k, n in cells], 1 - q), rel_tol=1e-9, abs_tol=1e-12)


@given(st.permutations(["A", "B", "Z"]), st.randoms(use_true_random=False))
def test_renaming_the_pair_or_shuffling_tenders_names_the_same_tenders(names: list[str], rnd: Any) -> None:
    rename = dict(zip(["A", "B"], names[:2], strict=True))
    renamed = [replace(t, bids=tuple(replace(b, supplier_id=rename.get(b.supplier_id or "", b.supplier_id))
                                     for b in t.bids),
                       winner_supplier_id=rename.get(t.winner_supplier_id or "", t.winner_supplier_id))
               for t in _allocated()]
    rnd.shuffle(renamed)
    flags = run("ZC-BUYER-SPLIT", renamed)
    assert {t for f in flags if f.subject == "tender" for t in f.tender_ids} == {f"T{k:02d}" for k in range(12)}
    assert {s for f in flags if f.subject == "supplier" for s in f.supplier_ids} == set(names[:2])


def test_the_generator_variants_are_deterministic_and_keep_look_alikes_honest() -> None:
    from zhaocai.integrity.synthetic import DEFAULT_SHARES, generate_history

    shares = {**DEFAULT_SHARES, "allocation_loose": 0.05, "ring_loose": 0.05}
    looks = {"local_firms": 0.05, "shortlist": 0.05}
    first = generate_history(3, 600, shares=shares, lookalikes=looks)
    again = generate_history(3, 600, shares=shares, lookalikes=looks)
    assert first.tenders == again.tenders and first.lookalikes == again.lookalikes
    for kind in looks:
        assert len(first.lookalikes[kind]) == 30
        assert first.lookalikes[kind] <= first.clean_tender_ids  # honest: never in the truth
    assert len(first.truth["ring_loose"].tender_ids) == 30
    assert len(first.truth["allocation_loose"].tender_ids) == 30
    assert len(first.truth["allocation_loose"].supplier_ids) == 4
    # Asking for no variant leaves the default history as it was.
    assert generate_history(3, 300).tenders == generate_history(3, 300, lookalikes={}).tenders
    assert generate_history(3, 300).lookalikes == {}
