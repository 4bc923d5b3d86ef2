"""Performance review (履约评价): events against contracts, period scorecards, consequences.

Closing a period is computed in the database: one INSERT ... SELECT ... GROUP BY writes every
scorecard; one query each finds the suppliers a D grade suspends and two consecutive C grades
warn. Every SQL expression is generated from the pure rules (suppliers/rules.py) and the target
standings come from the standing machine, so the rules have one source. Only those changes
(and the period itself) are written one by one, each with its audit link.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from sqlalchemy import ColumnElement, and_, case, false, func, insert, literal, or_, select, update
from sqlalchemy.orm import aliased
from sqlmodel import col

from zhaocai.acting import acting
from zhaocai.actors import Actor, Role
from zhaocai.errors import parse
from zhaocai.machines import allows, next_state, sources
from zhaocai.store import UnitOfWork
from zhaocai.suppliers.common import SUBJECT, ServiceBase, load_supplier, own_or_any
from zhaocai.suppliers.live_guard import hold_change
from zhaocai.suppliers.machines import StandingMachine, standing_of
from zhaocai.suppliers.models import (
    PerformanceEventInput,
    PerformanceEventView,
    PeriodClosed,
    Scorecard,
)
from zhaocai.suppliers.performance_rules import (
    period_of,
    require_open_period,
    require_past,
    require_period_over,
    require_unclosed,
)
from zhaocai.suppliers.requests import BLACKLIST, pending_request
from zhaocai.suppliers.rules import (
    CENTI,
    CRITERION_OF,
    GRADES,
    LOWEST_GRADE,
    MAX_SCORE,
    MIN_SCORE,
    REPEATED_GRADE,
    SERIOUS_VIOLATIONS,
    SUSPEND,
    WARN,
    PeriodKind,
    ScorecardCriterion,
    SupplierSettings,
    deduction,
    grade_bands,
    grade_consequence,
    previous_period,
    total_centi,
)
from zhaocai.suppliers.standing import open_blacklist_proposal
from zhaocai.suppliers.tables import (
    PerformanceEventRow,
    PeriodRow,
    ScorecardRow,
    StandingChangeRow,
    SupplierRow,
)

_EVENTS = PerformanceEventRow.__table__  # type: ignore[attr-defined]
_CARDS = ScorecardRow.__table__  # type: ignore[attr-defined]
_SUPPLIERS = SupplierRow.__table__  # type: ignore[attr-defined]
_CHANGES = StandingChangeRow.__table__  # type: ignore[attr-defined]


def period_id(kind: PeriodKind, label: str) -> str:
    """The id of a period, e.g. `month:2026-03`."""
    return f"{kind.value}:{label}"


def scorecard_select(pid: str, settings: SupplierSettings, start: Any, end: Any) -> Any:
    """SELECT producing one scorecard row per supplier with events in [start, end).

    Every expression is generated from the pure rules: the deductions from `deduction`'s table,
    the clamp from MIN_SCORE/MAX_SCORE, the total by `total_centi` itself, the grade CASE from
    `grade_bands`.
    """
    ev = _EVENTS.c
    penalties = []
    for criterion in ScorecardCriterion:
        points = {k.value: deduction(k, 1, settings) for k, c in CRITERION_OF.items()
                  if c is criterion}
        penalties.append(func.sum(case(points, value=ev.kind, else_=0) * ev.severity)
                         .label(f"p_{criterion.value}"))
    grouped = (select(ev.supplier_id, func.count().label("events"), *penalties)
               .where(ev.occurred_at >= start, ev.occurred_at < end)
               .group_by(ev.supplier_id).subquery("g"))
    raw = {c: MAX_SCORE - grouped.c[f"p_{c.value}"] for c in ScorecardCriterion}
    scores: dict[ScorecardCriterion, ColumnElement[Any]] = {
        c: case((raw[c] < MIN_SCORE, MIN_SCORE), (raw[c] > MAX_SCORE, MAX_SCORE), else_=raw[c])
        for c in ScorecardCriterion}
    scored = select(grouped.c.supplier_id, grouped.c.events,
                    *(scores[c].label(c.value) for c in ScorecardCriterion)).subquery("s")
    total = total_centi({c: scored.c[c.value] for c in ScorecardCriterion}, settings.weights)
    grade = case(*((total >= floor * CENTI, g) for g, floor in grade_bands(settings)),
                 else_=LOWEST_GRADE)
    return select(literal(pid), scored.c.supplier_id,
                  *(scored.c[c.value] for c in ScorecardCriterion), total, grade, scored.c.events)


def consequence_where(event: str, grade: Any, previous: Any) -> ColumnElement[bool]:
    """The SQL condition on (grade, previous grade) under which `grade_consequence` gives
    `event`, found by asking the pure rule about every pair (previous NULL: unscored)."""
    terms: list[ColumnElement[bool]] = []
    for g in GRADES:
        before = [p for p in (*GRADES, None) if grade_consequence(g, p) == event]
        if len(before) == len(GRADES) + 1:
            terms.append(grade == g)
        elif before:
            terms.append(and_(grade == g, or_(*(previous.is_(None) if p is None else previous == p
                                                for p in before))))
    return or_(*terms) if terms else false()


def closed_period_at(session: Any, at: Any) -> str | None:
    """The id of the closed period `at` falls in, if any."""
    return session.execute(select(PeriodRow.id).where(  # type: ignore[call-overload]
        col(PeriodRow.starts_at) <= at, col(PeriodRow.ends_at) > at)).scalars().first()


def scorecard_of(row: ScorecardRow) -> Scorecard:
    """The public view of a scorecard row."""
    return Scorecard(period_id=row.period_id, supplier_id=row.supplier_id,
                     scores={c.value: getattr(row, c.value) for c in ScorecardCriterion},
                     total=Decimal(row.total_centi).scaleb(-2), grade=row.grade,
                     events=row.events)


class PerformanceCommands(ServiceBase):
    """Performance events, period closing and scorecards."""

    @acting
    def record_performance(self, actor: Actor, event: PerformanceEventInput | Mapping[str, Any],
                           *, idempotency_key: str | None = None) -> PerformanceEventView:
        """Record a performance event against a contract (the bidding part feeds contracts here).

        A serious violation (bribery, collusion, falsified documents) opens a blacklisting
        proposal at once; it takes effect only with its two approvals.
        """
        data = parse(PerformanceEventInput, event)

        def handler(uow: UnitOfWork) -> PerformanceEventView:
            require_past(data.occurred_at, uow.now)
            row = load_supplier(uow.session, data.supplier_id)
            require_open_period(closed_period_at(uow.session, data.occurred_at))
            ev = PerformanceEventRow(
                supplier_id=data.supplier_id, contract_id=data.contract_id, kind=data.kind.value,
                severity=data.severity, occurred_at=data.occurred_at, recorded_by=actor.id,
                note=data.note, external_ref=data.external_ref)
            uow.session.add(ev)
            uow.session.flush()
            assert ev.id is not None
            uow.record("supplier.performance.record", SUBJECT, data.supplier_id,
                       {"event_id": ev.id, **data.model_dump(mode="json")},
                       event="PerformanceEventRecorded")
            request_id = self._propose_for_violation(uow, row, ev) \
                if data.kind in SERIOUS_VIOLATIONS else None
            return PerformanceEventView(
                id=ev.id, supplier_id=ev.supplier_id, contract_id=ev.contract_id, kind=data.kind,
                severity=ev.severity, occurred_at=ev.occurred_at, blacklist_request_id=request_id,
                external_ref=ev.external_ref)

        return self.platform.run(actor, "supplier.performance.record", handler,
                                 roles=[Role.PURCHASING, Role.QUALITY, Role.TECHNICAL,
                                        Role.ADMINISTRATOR], idempotency_key=idempotency_key,
                                 request=data.model_dump(mode="json"))

    def _propose_for_violation(self, uow: UnitOfWork, row: SupplierRow,
                               ev: PerformanceEventRow) -> str | None:
        """A serious violation opens a blacklisting proposal, when the standing machine allows
        one (admitted, not blacklisted already, no proposal pending); its id."""
        facts = {"pending": pending_request(uow.session, row.id, BLACKLIST), "kind": BLACKLIST,
                 "supplier_id": row.id}
        if not allows(StandingMachine, standing_of(row), "propose_blacklist", **facts):
            return None
        return open_blacklist_proposal(
            uow, row, f"serious violation: {ev.kind}",
            [{"performance_event": ev.id, "contract_id": ev.contract_id, "kind": ev.kind,
              "note": ev.note}], self.settings.default_ban_days, [], "performance").id

    @acting
    def close_period(self, actor: Actor, kind: PeriodKind | str, label: str) -> PeriodClosed:
        """Close a month (`2026-03`) or quarter (`2026-Q1`): scorecards and their consequences.

        Suppliers without events get no scorecard. A D grade suspends; a C after a C in the
        previous period of the same kind warns.
        """
        kind = PeriodKind(kind)
        start, end = period_of(kind, label)
        pid = period_id(kind, label)

        def handler(uow: UnitOfWork) -> PeriodClosed:
            require_period_over(pid, end, uow.now)
            require_unclosed(pid, uow.session.get(PeriodRow, pid))
            grades = self._score(uow, pid, start, end)
            scored = sum(grades.values())
            uow.session.add(PeriodRow(id=pid, kind=kind.value, label=label, starts_at=start,
                                      ends_at=end, closed_at=uow.now, closed_by=actor.id,
                                      scored=scored))
            uow.record("supplier.period.close", "performance_period", pid, {
                "kind": kind.value, "label": label, "starts_at": start, "ends_at": end,
                "scored": scored, "grades": grades,
                "settings": self.settings.model_dump(mode="json")}, event="PerformancePeriodClosed")
            held: list[str] = []
            moved = self._consequences(uow, kind, label, held)
            return PeriodClosed(period_id=pid, kind=kind, label=label, scored=scored,
                                grades=grades, suspended=moved[SUSPEND], warned=moved[WARN],
                                held=held)

        return self.platform.run(actor, "supplier.period.close", handler,
                                 roles=[Role.PURCHASING, Role.QUALITY, Role.ADMINISTRATOR])

    def _score(self, uow: UnitOfWork, pid: str, start: Any, end: Any) -> dict[str, int]:
        """Write every scorecard of the period in one INSERT ... SELECT; the count per grade."""
        columns = ["period_id", "supplier_id", *(c.value for c in ScorecardCriterion),
                   "total_centi", "grade", "events"]
        uow.session.execute(insert(_CARDS).from_select(
            columns, scorecard_select(pid, self.settings, start, end)))
        return {g: int(n) for g, n in uow.session.execute(
            select(_CARDS.c.grade, func.count()).where(_CARDS.c.period_id == pid)
            .group_by(_CARDS.c.grade))}

    def _consequences(self, uow: UnitOfWork, kind: PeriodKind, label: str,
                      held: list[str]) -> dict[str, list[str]]:
        """Each standing event the grades lead to → the suppliers it moved (set-based); the
        suppliers with a live bid are held for a supervisor instead (their requests into `held`)."""
        pid, before = period_id(kind, label), previous_period(kind, label)
        reasons = {SUSPEND: f"grade {LOWEST_GRADE} in {pid}",
                   WARN: f"two consecutive {REPEATED_GRADE} grades ({before}, {label})"}
        cards, prev = _CARDS.c, aliased(ScorecardRow)
        chosen = {event: select(cards.supplier_id).outerjoin(
            prev, and_(col(prev.supplier_id) == cards.supplier_id,
                       col(prev.period_id) == period_id(kind, before)))
            .where(cards.period_id == pid, consequence_where(event, cards.grade, col(prev.grade)))
            for event in reasons}
        return {event: self._apply_grade(uow, event, chosen[event], reasons[event], held)
                for event in reasons}

    def _apply_grade(self, uow: UnitOfWork, event: str, chosen: Any, reason: str,
                     held: list[str]) -> list[str]:
        """Move every chosen supplier the standing machine lets take `event` (set-based, the
        moves derived from the machine), auditing each; a supplier with a live bid is held for
        a supervisor instead (its request id into `held`)."""
        targets = {s: next_state(StandingMachine, s, event, subject_id="*")
                   for s in sources(StandingMachine, event)}
        session = uow.session
        found = session.execute(
            select(_SUPPLIERS.c.id, _SUPPLIERS.c.standing)
            .where(_SUPPLIERS.c.id.in_(chosen), _SUPPLIERS.c.standing.in_(targets))
            .order_by(_SUPPLIERS.c.id)).all()
        live = self.live_tenders(session, [r[0] for r in found]) if found else {}
        rows = [(supplier_id, before) for supplier_id, before in found if supplier_id not in live]
        for supplier_id, before in found:
            if supplier_id in live and pending_request(session, supplier_id, event) is None:
                held.append(hold_change(uow, supplier_id, before, event, reason,
                                        live[supplier_id]).id)
        if rows:
            self._move_all(uow, event, rows, targets, reason)
        return [r[0] for r in rows]

    @staticmethod
    def _move_all(uow: UnitOfWork, event: str, rows: list[tuple[str, str]],
                  targets: dict[str, str], reason: str) -> None:
        """One UPDATE per target standing, one audit event and one history row per supplier."""
        for target in sorted(set(targets.values())):
            uow.session.execute(update(_SUPPLIERS).where(_SUPPLIERS.c.id.in_(
                [sid for sid, before in rows if targets[before] == target]))
                .values(standing=target))
        history = []
        for supplier_id, before in rows:
            rec = uow.record(f"supplier.standing.{event}", SUBJECT, supplier_id,
                             {"from": before, "to": targets[before], "event": event,
                              "reason": reason}, event="SupplierStandingChanged")
            history.append({"supplier_id": supplier_id, "from_standing": before,
                            "to_standing": targets[before], "reason": reason,
                            "actor_id": uow.actor.id, "at": uow.now, "audit_seq": rec.seq})
        uow.session.execute(insert(_CHANGES), history)

    @acting
    def scorecards(self, actor: Actor, *, period: str | None = None,
                   supplier_id: str | None = None) -> list[Scorecard]:
        """Scorecards of a period (`month:2026-03`) and/or of a supplier: the buyer's staff read
        all, a supplier's user its own supplier's only (`permission.supplier_read`)."""
        supplier_id = own_or_any(actor, supplier_id, "supplier.scorecards")
        with self.platform.session() as session:
            query = select(ScorecardRow)
            if period is not None:
                query = query.where(col(ScorecardRow.period_id) == period)
            if supplier_id is not None:
                query = query.where(col(ScorecardRow.supplier_id) == supplier_id)
            rows = session.execute(query.order_by(
                col(ScorecardRow.period_id), col(ScorecardRow.supplier_id))).scalars().all()
            return [scorecard_of(r) for r in rows]
