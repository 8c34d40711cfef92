"""Everything press agencies take from the site, computed once per build from the published corpus.

The engine asks this module for what a page's head and the republish box need, and, after the
build, has it write feeds, ninjs, the catalog, share images and redirects into the site folder.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cached_property
from datetime import date
from pathlib import Path

from ..content import urls
from ..content.cache_files import Kept
from ..content.history import History, folder_history
from ..content.model import Corpus
from ..content.problems import now_processing
from ..site import redirects
from ..site.settings import Settings, SettingsError
from ..site.spec import PageSpec
from ..site.stories import Story, ToHtml, render_stories, render_story
from . import catalog, commendations, feeds, ninjs, share_image, sitemaps
from .republish import Republish, republish
from .share_cache import Card, FromPhoto, ShareImages
from .structured_data import Head, head_for
from .terms import Terms
from .versions import story_changes


EXEMPLARS = "exemplars"  # the stories' folder, whose history orders the feeds
COMMENDATIONS = "content/commendations"  # the consultations' and decisions' folder, likewise


@dataclass
class Syndication:
    corpus: Corpus
    terms: Terms
    stories: dict[str, Story]
    share_images: ShareImages
    to_html: ToHtml
    photos: dict  # images.Photo by exemplar id
    overrides: Path  # the theme's custom_dir: templates of feed entries, republish box, redirects
    as_of: date
    settings: Settings
    history: History | None = None  # exemplars/ in the repository's history: the feeds' order (versions.py)

    @classmethod
    def prepare(cls, corpus: Corpus, settings: Settings, site_name: str, site_author: str, to_html: ToHtml,
                photos: dict, share_cache: Path) -> Syndication:
        """Render the stories once; `draw_share_images` starts their cards, which `write` then publishes."""
        if not settings.site_url.startswith(("https://", "http://")):
            raise SettingsError("mkdocs.yml cần site_url (https://…): nguồn tin, ninjs và dòng nguồn dùng địa chỉ đầy đủ")
        terms = Terms(site_name=site_name, site_url=settings.site_url, holder=site_author or site_name,
                      licence=settings.licence, attribution=settings.attribution or site_name)
        stories = render_stories(corpus, photos, settings.site_url, to_html)
        return cls(corpus, terms, stories, ShareImages(share_cache), to_html, photos, settings.root / "overrides",
                   settings.as_of, settings, folder_history(settings.root, EXEMPLARS))

    def draw_share_images(self, workers=None) -> None:
        """Start drawing (in other processes: the build's `workers` when given) while the pages are rendered;
        `write` waits for them."""
        self.share_images.close()
        self.share_images = ShareImages(self.share_images.cache_dir, workers)
        self.share_images.start(_share_images(self.corpus, self.stories, self.terms, self.photos))

    def with_story(self, corpus: Corpus, exemplar_id: str) -> Syndication:
        """After one story changed (the preview): only that story is rendered again."""
        stories = dict(self.stories)
        stories.pop(exemplar_id, None)
        if exemplar_id in corpus.exemplars:
            stories[exemplar_id] = render_story(corpus, corpus.exemplars[exemplar_id], self.photos,
                                                self.terms.site_url, self.to_html)
        order = {e.id: n for n, e in enumerate(corpus.exemplars_newest_first)}
        return replace(self, corpus=corpus, stories=dict(sorted(stories.items(), key=lambda item: order[item[0]])))

    def head(self, kind: str | None, context: dict, title: str, description: str) -> Head:
        story = self.stories.get(context["exemplar"].id) if kind == "exemplar" else None
        head = head_for(kind, context, self.corpus, self.terms, story.photo if story else None)
        return replace(head, title=title, description=description)

    def republish(self, exemplar_id: str) -> Republish:
        return republish(self.stories[exemplar_id], self.terms, self.overrides)

    @cached_property  # the press page and the feed files read the same feeds: their history is read once
    def feeds(self) -> list[feeds.Feed]:
        log = story_changes(self.stories.values(), self.history)
        return feeds.site_feeds(self.corpus, self.stories, self.terms.site_name, log)

    def press_page(self) -> PageSpec:
        """docs/bao-chi.md, with every feed listed: a hand-written page the plan gives its context."""
        return PageSpec(urls.PRESS, "", "", "press", hand_written=True, context=self.press_context())

    def press_context(self) -> dict:
        """What the press page lists: every feed with stories, the catalog, the licence, the contact."""
        return {"feeds": [f for f in self.feeds if f.every], "contact": self.settings.press_contact,
                "terms": self.terms, "catalog": urls.CATALOG, "csv": urls.EXEMPLARS_CSV,
                "commendations": {"feeds": urls.feeds(urls.COMMENDATIONS), "csv": urls.COMMENDATIONS_CSV,
                                  "count": len(self.corpus.commendations)},
                "entries": {"site": feeds.MAX_ENTRIES, "topic": feeds.TOPIC_ENTRIES},
                "movements": {m.id: m for m in self.corpus.movements.values()},
                "units": {u.id: u for u in self.corpus.units.values()}}

    def write(self, site_dir: Path, kept: Kept) -> list[Path]:
        """Write every machine-readable file into the built site, linked from `kept`; returns what was written."""
        written: list[Path] = []

        def put(url: str, data: bytes) -> None:
            kept.publish(data, site_dir / url)
            written.append(site_dir / url)

        self.share_images.publish(site_dir)
        self._write_feeds(put)
        self._write_commendation_feed(put)
        for story in self.stories.values():
            ex = story.exemplar
            now_processing(ex.source)
            share = site_dir / urls.share_image(ex.id, photo=story.photo is not None)
            data = ninjs.ninjs_bytes(story, self.terms, share.stat().st_size if share.exists() else None)
            put(urls.ninjs(ex.id), data)
            for alias in ex.aliases:  # the old address keeps answering: its page redirects, its ninjs stays
                target = site_dir / urls.exemplar(alias) / "index.html"
                if target.exists():  # the loader forbids this; never overwrite a real page
                    raise FileExistsError(f"mã cũ “{alias}” trùng với một trang đã có")
                put(urls.exemplar(alias) + "index.html",
                    redirects.redirect_page(self.overrides, story.url, ex.display_title).encode("utf-8"))
                put(urls.ninjs(alias), data)
        now_processing(None)
        put(urls.SITE_LOGO, share_image.logo(self.settings.short_name or self.terms.site_name))
        put(urls.CATALOG, catalog.catalog_bytes(self.corpus, self.terms))
        put(urls.EXEMPLARS_CSV, catalog.exemplars_csv(self.corpus, self.terms, self.stories))
        put(urls.COMMENDATIONS_CSV, commendations.recipients_csv(self.corpus, self.terms))
        news = sitemaps.news_stories(self.stories.values(), self.as_of)
        if news:
            put(urls.NEWS_SITEMAP, sitemaps.news_sitemap(news, self.terms, self.overrides))
        put(urls.ROBOTS, sitemaps.robots(self.terms, bool(news)))
        sitemaps.steady_sitemap_gzip(site_dir)
        return written

    @property
    def commendation_feed(self) -> feeds.Feed:
        items = commendations.notices(self.corpus, self.terms.site_url, self.to_html)
        history = folder_history(self.settings.root, COMMENDATIONS)
        return commendations.commendation_feed(items, self.terms.site_name, history)

    def _write_commendation_feed(self, put) -> None:
        """/khen-thuong/'s feeds, by the stories' feed functions: the same identity and archive rules."""
        feed = self.commendation_feed
        # only the subscription documents carry whole entries; archive entries are brief
        contents, texts = commendations.entry_contents(list(feed.stories), self.corpus, self.terms, self.overrides)
        updated = feeds.feed_updated(feed.entries, feeds.site_fallback(self.corpus))
        put(feed.url("atom"), feeds.atom(feed, self.terms, updated, contents))
        put(feed.url("rss"), feeds.rss(feed, self.terms, updated, contents))
        put(feed.url("json"), feeds.json_feed(feed, self.terms, contents, texts))
        for archive in feeds.archives(feed):
            put(archive.url, feeds.atom_archive(archive, self.terms))

    def _write_feeds(self, put) -> None:
        contents = {sid: feeds.entry_html(s, self.terms, self.overrides) for sid, s in self.stories.items()}
        every = self.feeds
        fallback = feeds.feed_updated(every[0].entries, feeds.site_fallback(self.corpus))  # the site's last change
        for feed in every:
            updated = feeds.feed_updated(feed.entries, fallback)
            put(feed.url("atom"), feeds.atom(feed, self.terms, updated, contents))
            put(feed.url("rss"), feeds.rss(feed, self.terms, updated, contents))
            put(feed.url("json"), feeds.json_feed(feed, self.terms, contents))
            for archive in feeds.archives(feed):
                put(archive.url, feeds.atom_archive(archive, self.terms))


def _share_images(corpus: Corpus, stories: dict[str, Story], terms: Terms, photos: dict) -> dict[str, Card | FromPhoto]:
    """The og:image of every story (its photo cropped to 1200×630, or a card with its title) and the site's own card."""
    images: dict[str, Card | FromPhoto] = {
        urls.share_image(sid, story.photo is not None): FromPhoto(
            photos[sid].source, photos[sid].content, story.exemplar.sample)
        if story.photo is not None
        else Card(story.exemplar.title, "", terms.site_name, story.exemplar.sample)  # no kicker: 0.6 KB a card
        for sid, story in stories.items()}
    images[urls.SITE_SHARE_IMAGE] = Card(corpus.current_plan.short_title, terms.holder, terms.site_name, False)
    return images
