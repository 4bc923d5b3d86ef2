"""HolidayService (`platform.holidays`): propose, adopt and reject a year's official schedule."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING, Any

from sqlmodel import col, select

from zhaocai.acting import acting
from zhaocai.actors import Actor, Role
from zhaocai.errors import NotFoundError, ValidationError, parse
from zhaocai.holidays.machine import ScheduleMachine, ScheduleState
from zhaocai.holidays.rules import YearSchedule, check_schedule, require_no_adopted
from zhaocai.holidays.tables import HolidayScheduleRow
from zhaocai.holidays.views import ScheduleView, schedule_view
from zhaocai.machines import fire
from zhaocai.store import UnitOfWork
from zhaocai.workdays import BUNDLED_YEARS

if TYPE_CHECKING:
    from zhaocai.runner import CommandRunner

SUBJECT = "holiday_schedule"


def _adopted(uow: UnitOfWork, year: int) -> bool:
    return uow.session.exec(select(HolidayScheduleRow.id).where(
        col(HolidayScheduleRow.year) == year,
        col(HolidayScheduleRow.state) == ScheduleState.ADOPTED.value)).first() is not None


def _load(uow: UnitOfWork, schedule_id: str) -> HolidayScheduleRow:
    row = uow.session.get(HolidayScheduleRow, schedule_id)
    if row is None:
        raise NotFoundError("calendar.schedule_not_found", f"No holiday schedule {schedule_id!r}",
                            f"节假日安排 {schedule_id!r} 不存在", {"schedule_id": schedule_id})
    return row


class HolidayService:
    """Official holiday schedules beyond the bundled calendar (four eyes for each year)."""

    def __init__(self, runner: CommandRunner) -> None:
        self._runner = runner

    def schedules(self) -> list[ScheduleView]:
        """Every proposal with its decision, by year and then time proposed."""
        with self._runner.session() as session:
            rows = session.exec(select(HolidayScheduleRow).order_by(
                col(HolidayScheduleRow.year), col(HolidayScheduleRow.proposed_at))).all()
        return [schedule_view(r) for r in rows]

    @acting
    def propose(self, actor: Actor, schedule: YearSchedule | dict[str, Any]) -> ScheduleView:
        """An administrator enters a year's schedule as the State Council published it."""
        proposed = schedule if isinstance(schedule, YearSchedule) else parse(YearSchedule, schedule)
        check_schedule(proposed, BUNDLED_YEARS)

        def handler(uow: UnitOfWork) -> ScheduleView:
            require_no_adopted(proposed.year, _adopted(uow, proposed.year))
            row = HolidayScheduleRow(
                id=f"hol-{uuid.uuid4().hex[:12]}", year=proposed.year, state=ScheduleState.PROPOSED.value,
                holidays=sorted(d.isoformat() for d in proposed.holidays),
                workdays=sorted(d.isoformat() for d in proposed.workdays), source=proposed.source,
                proposed_by=uow.actor.id, proposed_at=uow.now)
            uow.session.add(row)
            uow.record("calendar.propose", SUBJECT, row.id,
                       {"year": row.year, "holidays": row.holidays, "workdays": row.workdays,
                        "source": row.source}, event="HolidayScheduleProposed")
            return schedule_view(row)

        return self._runner.run(actor, "calendar.propose", handler, roles=[Role.ADMINISTRATOR])

    @acting
    def adopt(self, actor: Actor, schedule_id: str) -> ScheduleView:
        """A supervisor other than the proposer adopts the schedule: from now on it counts."""
        def handler(uow: UnitOfWork) -> ScheduleView:
            row = _load(uow, schedule_id)
            if row.state == ScheduleState.PROPOSED:
                require_no_adopted(row.year, _adopted(uow, row.year))
            return self._decide(uow, row, "adopt", None)

        return self._runner.run(actor, "calendar.adopt", handler, roles=[Role.SUPERVISOR])

    @acting
    def reject(self, actor: Actor, schedule_id: str, *, reason: str) -> ScheduleView:
        """A supervisor other than the proposer turns the schedule down, with a reason."""
        if not reason.strip():
            raise ValidationError("calendar.reason_required", "A rejection needs a reason", "驳回须说明理由")

        def handler(uow: UnitOfWork) -> ScheduleView:
            return self._decide(uow, _load(uow, schedule_id), "reject", reason.strip())

        return self._runner.run(actor, "calendar.reject", handler, roles=[Role.SUPERVISOR])

    @staticmethod
    def _decide(uow: UnitOfWork, row: HolidayScheduleRow, event: str, reason: str | None) -> ScheduleView:
        fire(ScheduleMachine, row, event, subject_id=row.id, decider=uow.actor)
        row.decided_by, row.decided_at, row.reason = uow.actor.id, uow.now, reason
        uow.session.add(row)
        uow.record(f"calendar.{event}", SUBJECT, row.id,
                   {"year": row.year, "proposed_by": row.proposed_by, "reason": reason},
                   event="HolidayScheduleAdopted" if event == "adopt" else "HolidayScheduleRejected")
        return schedule_view(row)
