"""Fairness properties of evaluation and award (pure: no database, fast)."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import datetime, timedelta
from decimal import Decimal

from hypothesis import event, given
from hypothesis import strategies as st

from zhaocai.bidding.rules import (
    AwardMethod,
    Bidder,
    BuyerRepresentative,
    Contender,
    CriterionKind,
    Expert,
    OpenedBid,
    PriceScoreFormula,
    Reason,
    Removal,
    ScoreSheet,
    ScoringCriterion,
    ScoringScheme,
    can_award,
    check_compliance,
    compliant_prices,
    decide_award,
    draw_committee,
    draw_seed,
    evaluate,
    expert_interests,
    price_scores,
    rank_lot,
    validate_composition,
)
from zhaocai.clock import SHANGHAI
from zhaocai.errors import RuleViolation
from zhaocai.profile import DEFAULT_PROFILE

OPENING = "ab" * 32
SCHEME = ScoringScheme(Decimal(40), (
    ScoringCriterion("T1", "technical", CriterionKind.TECHNICAL, Decimal(40), Decimal(40)),
    ScoringCriterion("C1", "commercial", CriterionKind.COMMERCIAL, Decimal(20), Decimal(10)),
))
FORMULA = PriceScoreFormula(full_marks=Decimal(40), deduct_above_per_point=Decimal(1))
MEMBERS = ["m1", "m2", "m3", "m4", "m5"]

# --- the whole pipeline: compliance → price score → scoring → ranking -------------------------

# coarse values so that equal totals (and so the tie-breaks) happen often
prices = st.integers(min_value=18, max_value=26).map(lambda k: Decimal(k * 5000))
points_t1 = st.sampled_from([Decimal(p) for p in (20, 30, 40)])
points_c1 = st.sampled_from([Decimal(p) for p in (5, 10)])


@st.composite
def tenders(draw: st.DrawFn) -> tuple[list[OpenedBid], dict[str, dict[str, tuple[Decimal, Decimal]]]]:
    """Bids (some above the ceiling) and each member's points per bid (ties are likely)."""
    n = draw(st.integers(min_value=2, max_value=6))
    bids = [OpenedBid(f"b{i}", f"S{i}", draw(prices)) for i in range(n)]
    scores = {m: {b.bid_id: (draw(points_t1), draw(points_c1)) for b in bids} for m in MEMBERS}
    return bids, scores


_TIE_ORDER = ["first", "score", "technical", "lottery"]


def _ranked_hashes(bids: list[OpenedBid], scores: dict[str, dict[str, tuple[Decimal, Decimal]]],
                   member_order: list[str], content: dict[str, str]) -> list[str]:
    """Run the pipeline; the ranking expressed in bid content hashes (`content`: bid id → hash)."""
    results = check_compliance(bids, ceiling_price=Decimal(125000))
    valid = compliant_prices(results)
    if not valid:
        return []
    ps = price_scores(valid, FORMULA).by_bid()
    sheets = [ScoreSheet(m, {b: {"T1": scores[m][b][0], "C1": scores[m][b][1]} for b in valid})
              for m in member_order]
    evaluation = evaluate(SCHEME, sheets, committee_member_ids=MEMBERS, price_scores=ps)
    contenders = [Contender(s.bid_id, content[s.bid_id], s.total, technical_score=s.technical_score)
                  for s in evaluation.bids]
    ranking = rank_lot("lot-1", contenders, opening_record_hash=OPENING, method=AwardMethod.COMPREHENSIVE)
    event("tie broken by " + max((r.decided_by for r in ranking.ranked), key=_TIE_ORDER.index))
    return [r.content_hash for r in ranking.ranked]


@given(tenders(), st.randoms(use_true_random=False))
def test_ranking_ignores_bid_order_names_ids_and_submission_order(
        tender: tuple[list[OpenedBid], dict[str, dict[str, tuple[Decimal, Decimal]]]],
        rnd: random.Random) -> None:
    bids, scores = tender
    content = {b.bid_id: f"content-{b.bid_id}" for b in bids}
    baseline = _ranked_hashes(bids, scores, MEMBERS, content)

    # 1. the same bids in another order, members' sheets submitted in another order
    shuffled = list(bids)
    rnd.shuffle(shuffled)
    members = list(MEMBERS)
    rnd.shuffle(members)
    assert _ranked_hashes(shuffled, scores, members, content) == baseline

    # 2. suppliers renamed and bids re-identified (same content): the same content ranks the same
    new_ids = [f"x{rnd.randrange(10**9)}-{i}" for i in range(len(bids))]
    rename = {b.bid_id: new for b, new in zip(bids, new_ids, strict=True)}
    renamed = [replace(b, bid_id=rename[b.bid_id], supplier_id=f"公司{rename[b.bid_id]}") for b in bids]
    renamed_scores = {m: {rename[b]: v for b, v in row.items()} for m, row in scores.items()}
    renamed_content = {rename[b]: content[b] for b in rename}
    assert _ranked_hashes(renamed, renamed_scores, MEMBERS, renamed_content) == baseline


# --- award --------------------------------------------------------------------------------------

WHY = Reason("award.candidate_gave_up", "gave up", "放弃")


@given(st.lists(st.text("abcdef", min_size=1, max_size=4), min_size=1, max_size=3, unique=True),
       st.data())
def test_award_goes_to_first_candidate_not_removed(candidates: list[str], data: st.DataObject) -> None:
    removed = data.draw(st.sets(st.sampled_from(candidates)))
    removals = [Removal(b, WHY, recorded_by="p-wang", approved_by="s-zhou") for b in sorted(removed)]
    remaining = [c for c in candidates if c not in removed]
    if not remaining:
        try:
            decide_award(candidates, removals)
        except RuleViolation as exc:
            assert exc.code == "award.all_candidates_removed"
        else:
            raise AssertionError("awarded with every candidate removed")
        return
    decision = decide_award(candidates, removals)
    assert decision.winner_bid_id == remaining[0]
    assert {r.bid_id for r in decision.removed} == set(candidates[: candidates.index(remaining[0])])


moments = st.datetimes(min_value=datetime(2026, 1, 1), max_value=datetime(2027, 1, 1),
                       timezones=st.just(SHANGHAI))


@given(moments, st.integers(min_value=-5 * 24 * 60, max_value=5 * 24 * 60), st.integers(0, 3))
def test_never_award_with_open_objection_or_before_publicity_ends(
        ends: datetime, offset_minutes: int, objections: int) -> None:
    now = ends + timedelta(minutes=offset_minutes)
    ok, reason = can_award(now, ends, objections)
    assert ok == (now >= ends and objections == 0)
    assert (reason is None) == ok


# --- committee draw -----------------------------------------------------------------------------

BIDDER_IDS = ["S1", "S2", "S3"]
PEOPLE = [f"h{i}" for i in range(6)]


@st.composite
def experts(draw: st.DrawFn, index: int) -> Expert:
    return Expert(
        expert_id=f"E{index}",
        name=f"专家{index}",
        specialties=frozenset(draw(st.sets(st.sampled_from(["materials", "labour"]), min_size=1))),
        employer_id=draw(st.sampled_from([None, None, None, None, *BIDDER_IDS, "ORG"])),
        related_person_hashes=frozenset(draw(st.sampled_from([(), (), (), ("h0",), ("h1",), ("h9",)]))),
        relatives_organisation_ids=frozenset(draw(st.sampled_from([(), (), (), ("S1",), ("ORG",)]))),
    )


@st.composite
def draws(draw: st.DrawFn) -> dict[str, object]:
    pool = [draw(experts(i)) for i in range(draw(st.integers(8, 30)))]
    bidders = [Bidder(s, frozenset(draw(st.sets(st.sampled_from(PEOPLE), max_size=2)))) for s in BIDDER_IDS]
    size = draw(st.sampled_from([5, 7, 9]))
    reps = draw(st.integers(0, size // 3))
    return {
        "pool": pool, "bidders": bidders, "size": size,
        "representatives": [BuyerRepresentative(f"R{i}", f"代表{i}") for i in range(reps)],
        "drafter_id": draw(st.sampled_from(["E0", "E1", "R-none"])),
        "seed": draw_seed(OPENING, draw(st.sampled_from(["2026-03-23T10:00:00+08:00", "t2", "t3"]))),
    }


@given(draws(), st.randoms(use_true_random=False))
def test_draw_is_fair_valid_and_reproducible(inputs: dict[str, object], rnd: random.Random) -> None:
    kwargs = dict(inputs)
    try:
        result = draw_committee(category="materials", **kwargs)  # type: ignore[arg-type]
    except RuleViolation as exc:
        assert exc.code == "committee.too_few_experts"
        event("pool too small")
        return
    event("drawn" + (" with recusals" if result.recusals else ""))
    pool: list[Expert] = inputs["pool"]  # type: ignore[assignment]
    by_id = {e.expert_id: e for e in pool}
    bidders: list[Bidder] = inputs["bidders"]  # type: ignore[assignment]
    # no drawn member has a recorded interest in any bidder, nor drafted the tender
    for member in result.members:
        assert expert_interests(by_id[member], bidders, inputs["drafter_id"]) == []  # type: ignore[arg-type]
        assert "materials" in by_id[member].specialties
    # every recusal is real
    for recusal in result.recusals:
        assert recusal in expert_interests(by_id[recusal.expert_id], bidders, inputs["drafter_id"])  # type: ignore[arg-type]
    # composition: odd, large enough, experts ≥ 2/3
    size = len(result.committee_ids)
    assert size == inputs["size"] and size % 2 == 1 and size >= DEFAULT_PROFILE.committee_min_size
    assert len(result.members) * 3 >= 2 * size
    assert validate_composition(size, len(result.representatives)) == len(result.members)
    assert len(set(result.committee_ids)) == size
    # re-running from the seed (pool in any order) gives the same committee
    shuffled = list(pool)
    rnd.shuffle(shuffled)
    again = draw_committee(category="materials", **{**kwargs, "pool": shuffled,  # type: ignore[arg-type]
                                                    "seed": bytes.fromhex(result.seed_hex)})
    assert again == result
