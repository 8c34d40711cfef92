"""Each published story rendered once for syndication: sanitised HTML with absolute links, and plain text.

Feeds, ninjs and the republish box all read the same `Story`, so a story says the same thing everywhere.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin

import nh3

from ..checks.rendering import ToHtml
from ..checks.sanitize import ALLOWED_ATTRIBUTES, ALLOWED_TAGS, clean_html, keep_attribute
from ..content import urls
from ..content.model import Corpus, Exemplar, Unit
from ..content.problems import now_processing
from ..content.text import format_date
from ..content.words import word

STORY_LINK_REL = "noopener nofollow"  # a story's links lead off-site
# What a link resolved against the story's own address may be: the preview serves the site over http.
RESOLVED_SCHEMES = {"http", "https", "mailto"}
# The heading permalinks ("¶") the toc extension writes: they mean nothing off-site. A fixed shape, linear.
_PERMALINK = re.compile(r'<a\s+class="headerlink"[^<>]*>[^<]*</a\s*>')
PHOTO_TYPES = {".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".png": "image/png", ".webp": "image/webp"}


@dataclass(frozen=True)
class Rendition:
    """One published file of a photo, as an agency's system lists it."""

    name: str  # "480", "800-webp", …
    url: str  # absolute
    content_type: str
    width: int
    height: int
    path: Path  # in the cache: pages are rendered while it is being made, the feeds and ninjs after

    @property
    def size(self) -> int:
        """In bytes: asked for once the build has waited for the photo (site_build.SiteBuild.write_extras)."""
        return self.path.stat().st_size


@dataclass(frozen=True)
class Photo:
    url: str  # absolute: the largest JPEG
    path: Path
    alt: str
    credit: str
    renditions: tuple[Rendition, ...] = ()
    width: int = 0
    height: int = 0
    crops: tuple[Rendition, ...] = ()  # 16×9, 4×3 and 1×1 JPEGs, for search engines (JSON-LD)

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
    identity: str = ""  # the tag: URI of feeds and ninjs, from the story's first id (urls.tag_uri)
    awards: tuple[str, ...] = ()  # the awards of the decisions naming the story's people (commendations)

    @property
    def published(self) -> datetime:
        return self.exemplar.published_at

    @property
    def modified(self) -> datetime:
        return self.exemplar.modified_at

    @property
    def version(self) -> int:
        return self.exemplar.version


def render_stories(corpus: Corpus, photos: dict, site_url: str, to_html: ToHtml) -> dict[str, Story]:
    """Each story rendered once; `photos` are the processed photos (images.Photo) by exemplar id."""
    return {e.id: render_story(corpus, e, photos, site_url, to_html) for e in corpus.exemplars_newest_first}


def render_story(corpus: Corpus, exemplar: Exemplar, photos: dict, site_url: str, to_html: ToHtml) -> Story:
    """One story; agencies get the largest JPEG rendition: the original file may carry EXIF and GPS data."""
    now_processing(exemplar.source)
    page_url = urls.absolute(site_url, urls.exemplar(exemplar.id))
    rendered, toc_tokens = to_html(exemplar.body)
    body = syndicated_html(rendered, page_url)
    unit = corpus.units[exemplar.unit]
    photo = None
    if exemplar.id in photos:
        processed = photos[exemplar.id]
        largest = processed.variants[-1]
        photo = Photo(urls.absolute(site_url, urls.exemplar(exemplar.id) + processed.name(largest, "jpeg")),
                      largest.jpeg, exemplar.photo_alt or "", exemplar.photo_credit or "",
                      renditions(processed, urls.absolute(site_url, urls.exemplar(exemplar.id))),
                      largest.width, largest.height, crops(processed, urls.absolute(site_url, urls.exemplar(exemplar.id))))
    return Story(exemplar, unit, corpus.locality(unit),
                 tuple(corpus.movements[m] for m in exemplar.movements), page_url,
                 clean_html(rendered, STORY_LINK_REL, site_paths=False),
                 toc_tokens, body, html_to_text(body), photo, urls.tag_uri(site_url, exemplar.date, exemplar.first_id),
                 tuple(decision_award(d) for d in corpus.decisions_by_exemplar.get(exemplar.id, [])))


def syndicated_html(rendered: str, page_url: str) -> str:
    """A rendered body as it leaves the site: sanitised, links absolute, no heading permalinks."""
    return absolute_links(clean_html(_PERMALINK.sub("", rendered), STORY_LINK_REL, site_paths=False), page_url)


def decision_award(decision) -> str:
    """A decision's award with its number and date: "Bằng khen … (Quyết định số 123/QĐ-UBND ngày 20/12/2023)"."""
    return word("commendations.award_with_decision", decision.award, decision.number, format_date(decision.date))


def renditions(processed, base_url: str) -> tuple[Rendition, ...]:
    """Every published width of a processed photo (readers.images.Photo), JPEG then WebP."""
    found = []
    for variant in processed.variants:
        for fmt, suffix, path in (("jpeg", "", variant.jpeg), ("webp", "-webp", variant.webp)):
            found.append(Rendition(f"{variant.width}{suffix}", base_url + processed.name(variant, fmt),
                                   f"image/{fmt}", variant.width, variant.height, path))
    return tuple(found)


def crops(processed, base_url: str) -> tuple[Rendition, ...]:
    """The photo's crops for search engines (readers.images.Photo.search_crops) as published beside the story."""
    return tuple(Rendition(c.label, base_url + processed.name(c, "jpeg"), "image/jpeg", c.width, c.height, c.jpeg)
                 for c in getattr(processed, "search_crops", ()))


def absolute_links(fragment: str, base_url: str) -> str:
    """Links resolved against the story's own URL: copied elsewhere, a relative link would break. `fragment` has
    passed the sanitiser: what is left to resolve is an #anchor."""

    def resolve(tag: str, attribute: str, value: str) -> str | None:
        return urljoin(base_url, value) if attribute in ("href", "src") else keep_attribute(tag, attribute, value)

    return nh3.clean(fragment, tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES, url_schemes=RESOLVED_SCHEMES,
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
        # A line break inside a paragraph is a space in HTML: the text keeps no mid-sentence breaks.
        self.parts.append(data.replace("\n", " "))


def html_to_text(fragment: str) -> str:
    parser = _Text()
    parser.feed(fragment)
    parser.close()
    text = "".join(parser.parts)
    lines = [re.sub(r"[ \t\r\f\v]+", " ", line).strip() for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
