"""The one rule for a story's moments: a date, an optional time of day, Vietnam's +07:00.

Pages, JSON-LD, Open Graph, feeds, ninjs and sitemaps all print `iso(...)` of these datetimes, so a
story says the same instant everywhere. Without a time of day a moment is midnight, as it always was.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone

VIETNAM = timezone(timedelta(hours=7), "ICT")
MIDNIGHT = time(0, 0)


def moment(day: date, at: time | None = None) -> datetime:
    return datetime.combine(day, at or MIDNIGHT, VIETNAM)


def iso(value: datetime) -> str:
    """ISO 8601 with the +07:00 offset, to the second: 2023-09-01T08:30:00+07:00."""
    return value.astimezone(VIETNAM).replace(microsecond=0).isoformat()


def parse_time(value: str) -> time | None:
    """"HH:MM" (24 h) as written in front matter, or None when it is no such time."""
    try:
        hours, minutes = value.split(":")
        return time(int(hours), int(minutes)) if len(hours) == 2 and len(minutes) == 2 else None
    except ValueError:
        return None
