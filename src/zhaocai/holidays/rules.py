"""Pure rules of a year's holiday schedule: what a schedule must look like to be adopted."""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, ConfigDict, Field, field_validator

from zhaocai.errors import RuleViolation, ValidationError


class YearSchedule(BaseModel):
    """One year's official schedule: its public holidays, its adjusted working days (调休, always
    a Saturday or Sunday made a working day) and the notice it comes from."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    year: int = Field(ge=2000, le=2200)
    holidays: frozenset[date] = Field(min_length=1, max_length=60)
    workdays: frozenset[date] = Field(default_factory=frozenset, max_length=30)
    source: str = Field(min_length=4, max_length=500,
                        description="the notice, e.g. 国务院办公厅关于2027年部分节假日安排的通知")

    @field_validator("source")
    @classmethod
    def _not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("the source must name the notice")
        return value.strip()

    def is_workday(self, day: date) -> bool:
        """Whether `day` (of this year) is a working day under this schedule."""
        if day in self.workdays:
            return True
        return day.weekday() < 5 and day not in self.holidays


def check_schedule(schedule: YearSchedule, bundled_years: frozenset[int]) -> None:
    """Refuse a schedule the bundled calendar already covers, with days outside its year, a day
    both holiday and working day, or an adjusted working day that is not a weekend day."""
    if schedule.year in bundled_years:
        raise RuleViolation("calendar.year_bundled",
                            f"The official schedule of {schedule.year} is already bundled",
                            f"{schedule.year} 年的节假日安排已内置，无需另行录入",
                            {"year": schedule.year})
    outside = sorted(d.isoformat() for d in schedule.holidays | schedule.workdays if d.year != schedule.year)
    if outside:
        raise ValidationError("calendar.outside_year", f"Days outside {schedule.year}: {outside}",
                              f"以下日期不属于 {schedule.year} 年：{'、'.join(outside)}",
                              {"year": schedule.year, "days": outside})
    both = sorted(d.isoformat() for d in schedule.holidays & schedule.workdays)
    if both:
        raise ValidationError("calendar.holiday_and_workday", f"Both holiday and working day: {both}",
                              f"以下日期既列为假日又列为调休上班日：{'、'.join(both)}", {"days": both})
    weekday = sorted(d.isoformat() for d in schedule.workdays if d.weekday() < 5)
    if weekday:
        raise ValidationError("calendar.workday_not_weekend",
                              f"An adjusted working day (调休) is a Saturday or Sunday: {weekday}",
                              f"调休上班日应为周六或周日：{'、'.join(weekday)}", {"days": weekday})


def require_no_adopted(year: int, adopted: bool) -> None:
    """A year has one adopted schedule; a correction is not a second adoption."""
    if adopted:
        raise RuleViolation("calendar.year_adopted", f"A schedule for {year} is already adopted",
                            f"{year} 年的节假日安排已生效，不能重复录入", {"year": year})
