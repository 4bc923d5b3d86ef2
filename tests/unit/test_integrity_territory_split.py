"""ZC-TERRITORY-SPLIT: market allocation read from which of two suppliers wins, by buyer or region."""

from __future__ import annotations

import math
from dataclasses import replace
from typing import Any

from hypothesis import given
from hypothesis import strategies as st
from test_integrity_flags import bid, run, tender

from zhaocai.integrity.model import FLAG_INFO
from zhaocai.integrity.risk import weight
from zhaocai.integrity.territories import split_tail

BUYERS = ("项目部-01", "项目部-02", "项目部-03", "项目部-04")
REGIONS = ("杭州市", "宁波市", "温州市", "金华市")


def _joint(k: int, a: int, b: int, outsider: int = 790_000, **kw: Any) -> Any:
    """A tender where A and B meet with one honest outsider (a new firm each time)."""
    return tender(f"T{k:02d}", [bid(f"a{k}", "A", a + k), bid(f"b{k}", "B", b + k),
                                bid(f"o{k}", f"O{k}", outsider)], category="labour", **kw)


def _allocated(n: int = 12, by: str = "buyer") -> list[Any]:
    """A owns the first two territories, B the last two; the other covers 6–9 % above the owner."""
    out = []
    for k in range(n):
        place = k % 4
        owner, cover = 700_000, 742_000 + 2_000 * (k % 5)
        where = {"buyer": BUYERS[place]} if by == "buyer" else {"buyer": BUYERS[0], "region": REGIONS[place]}
        out.append(_joint(k, *((owner, cover) if place < 2 else (cover, owner)), **where))
    return out


def _tenders(flags: list[Any]) -> set[str]:
    return {t for f in flags if f.subject == "tender" for t in f.tender_ids}


def test_a_pair_each_winning_its_own_buyers_is_named() -> None:
    flags = run("ZC-TERRITORY-SPLIT", _allocated())
    assert _tenders(flags) == {f"T{k:02d}" for k in range(12)}
    assert {s for f in flags if f.subject == "supplier" for s in f.supplier_ids} == {"A", "B"}
    ev = next(f for f in flags if f.subject == "tender").evidence
    assert ev["territory"] == "buyer" and ev["homes"] == {"A": list(BUYERS[:2]), "B": list(BUYERS[2:])}
    assert ev["wins_by_territory"]["项目部-01"] == {"A": 3, "B": 0} and float(ev["p_value"]) < 0.05
    assert FLAG_INFO["ZC-TERRITORY-SPLIT"].kind == "collusion" and weight("ZC-TERRITORY-SPLIT") == 1


def test_a_split_by_region_under_one_buyer_is_named_by_region() -> None:
    flags = run("ZC-TERRITORY-SPLIT", _allocated(12, by="region"))
    assert _tenders(flags) == {f"T{k:02d}" for k in range(12)}
    assert {f.evidence["territory"] for f in flags if f.subject == "tender"} == {"region"}
    # Without the region the same tenders show one buyer only: nothing to split.
    plain = [replace(t, region=None) for t in _allocated(12, by="region")]
    assert run("ZC-TERRITORY-SPLIT", plain) == []


def test_an_outsider_winning_some_home_tenders_keeps_them_flagged() -> None:
    history = _allocated(16)
    history = [(_joint(k, 700_000, 745_000, outsider=650_000, buyer=t.buyer) if k in (0, 5) else t)
               for k, t in enumerate(history)]
    # The owner still priced below its cover there: the tenders are named whoever won them.
    assert {"T00", "T05"} <= _tenders(run("ZC-TERRITORY-SPLIT", history))


def test_honest_pair_whose_wins_ignore_the_buyer_is_not_named() -> None:
    out = []
    for k in range(16):
        a_lower = (k // 4 + k) % 2 == 0  # each buyer sees both winners, two of each
        out.append(_joint(k, *((700_000, 742_000) if a_lower else (742_000, 700_000)), buyer=BUYERS[k % 4]))
    assert run("ZC-TERRITORY-SPLIT", out) == []


def test_a_firm_winning_everywhere_or_a_pair_meeting_rarely_is_not_judged() -> None:
    assert run("ZC-TERRITORY-SPLIT", [_joint(k, 700_000, 760_000, buyer=BUYERS[k % 4]) for k in range(16)]) == []
    assert run("ZC-TERRITORY-SPLIT", _allocated(3)) == []


def test_split_tail_by_hand() -> None:
    # Three wins of six marks at two territories, all at one: 2 of the C(6, 3) = 20 ways.
    assert math.isclose(split_tail([(3, 3), (0, 3)]), 2 / 20)
    assert math.isclose(split_tail([(1, 3), (2, 4)]), 1.0)


@given(st.lists(st.integers(1, 6).flatmap(lambda n: st.tuples(st.integers(0, n), st.just(n))),
                min_size=1, max_size=5))
def test_split_tail_is_a_probability_and_symmetric(cells: list[tuple[int, int]]) -> None:
    p = split_tail(cells)
    assert 0.0 < p <= 1.0 + 1e-12
    assert math.isclose(p, split_tail([(n - a, n) for a, n in cells]), rel_tol=1e-9)


@given(st.permutations(["A", "B", "Z"]), st.randoms(use_true_random=False))
def test_renaming_or_shuffling_names_the_same_tenders(names: list[str], rnd: Any) -> None:
    rename = dict(zip(["A", "B"], names[:2], strict=True))
    renamed = [replace(t, bids=tuple(replace(b, supplier_id=rename.get(b.supplier_id, b.supplier_id))
                                     for b in t.bids),
                       winner_supplier_id=rename.get(t.winner_supplier_id or "", t.winner_supplier_id))
               for t in _allocated()]
    rnd.shuffle(renamed)
    assert _tenders(run("ZC-TERRITORY-SPLIT", renamed)) == {f"T{k:02d}" for k in range(12)}


def test_ocds_region_from_delivery_address_or_buyer() -> None:
    from zhaocai.integrity.ocds_import import release_facts

    base: dict[str, Any] = {"ocid": "ocds-x-1", "buyer": {"id": "B1"},
                            "parties": [{"id": "B1", "roles": ["buyer"], "address": {"region": "浙江省"}}],
                            "tender": {"items": [{"id": "1"}]}}
    assert release_facts(base)[0].region == "浙江省"
    base["tender"] = {"items": [{"id": "1", "deliveryAddress": {"region": "江苏省"}}]}
    assert release_facts(base)[0].region == "江苏省"
    assert release_facts({"ocid": "ocds-x-2"})[0].region is None


def test_region_survives_an_ocds_round_trip() -> None:
    from zhaocai.integrity.ocds_export import release_of
    from zhaocai.integrity.ocds_import import release_facts

    for t in _allocated(4, by="region"):
        assert release_facts(release_of(t))[0].region == t.region
    plain = _allocated(1)[0]
    assert release_facts(release_of(plain))[0].region is None
