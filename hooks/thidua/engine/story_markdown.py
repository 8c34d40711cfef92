"""Story bodies to HTML, rendered once for the story page and for syndication, as MkDocs renders pages.

The same Markdown extensions as the site (from mkdocs.yml), links to Markdown sources ("../x/index.md#y")
turned into page URLs as MkDocs turns them. The domain receives a plain function from Markdown to HTML
(and the headings) and never sees MkDocs' configuration.
"""

from __future__ import annotations

from typing import Callable
from urllib.parse import urlsplit, urlunsplit
from xml.etree import ElementTree

import markdown
from markdown.treeprocessors import Treeprocessor

LINK_ATTRIBUTES = {"a": "href", "img": "src"}  # what MkDocs rewrites


def story_renderer(extensions: list, configs: dict) -> Callable[[str], tuple[str, list]]:
    """(HTML, toc tokens) of a story body: rendered once, for its page and for syndication."""
    configs = {name: dict(value) for name, value in (configs or {}).items()}
    md = markdown.Markdown(extensions=[*extensions, _PageLinks()], extension_configs=configs)

    def to_html(text: str) -> tuple[str, list]:
        md.reset()
        return md.convert(text), getattr(md, "toc_tokens", [])

    return to_html


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
                element.set(attribute, page_link(element.get(attribute)))


class _PageLinks(markdown.Extension):
    def extendMarkdown(self, md: markdown.Markdown) -> None:  # noqa: N802 - Python-Markdown's name
        md.treeprocessors.register(_PageLinkRewriter(md), "thidua_page_links", 0)  # where MkDocs' "relpath" runs
