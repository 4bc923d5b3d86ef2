"""What a reader of the holiday schedules sees, and the rows read back as schedules."""

from __future__ import annotations

from datetime import date, datetime

from pydantic import BaseModel, ConfigDict

from zhaocai.holidays.rules import YearSchedule
from zhaocai.holidays.tables import HolidayScheduleRow


class ScheduleView(BaseModel):
    """A proposed, adopted or rejected schedule."""

    model_config = ConfigDict(frozen=True)

    id: str
    year: int
    state: str
    holidays: list[date]
    workdays: list[date]
    source: str
    proposed_by: str
    proposed_at: datetime
    decided_by: str | None
    decided_at: datetime | None
    reason: str | None


def schedule_view(row: HolidayScheduleRow) -> ScheduleView:
    """The row as a view."""
    return ScheduleView(id=row.id, year=row.year, state=row.state,
                        holidays=[date.fromisoformat(d) for d in row.holidays],
                        workdays=[date.fromisoformat(d) for d in row.workdays], source=row.source,
                        proposed_by=row.proposed_by, proposed_at=row.proposed_at,
                        decided_by=row.decided_by, decided_at=row.decided_at, reason=row.reason)


def year_schedule(row: HolidayScheduleRow) -> YearSchedule:
    """An adopted row as the schedule the calendar counts by."""
    return YearSchedule(year=row.year, holidays=frozenset(date.fromisoformat(d) for d in row.holidays),
                        workdays=frozenset(date.fromisoformat(d) for d in row.workdays), source=row.source)
