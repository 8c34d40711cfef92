"""“Đăng lại bài này”: the story as a newsroom pastes it, with attribution and licence.

Only simple tags survive (no images, no scripts, no attributes but href), every link is absolute, and
the attribution line names the source and the canonical link, as ProPublica's republish box does.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

import nh3

from ..site.stories import Story
from .terms import SAMPLE_WARNING, Terms

TAGS = {"p", "h2", "h3", "strong", "em", "a", "ul", "ol", "li", "blockquote"}


@dataclass(frozen=True)
class Republish:
    html: str
    text: str
    attribution: str
    licence_name: str
    licence_url: str


def simple_html(fragment: str) -> str:
    return nh3.clean(fragment, tags=TAGS, attributes={"a": {"href"}, "*": set()}, url_schemes={"http", "https", "mailto"},
                     link_rel=None, strip_comments=True, clean_content_tags={"script", "style"})


def republish(story: Story, terms: Terms) -> Republish:
    ex = story.exemplar
    esc = html.escape
    attribution = terms.attribution_line(story.url)
    licence = f"Giấy phép: {terms.licence.name} — {terms.licence.url}"
    parts = []
    if ex.sample:
        parts.append(f"<p><strong>{esc(SAMPLE_WARNING)}</strong></p>")
    parts += [f"<h2>{esc(ex.display_title)}</h2>", f"<p><strong>{esc(ex.summary)}</strong></p>", story.html]
    if story.photo is not None:
        parts.append(f'<p>Ảnh: {esc(story.photo.credit)} — <a href="{esc(story.photo.url)}">{esc(story.photo.url)}</a></p>')
    if ex.corrections:
        items = "".join(f"<li>{c.date.strftime('%d/%m/%Y')}: {esc(c.note)}</li>" for c in ex.corrections)
        parts.append(f"<h3>Đính chính</h3><ul>{items}</ul>")
    parts.append(f'<p>Nguồn: {esc(terms.attribution)} — <a href="{esc(story.url)}">{esc(story.url)}</a></p>')
    parts.append(f'<p>Giấy phép: <a href="{esc(terms.licence.url)}">{esc(terms.licence.name)}</a></p>')
    text = [SAMPLE_WARNING] if ex.sample else []
    text += [ex.display_title, ex.summary, story.text]
    if story.photo is not None:
        text.append(f"Ảnh: {story.photo.credit} — {story.photo.url}")
    if ex.corrections:
        text.append("Đính chính:\n" + "\n".join(f"- {c.date.strftime('%d/%m/%Y')}: {c.note}" for c in ex.corrections))
    text += [attribution, licence]
    return Republish(simple_html("\n".join(parts)), "\n\n".join(t for t in text if t), attribution,
                     terms.licence.name, terms.licence.url)
