"""Each story's versions as they reached the site, from its own dates and the repository's history.

A story's content dates its versions: its publication (date and time), then each correction (`updated`
moves the last one). The history (content/history.py) says when each version reached the published branch:
a version counts from the later of the two instants, both real, none invented. So a story about August
merged in December enters the feeds in December, and a correction merged three days after its date enters
them when it was merged. Stories of the site's first commit (the launch, which brought in what had been
published before) keep their own dates. Without history (a source tarball, a shallow clone), versions take
the content's dates alone: the feeds are then ordered as if every story had been merged on its own date.
"""

from __future__ import annotations

from pathlib import PurePosixPath
from typing import Iterable

from ..content.history import History, Revision
from ..content.model import SAMPLE_PREFIX
from ..content.problems import ContentError
from ..content.source import parse_document
from ..content.text import format_date
from ..site.stories import Story
from .changes import Change


def correction_note(day, note: str) -> str:
    return f"Đính chính {format_date(day)}: {note}"


def story_changes(stories: Iterable[Story], history: History | None) -> list[Change]:
    return [change for story in stories for change in changes_of(story.identity, story.exemplar, story, history)]


def changes_of(key: str, ex, item, history: History | None) -> list[Change]:
    """The changes of one item of any kind whose file is dated like a story's: `ex` has `source`, `aliases`,
    `published_at`, `corrections` (each with `date`, `at`, `note`), `updated`, `modified_at` and `version`
    (an Exemplar; a commendation with the same fields); `item` is what the feed entry shows."""
    dated = [ex.published_at, *(c.at for c in ex.corrections)]
    dated[-1] = ex.modified_at  # `updated` moves the last version
    notes = ["", *(correction_note(c.date, c.note) for c in ex.corrections)]
    revisions = _revisions(ex, history)
    arrivals, texts = _arrivals(ex, revisions, history) if revisions else ([None] * len(dated), [("", "")] * len(dated))
    changes, last = [], None
    for number, (own, arrival, note, (title, summary)) in enumerate(zip(dated, arrivals, notes, texts), 1):
        at = own if arrival is None or arrival.seq == history.first else max(own, arrival.at)
        last = at if last is None else max(last, at)  # a version never reaches the site before the one it corrects
        changes.append(Change(key, last, number, item, title, summary, note))
    return changes


def _revisions(ex, history: History | None) -> list[Revision]:
    """The story's file through its renames (`aliases`), oldest first."""
    if history is None:
        return []
    folder = PurePosixPath(ex.source).parent
    paths = [str(folder / f"{alias}.md") for alias in ex.aliases] + [ex.source]
    return sorted((r for path in dict.fromkeys(paths) for r in history.of(path)), key=lambda r: r.seq)


def _arrivals(ex, revisions: list[Revision], history: History) -> tuple[list, list]:
    """For each version, the first revision that held it, and its title and lede then ("" for today's)."""
    count = ex.version
    if count == 1 and ex.updated is None:  # the usual story: it arrived with its first revision
        return [revisions[0]], [("", "")]
    current = ex.updated.isoformat() if ex.updated else None
    arrivals: list[Revision | None] = [None] * count
    texts = [("", "")] * count
    texts_of = history.texts([r.blob for r in revisions])  # by blob: a file reverted to a former text shares it
    for revision in revisions:
        state = _state(texts_of[revision.blob], revision.blob)
        if state is None:
            continue
        number, updated, title, summary = state
        for k in range(min(number, count - 1)):  # an earlier version: with the first revision that had it
            arrivals[k] = arrivals[k] or revision
        if number < count and texts[number - 1] == ("", ""):
            texts[number - 1] = (title, summary)
        if (number, updated) == (count, current):  # today's version: with the first revision as it is now
            arrivals[-1] = arrivals[-1] or revision
    return arrivals, texts


def _state(text: str | None, name: str) -> tuple[int, str | None, str, str] | None:
    """(version, updated, title as shown, lede) of a past revision of a story; None when it cannot be read."""
    if text is None:
        return None
    try:
        meta = parse_document(text.replace("\r\n", "\n").removeprefix("\ufeff"), name).meta
    except ContentError:
        return None
    corrections = meta.get("corrections") or []
    title, summary = meta.get("title"), meta.get("summary")
    if not isinstance(corrections, list) or not isinstance(title, str) or not isinstance(summary, str):
        return None
    updated = None if meta.get("updated") is None else str(meta["updated"])
    prefix = SAMPLE_PREFIX if meta.get("sample") is True else ""
    return 1 + len(corrections), updated, prefix + title, summary
