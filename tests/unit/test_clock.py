from datetime import date, datetime, timedelta

import pytest

from zhaocai.clock import SHANGHAI, ManualClock, local
from zhaocai.errors import RuleViolation, ValidationError
from zhaocai.workdays import LAST_KNOWN_YEAR, WorkingCalendar


def test_manual_clock_sets_and_advances() -> None:
    clock = ManualClock(datetime(2026, 3, 2, 9, tzinfo=SHANGHAI))
    clock.advance(days=1, hours=2)
    assert local(clock.now()) == datetime(2026, 3, 3, 11, tzinfo=SHANGHAI)
    clock.set(datetime(2026, 1, 1, tzinfo=SHANGHAI))
    assert local(clock.now()).year == 2026
    with pytest.raises(ValidationError):
        clock.advance(timedelta(seconds=-1))


def test_naive_datetimes_are_refused() -> None:
    with pytest.raises(ValidationError) as info:
        ManualClock(datetime(2026, 1, 1))
    assert info.value.code == "time.naive"


def test_national_day_and_adjusted_working_days() -> None:
    cal = WorkingCalendar()
    assert not cal.is_workday(date(2026, 10, 1))
    assert cal.is_workday(date(2026, 9, 30))
    # 2026-02-14 is a Saturday made a working day for the Spring Festival (调休).
    assert cal.is_workday(date(2026, 2, 14))


def test_beyond_the_known_years_nothing_is_assumed() -> None:
    cal = WorkingCalendar()
    later = date(LAST_KNOWN_YEAR + 1, 1, 4)
    assert not cal.knows(later)
    with pytest.raises(RuleViolation) as info:
        cal.is_workday(later)
    assert info.value.code == "calendar.year_unknown"
    # an organisation's own days still answer without the official schedule
    assert not WorkingCalendar(extra_holidays=[later]).is_workday(later)


def test_organisation_holidays_win() -> None:
    company_day = date(2026, 3, 4)
    cal = WorkingCalendar(extra_holidays=[company_day], extra_workdays=[date(2026, 3, 8)])
    assert not cal.is_workday(company_day)
    assert cal.is_workday(date(2026, 3, 8))
    assert cal.add_workdays(date(2026, 3, 3), 1) == date(2026, 3, 5)
    assert cal.workdays_between(date(2026, 3, 2), date(2026, 3, 9)) == 5
