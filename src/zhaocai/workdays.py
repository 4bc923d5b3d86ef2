"""Working-day arithmetic with Chinese public holidays and adjusted working days (调休).

`chinese-calendar` knows only the years it was released for. A later year counts by the
schedule an administrator entered and a supervisor adopted (`zhaocai.holidays`); a year with
neither is refused (`calendar.year_unknown`), never counted Monday–Friday silently, since that
would run a publicity period straight through the Spring Festival. An organisation can add its
own holidays and adjusted working days, which always win.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date, timedelta
from typing import TYPE_CHECKING

import chinese_calendar

from zhaocai.errors import RuleViolation

if TYPE_CHECKING:
    from zhaocai.holidays.rules import YearSchedule

_KNOWN_YEARS = {d.year for d in chinese_calendar.holidays} | {
    d.year for d in chinese_calendar.workdays
}
FIRST_KNOWN_YEAR = min(_KNOWN_YEARS)
LAST_KNOWN_YEAR = max(_KNOWN_YEARS)
BUNDLED_YEARS = frozenset(range(FIRST_KNOWN_YEAR, LAST_KNOWN_YEAR + 1))

ScheduleSource = Callable[[int], "YearSchedule | None"]


def _none(_: int) -> YearSchedule | None:
    return None


def year_unknown(year: int) -> RuleViolation:
    """The refusal for a period that needs a year no schedule covers."""
    return RuleViolation(
        "calendar.year_unknown",
        f"The official holidays of {year} are not known: an administrator enters the State "
        f"Council's schedule (platform.holidays.propose) and a supervisor adopts it",
        f"{year} 年的法定节假日安排尚未录入：请由管理员录入国务院办公厅公布的安排"
        f"（platform.holidays.propose），经纪检监督人员批准后生效",
        {"year": year, "bundled_through": LAST_KNOWN_YEAR})


class WorkingCalendar:
    """Which days are working days, per the State Council's schedule plus local overrides."""

    def __init__(
        self,
        extra_holidays: Iterable[date] = (),
        extra_workdays: Iterable[date] = (),
        schedules: ScheduleSource = _none,
    ) -> None:
        self.extra_holidays = frozenset(extra_holidays)
        self.extra_workdays = frozenset(extra_workdays)
        self.schedules = schedules

    def knows(self, day: date) -> bool:
        """True when the official holiday schedule for `day`'s year is bundled or adopted."""
        return day.year in BUNDLED_YEARS or self.schedules(day.year) is not None

    def is_workday(self, day: date) -> bool:
        """Whether `day` is a working day; a year no schedule covers is refused
        (`calendar.year_unknown`)."""
        if day in self.extra_holidays:
            return False
        if day in self.extra_workdays:
            return True
        if day.year in BUNDLED_YEARS:
            return bool(chinese_calendar.is_workday(day))
        schedule = self.schedules(day.year)
        if schedule is None:
            raise year_unknown(day.year)
        return schedule.is_workday(day)

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
