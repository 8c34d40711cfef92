"""Markdown bodies to HTML as the site renders them: one renderer for the checker and the build.

The same Markdown extensions as the site (mkdocs.yml's `markdown_extensions`, with the three MkDocs always
adds), so `thidua check` judges what the build makes. Story bodies, which the build renders itself (for the
page and for syndication), also get links to Markdown sources ("../x/index.md#y") turned into page URLs as
MkDocs turns them on the pages it renders. Plain Python-Markdown: no MkDocs here.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path
from typing import Callable
from urllib.parse import urlsplit, urlunsplit
from xml.etree import ElementTree

import markdown
from markdown.treeprocessors import Treeprocessor

from ..content.source import read_section

LINK_ATTRIBUTES = {"a": "href", "img": "src"}  # what MkDocs rewrites
MKDOCS_BUILTINS = ("toc", "tables", "fenced_code")  # MkDocs' MarkdownExtensions(builtins=…)
CONFIG_FILE = "mkdocs.yml"

ToHtml = Callable[[str], tuple[str, list]]


def story_renderer(extensions: list, configs: dict) -> BodyRenderer:
    """(HTML, toc tokens) of a story body: rendered once, for its page and for syndication."""
    return BodyRenderer(extensions, configs, page_links=True)


def body_renderer(extensions: list, configs: dict, page_links: bool) -> BodyRenderer:
    """(HTML, toc tokens) of a body; `page_links` rewrites links to Markdown sources as MkDocs does."""
    return BodyRenderer(extensions, configs, page_links)


@dataclass(frozen=True)
class Rendered:
    html: str
    toc_tokens: list  # its headings, as Python-Markdown's toc extension lists them
    as_written: dict[str, str]  # a link to a Markdown source as rewritten -> as the body wrote it


class BodyRenderer:
    """Markdown to HTML with one configuration. What it renders is remembered by text for every renderer of the
    same configuration: `thidua check` renders each story, and the build then reuses that rendering."""

    def __init__(self, extensions: list, configs: dict, page_links: bool) -> None:
        configs = {name: dict(value) for name, value in (configs or {}).items()}
        self._key = repr((list(extensions), sorted(configs.items(), key=lambda item: item[0]), page_links))
        self._md = markdown.Markdown(extensions=[*extensions, *([_PageLinks()] if page_links else [])],
                                     extension_configs=configs)

    def __call__(self, text: str) -> tuple[str, list]:
        done = self.rendered(text)
        return done.html, done.toc_tokens

    def rendered(self, text: str) -> Rendered:
        if (done := self.known(text)) is not None:
            return done
        self._md.reset()
        self._md.thidua_as_written = {}
        html = self._md.convert(text)
        return self.remember(text, Rendered(html, getattr(self._md, "toc_tokens", []), self._md.thidua_as_written))

    def known(self, text: str) -> Rendered | None:
        key = (self._key, text)
        if key in _RENDERED:
            _RENDERED.move_to_end(key)
        return _RENDERED.get(key)

    def remember(self, text: str, rendered: Rendered) -> Rendered:
        _RENDERED[(self._key, text)] = rendered
        if len(_RENDERED) > MAX_REMEMBERED:
            _RENDERED.popitem(last=False)
        return rendered


# Bodies: every story of the largest campaign measured (10,000) and the preview's edits, about 5 KB each. Fewer,
# and a build renders again from the first story what the check rendered last (10,000 stories: 12 s more).
MAX_REMEMBERED = 25_000
_RENDERED: OrderedDict[tuple[str, str], Rendered] = OrderedDict()


def site_markdown(root: Path) -> tuple[list[str], dict]:
    """mkdocs.yml's extensions and their settings, read as MkDocs reads them (a list of names or of one-key
    mappings, or a mapping), after MkDocs' built-in ones."""
    declared = read_section(root / CONFIG_FILE, ("markdown_extensions",)).meta or []
    items = declared.items() if isinstance(declared, dict) else (
        next(iter(item.items())) if isinstance(item, dict) else (item, None) for item in declared)
    extensions, configs = list(MKDOCS_BUILTINS), {}
    for name, settings in items:
        if name not in extensions:
            extensions.append(name)
        if isinstance(settings, dict):
            configs[name] = settings
    return extensions, configs


def page_link(href: str) -> str:
    """A link to a Markdown source ("../x/index.md#y", "../x.md") as MkDocs rewrites it: the page's URL."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or not parts.path.endswith(".md"):
        return href
    path = parts.path.removesuffix(".md")
    path = path.removesuffix("index") if path.endswith("/index") or path == "index" else path + "/"
    return urlunsplit(("", "", path or "./", parts.query, parts.fragment))


class _PageLinkRewriter(Treeprocessor):
    def run(self, root: ElementTree.Element) -> None:
        for element in root.iter():
            attribute = LINK_ATTRIBUTES.get(element.tag)
            if attribute and element.get(attribute) is not None:
                written = element.get(attribute)
                element.set(attribute, page_link(written))
                if element.get(attribute) != written:  # the checker quotes a link as the editor wrote it
                    self.md.thidua_as_written[element.get(attribute)] = written


class _PageLinks(markdown.Extension):
    def extendMarkdown(self, md: markdown.Markdown) -> None:  # noqa: N802 - Python-Markdown's name
        md.treeprocessors.register(_PageLinkRewriter(md), "thidua_page_links", 0)  # where MkDocs' "relpath" runs
