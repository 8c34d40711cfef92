"""Story pages rendered before are reused when nothing they show has changed: a warm build renders what is new.

A story page's HTML follows from three things, and its key in `.cache/pages/` is a hash of all three:
- the whole site as a program: every file of the package, overrides/, docs/, content/ and mkdocs.yml, the
  engine's, theme's and renderers' versions, the build date (`site_key`);
- what its template receives (`page_changes.fingerprint`, the comparison the preview trusts for the same
  decision), its URL, its title and description;
- every story it shows, whole (text, dates, corrections…), with its photo's renditions.
Only story pages are kept: they are most of the pages, and the listings that gather many stories change with
any of them. Nothing here decides what a page says; a page absent from the cache is rendered as before.
`.cache/` is as trusted as the checkout (the deploy workflow restores main's own cache; a pull request's run
cannot write it). The preview neither reads nor writes this cache: its pages carry the reload script.
"""

from __future__ import annotations

import hashlib
from datetime import date
from pathlib import Path

from ..checks.verdicts import checker_version, library_versions
from ..content.cache_files import link_or_copy, write_whole
from ..site.spec import PageSpec
from .page_changes import fingerprint

FOLDER = Path(".cache") / "pages"
SOURCES = ("content", "docs", "overrides")  # with mkdocs.yml and the code: everything a page is made from
ENGINE_LIBRARIES = ("mkdocs", "properdocs", "mkdocs-material", "jinja2")  # the renderers: in checker_version


class PageCache:
    def __init__(self, root: Path, as_of: date, environment: str) -> None:
        self.folder = root / FOLDER
        self.site = site_key(root, as_of, environment)
        self.used: set[Path] = set()

    def key(self, page: PageSpec, stories: dict, photos: dict) -> str:
        """The key of a story page: the site, what its template receives, and each story it shows, whole."""
        seen = fingerprint(page)
        shown = sorted(seen.shown)
        parts = (self.site, page.url, page.title, page.description, repr(seen.value),
                 [(i, repr(stories.get(i)), repr(photos.get(i))) for i in shown])
        return hashlib.sha256(repr(parts).encode("utf-8", "surrogatepass")).hexdigest()

    def kept(self, key: str) -> bool:
        """Whether an earlier build kept the page of this key."""
        path = self.folder / f"{key}.html"
        if not path.is_file():
            return False
        self.used.add(path)
        return True

    def publish(self, key: str, target: Path) -> None:
        """The kept page at `target`, linked rather than written again."""
        link_or_copy(self.folder / f"{key}.html", target)

    def put(self, key: str, html: str) -> None:
        path = self.folder / f"{key}.html"
        self.used.add(path)
        try:
            write_whole(path, html.encode("utf-8"))
        except OSError:  # a read-only checkout renders every page, as without a cache
            pass


def site_key(root: Path, as_of: date, environment: str) -> str:
    """Everything every page depends on: the sources but exemplars/ (each page names the stories it shows), the
    libraries that turn them into HTML, the build date and the engine's settings (`environment`)."""
    digest = hashlib.sha256(f"{checker_version()}\0{library_versions(ENGINE_LIBRARIES)}\0{as_of.isoformat()}\0"
                            f"{environment}\0".encode())
    files = [root / "mkdocs.yml", *sorted((root / "hooks").glob("*.py")),  # the file the engine loads
             *(p for folder in SOURCES for p in sorted((root / folder).rglob("*")))]
    for path in files:
        if path.is_file():
            digest.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()
