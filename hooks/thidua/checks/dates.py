"""Dates as editors write them: the checker's hint when a date is written the Vietnamese way, not YYYY-MM-DD."""

from __future__ import annotations

import re
from datetime import date

ISO_PATTERN = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"  # the schemas' pattern for a date
ISO_DATE = re.compile(ISO_PATTERN)
IMPOSSIBLE = "ngày {value} không tồn tại (impossible date)"
_DAY_FIRST = re.compile(r"^\s*([0-9]{1,2})\s*[-/.]\s*([0-9]{1,2})\s*[-/.]\s*([0-9]{4})\s*$")  # 31-12-2023, 1/9/2023
_YEAR_FIRST = re.compile(r"^\s*([0-9]{4})\s*[-/.]\s*([0-9]{1,2})\s*[-/.]\s*([0-9]{1,2})\s*$")  # 2023/12/31, 2023-9-1
REWRITE = "; hãy viết “{iso}” (ngày {day:02d}/{month:02d}/{year}) (date rewritten)"


def rewrite_hint(value: str) -> str:
    """"; hãy viết “2023-12-31” …" for a real date written day first (as Vietnamese readers do) or with other
    separators; "" when `value` is no such date."""
    if day_first := _DAY_FIRST.match(value):
        day, month, year = map(int, day_first.groups())
    elif year_first := _YEAR_FIRST.match(value):
        year, month, day = map(int, year_first.groups())
    else:
        return ""
    try:
        iso = date(year, month, day).isoformat()
    except ValueError:
        return ""
    return REWRITE.format(iso=iso, day=day, month=month, year=year)


def real_date(doc, key: str, value, problems: list) -> date | None:
    """A real calendar date; values of the wrong shape are left to the schema's message, an impossible day
    (2023-02-30) is added to `problems` at `key`."""
    if not isinstance(value, str) or not ISO_DATE.match(value):
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        problems.append(doc.problem(key, IMPOSSIBLE.format(value=value)))
        return None
