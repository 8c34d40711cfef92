"""Atom 1.0, RSS 2.0 and JSON Feed 1.1 for the whole site, every movement and every unit.

Only published stories (from `render_stories` on the published corpus) ever reach a feed. Dates come
from the stories, never from the clock, so two builds of the same content give the same bytes.
"""

from __future__ import annotations

import html
import json
from dataclasses import dataclass
from datetime import datetime
from typing import Sequence

from feedgen.feed import FeedGenerator

from ..content import urls
from ..content.model import Corpus
from ..site.stories import Story, at_midnight
from .terms import SAMPLE_WARNING, Terms

MAX_ENTRIES = 50
JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1"
GENERATOR = "thidua"


@dataclass(frozen=True)
class Feed:
    page: str  # site-relative URL of the page the feed follows ("" for the home page)
    title: str
    description: str
    stories: Sequence[Story]  # newest first, at most MAX_ENTRIES
    group: str = "site"  # "site", "movement" or "unit"
    label: str = ""  # short name for listings

    def url(self, kind: str) -> str:
        return urls.feeds(self.page)[kind]


def site_feeds(corpus: Corpus, stories: dict[str, Story], site_name: str) -> list[Feed]:
    """One feed for the site, one per movement, one per unit (a locality's gathers its units' stories)."""

    def pick(exemplars) -> list[Story]:
        return [stories[e.id] for e in exemplars][:MAX_ENTRIES]

    feeds = [Feed("", site_name, f"Gương điển hình mới nhất — {site_name}", pick(corpus.exemplars_newest_first),
                  "site", "Toàn trang")]
    for movement in sorted(corpus.movements.values(), key=corpus.movement_key):
        feeds.append(Feed(urls.movement(movement.id), f"{movement.title} — {site_name}",
                          f"Gương điển hình của phong trào “{movement.title}”.",
                          pick(corpus.by_movement.get(movement.id, [])), "movement", movement.short_title))
    for unit in (u for _, units in corpus.units_by_type() for u in units):
        feeds.append(Feed(urls.unit(unit.id), f"{unit.name} — {site_name}",
                          f"Gương điển hình của {unit.name}.", pick(corpus.stories_of_unit(unit.id)), "unit",
                          unit.name))
    return feeds


def feed_updated(feed: Feed, fallback: datetime) -> datetime:
    """The newest entry's last change; an empty feed takes the site's (never the wall clock)."""
    return max((s.modified for s in feed.stories), default=fallback)


def site_fallback(corpus: Corpus) -> datetime:
    newest = max((e.last_modified for e in corpus.exemplars.values()), default=corpus.current_plan.period_start)
    return at_midnight(newest)


def entry_html(story: Story, terms: Terms) -> str:
    """The full story as syndicated: sample warning, photo with credit, body, corrections, attribution."""
    ex = story.exemplar
    parts = []
    if ex.sample:
        parts.append(f"<p><strong>{html.escape(SAMPLE_WARNING)}</strong></p>")
    parts.append(story.photo_figure())
    parts.append(story.html)
    if ex.award:
        parts.append(f"<p>Khen thưởng: {html.escape(ex.award)}</p>")
    if ex.corrections:
        items = "".join(f"<li>{c.date.strftime('%d/%m/%Y')}: {html.escape(c.note)}</li>" for c in ex.corrections)
        parts.append(f"<h2>Đính chính</h2><ul>{items}</ul>")
    link = html.escape(story.url)
    parts.append(f'<p>Nguồn: {html.escape(terms.attribution)} — <a href="{link}">{link}</a>. '
                 f'Giấy phép <a href="{html.escape(terms.licence.url)}">{html.escape(terms.licence.name)}</a>.</p>')
    return "\n".join(p for p in parts if p)


def _generator(feed: Feed, terms: Terms, self_kind: str, updated: datetime, contents: dict[str, str]) -> FeedGenerator:
    absolute = lambda url: urls.absolute(terms.site_url, url)  # noqa: E731
    fg = FeedGenerator()
    fg.load_extension("dc")
    fg.load_extension("media")
    fg.id(absolute(feed.url("atom")))
    fg.title(feed.title)
    fg.subtitle(feed.description)
    fg.link(href=absolute(feed.url(self_kind)), rel="self",
            type="application/atom+xml" if self_kind == "atom" else "application/rss+xml")
    fg.link(href=absolute(feed.page), rel="alternate", type="text/html")  # last: RSS takes the last link
    fg.language("vi")
    fg.author(name=terms.holder, uri=terms.site_url)
    fg.rights(f"{terms.licence.name} — {terms.licence.url}")
    fg.generator(GENERATOR, uri=terms.site_url)
    fg.updated(updated)
    fg.lastBuildDate(updated)
    for story in feed.stories:
        ex = story.exemplar
        fe = fg.add_entry(order="append")
        fe.id(story.url)
        fe.guid(story.url, permalink=True)
        fe.title(ex.display_title)
        fe.link(href=story.url, rel="alternate", type="text/html")
        fe.summary(ex.summary)
        fe.description(ex.summary)
        fe.content(contents[ex.id], type="html")
        fe.author(name=story.unit.name, uri=urls.absolute(terms.site_url, urls.unit(story.unit.id)))
        fe.dc.dc_creator(story.unit.name)
        for m in story.movements:
            fe.category(term=m.title, label=m.title, scheme=urls.absolute(terms.site_url, urls.movement(m.id)))
        fe.published(story.published)
        fe.updated(story.modified)
        fe.rights(f"{terms.licence.name} — {terms.licence.url}")
        if story.photo is not None:
            if self_kind == "rss":  # feedgen 1.0 drops rel="enclosure" from Atom links: Atom gets media:content
                fe.enclosure(story.photo.url, str(story.photo.size), story.photo.content_type)
            fe.media.content(url=story.photo.url, type=story.photo.content_type, medium="image")
    return fg


def atom(feed: Feed, terms: Terms, updated: datetime, contents: dict[str, str]) -> bytes:
    return _generator(feed, terms, "atom", updated, contents).atom_str(pretty=True, encoding="UTF-8")


def rss(feed: Feed, terms: Terms, updated: datetime, contents: dict[str, str]) -> bytes:
    return _generator(feed, terms, "rss", updated, contents).rss_str(pretty=True, encoding="UTF-8")


def json_feed(feed: Feed, terms: Terms, contents: dict[str, str]) -> bytes:
    absolute = lambda url: urls.absolute(terms.site_url, url)  # noqa: E731
    items = []
    for story in feed.stories:
        ex = story.exemplar
        item = {
            "id": story.url,
            "url": story.url,
            "title": ex.display_title,
            "summary": ex.summary,
            "content_html": contents[ex.id],
            "content_text": story.text,
            "date_published": story.published.isoformat(),
            "date_modified": story.modified.isoformat(),
            "authors": [{"name": story.unit.name, "url": absolute(urls.unit(story.unit.id))}],
            "tags": [m.title for m in story.movements],
            "language": "vi",
            "_thidua": {
                "sample": ex.sample,
                "version": story.version,
                "ninjs": absolute(urls.ninjs(ex.id)),
                "movements": [m.id for m in story.movements],
                "unit": story.unit.id,
                "licence": {"name": terms.licence.name, "url": terms.licence.url},
            },
        }
        if story.photo is not None:
            item["image"] = story.photo.url
            item["attachments"] = [{"url": story.photo.url, "mime_type": story.photo.content_type,
                                    "title": f"Ảnh: {story.photo.credit}", "size_in_bytes": story.photo.size}]
            item["_thidua"]["photo_credit"] = story.photo.credit
        items.append(item)
    document = {
        "version": JSON_FEED_VERSION,
        "title": feed.title,
        "home_page_url": absolute(feed.page),
        "feed_url": absolute(feed.url("json")),
        "description": feed.description,
        "language": "vi",
        "authors": [{"name": terms.holder, "url": terms.site_url}],
        "items": items,
    }
    return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
