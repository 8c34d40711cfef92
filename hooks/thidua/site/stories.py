"""Each published story rendered once for syndication: sanitised HTML with absolute links, and plain text.

Feeds, ninjs and the republish box all read the same `Story`, so a story says the same thing everywhere.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from html.parser import HTMLParser
from pathlib import Path
from typing import Callable
from urllib.parse import urljoin

import nh3

from ..content import urls
from ..content.model import Corpus, Exemplar, Unit
from ..content.problems import now_processing
from .sanitize import ALLOWED_ATTRIBUTES, ALLOWED_TAGS, URL_SCHEMES, clean_html, keep_attribute

# A story body's Markdown to HTML and its headings (toc tokens), as the site's pages render it (the engine's).
ToHtml = Callable[[str], tuple[str, list]]
VIETNAM = timezone(timedelta(hours=7), "ICT")
STORY_LINK_REL = "noopener nofollow"  # a story's links lead off-site
# The heading permalinks ("¶") the toc extension writes: they mean nothing off-site. A fixed shape, linear.
_PERMALINK = re.compile(r'<a\s+class="headerlink"[^<>]*>[^<]*</a\s*>')
PHOTO_TYPES = {".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".png": "image/png", ".webp": "image/webp"}


def at_midnight(day: date) -> datetime:
    """Stories carry dates, not times: syndicated timestamps are midnight in Vietnam, so builds are reproducible."""
    return datetime.combine(day, time(0, 0), VIETNAM)


@dataclass(frozen=True)
class Photo:
    url: str  # absolute
    path: Path
    alt: str
    credit: str

    @property
    def content_type(self) -> str:
        return PHOTO_TYPES.get(self.path.suffix.lower(), "application/octet-stream")

    @property
    def size(self) -> int:
        return self.path.stat().st_size


@dataclass(frozen=True)
class Story:
    exemplar: Exemplar
    unit: Unit
    locality: Unit | None
    movements: tuple
    url: str  # absolute URL of the story page
    page_html: str  # sanitised body as the story's own page shows it (heading permalinks, links as written)
    toc_tokens: list  # its headings, as Python-Markdown's toc extension lists them, for the page's table of contents
    html: str  # sanitised body, absolute links, no heading permalinks
    text: str  # the body as plain text, paragraphs separated by blank lines
    photo: Photo | None

    @property
    def published(self) -> datetime:
        return at_midnight(self.exemplar.date)

    @property
    def modified(self) -> datetime:
        return at_midnight(self.exemplar.last_modified)

    @property
    def version(self) -> int:
        """1 for the story as first published, plus one for each correction."""
        return 1 + len(self.exemplar.corrections)

    def photo_figure(self) -> str:
        """The photo with its credit, as syndicated HTML."""
        if self.photo is None:
            return ""
        return (f'<figure><img src="{html.escape(self.photo.url)}" alt="{html.escape(self.photo.alt)}">'
                f"<figcaption>Ảnh: {html.escape(self.photo.credit)}</figcaption></figure>")


def render_stories(corpus: Corpus, photos: dict, site_url: str, to_html: ToHtml) -> dict[str, Story]:
    """Each story rendered once; `photos` are the processed photos (images.Photo) by exemplar id."""
    return {e.id: render_story(corpus, e, photos, site_url, to_html) for e in corpus.exemplars_newest_first}


def render_story(corpus: Corpus, exemplar: Exemplar, photos: dict, site_url: str, to_html: ToHtml) -> Story:
    """One story; agencies get the largest JPEG rendition: the original file may carry EXIF and GPS data."""
    now_processing(exemplar.source)
    page_url = urls.absolute(site_url, urls.exemplar(exemplar.id))
    rendered, toc_tokens = to_html(exemplar.body)
    body = absolute_links(clean_html(_PERMALINK.sub("", rendered), STORY_LINK_REL), page_url)
    unit = corpus.units[exemplar.unit]
    photo = None
    if exemplar.id in photos:
        processed = photos[exemplar.id]
        largest = processed.variants[-1]
        photo = Photo(urls.absolute(site_url, urls.exemplar(exemplar.id) + processed.name(largest, "jpeg")),
                      largest.jpeg, exemplar.photo_alt or "", exemplar.photo_credit or "")
    return Story(exemplar, unit, corpus.locality(unit),
                 tuple(corpus.movements[m] for m in exemplar.movements), page_url, clean_html(rendered, STORY_LINK_REL),
                 toc_tokens, body, html_to_text(body), photo)


def absolute_links(fragment: str, base_url: str) -> str:
    """Links resolved against the story's own URL: copied elsewhere, a relative link would break."""

    def resolve(tag: str, attribute: str, value: str) -> str | None:
        return urljoin(base_url, value) if attribute in ("href", "src") else keep_attribute(tag, attribute, value)

    return nh3.clean(fragment, tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES, url_schemes=URL_SCHEMES,
                     link_rel=STORY_LINK_REL, attribute_filter=resolve)


_BLOCKS = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "tr", "figure",
           "figcaption", "table", "ul", "ol", "hr"}


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in _BLOCKS:
            self.parts.append("\n\n")
        if tag == "li":
            self.parts.append("\n- ")
        if tag == "br":
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in _BLOCKS:
            self.parts.append("\n\n")

    def handle_data(self, data):
        self.parts.append(data)


def html_to_text(fragment: str) -> str:
    parser = _Text()
    parser.feed(fragment)
    parser.close()
    text = "".join(parser.parts)
    lines = [re.sub(r"[ \t\r\f\v]+", " ", line).strip() for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
