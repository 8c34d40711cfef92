"""The order of every feed: what changed on the site, in the order it changed, for any kind of item.

A feed is a log of changes (a story first published, each of its corrections), oldest first. Its subscription
document shows the latest change of the newest items, newest first; its RFC 5005 archive documents are the
log's full pages, oldest first. A change enters the log at the end, so a page, once full, never changes:
an item first published late, however it is dated, and a correction go to the top of the subscription
document and, later, into a new page. Stories' changes come from press/versions.py (the repository's
history); another kind of item (a commendation) needs only its own `Change`s: the same functions page it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, Iterable, Sequence


@dataclass(frozen=True)
class Change:
    """One version of an item as it reached the site: one entry of a feed."""

    key: str  # the item's identity (its tag: URI): one entry, however often the item changes
    at: datetime  # when this version reached the site: the entry's atom:updated
    version: int  # 1 for the first publication, then one more for each correction
    item: Any  # what the entry shows (a Story, a commendation, …)
    title: str = ""  # as the version read, when the history keeps it ("": the item's own, today)
    summary: str = ""
    note: str = ""  # why the version was published (a correction's note); "" for the first publication


def in_order(changes: Iterable[Change]) -> list[Change]:
    """The log, oldest first: by instant, then identity and version, so that equal instants keep one order."""
    return sorted(changes, key=lambda c: (c.at, c.key, c.version))


def newest(log: Sequence[Change], size: int) -> list[Change]:
    """The subscription document: the latest change of each of the `size` items changed last, newest first."""
    return _latest_each(reversed(log), size)


def pages(log: Sequence[Change], size: int) -> list[list[Change]]:
    """The archive documents: full pages of the log (the first is the oldest), each newest first and listing
    an item once (its latest change in the page). The last, incomplete part is no page yet."""
    full = len(log) // size
    return [_latest_each(reversed(log[n * size:(n + 1) * size]), size) for n in range(full)]


def _latest_each(newest_first: Iterable[Change], size: int) -> list[Change]:
    seen: dict[str, Change] = {}
    for change in newest_first:
        if len(seen) == size:
            break
        seen.setdefault(change.key, change)
    return list(seen.values())
