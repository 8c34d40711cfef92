"""One build of the site as data: settings, the published corpus, the page plan, photos, press exports.

No MkDocs here. The adapter (`mkdocs_adapter.ThiduaHooks`) maps MkDocs' events onto this object, the
preview (`preview.py`) replaces it when one story changes, and another engine would reuse it as it is.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from concurrent.futures import Executor
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path

from ..checks.commendations import working_days_setting
from ..checks.loader import Loaded, load
from ..checks.schemas import SCHEMA_DIR
from ..content import urls
from ..content.cache_files import Kept, link_or_copy
from ..content.model import Corpus, Exemplar
from ..content.moments import iso
from ..content.problems import ContentError, now_processing
from ..content.text import format_date
from ..content.words import catalogue
from ..hosting import server_files
from ..press.republish import Republish
from ..press.structured_data import Head
from ..press.syndication import Syndication
from ..readers import images, search
from ..editors import cms, guide
from ..site.browse import browse_links
from ..site.commendations import commendation_pages
from ..site.pages import home_page, site_pages
from ..site.sections import SECTIONS, section_of
from ..site.settings import Settings, settings_from
from ..site.spec import PageSpec
from ..site.stories import ToHtml
from ..site.templating import textarea_text
from . import caches
from .workers import AtOnce, Workers

CACHE = Path(".cache")  # outside site/, git-ignored: rebuilds reuse resized photos and share images
IMAGE_CACHE = CACHE / "images"
SHARE_CACHE = CACHE / "share"
PUBLISHED_CACHE = CACHE / "published"  # ninjs, feeds, the search index: linked into the site (cache_files.Kept)


@dataclass(frozen=True)
class SiteInfo:
    """What the engine's configuration says about the site (mkdocs.yml: site_name, site_url, extra.thidua)."""

    root: Path
    name: str
    url: str
    author: str = ""
    extra: dict | None = None  # extra.thidua, with as_of when the engine was given a build date
    repo_url: str = ""  # where editors' submissions go when extra.thidua.cms names no repository


@dataclass
class SiteBuild:
    info: SiteInfo
    settings: Settings
    content: Loaded  # everything read, embargoed stories included, with the warnings
    corpus: Corpus  # as published on settings.as_of: embargoed stories are already gone
    photos: dict[str, images.Photo]  # by exemplar id, planned: their files may still be being made
    drawing: images.Drawing  # the renditions being made while pages render (`publish_photos` waits)
    syndication: Syndication  # feeds, ninjs, republish box, structured data (press agencies)
    pages: dict[str, PageSpec]  # by URL, the hand-written home and press pages included
    form: dict[str, str | Path]  # the editors' web form (/bien-tap/gui-bai/): generated text or installed files
    workers: Workers  # photos and share cards made on every core
    started: float = field(default_factory=time.time)  # what the caches wrote since then is not pruned

    @classmethod
    def prepare(cls, info: SiteInfo, to_html: ToHtml, content: Loaded | None = None) -> SiteBuild:
        """Load and check the content (`ContentError` lists every error), plan the pages, start the photos and cards."""
        settings = settings_from(info.extra or {}, info.root, info.url)
        workers = Workers()
        if not (info.root / CACHE).is_dir():  # a cold build: start the workers while the content is read
            workers.start()
        try:
            content = content or load(info.root)
            if content.errors:
                raise ContentError(content.errors)
            corpus = content.corpus.published(settings.as_of)
            photos, drawing = _photos(info.root, [e for e in corpus.exemplars.values() if e.photo], workers)
            syndication = Syndication.prepare(corpus, settings, info.name, info.author, to_html, photos,
                                              info.root / SHARE_CACHE)
            form = cms.cms_files(info.root, corpus, cms.exemplar_schema(corpus),
                                 cms.cms_settings(info.extra or {}, info.repo_url), info.name)
            syndication.draw_share_images(workers)
        except BaseException:
            workers.close(wait=False)
            raise
        return cls(info, settings, content, corpus, photos, drawing, syndication,
                   _plan(corpus, settings, info, syndication), form, workers)

    def with_stories(self, content: Loaded, exemplar_ids: set[str]) -> SiteBuild:
        """The same build after some stories' files changed (the preview): only their photos and copies are redone."""
        if content.errors:
            raise ContentError(content.errors)
        corpus = content.corpus.published(self.settings.as_of)
        photos = {key: photo for key, photo in self.photos.items() if key not in exemplar_ids}
        changed, drawing = _photos(self.info.root, [corpus.exemplars[key] for key in sorted(exemplar_ids)
                                                    if key in corpus.exemplars and corpus.exemplars[key].photo],
                                   AtOnce)
        photos |= changed
        syndication = replace(self.syndication, photos=photos)
        for exemplar_id in sorted(exemplar_ids):
            syndication = syndication.with_story(corpus, exemplar_id)
        return replace(self, content=content, corpus=corpus, photos=photos, drawing=self.drawing + drawing,
                       syndication=syndication, pages=_plan(corpus, self.settings, self.info, syndication))

    def page(self, url: str) -> PageSpec | None:
        return self.pages.get(url)

    def generated_pages(self) -> list[PageSpec]:
        return [page for page in self.pages.values() if not page.hand_written]

    def static_files(self) -> list[tuple[str, Path]]:
        """(URL, file) published as they are: the content schemas."""
        return [(urls.schema(schema.name), schema) for schema in sorted(SCHEMA_DIR.glob("*.schema.json"))]

    def photo_files(self) -> list[tuple[str, Path]]:
        """(URL, cached file) of every photo rendition (never the original), once they are all made."""
        self._photos_made()
        return [(urls.exemplar(exemplar_id) + name, cached)
                for exemplar_id, photo in self.photos.items() for name, cached in photo.files()]

    def publish_photos(self, site_dir: Path) -> None:
        """After the pages: the renditions drawn while they rendered, linked beside their stories."""
        for url, cached in self.photo_files():
            link_or_copy(cached, site_dir / url)

    def generated_files(self) -> list[tuple[str, str | Path]]:
        """(URL, text or file) of files generated for this build: the editors' web form."""
        return list(self.form.items())

    def template_filters(self) -> dict:
        return {"vndate": format_date, "iso": iso, "thidua_section": section_of, "textarea_text": textarea_text}

    def template_globals(self) -> dict:
        return {"thidua_urls": urls, "thidua_photos": self.photos, "thidua_browse": browse_links(),
                "thidua_sections": SECTIONS, "thidua_short_name": self.settings.short_name,
                "thidua_words": catalogue(), "thidua_words_en": catalogue("en"), "thidua_as_of": self.settings.as_of,
                "thidua_agency": self.settings.agency, "thidua_related_agencies": self.settings.related_agencies,
                "thidua_units": self.corpus.units}

    def head(self, page: PageSpec | None, title: str, description: str) -> Head:
        """What the head of a page tells machines (Open Graph, feeds, JSON-LD), any page, ours or not."""
        kind, context = (page.kind, page.context) if page is not None else (None, {})
        return self.syndication.head(kind, context, title, description)

    def republish(self, page: PageSpec | None) -> Republish | None:
        """The “Đăng lại bài này” box, on story pages only."""
        return self.syndication.republish(page.context["exemplar"].id) if page and page.kind == "exemplar" else None

    def write_extras(self, site_dir: Path) -> None:
        """After the pages: feeds, ninjs, catalog, share images, redirects (pages and nginx's map), the search index;
        then the caches lose what no story uses any more."""
        self._photos_made()  # the feeds and ninjs give each rendition's size in bytes
        root = self.info.root
        kept = Kept(root / PUBLISHED_CACHE)
        self.syndication.write(site_dir, kept)
        self.workers.close()  # every photo and card is made: the processes are no longer needed
        search.write_index(self.corpus, site_dir, kept)
        server_files.write_redirect_map(site_dir, {urls.exemplar(alias): urls.exemplar(e.id)
                                                   for e in self.corpus.exemplars.values() for alias in e.aliases})
        caches.prune(root / PUBLISHED_CACHE, kept.used, self.started)
        caches.prune(root / SHARE_CACHE, set(self.syndication.share_images.planned.values()), self.started)
        caches.prune(root / IMAGE_CACHE, {cached for photo in self.photos.values() for cached in photo.cached()},
                     self.started)

    def close(self) -> None:
        """Stop drawing share images (a build that failed before `write_extras`), and the workers."""
        self.syndication.share_images.close()
        self.workers.close()

    def _photos_made(self) -> None:
        with _named(self.corpus.exemplars.values()):
            self.drawing.wait()


def _photos(root: Path, exemplars: list[Exemplar], workers: Callable[[], Executor]) -> tuple[dict[str, images.Photo], images.Drawing]:
    """The stories' photos, planned, and their renditions the cache lacks being made on every core (each file once)."""
    with _named(exemplars):
        return images.start({e.id: root / e.photo for e in exemplars}, root / IMAGE_CACHE, workers)


@contextmanager
def _named(exemplars) -> Iterator[None]:
    """A photo that cannot be made fails the build naming its story (engine/building.py reports the file)."""
    try:
        yield
    except images.PhotoFailed as failed:
        now_processing(next(e.source for e in exemplars if e.id == failed.key))
        raise failed.error from None


def _plan(corpus: Corpus, settings: Settings, info: SiteInfo, syndication: Syndication) -> dict[str, PageSpec]:
    pages = [home_page(corpus, settings.as_of, info.name, syndication.photos), *site_pages(corpus, settings.page_size),
             *commendation_pages(corpus, settings.as_of),
             *guide.guide_pages(corpus, working_days_setting(info.root)), syndication.press_page()]
    return {page.url: page for page in pages}
