"""The thin adapter between MkDocs and the site: each MkDocs event is one call on a `SiteBuild`.

MkDocs' vocabulary stays here: source files (`src_uri`), generated `File`s, front matter, the Markdown
configuration. The domain speaks of page URLs; a page of `use_directory_urls` at "x/" comes from "x/index.md".
"""

from __future__ import annotations

import functools
import html
import json
import logging
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from ..checks import photos
from ..checks.rendering import story_renderer
from ..checks.sanitize import clean_html
from ..content.history import commit_date
from ..content.problems import ContentError, now_processing
from ..hosting import minify
from ..readers import assets
from ..editors import cms
from ..site.lastmod import page_lastmod
from ..site.settings import SettingsError
from ..site.spec import PageSpec
from . import ENGINE, caches
from .page_cache import PageCache
from .site_build import SiteBuild, SiteInfo

REUSED_TEMPLATE = "thidua/reused.html"  # renders nothing: the page an earlier build kept is linked in its place


def source_uri(url: str) -> str:
    """The virtual Markdown file that MkDocs turns into the page at `url` (with `use_directory_urls`)."""
    return f"{url}index.md"


class ThiduaHooks:
    """MkDocs' hooks as methods of one object; `hooks/mkdocs_hooks.py` exposes those of one instance."""

    def __init__(self) -> None:
        self.site: SiteBuild | None = None
        self.assets: dict[str, str] = {}  # our CSS and JS: plain name -> content-hashed name
        self.reuse_pages = True  # the preview says no: its pages carry the reload script
        self.page_cache: PageCache | None = None
        self.page_keys: dict[str, str] = {}  # story page URL -> its key in the page cache
        self.reused: set[str] = set()  # URLs of the story pages the page cache holds
        # MkDocs says "Page skipped … Generated empty output" of a page whose kept file is linked in its place:
        # not so, and a line per story.
        logging.getLogger("mkdocs.commands.build").addFilter(self._not_a_reused_page)

    def _not_a_reused_page(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        return not (message.startswith("Page skipped: '") and
                    message.split("'")[1].removesuffix("index.md") in self.reused)

    def on_config(self, config):
        if self.site is not None:  # a previous build of `mkdocs serve` that failed midway
            self.site.close()
        info = SiteInfo(root=Path(config.config_file_path).resolve().parent, name=config.site_name,
                        url=config.site_url or "", author=config.site_author or "",
                        extra=dict(config.extra.get("thidua") or {}), repo_url=config.repo_url or "")
        try:
            self.site = SiteBuild.prepare(info, story_renderer(config.markdown_extensions, config.mdx_configs))
        except ContentError as err:
            raise PluginError(f"Nội dung chưa hợp lệ, chưa thể dựng trang:\n{err}") from None
        except (SettingsError, cms.CmsError) as err:
            raise PluginError(str(err)) from None
        self.page_keys, self.reused = {}, set()
        self.page_cache = PageCache(info.root, self.site.settings.as_of, f"{ENGINE} {config.site_url}") \
            if self.reuse_pages else None
        now_processing(None)
        return config

    def on_files(self, files: Files, config) -> Files:
        # overrides/thidua/ holds templates (feed entries, the republish box as text): MkDocs would publish
        # every one that is not .html as a static file of the theme
        for template in [f for f in files if f.src_uri.startswith("thidua/") and not f.src_uri.endswith(".html")]:
            files.remove(template)
        root = self.site.info.root
        committed = functools.cache(lambda source: commit_date(root, source))
        for page in self.site.generated_pages():
            files.append(generated_page(page, config, committed))
        for url, path in self.site.static_files():
            files.append(File.generated(config, url, abs_src_path=str(path)))
        for url, source in self.site.generated_files():
            if isinstance(source, Path):
                files.append(File.generated(config, url, abs_src_path=str(source)))
            else:
                files.append(File.generated(config, url, content=source))
        self.assets = hash_assets(files, config)
        without_metadata(files, config)
        return files

    def on_env(self, env, config, files):
        env.auto_reload = False  # one build, one set of templates: no stat() of each include on each page
        env.filters.update(self.site.template_filters())
        env.globals.update(self.site.template_globals())
        env.globals["thidua_asset"] = self.assets.__getitem__
        return env

    def on_pre_page(self, page, config, files):
        now_processing(self._source_of(page, config))  # named if MkDocs fails while rendering this page
        return page

    def on_post_page(self, output: str, page, config) -> str:
        """Every page lighter as it is rendered, so the preview serves what the build publishes; a story page
        kept for the next build."""
        now_processing(None)
        if page.url in self.reused:  # MkDocs writes nothing for an empty page: the kept file is linked in its place
            self.page_cache.publish(self.page_keys[page.url], Path(page.file.abs_dest_path))
            return ""
        output = minify.collapse(output)
        if page.url in self.page_keys:
            self.page_cache.put(self.page_keys[page.url], output)
        return output

    def on_post_template(self, output: str, template_name: str, config) -> str:
        """The theme's own pages (404.html) as lighter as the others; sitemap.xml stays as it is."""
        return minify.collapse(output) if template_name.endswith(".html") else output

    def on_page_context(self, context, page, config, nav):
        now_processing(self._source_of(page, config))
        if page.url in self.reused:  # rendered by an earlier build: nothing to compute
            return context
        spec = self.site.page(page.url)
        if spec is not None:
            context["thidua"] = spec.context
        title, description = _title_and_description(spec, page, config)
        context["thidua_head"] = self.site.head(spec, title, description)
        republish = self.site.republish(spec)
        if republish is not None:
            context["thidua_republish"] = republish
        return context

    def on_page_markdown(self, markdown: str, page, config, files) -> str:
        """A hand-written page's title and description are printed unescaped by MkDocs' templates: escape them."""
        spec = self.site.page(page.url)
        if spec is None or spec.hand_written:
            page.meta.update({key: html.escape(str(page.meta[key])) for key in ("title", "description") if key in page.meta})
            self._hand_written_lastmod(spec, page, config)
        elif spec.kind == "exemplar" and self.page_cache is not None:
            self._reuse(spec, page)
        return markdown

    def _reuse(self, spec: PageSpec, page) -> None:
        """A story page an earlier build rendered from the same inputs is linked into the site as it was."""
        key = self.page_keys[page.url] = self.page_cache.key(spec, self.site.corpus.exemplars, self.site.photos)
        if self.page_cache.kept(key):
            self.reused.add(page.url)
            page.meta["template"] = REUSED_TEMPLATE

    def _hand_written_lastmod(self, spec: PageSpec | None, page, config) -> None:
        """The sitemap's date of a docs/ page: its newest story (home), else its file's last commit.
        Set here because MkDocs renders the sitemap before any page's context."""
        root = self.site.info.root
        modified = page_lastmod(spec) if spec is not None else None
        source = Path(page.file.abs_src_path or "").resolve()
        if modified is None and source.is_relative_to(root):
            modified = commit_date(root, source.relative_to(root).as_posix())
        if modified is not None:
            page.meta["lastmod"] = modified.isoformat()

    def on_page_content(self, html_text: str, page, config, files) -> str:
        """Every body passes one allow-list; a story's body was rendered once, with its syndicated copy."""
        spec = self.site.page(page.url)
        if spec is not None and spec.kind == "exemplar":
            story = self.site.syndication.stories[spec.context["exemplar"].id]
            page.toc = get_toc(story.toc_tokens)
            return story.page_html
        return clean_html(html_text)

    def on_post_build(self, config) -> None:
        self.site.publish_photos(Path(config.site_dir))
        self.site.write_extras(Path(config.site_dir))
        if self.page_cache is not None:
            caches.prune(self.page_cache.folder, self.page_cache.used, self.site.started)
        now_processing(None)

    def on_build_error(self, error) -> None:
        """Stop drawing share images at once: the build has failed (`thidua build`, a preview rebuild)."""
        if self.site is not None:
            self.site.close()

    def _source_of(self, page, config) -> str | None:
        """The repository file a page comes from: a plan, movement, unit or story file, or a page of docs/."""
        spec = self.site.page(page.url)
        if spec is not None and spec.source:
            return spec.source
        if not page.file.abs_src_path:
            return None
        path = Path(page.file.abs_src_path).resolve()
        return path.relative_to(self.site.info.root).as_posix() if path.is_relative_to(self.site.info.root) else None


PICTURES = (".jpg", ".jpeg", ".png", ".webp")


def without_metadata(files: Files, config) -> None:
    """Pictures of docs/ and overrides/ are content too: published with their pixels and none of their metadata
    (checks.photos.without_metadata); story photos are re-encoded by readers.images instead."""
    folders = [Path(config.docs_dir).resolve(), *([Path(config.theme.custom_dir).resolve()]
                                                  if config.theme.custom_dir else [])]
    for file in [f for f in files if f.abs_src_path and f.src_uri.lower().endswith(PICTURES)
                 and any(Path(f.abs_src_path).resolve().is_relative_to(folder) for folder in folders)]:
        data = Path(file.abs_src_path).read_bytes()
        stripped = photos.without_metadata(data)
        if stripped != data:
            files.remove(file)
            files.append(File.generated(config, file.src_uri, content=stripped))


def hash_assets(files: Files, config) -> dict[str, str]:
    """Our CSS and JS published under content-hashed names only (readers.assets)."""
    hashed_names = {}
    for name in assets.HASHED:
        source = files.get_file_from_path(name)
        if source is None:
            raise PluginError(f"thiếu tệp {config.docs_dir}/{name}")
        content = source.content_bytes
        files.remove(source)
        hashed_names[name] = assets.hashed_name(name, content)
        files.append(File.generated(config, hashed_names[name], content=content))
    return hashed_names


def generated_page(page: PageSpec, config, committed=lambda source: None) -> File:
    """The File of a generated page; a story's has its `StoryPage` already (MkDocs makes the others' pages)."""
    inclusion = InclusionLevel.INCLUDED if page.in_nav else InclusionLevel.NOT_IN_NAV
    file = File.generated(config, source_uri(page.url), content=page_markdown(page, committed), inclusion=inclusion)
    if page.kind == "exemplar":
        StoryPage(None, file, config)
    return file


class StoryPage(Page):
    """A story's page, whose body is the one the check rendered (on_page_content puts it in): MkDocs' own Markdown
    pass over the page's empty source, a Markdown instance with every extension per story, is skipped. What that
    pass gave is given as it was: no content, no headings, no anchors, no links."""

    def render(self, config, files) -> None:
        self.content, self.toc = "", get_toc([])
        self.present_anchor_ids, self.links_to_anchors = set(), {}


def page_markdown(page: PageSpec, committed=lambda source: None) -> str:
    """`committed(source)`: the date of a content file's last commit, the `lastmod` of a page without stories
    (a plan, a movement or unit with none yet); never the commit being built, which an empty commit changes."""
    # MkDocs' templates print title and description unescaped, so they are escaped here, once.
    # JSON strings are YAML scalars, and json.dumps is far cheaper than yaml.safe_dump on every page.
    meta = {"title": html.escape(page.title), "description": html.escape(page.description),
            "template": page.template}
    modified = page_lastmod(page) or (committed(page.source) if page.source else None)
    if modified is not None:
        meta["lastmod"] = modified.isoformat()
    if not page.in_sitemap:
        meta["sitemap"] = False
    if page.kind == "exemplar":  # the one author rule: the unit wrote the story (meta author, JSON-LD, feeds, ninjs)
        meta["author"] = html.escape(page.context["unit"].name)
    front = "".join(f"{key}: {json.dumps(value, ensure_ascii=False)}\n" for key, value in meta.items())
    if page.kind == "exemplar":  # rendered once by the syndication (see on_page_content)
        return f"---\n{front}hide: [toc]\n---\n"
    if page.kind == "plan":  # a plan prints its own table of contents, for phones too
        front += "hide: [toc]\n"
    return f"---\n{front}---\n\n{page.body}\n"


def _title_and_description(spec: PageSpec | None, page, config) -> tuple[str, str]:
    """Ours from the plan; a hand-written page's from its front matter unless the plan says (home: the site)."""
    if spec is not None and not spec.hand_written:
        return spec.title, spec.description
    # escaped by on_page_markdown for MkDocs' templates; main.html escapes on its own
    title = (spec.title if spec else "") or html.unescape(page.meta.get("title") or page.title or config.site_name)
    description = (spec.description if spec else "") or html.unescape(page.meta.get("description")
                                                                      or config.site_description or "")
    return title, description
