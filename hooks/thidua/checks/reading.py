"""One reading: the checker judges what the build makes of a body, not a second parse of its Markdown.

A body within the limits of `bounds` (a linear pass that keeps Markdown from slowing down or recursing) is
rendered by the build's own function (checks/rendering.py, mkdocs.yml's extensions) and its links are read
by the sanitiser's own parser (checks/sanitize.py); each URL the link policy refuses (checks/links.py) is a
problem at the line of the source where its text is (else the body's first line). The sanitiser drops the
same URLs from the page, so a link the checker missed would still never publish.
"""

from __future__ import annotations

from contextvars import ContextVar
from pathlib import Path
from typing import Iterator

from ..content.problems import ContentError, Problem
from ..content.source import Document
from . import bounds, links
from .rendering import CONFIG_FILE, MKDOCS_BUILTINS, BodyRenderer, Rendered, body_renderer, site_markdown
from .sanitize import urls_in

MAX_REPORTED = 20  # refused links named per body: the file is refused at the first, the rest are found in turn
# What a URL follows in Markdown or HTML source ("](", "]: ", "<", "href=", 'href="'), spaces left out: the
# sign, and the sign that must come before it ("" when none must).
_BEFORE_URL = {"(": "]", ":": "]", "<": "", "=": "", '"': "=", "'": "="}
UNKNOWN_EXTENSION = ("không nạp được phần mở rộng Markdown “{name}”: hãy xóa hoặc sửa tên, chỉ ghi các phần mở "
                     "rộng đã cài (unknown Markdown extension)")
TOO_DEEP_TO_RENDER = ("nội dung lồng nhau quá sâu nên không hiển thị được: hãy viết phẳng hơn, bớt thẻ HTML, "
                      "danh sách hay dấu nhấn lồng trong nhau (nested too deep)")


class Reading:
    """A site's renderers, built on first use from its mkdocs.yml."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._renderers: dict[bool, BodyRenderer] = {}
        self.problems: list[Problem] = []  # what mkdocs.yml's Markdown settings got wrong

    def render(self, body: str, story: bool) -> Rendered:
        """What the build makes of `body`: a story as the build's story renderer does (the build then reuses
        this rendering), a page as MkDocs renders it (its own link rewriting leaves every verdict as it was)."""
        return self._for(story).rendered(body)

    def recall(self, body: str, story: bool) -> Rendered | None:
        """What this reading has rendered of `body`, if it has."""
        return self._for(story).known(body)

    def remember(self, body: str, story: bool, rendered: Rendered) -> None:
        """Take `rendered` as this reading's rendering of `body` (one remembered from an earlier run)."""
        self._for(story).remember(body, rendered)

    def _for(self, story: bool) -> BodyRenderer:
        if story not in self._renderers:
            self._renderers[story] = self._renderer(story)
        return self._renderers[story]

    def _renderer(self, story: bool) -> BodyRenderer:
        """The site's renderer; MkDocs' own extensions when mkdocs.yml cannot say (its YAML errors are the
        settings check's to report, an extension Markdown cannot load is `problems`')."""
        try:
            extensions, configs = site_markdown(self.root)
        except ContentError:
            return body_renderer(list(MKDOCS_BUILTINS), {}, page_links=story)
        try:
            return body_renderer(extensions, configs, page_links=story)
        except (ImportError, AttributeError, TypeError, ValueError):  # what Python-Markdown raises
            name = next((name for name in extensions if not _loads(name, configs)), "?")
            line = next((n for n, text in enumerate((self.root / CONFIG_FILE).read_text("utf-8").split("\n"), 1)
                         if text.lstrip(" -").startswith(name)), 1)
            message = UNKNOWN_EXTENSION.format(name=name[:60])
            self.problems = [Problem(CONFIG_FILE, line, "markdown_extensions", message)]
            return body_renderer(list(MKDOCS_BUILTINS), {}, page_links=story)


def _loads(name: str, configs: dict) -> bool:
    try:
        body_renderer([name], {name: configs[name]} if name in configs else {}, page_links=False)
    except (ImportError, AttributeError, TypeError, ValueError):
        return False
    return True


_CURRENT: ContextVar[Reading] = ContextVar("thidua_reading")


def begin(root: Path) -> None:
    """Read the site at `root` from now on (the loader calls this once per load)."""
    _CURRENT.set(Reading(root))


def current() -> Reading:
    return _CURRENT.get()


def body_problems(doc: Document, story: bool, reading: Reading | None = None) -> list[Problem]:
    """The limits first; a body within them is rendered and its links judged. Stories link out by https://
    only (agencies copy them elsewhere); pages may also link to paths inside the site."""
    return judged(doc, story, reading)[0]


def judged(doc: Document, story: bool, reading: Reading | None = None) -> tuple[list[Problem], list[str]]:
    """The body's problems and every URL of its rendering (href, src, action… on any element, in document
    order); no URL when the body is refused before it is rendered."""
    problems = bounds.body_problems(doc)
    if problems:
        return problems, []
    try:
        rendered = (reading or _CURRENT.get()).render(doc.body, story)
    except RecursionError:  # a shape the limits do not foresee: refused here, never "lỗi nội bộ" in the build
        return [Problem(doc.path, doc.body_line, "nội dung", TOO_DEEP_TO_RENDER)], []
    # Links to Markdown sources as the editor wrote them (the build rewrites them, and they keep their verdict).
    found = [rendered.as_written.get(value, value) for _tag, _attribute, value in urls_in(rendered.html)]
    refused = [(url, message) for url in found if (message := links.refusal(url, site_paths=not story))]
    problems = [Problem(doc.path, line, "nội dung", message.format(target=shown(url)))
                for (url, message), line in zip(refused[:MAX_REPORTED], source_lines(doc, [u for u, _ in refused]))]
    return problems, found


def source_lines(doc: Document, urls: list[str]) -> Iterator[int]:
    """The line of each URL's text in the body, searching on from the previous one (links come in order)."""
    body, start = doc.body, 0
    for url in urls[:MAX_REPORTED]:
        position, length = _find(body, url, start)
        if position < 0:
            position, length = _find(body, url, 0)
        if position < 0:
            yield doc.body_line
            continue
        start = position + length  # the next link is written after this one
        yield doc.body_line + body.count("\n", 0, position)


def _find(body: str, url: str, start: int) -> tuple[int, int]:
    """Where `url` is written as a URL (after "](", "]:", "<", "=" or '="'), else where it is written at all;
    a URL whose source held an entity (`jav&#x09;ascript:`) is found by its longest piece between controls."""
    pieces = sorted("".join(ch if ch > " " else " " for ch in url).split(), key=len, reverse=True)
    for needle in [url.strip(), *pieces[:1]]:
        first = position = body.find(needle, start) if needle else -1
        while position >= 0:
            if _written_as_url(body, position):
                return position, len(needle)
            position = body.find(needle, position + 1)
        if first >= 0:
            return first, len(needle)
    return -1, 0


def _written_as_url(body: str, position: int) -> bool:
    sign = _before(body, position)
    if sign < 0 or body[sign] not in _BEFORE_URL:
        return False
    must = _BEFORE_URL[body[sign]]
    return not must or (previous := _before(body, sign)) >= 0 and body[previous] == must


def _before(body: str, position: int) -> int:
    """The position of the last character before `position` that is not a space."""
    position -= 1
    while position >= 0 and body[position] in " \t\n":
        position -= 1
    return position


def shown(url: str) -> str:
    """A URL as a message quotes it: on one line, at most 60 characters."""
    return "".join(ch if ch >= " " else " " for ch in url[:60])
