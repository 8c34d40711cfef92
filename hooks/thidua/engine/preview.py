"""The preview's site: built once like `thidua build`, then, when a story is saved, only what it changes.

A saved story (edited, new or deleted) is read again alone (`reload_exemplar`), the page plan is
recomputed (cheap, no rendering), and only the pages whose template input changed are rendered again,
by MkDocs' own page functions with the same Material templates, Jinja environment and navigation as the
first build. Feeds, ninjs, the catalog, share images and the search index are not redone on each save:
they are rewritten when next asked for (`ensure_extras`). Anything else saved (content/, docs/,
templates, mkdocs.yml, a photo) builds the whole preview again. Python code in hooks/ needs a restart.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import threading
import time
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from mkdocs.commands.build import _build_page, _populate_page, build
from mkdocs.config import load_config
from mkdocs.plugins import BasePlugin
from mkdocs.structure.pages import Page

from ..checks.loader import Loaded, reload_exemplar
from ..content import urls
from ..content.problems import ContentError, ProcessingError, processing_file
from ..site.settings import config_problems
from .building import collect_mkdocs_messages, with_build_date
from .mkdocs_adapter import ThiduaHooks, generated_page, page_markdown
from .page_changes import fingerprints, pages_to_render
from .site_build import SiteBuild

DEFAULT_WATCHED = ("mkdocs.yml", "docs", "content", "exemplars", "hooks", "overrides")


class _Capture(BasePlugin):
    """Keeps what MkDocs builds and then forgets: the files, the Jinja environment and the navigation."""

    env = nav = files = None

    def on_nav(self, nav, config, files):
        self.nav = nav
        return nav

    def on_env(self, env, config, files):
        env.globals["thidua_preview"] = True  # main.html adds the reload script, only here
        self.env, self.files = env, files
        return env


@dataclass
class _Built:
    """The MkDocs objects of the last full build, reused to render single pages again."""

    config: object
    files: object
    nav: object
    env: object
    hooks: ThiduaHooks
    site: SiteBuild  # what the pages show now
    by_url: dict = field(default_factory=dict)  # page URL -> MkDocs File
    shown: dict = field(default_factory=dict)  # page URL -> Fingerprint of what it shows now


@dataclass
class Update:
    """What one save did, for the terminal."""

    problems: list[str]  # `path:line: field: message` lines; empty when the preview shows the change
    pages: int = 0
    seconds: float = 0.0
    full: bool = False


class Preview:
    def __init__(self, root: Path, as_of: date | None = None) -> None:
        self.root, self.as_of = root.resolve(), as_of
        self.work = Path(tempfile.mkdtemp(prefix="thidua-xem-truoc-"))
        self.lock = threading.RLock()  # held while pages are written and while a request reads one
        self.site_dir: Path | None = None
        self.problems: list[str] = []
        self.version = 0  # the reload script reloads the page when this changes
        self.extras_stale = False
        self.built: _Built | None = None
        self.content: Loaded | None = None  # the latest reading, even with errors
        self.pending: set[str] = set()  # stories saved since the pages last showed them

    def watched(self) -> list[Path]:
        extra = [Path(p) for p in self.built.config.watch] if self.built else []
        return sorted({self.root / name for name in DEFAULT_WATCHED} | set(extra))

    def apply(self, changed: set[Path]) -> Update:
        stories = {p for p in changed if p.parent == self.root / "exemplars" and p.suffix == ".md"}
        if self.built is None or stories != changed:
            return self.full_build()
        return self._stories_saved(stories)

    def full_build(self) -> Update:
        start = time.perf_counter()
        refused = [str(p) for p in config_problems(self.root) if p.is_error]  # before MkDocs reads mkdocs.yml
        if refused:
            self.built = None
            return self._failed(refused)
        staging = Path(tempfile.mkdtemp(prefix="site-", dir=self.work))
        messages: list[str] = []
        try:
            with collect_mkdocs_messages(messages):
                config = load_config(str(self.root / "mkdocs.yml"), site_dir=str(staging), strict=True)
                _hooks_of(config).reuse_pages = False  # its pages carry the reload script: never kept, never reused
                capture = _Capture()
                config.plugins["thidua-xem-truoc"] = capture
                build(with_build_date(config, self.as_of))
        except BaseException as err:  # noqa: BLE001 - every failure is shown, none stops the preview
            if isinstance(err, KeyboardInterrupt):
                raise
            shutil.rmtree(staging, ignore_errors=True)
            self.built = None  # whatever is saved next, the whole preview is built again
            return self._failed(_lines(messages) or [_describe(err)])
        hooks = _hooks_of(config)
        files = capture.files
        built = _Built(config, files, capture.nav, capture.env, hooks, hooks.site,
                       {f.page.url: f for f in files.documentation_pages() if f.page is not None},
                       fingerprints(hooks.site.pages))
        with self.lock:
            previous, self.site_dir, self.built = self.site_dir, staging, built
            self.content, self.pending, self.extras_stale = built.site.content, set(), False
            self._succeeded()
        if previous is not None:
            shutil.rmtree(previous, ignore_errors=True)
        return Update([], len(built.by_url), time.perf_counter() - start, full=True)

    def _stories_saved(self, paths: set[Path]) -> Update:
        start = time.perf_counter()
        built, content = self.built, self.content
        for path in sorted(paths):
            content = reload_exemplar(content, self.root, path)
        self.content = content
        self.pending |= {path.stem for path in paths}
        if content.errors:
            return self._failed([str(p) for p in content.errors])
        try:
            site = built.site.with_stories(content, self.pending)
        except ContentError as err:
            return self._failed([str(p) for p in err.problems])
        shown = fingerprints(site.pages)
        changed = pages_to_render(built.shown, shown, self.pending)
        gone = [url for url in built.shown if url not in shown]
        moved = [built.site.pages[url] for url in gone] + [site.pages[url] for url in changed if url not in built.shown]
        if any(page.in_nav or page.hand_written for page in moved):
            return self.full_build()  # the navigation changes: every page shows it
        messages: list[str] = []
        with self.lock:
            try:
                with collect_mkdocs_messages(messages):
                    self._remove(built, gone)
                    self._render(built, site, changed, self.pending)
                built.shown = shown
            except Exception as err:  # noqa: BLE001 - a template error is shown like a content error
                return self._failed(_lines(messages) or [_describe(err)])
            if messages:
                return self._failed(_lines(messages))
            self.pending, self.extras_stale = set(), True
            self._succeeded()
        return Update([], len(changed) + len(gone), time.perf_counter() - start)

    def _render(self, built: _Built, site: SiteBuild, changed: list[str], stories: set[str]) -> None:
        built.site = built.hooks.site = site
        built.env.globals.update(site.template_globals())
        folders = tuple(urls.exemplar(story) for story in stories)
        for url, path in site.photo_files():  # the saved stories' photo renditions
            if url.startswith(folders) and not (self.site_dir / url).exists():
                (self.site_dir / url).parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(path, self.site_dir / url)
        for url in changed:
            if url not in built.by_url:  # a new story, or a listing's new last page
                file = built.by_url[url] = generated_page(site.pages[url], built.config)
                built.files.append(file)
                if file.page is None:  # a listing's page (a story's comes with its StoryPage)
                    Page(None, file, built.config)
        doc_files = built.files.documentation_pages()
        for url in changed:
            file, spec = built.by_url[url], site.pages[url]
            if not spec.hand_written:
                file.content_string = page_markdown(spec)
            _populate_page(file.page, built.config, built.files)
            _build_page(file.page, built.config, doc_files, built.nav, built.env)

    def _remove(self, built: _Built, gone: list[str]) -> None:
        """Pages no longer in the plan (a story deleted or embargoed, a listing's last page)."""
        for url in gone:
            built.files.remove(built.by_url.pop(url))
            (self.site_dir / url / "index.html").unlink(missing_ok=True)

    def ensure_extras(self) -> None:
        """Feeds, ninjs, catalog, share images and search index, rewritten when asked for after a save."""
        with self.lock:
            if not self.extras_stale or self.built is None:
                return
            site = self.built.site
            fresh = Path(tempfile.mkdtemp(prefix="extras-", dir=self.work))
            site.syndication.draw_share_images()
            site.write_extras(fresh)
            for path in sorted(p for p in fresh.rglob("*") if p.is_file()):
                target = self.site_dir / path.relative_to(fresh)
                target.parent.mkdir(parents=True, exist_ok=True)
                os.replace(path, target)  # share images are hard links to the cache: never copied onto themselves
            shutil.rmtree(fresh, ignore_errors=True)
            self.extras_stale = False

    def close(self) -> None:
        if self.built is not None:
            self.built.site.close()
        shutil.rmtree(self.work, ignore_errors=True)

    def _failed(self, problems: list[str]) -> Update:
        with self.lock:
            self.problems = problems
            self.version += 1
        return Update(problems)

    def _succeeded(self) -> None:
        self.problems = []
        self.version += 1


def _hooks_of(config) -> ThiduaHooks:
    """The adapter instance MkDocs called (`thidua` in hooks/mkdocs_hooks.py)."""
    for plugin in config.plugins.values():
        if isinstance(getattr(plugin, "thidua", None), ThiduaHooks):
            return plugin.thidua
    raise LookupError("mkdocs.yml không nạp hooks/mkdocs_hooks.py")


def _lines(messages: list[str]) -> list[str]:
    return [line for message in messages for line in message.splitlines() if line.strip()]


def _describe(err: BaseException) -> str:
    """An unforeseen failure, naming the content file being processed when there is one (as the build does)."""
    path = processing_file()
    if path is not None:
        return str(ProcessingError(path, err))
    return f"Lỗi khi dựng trang: {type(err).__name__}: {str(err)[:200]}"
