"""A story's own verdict remembered by what it says: a warm build or check judges only the stories that changed.

The checks that read one file and nothing else (schema, text, the body's rendering and its links, tone,
personal data, placeholders) give the same answer for the same document, the same checker and the same
site settings. Their problems, and the rendering the build then reuses, are kept in `.cache/checks/` under
a hash of all three; checks across files (references, periods, aliases, duplicates) run every time.

The file is JSON, never pickle: `.cache/` is restored between CI runs, so it must not be able to run code.
What it holds cannot publish anything either: the build sanitises every rendering it uses (checks/sanitize.py).
Only the entries this run used are written back, so the file holds the current stories and no more.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import json
from contextvars import ContextVar
from dataclasses import astuple
from functools import cache
from pathlib import Path
from typing import Callable

from ..content.cache_files import write_whole
from ..content.problems import ContentError, Problem
from ..content.source import Document
from . import reading
from .rendering import Rendered, site_markdown

CACHE_FILE = Path(".cache") / "checks" / "verdicts.json"
PACKAGE = Path(__file__).resolve().parent.parent  # hooks/thidua: its code, schemas and words
_RENDERING_LIBRARIES = ("markdown", "pymdown-extensions", "nh3", "jsonschema", "pyyaml")


class Verdicts:
    """The remembered verdicts of one site, read at the start of a load and written at its end."""

    def __init__(self, root: Path) -> None:
        self.path = root / CACHE_FILE
        self.settings = _markdown_settings(root)  # every rendering depends on them
        self.known = _read(self.path)
        self.used: dict[str, dict] = {}

    def remembered(self, doc: Document, judge: Callable[[], list[Problem]], story: bool, context: str) -> list[Problem]:
        """`judge()`'s problems for `doc`, judged now only if this document was never judged before in this
        `context` (what else the checks read: the schema's added fields); the body's rendering (as a story or a
        page) comes back with them, for the build to reuse."""
        document = (doc.path, doc.meta, doc.lines, doc.body, doc.body_line)
        key = hashlib.sha256(repr((checker_version(), self.settings, context, story, document))
                             .encode("utf-8", "surrogatepass")).hexdigest()
        entry = self.known.get(key)
        if entry is not None:
            try:
                problems = [Problem(*fields) for fields in entry["problems"]]
                if entry["rendered"] is not None:
                    html, toc, written = entry["rendered"]
                    reading.current().remember(doc.body, story, Rendered(html, toc, written))
                self.used[key] = entry
                return problems
            except (KeyError, TypeError, ValueError):  # a damaged entry is judged again
                pass
        problems = judge()
        rendered = reading.current().recall(doc.body, story)
        self.used[key] = {"problems": [list(astuple(p)) for p in problems],
                          "rendered": None if rendered is None else [rendered.html, rendered.toc_tokens,
                                                                     rendered.as_written]}
        return problems

    def save(self) -> None:
        """Write the verdicts this run used (atomically: a build and the preview may save at once)."""
        if self.used.keys() == self.known.keys():
            return
        try:
            write_whole(self.path, json.dumps(self.used, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))
        except OSError:  # a read-only checkout: the next run judges again, nothing else is lost
            pass


_CURRENT: ContextVar[Verdicts | None] = ContextVar("thidua_verdicts", default=None)


def begin(root: Path) -> Verdicts:
    """Remember verdicts for the site at `root` until `finish` (the loader's whole reading)."""
    verdicts = Verdicts(root)
    _CURRENT.set(verdicts)
    return verdicts


def finish(verdicts: Verdicts) -> None:
    verdicts.save()
    _CURRENT.set(None)


def remembered(doc: Document, judge: Callable[[], list[Problem]], story: bool, context: str = "") -> list[Problem]:
    """`judge()`, or its remembered answer while a reading is under way (`begin`); judged anew outside one."""
    verdicts = _CURRENT.get()
    return judge() if verdicts is None else verdicts.remembered(doc, judge, story, context)


def _markdown_settings(root: Path) -> str:
    try:
        return repr(site_markdown(root))
    except ContentError:  # mkdocs.yml unreadable: the renderers fall back to MkDocs' own extensions
        return "-"


def _read(path: Path) -> dict:
    try:
        known = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError):
        return {}
    return known if isinstance(known, dict) else {}


@cache
def checker_version() -> str:
    """The checker as it runs now: every file of the package, and the libraries that render and validate."""
    digest = hashlib.sha256()
    for path in sorted(PACKAGE.rglob("*")):
        if path.is_file() and path.suffix in (".py", ".json", ".yml", ".md"):
            digest.update(path.relative_to(PACKAGE).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    digest.update(library_versions(_RENDERING_LIBRARIES).encode())
    return digest.hexdigest()


def library_versions(names: tuple[str, ...]) -> str:
    """The installed version of each library ("-" when it is not installed), as one string for a cache key."""
    found = []
    for name in names:
        try:
            found.append(f"{name}={importlib.metadata.version(name)}")
        except importlib.metadata.PackageNotFoundError:
            found.append(f"{name}=-")
    return " ".join(found)
