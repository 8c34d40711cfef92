"""Atom 1.0, RSS 2.0 and JSON Feed 1.1 for the whole site, every movement, every unit and every term.

Only published stories (from `render_stories` on the published corpus) ever reach a feed. A feed follows what
changed on the site (press/changes.py): a story first published, however it is dated, and a correction enter
the subscription document at the top, the correction with its note and the instant it reached the site
(press/versions.py, from the repository's history). Dates come from the stories and the history, never from
the clock, so two builds of the same commit give the same bytes. Each entry's id is the story's tag: URI,
minted from its first id, so a renamed or corrected story is never a new entry. Atom feeds are RFC 5005
archived feeds: the subscription document holds the latest change of the 50 stories changed last; full pages
of 50 changes (oldest first) are archive documents that never change, so an agency can walk back to the first
story. An archive entry is brief (title, lede, dates, unit, links to the page and, in the site's feeds, the
ninjs): the whole story,
its movements and photo are one request away. RSS and JSON Feed carry the subscription document's entries; a
JSON reader walks every story through the catalog (/api/catalog.json). Each story is there once, as HTML (JSON
Feed's content_html, no content_text copy: readers render the HTML), and no document is indented. The site's
feeds carry each story's text; a movement's, unit's or term's feeds carry all the rest (lede, unit, movements,
photo, dates, a link to the page) but not the text or the ninjs link, which the site's feed, the page and the
catalog already hold: forty and more feeds repeating them weighed 4.6 KB per story at 1,000 stories.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Callable, Sequence

from feedgen.feed import FeedGenerator

from ..content import urls
from ..content.model import Corpus
from ..content.moments import iso, moment
from ..site.stories import Story
from ..site.templating import render
from . import changes
from .changes import Change
from .feed_extensions import (
    ArchiveExtension,
    NinjsLinkEntryExtension,
    NinjsLinkExtension,
    PhotoCreditEntryExtension,
    PhotoCreditExtension,
)
from .terms import SAMPLE_CATEGORY, SAMPLE_WARNING, Terms
from .versions import story_changes

MAX_ENTRIES = 50
# A movement's, unit's or term's three feeds hold fewer, as WordPress's do by default: there are forty and
# more of them, and at 50 full entries each they weighed 12 KB per story at 1,000 stories (20: 6 KB). A
# reader polling daily misses nothing; an agency backfills through the archives. Their entries carry no text.
TOPIC_ENTRIES = 10
JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1"
GENERATOR = "thidua"


@dataclass(frozen=True)
class Feed:
    page: str  # site-relative URL of the page the feed follows ("" for the home page)
    title: str
    description: str
    every: Sequence[Story]  # every story of the feed, newest first by date: what the press page counts
    log: Sequence[Change]  # every change of those stories, oldest first (changes.in_order)
    group: str = "site"  # "site", "movement", "unit" or "term"
    label: str = ""  # short name for listings
    size: int = MAX_ENTRIES  # entries in the subscription document and changes in each archive page
    whole: bool = True  # entries carry the story's text (the site's feeds); False: everything but the text
    # Feeds of other items than stories (commendations): how one item becomes an entry and a JSON Feed item.
    entry: Callable | None = None  # (fe, change, terms, self_kind, contents or None) -> None; None: `_entry`
    json_item: Callable | None = None  # (change, terms, contents, texts) -> dict; None: `_json_item`

    @property
    def entries(self) -> list[Change]:
        """The subscription document: the latest change of the `size` stories changed last, newest first."""
        return changes.newest(self.log, self.size)

    @property
    def stories(self) -> list[Story]:
        return [change.item for change in self.entries]

    def url(self, kind: str) -> str:
        return urls.feeds(self.page)[kind]


@dataclass(frozen=True)
class Archive:
    """One RFC 5005 archive document: a full, fixed page of a feed's stories (number 1 is the oldest)."""

    feed: Feed
    number: int
    count: int  # how many archive documents the feed has
    entries: Sequence[Change]  # newest first

    @property
    def url(self) -> str:
        return urls.feed_archive(self.feed.page, self.number)


def archives(feed: Feed) -> list[Archive]:
    """Only full pages of the log are archived, so an archive's entries never change as stories change."""
    found = changes.pages(feed.log, feed.size)
    return [Archive(feed, n, len(found), page) for n, page in enumerate(found, 1)]


def site_feeds(corpus: Corpus, stories: dict[str, Story], site_name: str,
               log: Sequence[Change] | None = None) -> list[Feed]:
    """One feed for the site, one per movement, one per unit (a locality's gathers its units' stories), one per
    term of each grouping. `log`: every story's changes (versions.story_changes), by default from the
    stories' own dates alone."""
    log = changes.in_order(story_changes(stories.values(), None) if log is None else log)

    def feed(page, title, description, exemplars, group, *rest) -> Feed:
        chosen = [stories[e.id] for e in exemplars]
        keys = {story.identity for story in chosen}
        return Feed(page, title, description, chosen, [c for c in log if c.key in keys], group, *rest,
                    whole=group == "site")  # a topic's feed leaves the text to the site's feed and the ninjs

    feeds = [feed("", site_name, f"Gương điển hình mới nhất — {site_name}", corpus.exemplars_newest_first,
                  "site", "Toàn trang")]
    for movement in sorted(corpus.movements.values(), key=corpus.movement_key):
        feeds.append(feed(urls.movement(movement.id), f"{movement.title} — {site_name}",
                          f"Gương điển hình của phong trào “{movement.title}”.",
                          corpus.by_movement.get(movement.id, []), "movement", movement.short_title,
                          TOPIC_ENTRIES))
    for unit in (u for _, units in corpus.units_by_type() for u in units):
        feeds.append(feed(urls.unit(unit.id), f"{unit.name} — {site_name}",
                          f"Gương điển hình của {unit.name}.", corpus.stories_of_unit(unit.id), "unit",
                          unit.name, TOPIC_ENTRIES))
    for grouping in corpus.groupings.values():  # content/groupings.yml: a feed per term, like a movement's
        for term, label in grouping.terms.items():
            feeds.append(feed(urls.term(grouping.id, term), f"{grouping.label}: {label} — {site_name}",
                              f"Gương điển hình — {grouping.label}: {label}.",
                              corpus.by_term(grouping.id).get(term, []), "term", label, TOPIC_ENTRIES))
    return feeds


def feed_updated(entries: Sequence[Change], fallback: datetime) -> datetime:
    """The newest entry's change; an empty feed takes the site's (never the wall clock)."""
    return max((c.at for c in entries), default=fallback)


def site_fallback(corpus: Corpus) -> datetime:
    return moment(corpus.current_plan.period_start)


def entry_context(story: Story, terms: Terms) -> dict:
    return {"story": story, "terms": terms, "sample_warning": SAMPLE_WARNING}


def entry_html(story: Story, terms: Terms, overrides: Path) -> str:
    """The full story as syndicated: sample warning, photo with credit, body, corrections, attribution."""
    return render(overrides, "thidua/press/entry.html", **entry_context(story, terms)).strip()


def _generator(feed: Feed, terms: Terms, self_kind: str, updated: datetime, contents: dict[str, str] | None,
               entries: Sequence[Change], links: dict[str, str]) -> FeedGenerator:
    """`contents` None: brief entries, for archive documents."""
    absolute = lambda url: urls.absolute(terms.site_url, url)  # noqa: E731
    fg = FeedGenerator()
    fg.load_extension("dc", atom=False, rss=True)  # RSS's author needs an e-mail: dc:creator names the unit
    fg.load_extension("media")
    fg.register_extension("ninjs", NinjsLinkExtension, NinjsLinkEntryExtension)
    fg.register_extension("photo", PhotoCreditExtension, PhotoCreditEntryExtension)
    fg.id(absolute(feed.url("atom")))
    fg.title(feed.title)
    fg.subtitle(feed.description)
    for rel, url in links.items():  # self first, then RFC 5005's current / prev-archive / next-archive
        kind = "application/atom+xml" if self_kind == "atom" or rel != "self" else "application/rss+xml"
        fg.link(href=absolute(url), rel=rel, type=kind)
    fg.link(href=absolute(feed.page), rel="alternate", type="text/html")  # last: RSS takes the last link
    fg.language("vi")
    fg.author(name=terms.holder, uri=terms.site_url)
    fg.rights(f"{terms.licence.name} — {terms.licence.url}")
    fg.generator(GENERATOR, uri=terms.site_url)
    fg.updated(updated)
    fg.lastBuildDate(updated)
    for change in entries:
        fe = fg.add_entry(order="append")
        (feed.entry or _entry)(fe, change, terms, self_kind, contents)
        if not feed.whole:  # a topic's entry links the page: its head, the site's feeds and the catalog link the
            fe.ninjs.ninjs(None)  # ninjs, which forty and more topic feeds repeated at 0.6 KB a story
    return fg


def _entry(fe, change: Change, terms: Terms, self_kind: str, contents: dict[str, str] | None) -> None:
    """The whole story (without its text when `contents` lacks it); `contents` None: a brief entry, for
    archive documents."""
    story = change.item
    _essentials(fe, change, terms)
    if contents is None:  # who and when, and links to the whole story: its page and its ninjs (pubStatus
        fe.author(name=story.unit.name)  # withheld for a sample); the title's prefix marks a sample here
        return
    if story.exemplar.sample:  # for machines: never to be republished (no label: RSS would print it as the term)
        fe.category(term=SAMPLE_CATEGORY, scheme=urls.absolute(terms.site_url, urls.SAMPLE_SCHEME))
    if story.exemplar.id in contents:
        fe.content(contents[story.exemplar.id], type="html")
    # The one author rule: the unit wrote the story; the board publishes the site (the feed's author).
    fe.author(name=story.unit.name, uri=urls.absolute(terms.site_url, urls.unit(story.unit.id)))
    fe.dc.dc_creator(story.unit.name)
    for m in story.movements:  # no label: a category's label defaults to its term
        fe.category(term=m.title, scheme=urls.absolute(terms.site_url, urls.movement(m.id)))
    if story.photo is not None:
        photo = story.photo
        if self_kind == "rss":  # feedgen 1.0 drops rel="enclosure" from Atom links: Atom gets media:content
            fe.enclosure(photo.url, str(photo.size), photo.content_type)
        # Outside any media:group: a group of one is invalid (W3C validator).
        fe.media.content(url=photo.url, type=photo.content_type, medium="image", fileSize=str(photo.size),
                         width=str(photo.width), height=str(photo.height), group=None)
        fe.photo.credit(photo.credit)


def summary(change: Change) -> str:
    """The lede as the version read; a correction says first what it corrected (as GOV.UK's change notes)."""
    lede = change.summary or change.item.exemplar.summary
    return f"{change.note} — {lede}" if change.note else lede


def _essentials(fe, change: Change, terms: Terms) -> None:
    """Identity, title, lede, dates and the two alternates (the page, the ninjs) of an entry."""
    story = change.item
    ex = story.exemplar
    fe.id(story.identity)
    fe.guid(story.identity, permalink=False)
    fe.title(change.title or ex.display_title)
    fe.link(href=story.url, rel="alternate", type="text/html")
    fe.ninjs.ninjs(urls.absolute(terms.site_url, urls.ninjs(ex.id)))  # an alternate of type application/ninjs+json
    fe.summary(summary(change))  # also RSS's description (feedgen's description() would make it Atom content)
    fe.published(story.published)
    fe.updated(change.at)  # when this version reached the site; no rights per entry: the feed's own apply


def carried(feed: Feed, contents: dict[str, str]) -> dict[str, str]:
    """The texts a feed's entries carry: every story's in the site's feeds, none in a topic's."""
    return contents if feed.whole else {}


def atom(feed: Feed, terms: Terms, updated: datetime, contents: dict[str, str]) -> bytes:
    links = {"self": feed.url("atom")}
    found = archives(feed)
    if found:
        links["prev-archive"] = found[-1].url
    return _generator(feed, terms, "atom", updated, carried(feed, contents), feed.entries, links).atom_str(pretty=False, encoding="UTF-8")


def atom_archive(archive: Archive, terms: Terms) -> bytes:
    """RFC 5005 §4. The newest archive's next-archive is the subscription document: a single archive is then
    linked both ways too (the W3C validator's "Archive incomplete")."""
    page = archive.feed.page
    links = {"self": archive.url, "current": archive.feed.url("atom")}
    if archive.number > 1:
        links["prev-archive"] = urls.feed_archive(page, archive.number - 1)
    links["next-archive"] = (urls.feed_archive(page, archive.number + 1) if archive.number < archive.count
                             else archive.feed.url("atom"))
    fg = _generator(archive.feed, terms, "atom", feed_updated(archive.entries, archive.entries[0].at),
                    None, archive.entries, links)
    fg.register_extension("fh", ArchiveExtension, atom=True, rss=False)
    return fg.atom_str(pretty=False, encoding="UTF-8")


def rss(feed: Feed, terms: Terms, updated: datetime, contents: dict[str, str]) -> bytes:
    fg = _generator(feed, terms, "rss", updated, carried(feed, contents), feed.entries, {"self": feed.url("rss")})
    return fg.rss_str(pretty=False, encoding="UTF-8")


def json_feed(feed: Feed, terms: Terms, contents: dict[str, str], texts: dict[str, str] | None = None) -> bytes:
    """`texts`: a plain-text copy for each entry, for feeds whose `json_item` uses one (the commendations')."""
    return _json_document(feed, terms, feed.entries, carried(feed, contents), texts)


def _json_document(feed: Feed, terms: Terms, entries: Sequence[Change], contents: dict[str, str],
                   texts: dict[str, str] | None) -> bytes:
    absolute = lambda url: urls.absolute(terms.site_url, url)  # noqa: E731
    items = [(feed.json_item or _json_item)(change, terms, contents, texts) for change in entries]
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
    return (json.dumps(document, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")


def _json_item(change: Change, terms: Terms, contents: dict[str, str], _texts: dict[str, str] | None) -> dict:
    absolute = lambda url: urls.absolute(terms.site_url, url)  # noqa: E731
    story = change.item
    ex = story.exemplar
    item = {
        "id": story.identity,
        "url": story.url,
        "title": ex.display_title,
        "summary": summary(change),
        "date_published": iso(story.published),
        "date_modified": iso(change.at),
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
    if ex.id in contents:
        item["content_html"] = contents[ex.id]
    else:  # JSON Feed 1.1 wants content_html or content_text: a topic feed's item has its lede as its text
        item["content_text"] = item.pop("summary")
    if story.photo is not None:
        item["image"] = story.photo.url
        item["attachments"] = [{"url": story.photo.url, "mime_type": story.photo.content_type,
                                "title": f"Ảnh: {story.photo.credit}", "size_in_bytes": story.photo.size}]
        item["_thidua"]["photo_credit"] = story.photo.credit
    return item
