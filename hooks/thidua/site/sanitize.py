"""The one rule for HTML from Markdown sources: every rendered body — plans, movements, units, stories and the
hand-written pages of docs/ — passes this allow-list before it reaches any output.

Raw HTML in Markdown is allowed but filtered: scripts, styles, frames, forms, event handlers and every URL
scheme but http(s) and mailto are dropped, including attributes set with attr_list (`{onclick=…}`).
Classes are kept only where Markdown's own extensions put them (admonitions, heading permalinks, the
language of a fenced code block).
"""

from __future__ import annotations

import nh3

ALLOWED_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "caption", "code", "em", "figcaption", "figure", "h1", "h2", "h3", "h4",
    "h5", "h6", "hr", "i", "li", "ol", "p", "pre", "q", "s", "small", "strong", "sub", "sup", "table", "tbody",
    "td", "tfoot", "th", "thead", "tr", "u", "ul", "span", "div", "dl", "dt", "dd",
}
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title", "class"}, "abbr": {"title"}, "th": {"scope", "colspan", "rowspan"},
    "td": {"colspan", "rowspan"}, "div": {"class"}, "p": {"class"}, "code": {"class"},
    "*": {"id"},
}
URL_SCHEMES = {"http", "https", "mailto"}
# What Python-Markdown's admonition and toc extensions write; no class of the theme's own layout.
ALLOWED_CLASSES = {
    "headerlink", "admonition", "admonition-title", "note", "abstract", "info", "tip", "success", "question",
    "warning", "failure", "danger", "bug", "example", "quote",
}


def clean_html(html: str, link_rel: str | None = None) -> str:
    """Keep the structure of a body; drop scripts, handlers, styles, frames and unsafe URLs.

    Stories, whose links all lead off-site, pass link_rel="noopener nofollow"; pages keep their own links plain."""
    return nh3.clean(html, tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES, url_schemes=URL_SCHEMES,
                     link_rel=link_rel, strip_comments=True, attribute_filter=keep_attribute)


def keep_attribute(tag: str, attribute: str, value: str) -> str | None:
    if attribute != "class":
        return value
    kept = " ".join(name for name in value.split() if name in ALLOWED_CLASSES or _is_language(name))
    return kept or None


def _is_language(name: str) -> bool:
    """A fenced code block's language ("language-sh"): letters, digits and a few signs, nothing else."""
    language = name.removeprefix("language-")
    return language != name and language.replace("-", "").replace("+", "").isalnum() and language.isascii()
