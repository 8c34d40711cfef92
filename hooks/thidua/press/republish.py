"""“Đăng lại bài này”: the story as a newsroom pastes it, with byline, date, photo, attribution and licence.

Only simple tags survive (no scripts, no attributes but href and the image's), every link is absolute, and
the attribution names where the story first appeared with its canonical link, as ProPublica's box does.

The story itself is published once for machines, as the ninjs body (`simple_html(story.html)`); the page's
box holds the frame around it, with one HTML comment where the story goes, and its script puts the ninjs
body there when the box is opened (docs/assets/thidua.js). Without JavaScript the comment says where the
story is. The box once held a second copy of every story: 4 KB of each story page.
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
    before: str  # the frame: headline, byline, summary, photo
    body: str  # the story, as its ninjs body
    after: str  # corrections, where it first appeared, licence, canonical link
    attribution: str
    licence_name: str
    licence_url: str

    @property
    def html(self) -> str:
        """What the box's copy button copies."""
        return f"{self.before}\n{self.body}\n{self.after}"


def simple_html(fragment: str) -> str:
    return nh3.clean(fragment, tags=TAGS, attributes=ATTRIBUTES, url_schemes={"http", "https", "mailto"},
                     link_rel=None, strip_comments=True, clean_content_tags={"script", "style"})


def republish(story: Story, terms: Terms, overrides: Path) -> Republish:
    context = {"story": story, "terms": terms, "sample_warning": SAMPLE_WARNING}
    before, after = (simple_html(render(overrides, f"thidua/press/republish-{part}.html", **context)).strip()
                     for part in ("before", "after"))
    return Republish(before, simple_html(story.html).strip(), after, terms.attribution_line(story.url),
                     terms.licence.name, terms.licence.url)
