"""Vietnamese working days: Monday to Friday, except public holidays.

The holidays come from the `holidays` library, which follows the government's yearly decisions and
computes the lunar ones (Tết Nguyên Đán, Giỗ Tổ Hùng Vương) itself, so no table here goes stale. A period
"of N working days" starts the day after its first day (Bộ luật Dân sự 2015, Điều 147): the day a
consultation is published does not count. Every loop stops after a bounded number of days.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import cache

import holidays

COUNTRY = "VN"
ONE_DAY = timedelta(days=1)


@cache
def _calendar() -> holidays.HolidayBase:
    return holidays.country_holidays(COUNTRY, language="vi")  # each year is computed when first asked


def is_working_day(day: date) -> bool:
    return day.weekday() < 5 and day not in _calendar()


def holidays_between(start: date, end: date) -> int:
    """How many days after `start` up to `end` (a year at most) are public holidays."""
    return sum(1 for day in _days_after(start, end, limit=366) if day in _calendar())


def count_working_days(start: date, end: date, enough: int) -> int:
    """Working days after `start` up to `end`, counting no further than `enough`."""
    count = 0
    for day in _days_after(start, end, limit=enough * 7 + 60):
        if count >= enough:
            break
        count += is_working_day(day)
    return count


def after_working_days(start: date, needed: int) -> date | None:
    """The first day by which `needed` working days have passed since `start`; None past the calendar's end."""
    count = 0
    for day in _days_after(start, date.max, limit=needed * 7 + 60):
        count += is_working_day(day)
        if count >= needed:
            return day
    return None


def _days_after(start: date, end: date, limit: int):
    day = start
    for _ in range(limit):
        if day >= end or day == date.max:
            return
        day += ONE_DAY
        yield day
