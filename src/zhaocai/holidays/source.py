"""Adopted schedules read from the store, for the platform's `WorkingCalendar`."""

from __future__ import annotations

from sqlalchemy import Engine
from sqlmodel import Session, col, select

from zhaocai.holidays.machine import ScheduleState
from zhaocai.holidays.rules import YearSchedule
from zhaocai.holidays.tables import HolidayScheduleRow
from zhaocai.holidays.views import year_schedule


class StoredSchedules:
    """Looks a year up in the store; an adopted schedule never changes, so it is kept once found
    (a year still missing is asked again, since another process may adopt it at any time)."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        self._found: dict[int, YearSchedule] = {}

    def __call__(self, year: int) -> YearSchedule | None:
        if year in self._found:
            return self._found[year]
        with Session(self._engine) as session:
            row = session.exec(select(HolidayScheduleRow).where(
                col(HolidayScheduleRow.year) == year,
                col(HolidayScheduleRow.state) == ScheduleState.ADOPTED.value)).first()
        if row is None:
            return None
        self._found[year] = year_schedule(row)
        return self._found[year]
