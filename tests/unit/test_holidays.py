"""Holiday schedules past the bundled calendar: refused until adopted, four eyes to adopt, counted
by once adopted (SQLite and PostgreSQL through the `platform` fixture)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.kit import refused, register_actor
from zhaocai.actors import Actor, Role
from zhaocai.errors import InvalidTransition, PermissionDenied, RuleViolation, ValidationError
from zhaocai.holidays.rules import YearSchedule, check_schedule
from zhaocai.platform import Platform
from zhaocai.workdays import BUNDLED_YEARS, LAST_KNOWN_YEAR, WorkingCalendar

YEAR = LAST_KNOWN_YEAR + 1
# An illustrative schedule for the first year past the bundled data (a test fixture, not the
# State Council's notice): a Spring Festival week and its two adjusted working Saturdays/Sundays.
FESTIVAL = [date(YEAR, 2, 1) + timedelta(days=i) for i in range(8)]
ADJUSTED = [d for d in (date(YEAR, 1, 25) + timedelta(days=i) for i in range(21))
            if d.weekday() >= 5 and d not in FESTIVAL][:2]
SCHEDULE = {"year": YEAR, "holidays": FESTIVAL, "workdays": ADJUSTED,
            "source": f"国务院办公厅关于{YEAR}年部分节假日安排的通知（测试数据）"}
BOTH = Actor(id="adm-s", name="管理兼纪检", roles=[Role.ADMINISTRATOR, Role.SUPERVISOR])

@pytest.fixture(autouse=True)
def _registered(platform: Platform) -> None:
    """The people this module builds ad hoc, recorded in the register with their roles."""
    register_actor(platform, BOTH)



def test_a_year_nobody_entered_is_refused_not_counted_monday_to_friday() -> None:
    with pytest.raises(RuleViolation) as info:
        WorkingCalendar().add_workdays(date(YEAR, 1, 28), 5)
    assert info.value.code == "calendar.year_unknown" and info.value.details["year"] == YEAR
    assert "节假日安排尚未录入" in info.value.message_zh
    # a bundled year still counts by the official data
    assert WorkingCalendar().add_workdays(date(LAST_KNOWN_YEAR, 3, 2), 1) == date(LAST_KNOWN_YEAR, 3, 3)


def test_an_adopted_schedule_runs_a_period_around_the_festival() -> None:
    schedule = YearSchedule.model_validate(SCHEDULE)
    calendar = WorkingCalendar(schedules=lambda y: schedule if y == YEAR else None)
    start = FESTIVAL[0] - timedelta(days=1)
    end = calendar.add_workdays(start, 3)
    assert end > FESTIVAL[-1]  # the festival week is not counted
    assert calendar.workdays_between(start, end) == 3
    assert all(calendar.is_workday(d) for d in ADJUSTED)


@given(st.integers(min_value=0, max_value=300), st.integers(min_value=1, max_value=40))
def test_counting_by_a_schedule_lands_on_a_working_day(offset: int, days: int) -> None:
    schedule = YearSchedule.model_validate(SCHEDULE)
    calendar = WorkingCalendar(schedules=lambda y: schedule if y == YEAR else None)
    start = date(YEAR, 1, 1) + timedelta(days=offset)
    end = calendar.add_workdays(start, days)
    assert calendar.is_workday(end) and calendar.workdays_between(start, end) == days
    assert all(not calendar.is_workday(d) for d in FESTIVAL)


@pytest.mark.parametrize(("change", "code"), [
    ({"year": LAST_KNOWN_YEAR}, "calendar.year_bundled"),
    ({"holidays": [*FESTIVAL, date(YEAR + 1, 1, 1)]}, "calendar.outside_year"),
    ({"workdays": [*ADJUSTED, FESTIVAL[0]]}, "calendar.holiday_and_workday"),
    ({"workdays": [d for d in (date(YEAR, 3, 1) + timedelta(days=i) for i in range(7))
                   if d.weekday() == 2]}, "calendar.workday_not_weekend"),
])
def test_a_malformed_schedule_is_refused(change: dict[str, object], code: str) -> None:
    schedule = YearSchedule.model_validate({**SCHEDULE, **change})
    with pytest.raises((RuleViolation, ValidationError)) as info:
        check_schedule(schedule, BUNDLED_YEARS)
    assert getattr(info.value, "code", None) == code


def test_adopted_by_a_second_person_then_counted(platform, actors) -> None:
    with pytest.raises(RuleViolation):
        platform.calendar.add_workdays(date(YEAR, 1, 28), 5)
    proposed = platform.holidays.propose(actors["admin"], SCHEDULE)
    assert proposed.state == "proposed"
    with pytest.raises(RuleViolation):  # not counted before adoption
        platform.calendar.add_workdays(date(YEAR, 1, 28), 5)
    adopted = platform.holidays.adopt(actors["supervisor"], proposed.id)
    assert adopted.state == "adopted" and adopted.decided_by == actors["supervisor"].id
    assert platform.calendar.add_workdays(FESTIVAL[0] - timedelta(days=1), 1) > FESTIVAL[-1]
    assert [e.action for e in platform.audit.events("holiday_schedule", proposed.id)] \
        == ["calendar.propose", "calendar.adopt"]
    refused(platform, RuleViolation, "calendar.year_adopted", platform.holidays.propose, actors["admin"], SCHEDULE)
    refused(platform, InvalidTransition, "calendar.schedule.transition",
            platform.holidays.reject, actors["supervisor2"], proposed.id, reason="重复")


def test_nobody_adopts_their_own_schedule_and_roles_are_checked(platform, actors) -> None:
    proposed = platform.holidays.propose(BOTH, SCHEDULE)
    refused(platform, PermissionDenied, "permission.self_approval", platform.holidays.adopt, BOTH, proposed.id)
    refused(platform, PermissionDenied, "permission.role", platform.holidays.adopt, actors["admin"], proposed.id)
    refused(platform, PermissionDenied, "permission.role", platform.holidays.propose, actors["purchasing"],
            SCHEDULE)
    refused(platform, ValidationError, "calendar.reason_required", platform.holidays.reject,
            actors["supervisor"], proposed.id, reason="  ")
    rejected = platform.holidays.reject(actors["supervisor"], proposed.id, reason="调休日期有误")
    assert rejected.state == "rejected" and rejected.reason == "调休日期有误"
    with pytest.raises(RuleViolation):
        platform.calendar.add_workdays(date(YEAR, 1, 28), 5)
