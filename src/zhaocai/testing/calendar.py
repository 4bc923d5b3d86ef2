"""Holiday schedules for test worlds whose clocks run past the years the bundled calendar knows.

Only the fixed-date statutory holidays (元旦 1 January, 劳动节 1–2 May, 国庆节 1–3 October, per
全国年节及纪念日放假办法) are entered: test data, not a year's State Council notice, which also
moves days for the lunar festivals.
"""

from __future__ import annotations

from datetime import date

from zhaocai.platform import Platform
from zhaocai.testing.cast import ACTORS
from zhaocai.workdays import LAST_KNOWN_YEAR


def fixed_date_schedule(year: int) -> dict[str, object]:
    """A schedule of `year`'s fixed-date statutory holidays."""
    days = [date(year, 1, 1), date(year, 5, 1), date(year, 5, 2), date(year, 10, 1), date(year, 10, 2),
            date(year, 10, 3)]
    return {"year": year, "holidays": days, "source": f"{year} 年固定日期法定节假日（测试数据）"}


def adopt_schedules(platform: Platform, years: int = 50) -> None:
    """Propose and adopt (two people) a fixed-date schedule for each of the `years` years after
    the last bundled one."""
    for year in range(LAST_KNOWN_YEAR + 1, LAST_KNOWN_YEAR + 1 + years):
        proposed = platform.holidays.propose(ACTORS["admin"], fixed_date_schedule(year))
        platform.holidays.adopt(ACTORS["supervisor"], proposed.id)
