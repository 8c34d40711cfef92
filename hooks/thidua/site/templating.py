"""A small Jinja environment for what the site writes outside MkDocs' pages: feed entries, the republish
box's HTML, redirect pages, the news sitemap. Templates live with the theme's, under overrides/thidua/;
autoescape is on for HTML and XML, so text from pull requests is always escaped there (.txt is plain text).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import jinja2
from markupsafe import Markup

from ..content.moments import iso
from ..content.templates import template_environment


@lru_cache(maxsize=4)
def environment(overrides: Path) -> jinja2.Environment:
    env = template_environment(overrides, autoescape=jinja2.select_autoescape(["html", "xml"], default=False))
    env.filters["iso"] = iso
    return env


def textarea_text(text: str) -> Markup:
    """Text for inside a <textarea>, escaped as its content model needs (escapable raw text): only `&` and `<`
    (so no `</textarea>` can end it early). HTML pasted there keeps its `>` and quotes: a sixth fewer bytes."""
    return Markup(str(text).replace("&", "&amp;").replace("<", "&lt;"))


def render(overrides: Path, template: str, **context) -> str:
    return environment(Path(overrides)).get_template(template).render(**context)
