"""Properties of the evaluation service, on SQLite and PostgreSQL.

- the ranking does not depend on the order members submit their sheets, and equals what the pure
  rules (`evaluate`, `rank_lot`) give for the same sheets (so the bulk SQL scoring is faithful);
- the award never happens before the publicity ends or while an objection is open, and always goes
  to the first candidate not removed by an approved removal;
- the committee's composition holds, no member has a recorded interest in a bidder, every recusal
  is real, and the draw re-runs to the same committee from its recorded seed.

Each example runs its own tender in a store shared by the module (suppliers and pool reused).
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlmodel import col, select

from tests.kit import (
    ACTORS,
    ONE_LOT,
    add_pool,
    adopt_schedules,
    build_tender,
    commit,
    compliant_bids,
    declare_all,
    fresh_store,
    make_identity_number,
    register_admitted_supplier,
    reveal,
    seated,
    supplier_actor,
)
from zhaocai.actors import Actor
from zhaocai.bidding.evaluating.common import scheme_of
from zhaocai.bidding.evaluating.tables import ExpertRow
from zhaocai.bidding.lifecycle import spec_of
from zhaocai.bidding.rules import (
    AwardMethod,
    Contender,
    PriceScoreFormula,
    ScoreSheet,
    evaluate,
    price_scores,
    rank_lot,
)
from zhaocai.bidding.tables import TenderRow
from zhaocai.clock import SHANGHAI, ManualClock
from zhaocai.errors import ZhaocaiError
from zhaocai.platform import Platform
from zhaocai.profile import DEFAULT_PROFILE
from zhaocai.suppliers.tables import LinkRow

A = ACTORS
LOWEST = {"method": "lowest_evaluated_price"}
PRICES = [("1500000.00", ""), ("1520000.00", ""), ("1480000.00", ""), ("1500000.00", "")]
_IDS = itertools.count(1)


@dataclass
class World:
    platform: Platform
    clock: ManualClock
    suppliers: list[str]
    seeds: list[int]


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def world(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    if request.param == "postgresql" and not os.environ.get("ZHAOCAI_TEST_DATABASE_URL"):
        pytest.skip("PostgreSQL run skipped: set ZHAOCAI_TEST_DATABASE_URL")
    with fresh_store(request.param, tmp_path_factory.mktemp("award")) as url:
        clock = ManualClock(datetime(2026, 3, 2, 9, tzinfo=SHANGHAI))
        platform = Platform.open(url, clock=clock)
        seeds = [7_000_000 + i + (0 if request.param == "sqlite" else 100) for i in range(4)]
        suppliers = [register_admitted_supplier(platform, A, name=f"性质供应商{s}", seed=s) for s in seeds]
        add_pool(platform, A, 7)
        adopt_schedules(platform)  # the world's clock runs years past the bundled calendar
        try:
            yield World(platform, clock, suppliers, seeds)
        finally:
            platform.close()


def _tender(w: World, evaluation: dict[str, Any] | None = None) -> tuple[str, list[Actor]]:
    pub = build_tender(w.platform, w.clock, "opened", pool=0, suppliers=w.suppliers, prices=PRICES, lots=ONE_LOT, evaluation=evaluation).pub
    w.platform.evaluation.draw_committee(A["purchasing"], pub.tender.id)
    members = seated(w.platform, A, pub.tender.id)
    declare_all(w.platform, members, pub.tender.id)
    w.platform.evaluation.check_compliance(members[0], pub.tender.id)
    return pub.tender.id, members


quarter_points = st.integers(0, 60).map(lambda q: Decimal(q) / 4)


@settings(max_examples=12)
@given(order=st.permutations(range(5)), points=st.lists(quarter_points, min_size=60, max_size=60))
def test_ranking_ignores_submission_order(world: World, order: list[int], points: list[Decimal]) -> None:
    ev = world.platform.evaluation
    tid, members = _tender(world)
    bids = compliant_bids(world.platform, A, tid, "L1")
    criteria = ["T1", "T2", "C1"]
    flat = iter(points)
    sheets = {m.id: {b: {c: next(flat) for c in criteria} for b in bids} for m in members}
    kept = {i: commit(world.platform, members[i], tid, "L1", sheets[members[i].id]) for i in order}
    for i in reversed(order):
        reveal(world.platform, members[i], kept[i])
    report = ev.compile_report(members[0], tid)
    lot = report.lots[0]
    got = [(e.bid_id, e.total) for e in lot.entries if e.rank is not None]

    with world.platform.internal.session() as session:
        tender = session.get(TenderRow, tid)
        assert tender is not None
        scheme = scheme_of(spec_of(tender))
    opened = {b.bid_id: b for b in world.platform.tenders.opened_bids(A["purchasing"], tid)}
    prices = {b: opened[b].payload.lots[0].price for b in bids}  # type: ignore[union-attr]
    ps = price_scores(prices, PriceScoreFormula(full_marks=Decimal(40))).by_bid()
    pure = evaluate(scheme, [ScoreSheet(m, s) for m, s in sheets.items()],
                    committee_member_ids=list(sheets), price_scores=ps, profile=DEFAULT_PROFILE)
    digest = world.platform.tenders.opening_records(tid)[-1].digest
    ranking = rank_lot("L1", [Contender(s.bid_id, opened[s.bid_id].envelope_hash, total_score=s.total,
                                        technical_score=s.technical_score) for s in pure.bids],
                       opening_record_hash=digest, method=AwardMethod.COMPREHENSIVE)
    assert got == [(r.bid_id, r.total_score) for r in ranking.ranked]
    assert lot.candidates == [c.bid_id for c in ranking.candidates]
    assert {(o["member_id"], o["bid_id"], o["criterion_id"]) for o in lot.outliers} == {
        (o.member_id, o.bid_id, o.criterion_id) for o in pure.outliers}


step = st.sampled_from(["wait", "wait_long", "object", "answer", "propose", "approve", "award"])


@settings(max_examples=12)
@given(steps=st.lists(step, min_size=1, max_size=10), pick=st.integers(0, 2))
def test_award_only_after_publicity_without_objections(world: World, steps: list[str], pick: int) -> None:
    ev, clock = world.platform.evaluation, world.clock
    tid, members = _tender(world, LOWEST)
    report = ev.compile_report(members[0], tid)
    candidates = report.lots[0].candidates
    assert report.publicity_ends is not None
    open_objections: list[str] = []
    proposed: dict[str, str] = {}
    approved: set[str] = set()
    for action in [*steps, "wait_long", "answer_all", "approve_all", "award"]:
        try:
            if action == "wait":
                clock.advance(hours=20)
            elif action == "wait_long":
                clock.set(max(clock.now(), report.publicity_ends))
            elif action == "object":
                bidder = supplier_actor(world.suppliers[pick])
                open_objections.append(ev.raise_objection(bidder, tid, "异议").id)
            elif action == "answer" and open_objections:
                ev.answer_objection(A["purchasing"], open_objections.pop(0), "已答复")
            elif action == "answer_all":
                while open_objections:
                    ev.answer_objection(A["supervisor"], open_objections.pop(0), "已答复")
            elif action == "propose" and candidates[pick] not in proposed:
                proposed[candidates[pick]] = ev.propose_removal(
                    A["purchasing"], tid, "L1", candidates[pick], code="award.gave_up", en="gave up",
                    zh="放弃").id
            elif action == "approve":
                for bid, rid in proposed.items():
                    if bid not in approved:
                        ev.approve_removal(A["supervisor"], rid)
                        approved.add(bid)
                        break
            elif action == "approve_all":
                for bid, rid in proposed.items():
                    if bid not in approved:
                        ev.approve_removal(A["supervisor"], rid)
                        approved.add(bid)
            elif action == "award":
                before_end = clock.now() < report.publicity_ends
                pending = set(proposed) - approved
                result = ev.award(A["purchasing"], tid)
                assert not before_end and not open_objections and not pending
                expected = next(c for c in candidates if c not in approved)
                assert result.notices[0].contract_id
                assert ev.contract(result.notices[0].contract_id).bid_id == expected
                return
        except ZhaocaiError as exc:
            if action == "award":
                assert (clock.now() < report.publicity_ends or open_objections
                        or set(proposed) - approved or set(candidates) <= approved), exc
            elif action == "object":
                assert clock.now() >= report.publicity_ends, exc
            else:
                raise
    assert set(candidates) <= approved  # the only way to end without an award


expert = st.fixed_dictionaries({
    "employer": st.one_of(st.none(), st.integers(0, 3)),
    "relative": st.one_of(st.none(), st.integers(0, 3)),
    "shares_person": st.one_of(st.none(), st.integers(0, 3)),
})


@settings(max_examples=12)
@given(experts=st.lists(expert, min_size=0, max_size=5), size=st.sampled_from([5, 7]),
       with_rep=st.booleans())
def test_committee_composition_and_rerun(world: World, experts: list[dict[str, int | None]], size: int,
                                         with_rep: bool) -> None:
    ev = world.platform.evaluation
    for e in experts:
        n = next(_IDS)
        related = [] if e["shares_person"] is None else [
            {"name": "亲属", "identity_number": make_identity_number(world.seeds[e["shares_person"]])}]
        ev.add_expert(A["admin"], {
            "id": f"px-{world.seeds[0]}-{n}", "name": f"性质专家{n}",
            "identity_number": f"4401011970{n:08d}", "specialties": ["materials"],
            "employer_id": None if e["employer"] is None else world.suppliers[e["employer"]],
            "relatives_at": [] if e["relative"] is None else [world.suppliers[e["relative"]]],
            "related_persons": related})
    pub = build_tender(world.platform, world.clock, "opened", pool=0, suppliers=world.suppliers, prices=PRICES, lots=ONE_LOT, evaluation=LOWEST).pub
    tid = pub.tender.id
    reps = [{"person_id": "t-chen", "name": "陈技术"}] if with_rep else []
    try:
        view = ev.draw_committee(A["purchasing"], tid, size=size, representatives=reps)
    except ZhaocaiError as exc:
        assert exc.code == "committee.too_few_experts"
        assert world.platform.tenders.get(A["purchasing"], tid).state.value == "opened"
        return
    ids = [m.member_id for m in view.members]
    assert len(ids) == size == len(set(ids)) and size % 2 == 1
    experts_seated = [i for i in ids if i != "t-chen"]
    assert 3 * len(experts_seated) >= 2 * size
    with world.platform.internal.session() as session:
        rows = {r.id: r for r in session.exec(select(ExpertRow)).all()}
        person_hashes = set(session.exec(select(LinkRow.value).where(
            col(LinkRow.kind) == "person", col(LinkRow.supplier_id).in_(world.suppliers))).all())
    bidders = set(world.suppliers)
    for member in experts_seated:
        row = rows[str(member)]
        assert row.employer_id not in bidders
        assert not set(row.relatives_at) & bidders
        assert not set(row.person_hashes) & person_hashes
    for recusal in view.recusals:
        row = rows[str(recusal.expert_id)]
        assert recusal.expert_id not in ids
        assert (row.employer_id in bidders or set(row.relatives_at) & bidders
                or set(row.person_hashes) & person_hashes)
    check = ev.rerun_draw(tid)
    assert check.matches, check
    world.clock.advance(timedelta(minutes=1))
