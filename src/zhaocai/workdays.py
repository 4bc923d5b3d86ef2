"""Working-day arithmetic with Chinese public holidays and adjusted working days (调休).

`chinese-calendar` knows only the years it was released for. Beyond them the calendar falls back
to Monday–Friday and says so (`WorkingCalendar.knows`); an organisation can add its own holidays
and adjusted working days, which always win.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta

import chinese_calendar

_KNOWN_YEARS = {d.year for d in chinese_calendar.holidays} | {
    d.year for d in chinese_calendar.workdays
}
FIRST_KNOWN_YEAR = min(_KNOWN_YEARS)
LAST_KNOWN_YEAR = max(_KNOWN_YEARS)


class WorkingCalendar:
    """Which days are working days, per the State Council's schedule plus local overrides."""

    def __init__(
        self,
        extra_holidays: Iterable[date] = (),
        extra_workdays: Iterable[date] = (),
    ) -> None:
        self.extra_holidays = frozenset(extra_holidays)
        self.extra_workdays = frozenset(extra_workdays)

    def knows(self, day: date) -> bool:
        """True when the official holiday schedule for `day`'s year is known."""
        return FIRST_KNOWN_YEAR <= day.year <= LAST_KNOWN_YEAR

    def is_workday(self, day: date) -> bool:
        """Whether `day` is a working day; unknown years fall back to Monday–Friday."""
        if day in self.extra_holidays:
            return False
        if day in self.extra_workdays:
            return True
        if self.knows(day):
            return bool(chinese_calendar.is_workday(day))
        return day.weekday() < 5

    def add_workdays(self, start: date, days: int) -> date:
        """The date `days` working days after `start` (start itself not counted)."""
        current = start
        remaining = days
        step = timedelta(days=1 if days >= 0 else -1)
        while remaining != 0:
            current += step
            if self.is_workday(current):
                remaining -= 1 if days > 0 else -1
        return current

    def workdays_between(self, start: date, end: date) -> int:
        """Working days after `start` up to and including `end`."""
        count = 0
        current = start
        while current < end:
            current += timedelta(days=1)
            if self.is_workday(current):
                count += 1
        return count

    def fallback_years(self, start: date, end: date) -> list[int]:
        """Years in [start, end] for which Monday–Friday was assumed: say so to the user."""
        return [y for y in range(start.year, end.year + 1) if not self.knows(date(y, 1, 1))]
