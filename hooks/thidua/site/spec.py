"""A page of the site, as data: URL, template, context. Pagination of long listings."""

from __future__ import annotations

from dataclasses import dataclass, field
from math import ceil
from typing import Any, Callable, Sequence

# Stories per listing page. 40, not 20: each page also carries ~5 KB of header, head tags and footer, which
# at 20 cost 0.3 KB per story for each of the six or so listings a story appears in.
DEFAULT_PAGE_SIZE = 40


@dataclass(frozen=True)
class Pagination:
    number: int
    count: int
    items: Sequence[Any]
    url_of: Callable[[int], str] = field(repr=False)
    total: int = 0

    @property
    def previous_url(self) -> str | None:
        return self.url_of(self.number - 1) if self.number > 1 else None

    @property
    def next_url(self) -> str | None:
        return self.url_of(self.number + 1) if self.number < self.count else None

    def pages(self) -> list[tuple[int, str]]:
        return [(n, self.url_of(n)) for n in range(1, self.count + 1)]


@dataclass(frozen=True)
class PageSpec:
    """A page: the engine renders `body` (Markdown) into `template` with `context`.

    A hand-written page (home, press) is declared too, by its URL, so that the plan alone says which page
    gets which context; its title and description, when empty here, come from its own front matter."""

    url: str
    template: str
    title: str
    kind: str
    description: str = ""
    body: str = ""
    context: dict[str, Any] = field(default_factory=dict)
    in_nav: bool = False  # listings are in the navigation; single items never are
    hand_written: bool = False  # a page of docs/: text, template and front matter are the file's, context is ours
    in_sitemap: bool = True  # False for pages search engines must not index (overrides/sitemap.xml)
    source: str = ""  # the content file the page comes from, named if building it fails


def paginate(items: Sequence[Any], size: int, url_of: Callable[[int], str]) -> list[Pagination]:
    count = max(1, ceil(len(items) / size))
    return [Pagination(n, count, items[(n - 1) * size:n * size], url_of, len(items)) for n in range(1, count + 1)]
