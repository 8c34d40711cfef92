"""Check and build read a body the same way, and a link the checker missed still never publishes: the build's
Markdown is the checker's (mkdocs.yml's extensions), and its sanitiser drops every URL the link policy refuses."""

from __future__ import annotations

import html
import re

from hostile.corpus import CASES
from mkdocs.config import load_config
from support import REPO, Site, copy_repository
from thidua.checks import bounds, reading
from thidua.checks.rendering import site_markdown

# Every case the old line-by-line reading let through to the page, and the backslash hosts.
HOLES = [case for case in CASES if "evil.example" in str(case.expected) or case.name == "link-syntax-in-unit-name"]
EVIL_URL = re.compile(r"""(?:href|src|action)\s*=\s*["']?[^"'\s>]*evil\.example""", re.IGNORECASE)


def test_the_checker_renders_with_the_extensions_and_settings_mkdocs_gives_the_build():
    config = load_config(str(REPO / "mkdocs.yml"))
    assert site_markdown(REPO) == (config.markdown_extensions, config.mdx_configs)


def test_links_the_checker_misses_are_dropped_from_every_page_feed_and_ninjs(tmp_path, monkeypatch):
    """The checker's link judgement switched off (only its limits kept): the build publishes the hostile
    bodies, and not one of their URLs."""
    assert len(HOLES) >= 9
    site = Site(copy_repository(tmp_path / "repo"))
    for n, case in enumerate(HOLES):
        case.make(site.root)
        story = site.root / "exemplars" / "doc-hai.md"
        if story.exists():
            story.rename(site.root / "exemplars" / f"doc-hai-{n}.md")
    monkeypatch.setattr(reading, "judged", lambda doc, story, reading=None: (bounds.body_problems(doc), []))
    monkeypatch.setattr(reading, "body_problems", lambda doc, story, reading=None: bounds.body_problems(doc))
    site.build()
    outputs = [p for p in (site.root / "site").rglob("*") if p.is_file() and p.suffix in {".html", ".xml", ".json"}]
    texts = {p: html.unescape(p.read_text("utf-8").replace("\\u0026", "&").replace('\\"', '"')) for p in outputs}
    assert len([p for p, text in texts.items() if "doc-hai" in str(p) and "bấm" in text]) >= 5  # published
    assert [str(p.relative_to(site.root)) for p, text in texts.items() if EVIL_URL.search(text)] == []
