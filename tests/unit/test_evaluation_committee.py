"""Committee draw with recusal: hand-checked draws, recusal reasons, composition rules."""

from __future__ import annotations

import hashlib

import pytest

from zhaocai.bidding.rules import (
    Bidder,
    BuyerRepresentative,
    Expert,
    draw_committee,
    draw_key,
    draw_seed,
    validate_composition,
)
from zhaocai.errors import RuleViolation, ValidationError
from zhaocai.profile import RulesProfile

OPENING = "4be1" * 16
SEED = draw_seed(OPENING, "2026-03-23T10:00:00+08:00")

BIDDERS = [
    Bidder("S1", frozenset({"h-owner-1"})),
    Bidder("S2", frozenset({"h-owner-2", "h-manager-2"})),
]


def _expert(i: int, **kw: object) -> Expert:
    return Expert(expert_id=f"E{i:02d}", name=f"专家{i}", specialties=frozenset({"materials"}), **kw)  # type: ignore[arg-type]


def _pool() -> list[Expert]:
    pool = [_expert(i) for i in range(1, 11)]
    pool[0] = _expert(1, employer_id="S1")  # E01 works for bidder S1
    pool[1] = _expert(2, related_person_hashes=frozenset({"h-manager-2"}))  # E02 shares a person with S2
    pool[2] = _expert(3, relatives_organisation_ids=frozenset({"S2"}))  # E03's relative is at S2
    pool.append(Expert("E99", "劳务专家", frozenset({"labour"})))  # wrong specialty
    return pool


def test_seed_is_sha256_of_opening_hash_and_time() -> None:
    expected = hashlib.sha256(f"{OPENING}|2026-03-23T10:00:00+08:00".encode()).digest()
    assert expected == SEED and len(SEED) == 32
    assert draw_key(SEED, "E01") == hashlib.sha256(SEED + b"E01").hexdigest()


def test_draw_takes_experts_in_key_order_and_recuses_interests() -> None:
    rep = BuyerRepresentative("R1", "王代表")
    draw = draw_committee(_pool(), category="materials", bidders=BIDDERS, drafter_id="E04",
                          representatives=[rep], seed=SEED)
    # 5 seats, 1 representative → 4 experts drawn. The order is the keyed shuffle:
    order = sorted((f"E{i:02d}" for i in range(1, 11)), key=lambda e: draw_key(SEED, e))
    conflicted = {"E01": "recusal.employee", "E02": "recusal.related_person",
                  "E03": "recusal.relative", "E04": "recusal.drafter"}
    expected_members = [e for e in order if e not in conflicted][:4]
    assert list(draw.members) == expected_members
    # everyone conflicted and reached before the 4th member was taken is recorded with the reason
    reached = order[: order.index(expected_members[-1]) + 1]
    assert {(r.expert_id, r.reason.code) for r in draw.recusals} == {
        (e, conflicted[e]) for e in reached if e in conflicted}
    assert draw.representatives == ("R1",) and draw.committee_ids[-1] == "R1"
    assert draw.seed_hex == SEED.hex() and draw.size == 5
    assert "E99" not in draw.members  # not a materials expert
    # golden value: anyone re-running this draw gets exactly this committee
    again = draw_committee(list(reversed(_pool())), category="materials", bidders=BIDDERS,
                           drafter_id="E04", representatives=[rep], seed=SEED)
    assert again == draw


def test_recusal_records_bidder_and_reason_in_both_languages() -> None:
    pool = [_expert(1, employer_id="S1")] + [_expert(i) for i in range(2, 7)]
    # make sure E01 is reached: give a seed where it comes first
    seed = next(draw_seed(OPENING, f"t{n}") for n in range(1000)
                if min((e.expert_id for e in pool), key=lambda e: draw_key(draw_seed(OPENING, f"t{n}"), e)) == "E01")
    draw = draw_committee(pool, category="materials", bidders=BIDDERS, drafter_id="X",
                          representatives=[], seed=seed)
    assert "E01" not in draw.members and len(draw.members) == 5
    (recusal,) = draw.recusals
    assert recusal.expert_id == "E01" and recusal.bidder_id == "S1"
    assert recusal.reason.code == "recusal.employee"
    assert "S1" in recusal.reason.en and "投标人" in recusal.reason.zh


def test_pool_too_small_raises_typed_error() -> None:
    pool = [_expert(i) for i in range(1, 6)] + [_expert(6, employer_id="S2")]
    with pytest.raises(RuleViolation) as info:
        draw_committee(pool, category="materials", bidders=BIDDERS, drafter_id="E01",
                       representatives=[], seed=SEED, size=7)
    assert info.value.code == "committee.too_few_experts"
    assert info.value.details["needed"] == 7


def test_representative_with_interest_or_drafter_is_refused() -> None:
    with pytest.raises(RuleViolation) as info:
        draw_committee(_pool(), category="materials", bidders=BIDDERS, drafter_id="R1",
                       representatives=[BuyerRepresentative("R1", "起草人")], seed=SEED)
    assert info.value.code == "committee.representative_interest"
    assert info.value.details["reason"] == "recusal.drafter"


@pytest.mark.parametrize("size,reps,code", [
    (4, 0, "committee.too_small"),      # below 5
    (6, 0, "committee.even_size"),      # even
    (5, 2, "committee.expert_share"),   # 3 experts of 5: 3·3 = 9 < 2·5 = 10
    (7, 3, "committee.expert_share"),   # 4 of 7: 12 < 14
])
def test_bad_composition_raises(size: int, reps: int, code: str) -> None:
    with pytest.raises(RuleViolation) as info:
        validate_composition(size, reps)
    assert info.value.code == code


@pytest.mark.parametrize("size,reps,experts", [(5, 0, 5), (5, 1, 4), (7, 2, 5), (9, 3, 6)])
def test_good_composition_returns_experts_needed(size: int, reps: int, experts: int) -> None:
    # 9 with 3 reps: 6 experts, 6·3 = 18 ≥ 2·9 = 18, exactly two thirds
    assert validate_composition(size, reps) == experts


def test_profile_share_is_used() -> None:
    strict = RulesProfile(committee_expert_share_num=4, committee_expert_share_den=5)
    with pytest.raises(RuleViolation):
        validate_composition(5, 2, strict)  # 3 experts: 15 < 20
    assert validate_composition(5, 1, strict) == 4  # 4·5 = 20 ≥ 4·5 = 20


def test_duplicate_expert_ids_are_refused() -> None:
    with pytest.raises(ValidationError):
        draw_committee([_expert(1), _expert(1)], category="materials", bidders=BIDDERS,
                       drafter_id="X", representatives=[], seed=SEED)
