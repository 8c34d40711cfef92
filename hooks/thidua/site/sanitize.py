"""HTML from pull requests passes an allow-list before it reaches any output."""

from __future__ import annotations

import nh3

ALLOWED_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "caption", "code", "em", "figcaption", "figure", "h2", "h3", "h4",
    "h5", "h6", "hr", "i", "li", "ol", "p", "pre", "q", "s", "small", "strong", "sub", "sup", "table", "tbody",
    "td", "tfoot", "th", "thead", "tr", "u", "ul", "span", "div",
}
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"}, "abbr": {"title"}, "th": {"scope", "colspan", "rowspan"},
    "td": {"colspan", "rowspan"}, "*": {"id"},
}
URL_SCHEMES = {"http", "https", "mailto"}
ALLOWED_CLASSES = {"a": {"headerlink"}}  # the heading permalinks MkDocs adds: the theme hides them until hover


def clean_html(html: str) -> str:
    """Keep the structure of a story; drop scripts, handlers, styles, frames and unsafe URLs."""
    return nh3.clean(html, tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES, url_schemes=URL_SCHEMES,
                     allowed_classes=ALLOWED_CLASSES, link_rel="noopener nofollow", strip_comments=True)
