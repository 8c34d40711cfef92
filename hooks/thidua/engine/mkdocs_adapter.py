"""The thin adapter between MkDocs and the content model: load once, hand MkDocs virtual pages."""

from __future__ import annotations

import html
import json
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.toc import get_toc

from ..checks.loader import load_corpus
from ..checks.schemas import SCHEMA_DIR
from ..content import urls
from ..content.history import commit_date
from ..content.model import Corpus
from ..content.moments import iso
from ..content.problems import ContentError, now_processing
from ..content.text import format_date
from ..press.syndication import Syndication
from ..readers import images, search
from ..site import guide
from ..site.browse import browse_links
from ..site.dashboard import campaign_dashboard
from ..site.pages import home_context, site_pages
from ..site.sanitize import clean_html
from ..site.settings import Settings, SettingsError, settings_from
from ..site.lastmod import page_lastmod
from ..site.spec import PageSpec


@dataclass
class _Build:
    settings: Settings
    corpus: Corpus  # as published on settings.as_of: embargoed stories are already gone
    pages: dict[str, PageSpec]
    photos: dict[str, images.Photo] = field(default_factory=dict)  # by exemplar id


_build: _Build | None = None
_syndication: Syndication | None = None  # feeds, ninjs, republish box, structured data (press agencies)
PRESS_PAGE = "bao-chi.md"
CACHE = Path(".cache")  # outside site/, git-ignored: rebuilds reuse resized photos and share images
IMAGE_CACHE = CACHE / "images"
SHARE_CACHE = CACHE / "share"


def on_config(config):
    global _build
    root = Path(config.config_file_path).resolve().parent
    try:
        settings = settings_from(config.extra.get("thidua", {}), root, config.site_url or "")
        corpus = load_corpus(root).published(settings.as_of)
        pages = site_pages(corpus, settings.page_size) + guide.guide_pages(corpus)
    except ContentError as err:
        raise PluginError(f"Nội dung chưa hợp lệ, chưa thể dựng trang:\n{err}") from None
    except SettingsError as err:
        raise PluginError(str(err)) from None
    cache = root / IMAGE_CACHE
    photos = {}
    for exemplar in (e for e in corpus.exemplars.values() if e.photo):
        now_processing(exemplar.source)
        photos[exemplar.id] = images.process(root / exemplar.photo, cache)
    _build = _Build(settings, corpus, {page.src_uri: page for page in pages}, photos)
    global _syndication
    if _syndication is not None:  # a previous build of `mkdocs serve` that failed midway
        _syndication.share_images.close()
    try:
        _syndication = Syndication.prepare(corpus, settings, config.site_name, config.site_author or "",
                                           config.markdown_extensions, config.mdx_configs, photos,
                                           root / SHARE_CACHE)
    except SettingsError as err:
        raise PluginError(str(err)) from None
    now_processing(None)
    return config


def on_files(files: Files, config) -> Files:
    for page in _build.pages.values():
        inclusion = InclusionLevel.INCLUDED if page.in_nav else InclusionLevel.NOT_IN_NAV
        files.append(File.generated(config, page.src_uri, content=_markdown(page), inclusion=inclusion))
    for exemplar_id, photo in _build.photos.items():  # only resized, metadata-free renditions, never the original
        for name, cached in photo.files():
            files.append(File.generated(config, urls.exemplar(exemplar_id) + name, abs_src_path=str(cached)))
    for schema in sorted(SCHEMA_DIR.glob("*.schema.json")):
        files.append(File.generated(config, f"schema/{schema.name}", abs_src_path=str(schema)))
    return files


def on_env(env, config, files):
    env.filters["vndate"] = format_date
    env.filters["iso"] = iso
    env.globals["thidua_urls"] = urls
    env.globals["thidua_photos"] = _build.photos
    env.globals["thidua_browse"] = browse_links()
    return env


def on_pre_page(page, config, files):
    now_processing(_source_of(page, config))  # named if MkDocs fails while rendering this page
    return page


def on_post_page(output: str, page, config) -> str:
    now_processing(None)
    return output


def on_build_error(error) -> None:
    """Stop drawing share images at once: the build has failed (`thidua build`, a `serve` rebuild)."""
    if _syndication is not None:
        _syndication.share_images.close()


def _source_of(page, config) -> str | None:
    """The repository file a page comes from: a plan, movement, unit or story file, or a page of docs/."""
    spec = _build.pages.get(page.file.src_uri)
    if spec is not None:
        return spec.source or None
    if not page.file.abs_src_path:
        return None
    root = Path(config.config_file_path).resolve().parent
    path = Path(page.file.abs_src_path).resolve()
    return path.relative_to(root).as_posix() if path.is_relative_to(root) else None


def on_page_context(context, page, config, nav):
    now_processing(_source_of(page, config))
    spec = _build.pages.get(page.file.src_uri)
    if spec is not None:
        context["thidua"] = spec.context
    elif page.is_homepage:
        context["thidua"] = {**home_context(_build.corpus),
                             "dashboard": campaign_dashboard(_build.corpus, _build.settings.as_of)}
    elif page.file.src_uri == PRESS_PAGE:
        context["thidua"] = _syndication.press_context()
    _add_press_context(context, page, config, spec)
    return context


def _hand_written_lastmod(page, config) -> None:
    """The home page changes with its newest story; other hand-written pages with their file's last commit."""
    if page.is_homepage and _build.corpus.exemplars:
        page.meta["lastmod"] = max(e.last_modified for e in _build.corpus.exemplars.values()).isoformat()
        return
    source = Path(config.docs_dir) / page.file.src_uri
    changed = commit_date(_build.settings.root, source.relative_to(_build.settings.root).as_posix()) \
        if source.is_relative_to(_build.settings.root) else None
    if changed is not None:
        page.meta["lastmod"] = changed.isoformat()


def _add_press_context(context, page, config, spec: PageSpec | None) -> None:
    """What main.html's head (Open Graph, feeds, JSON-LD) and the republish box print."""
    kind = spec.kind if spec is not None else "home" if page.is_homepage else "press" if page.file.src_uri == PRESS_PAGE else None
    if spec is not None:
        title, description = spec.title, spec.description
    else:
        # escaped by on_page_markdown for MkDocs' templates; main.html escapes on its own
        title = config.site_name if page.is_homepage else html.unescape(page.meta.get("title") or page.title or config.site_name)
        description = html.unescape(page.meta.get("description") or config.site_description or "")
    context["thidua_head"] = _syndication.head(kind, spec.context if spec is not None else {}, title, description)
    if kind == "exemplar":
        context["thidua_republish"] = _syndication.republish(spec.context["exemplar"].id)


def on_page_markdown(markdown: str, page, config, files) -> str:
    """A hand-written page's title and description are printed unescaped by MkDocs' templates: escape them.
    Its lastmod is set here too, since MkDocs renders the sitemap before any page's context."""
    if page.file.src_uri not in _build.pages:
        page.meta.update({key: html.escape(str(page.meta[key])) for key in ("title", "description") if key in page.meta})
        _hand_written_lastmod(page, config)
    return markdown


def on_page_content(html_text: str, page, config, files) -> str:
    """Every body passes one allow-list; a story's body was rendered once, with its syndicated copy."""
    spec = _build.pages.get(page.file.src_uri)
    if spec is not None and spec.kind == "exemplar":
        story = _syndication.stories[spec.context["exemplar"].id]
        page.toc = get_toc(story.toc_tokens)
        return story.page_html
    return clean_html(html_text)


def on_post_build(config) -> None:
    site_dir = Path(config.site_dir)
    _syndication.write(site_dir)
    search.write_index(_build.corpus, site_dir)
    now_processing(None)


def _markdown(page: PageSpec) -> str:
    # MkDocs' templates print title and description unescaped, so they are escaped here, once.
    # JSON strings are YAML scalars, and json.dumps is far cheaper than yaml.safe_dump on every page.
    meta = {"title": html.escape(page.title), "description": html.escape(page.description),
            "template": page.template}
    modified = page_lastmod(page)
    if modified is not None:
        meta["lastmod"] = modified.isoformat()
    if not page.in_sitemap:
        meta["sitemap"] = False
    if page.kind == "exemplar":  # the one author rule: the unit wrote the story (meta author, JSON-LD, feeds, ninjs)
        meta["author"] = html.escape(page.context["unit"].name)
    front = "".join(f"{key}: {json.dumps(value, ensure_ascii=False)}\n" for key, value in meta.items())
    if page.kind == "exemplar":  # rendered once by the syndication (see on_page_content)
        return f"---\n{front}hide: [toc]\n---\n"
    return f"---\n{front}---\n\n{page.body}\n"
