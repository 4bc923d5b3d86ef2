"""The period close computes scorecards in SQL; this property pins it to the pure rules.

Random register settings (weights, deductions, grade bands, some bands exactly on a supplier's
total), random suppliers in random standings and random performance events of every kind, at and
around the period edges. Two periods close through the real service; every stored scorecard must
equal what `criterion_scores`, `total_centi` and `grade_for` give in Python for the same events,
and every standing change must be what `grade_consequence` and the standing machine decide.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.kit import ACTORS, fresh_store, register_admitted_supplier, register_cast
from zhaocai.clock import SHANGHAI, ManualClock
from zhaocai.machines import allows as allowed
from zhaocai.machines import next_state
from zhaocai.platform import Platform
from zhaocai.suppliers.machines import StandingMachine
from zhaocai.suppliers.rules import (
    CENTI,
    MAX_SCORE,
    MIN_SCORE,
    EventKind,
    PeriodKind,
    ScorecardCriterion,
    SupplierSettings,
    criterion_scores,
    grade_consequence,
    grade_for,
    period_bounds,
    total_centi,
)

# (previous, current) period of each kind; both close, the current one after the previous.
PERIODS = {PeriodKind.MONTH: ("2026-02", "2026-03"), PeriodKind.QUARTER: ("2025-Q4", "2026-Q1")}
STANDINGS = ("active", "warned", "suspended")
Event = tuple[int, int, EventKind, int]  # supplier index, slot, kind, severity


@dataclass(frozen=True)
class Expected:
    """A scorecard as the pure rules compute it."""

    scores: dict[str, int]
    total: Decimal
    grade: str
    events: int


def slots(kind: PeriodKind) -> list[datetime]:
    """Instants at and around the edges of both periods (each edge starts the next period)."""
    previous, current = PERIODS[kind]
    start, middle = period_bounds(kind, previous)
    _, end = period_bounds(kind, current)
    tick, hour = timedelta(microseconds=1), timedelta(hours=1)
    return [start - hour, start - tick, start, start + hour, middle - tick, middle,
            middle + hour, end - tick, end, end + hour]


def weights() -> st.SearchStrategy[dict[ScorecardCriterion, int]]:
    """Non-negative weights over every criterion summing to 100."""
    cuts = st.lists(st.integers(0, 100), min_size=len(ScorecardCriterion) - 1,
                    max_size=len(ScorecardCriterion) - 1).map(sorted)
    return cuts.map(lambda c: {crit: hi - lo for crit, lo, hi
                               in zip(ScorecardCriterion, [0, *c], [*c, 100], strict=True)})


def expected_cards(events: list[Event], times: list[datetime], kind: PeriodKind, label: str,
                   settings: SupplierSettings) -> dict[int, Expected]:
    """The pure rules' scorecard of every supplier with events in the period."""
    start, end = period_bounds(kind, label)
    mine: dict[int, list[tuple[EventKind, int]]] = {}
    for who, slot, event_kind, severity in events:
        if start <= times[slot] < end:
            mine.setdefault(who, []).append((event_kind, severity))
    cards = {}
    for who, its in mine.items():
        scores = criterion_scores(its, settings)
        total = Decimal(total_centi(scores, settings.weights)).scaleb(-2)
        cards[who] = Expected({c.value: s for c, s in scores.items()}, total,
                              grade_for(total, settings), len(its))
    return cards


@st.composite
def scenarios(draw: st.DrawFn) -> tuple[PeriodKind, list[str], list[Event], SupplierSettings]:
    """Settings, standings and events; grade bands drawn partly from the totals reached."""
    kind = draw(st.sampled_from(PeriodKind))
    standings = draw(st.lists(st.sampled_from(STANDINGS), min_size=1, max_size=3))
    events = draw(st.lists(st.tuples(st.integers(0, len(standings) - 1),
                                     st.integers(0, len(slots(kind)) - 1),
                                     st.sampled_from(EventKind), st.integers(1, 5)),
                           max_size=10))
    deductions = draw(st.fixed_dictionaries({k: st.sampled_from([0, 1, 5, 25, 34, 50, 100, 101])
                                             | st.integers(0, 120) for k in EventKind}))
    base = SupplierSettings(weights=draw(weights()), deductions=deductions)
    totals = [{who: card.total for who, card in expected_cards(
        events, slots(kind), kind, label, base).items()} for label in PERIODS[kind]]
    reached = sorted({int(t) for cards in totals for t in cards.values() if t == int(t)})
    band = (st.sampled_from(reached) | st.integers(0, 100)) if reached else st.integers(0, 100)
    grade_c, grade_b, grade_a = sorted(draw(st.lists(band, min_size=3, max_size=3)))
    twice = sorted((min(cards[w] for cards in totals), max(cards[w] for cards in totals))
                   for w in set(totals[0]) & set(totals[1]))
    if twice and twice[0][1] < 100 and draw(st.booleans()):  # one supplier graded C twice
        low, high = twice[0]
        grade_c = draw(st.integers(0, int(low)))
        grade_b = draw(st.integers(int(high) + 1, 100))
        grade_a = draw(st.integers(grade_b, 100))
    settings = base.model_copy(update={"grade_a": grade_a, "grade_b": grade_b,
                                       "grade_c": grade_c})
    return kind, standings, events, SupplierSettings.model_validate(settings.model_dump())


def _close_and_check(platform: Platform, ids: list[str], standing: list[str], kind: PeriodKind,
                     events: list[Event], times: list[datetime], settings: SupplierSettings) -> None:
    s = platform.suppliers
    previous: dict[int, str] = {}
    for label in PERIODS[kind]:
        cards = expected_cards(events, times, kind, label, settings)
        result = s.close_period(ACTORS["purchasing"], kind, label)
        stored = {c.supplier_id: c for c in s.scorecards(ACTORS["purchasing"], period=f"{kind.value}:{label}")}
        assert set(stored) == {ids[i] for i in cards}, label
        for i, want in cards.items():
            got = stored[ids[i]]
            assert (got.scores, got.total, got.grade, got.events) == (
                want.scores, want.total, want.grade, want.events), (label, i, want, got)
        moved: dict[str, list[str]] = {"suspend": [], "warn": []}
        for i in sorted(range(len(ids)), key=lambda n: ids[n]):
            event = grade_consequence(cards[i].grade, previous.get(i)) if i in cards else None
            if event is not None and allowed(StandingMachine, standing[i], event):
                standing[i] = next_state(StandingMachine, standing[i], event, subject_id=ids[i])
                moved[event].append(ids[i])
        assert (result.suspended, result.warned, result.held) == (
            moved["suspend"], moved["warn"], []), label
        assert [s.get(ACTORS["purchasing"], sid).standing for sid in ids] == standing, label
        previous = {i: card.grade for i, card in cards.items()}


@given(scenarios())
def test_period_close_equals_the_pure_rules(backend: str, scenario: tuple[
        PeriodKind, list[str], list[Event], SupplierSettings]) -> None:
    kind, standing, events, settings = scenario
    clock = ManualClock(datetime(2026, 3, 2, 9, tzinfo=SHANGHAI))
    with fresh_store(backend) as url, Platform.open(url, clock, supplier_settings=settings) as platform:
        register_cast(platform)
        s = platform.suppliers
        ids = [register_admitted_supplier(platform, ACTORS, name=f"供应商{n}")
               for n in range(len(standing))]
        for sid, want in zip(ids, standing, strict=True):
            if want != "active":
                getattr(s, {"warned": "warn", "suspended": "suspend"}[want])(
                    ACTORS["purchasing"], sid, "考核前状态")
        times = slots(kind)
        clock.set(times[-1] + timedelta(days=1))
        for who, slot, event_kind, severity in events:
            s.record_performance(ACTORS["quality"], {
                "supplier_id": ids[who], "contract_id": f"C-{slot}", "kind": event_kind,
                "severity": severity, "occurred_at": times[slot]})
        _close_and_check(platform, ids, list(standing), kind, events, times, settings)


def test_scores_stay_within_their_range_and_deductions_are_not_negative() -> None:
    assert [criterion_scores([(EventKind.LATE_DELIVERY, n)], SupplierSettings())[
        ScorecardCriterion.DELIVERY] for n in (0, 1, 20, 21)] == [MAX_SCORE, 95, MIN_SCORE, MIN_SCORE]
    assert total_centi(dict.fromkeys(ScorecardCriterion, MAX_SCORE), SupplierSettings().weights) == \
        MAX_SCORE * CENTI
    with pytest.raises(ValueError, match="none negative"):
        SupplierSettings(deductions={**SupplierSettings().deductions,
                                     EventKind.ON_TIME_DELIVERY: -5})
