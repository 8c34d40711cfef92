"""Which pages an edit to stories changes, so that the preview renders those and no others.

A page is rendered again when what its template receives differs (titles, bodies, the stories a listing
shows, counts), or when it shows one of the stories that changed. Content objects count by their id:
plans, movements and units change only with files in content/, after which the preview builds everything.
"""

from __future__ import annotations

from dataclasses import fields, is_dataclass
from datetime import date

from ..content.model import Corpus, Exemplar
from ..site.spec import PageSpec


def pages_to_render(old: dict[str, PageSpec], new: dict[str, PageSpec], story_ids: set[str]) -> list[str] | None:
    """URLs to render again, or None when pages appeared or went (then a full build is simpler)."""
    if old.keys() != new.keys():
        return None
    return [url for url, page in new.items() if _differs(old[url], page, story_ids)]


def _differs(old: PageSpec, new: PageSpec, story_ids: set[str]) -> bool:
    shown: set[str] = set()
    before, after = fingerprint(old, shown), fingerprint(new, shown)
    return before != after or not shown.isdisjoint(story_ids)


def fingerprint(page: PageSpec, shown: set[str]) -> tuple:
    """What the page's template receives, as comparable values; the ids of the stories shown go to `shown`."""
    own = tuple(getattr(page, f.name) for f in fields(page) if f.name != "context")
    return own, _walk(page.context, shown)


def _walk(value, shown: set[str]):
    if value is None or isinstance(value, (str, int, float, date)):
        return value
    if isinstance(value, Exemplar):
        shown.add(value.id)
        return ("story", value.id)
    if isinstance(value, Corpus):
        return ("corpus", id(value))  # a page given the whole corpus changes with any story
    if is_dataclass(value):
        if isinstance(getattr(value, "id", None), str):
            return (type(value).__name__, value.id)
        return (type(value).__name__, *(_walk(getattr(value, f.name), shown) for f in fields(value)))
    if isinstance(value, dict):
        return tuple((key, _walk(item, shown)) for key, item in value.items())
    if isinstance(value, (list, tuple)):
        return tuple(_walk(item, shown) for item in value)
    if callable(value):
        return "callable"  # a pager's URL maker: the URLs it makes are compared through its pages
    return repr(value)
