"""“Đăng lại bài này”: the story as a newsroom pastes it, with byline, date, photo, attribution and licence.

Only simple tags survive (no scripts, no attributes but href and the image's), every link is absolute, and
the attribution names where the story first appeared with its canonical link, as ProPublica's box does.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import nh3

from ..site.stories import Story
from ..site.templating import render
from .terms import SAMPLE_WARNING, Terms

TAGS = {"p", "h2", "h3", "strong", "em", "a", "ul", "ol", "li", "blockquote", "figure", "img", "figcaption"}
ATTRIBUTES = {"a": {"href"}, "img": {"src", "alt", "width", "height"}, "*": set()}


@dataclass(frozen=True)
class Republish:
    html: str
    attribution: str
    licence_name: str
    licence_url: str


def simple_html(fragment: str) -> str:
    return nh3.clean(fragment, tags=TAGS, attributes=ATTRIBUTES, url_schemes={"http", "https", "mailto"},
                     link_rel=None, strip_comments=True, clean_content_tags={"script", "style"})


def republish(story: Story, terms: Terms, overrides: Path) -> Republish:
    context = {"story": story, "terms": terms, "sample_warning": SAMPLE_WARNING}
    html = simple_html(render(overrides, "thidua/press/republish.html", **context)).strip()
    return Republish(html, terms.attribution_line(story.url), terms.licence.name, terms.licence.url)
