"""Which pages an edit to stories changes, so that the preview renders those and no others.

A page is rendered again when what its template receives differs (titles, bodies, the stories a listing
shows, counts), or when it shows one of the stories that changed. Content objects count by their id:
plans, movements and units change only with files in content/, after which the preview builds everything.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, is_dataclass
from datetime import date

from ..content.model import Corpus, Exemplar
from ..site.spec import PageSpec
from ..site.stories import Story


@dataclass(frozen=True)
class Fingerprint:
    value: tuple
    shown: frozenset[str]  # the ids of the stories the page shows


def fingerprints(pages: dict[str, PageSpec]) -> dict[str, Fingerprint]:
    return {url: fingerprint(page) for url, page in pages.items()}


def pages_to_render(old: dict[str, Fingerprint], new: dict[str, Fingerprint], story_ids: set[str]) -> list[str]:
    """URLs to render: new pages, pages whose input changed and pages that show a saved story."""
    return [url for url, after in new.items() if url not in old or after.value != old[url].value
            or not story_ids.isdisjoint(after.shown | old[url].shown)]


def fingerprint(page: PageSpec) -> Fingerprint:
    """What the page's template receives, as comparable values, and the stories it shows."""
    shown: set[str] = set()
    own = tuple(getattr(page, f.name) for f in fields(page) if f.name != "context")
    return Fingerprint((own, _walk(page.context, shown)), frozenset(shown))


def _walk(value, shown: set[str]):
    if value is None or isinstance(value, (str, int, float, date)):
        return value
    if isinstance(value, dict):
        return tuple((key, _walk(item, shown)) for key, item in value.items())
    if isinstance(value, (list, tuple)):
        return tuple(_walk(item, shown) for item in value)
    if isinstance(value, (Exemplar, Story)):  # a story counts by its id: it is in `shown`
        exemplar = value if isinstance(value, Exemplar) else value.exemplar
        shown.add(exemplar.id)
        return ("story", exemplar.id)
    if isinstance(value, Corpus):
        return ("corpus", id(value))  # a page given the whole corpus changes with any story
    if is_dataclass(value):
        if isinstance(getattr(value, "id", None), str):
            return (type(value).__name__, value.id)
        return (type(value).__name__, *(_walk(getattr(value, f.name), shown) for f in fields(value)))
    if callable(value):
        return "callable"  # a pager's URL maker: the URLs it makes are compared through its pages
    return repr(value)
