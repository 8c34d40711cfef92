"""The one rule for HTML from Markdown sources: every rendered body — plans, movements, units, stories and the
hand-written pages of docs/ — passes this allow-list before it reaches any output.

Raw HTML in Markdown is allowed but filtered: scripts, styles, frames, forms, event handlers and every URL the
link policy refuses (checks/links.py: other schemes, "//host", backslashes) are dropped, including attributes
set with attr_list (`{onclick=…}`). Classes are kept only where Markdown's own extensions put them
(admonitions, heading permalinks, the language of a fenced code block).

`urls_in` is the checker's reading of the same HTML with the same parser (html5ever, inside nh3), so the
checker judges exactly the URLs this module would see.
"""

from __future__ import annotations

import html
import re
from functools import partial

import nh3

from . import links

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
URL_SCHEMES = {"https", "mailto"}  # links.refusal decides the rest
# What Python-Markdown's admonition and toc extensions write; no class of the theme's own layout.
ALLOWED_CLASSES = {
    "headerlink", "admonition", "admonition-title", "note", "abstract", "info", "tip", "success", "question",
    "warning", "failure", "danger", "bug", "example", "quote",
}
# Every attribute a browser follows, fetches or submits to: what the checker judges in a body.
URL_ATTRIBUTES = {"href", "src", "srcset", "action", "formaction", "poster", "data", "cite", "background",
                  "longdesc", "usemap", "codebase", "classid", "archive", "ping", "manifest", "icon", "lowsrc",
                  "dynsrc", "profile", "xlink:href"}
_TAG_NAME = re.compile(r"<([a-z][a-z0-9:-]*)")
_NOT_SCHEME = re.compile(r"[^a-z0-9+.:-]+")  # what cannot be part of "scheme:"; one class, linear


def clean_html(fragment: str, link_rel: str | None = None, site_paths: bool = True) -> str:
    """Keep the structure of a body; drop scripts, handlers, styles, frames and the URLs the policy refuses.

    Stories, whose links all lead off-site, pass link_rel="noopener nofollow" and site_paths=False; pages keep
    their own links plain and may link to paths inside the site."""
    return nh3.clean(fragment, tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES, url_schemes=URL_SCHEMES,
                     link_rel=link_rel, strip_comments=True,
                     attribute_filter=partial(keep_attribute, site_paths=site_paths))


def keep_attribute(tag: str, attribute: str, value: str, site_paths: bool = True) -> str | None:
    if attribute in URL_ATTRIBUTES:
        return value if links.allowed(value, site_paths) else None
    if attribute != "class":
        return value
    kept = " ".join(name for name in value.split() if name in ALLOWED_CLASSES or _is_language(name))
    return kept or None


def urls_in(fragment: str) -> list[tuple[str, str, str]]:
    """(tag, attribute, value) of every URL attribute in `fragment`, on any element, as the sanitiser's parser
    reads it: entities decoded, in document order. The srcset of an image is one value per candidate."""
    found: list[tuple[str, str, str]] = []

    def record(tag: str, attribute: str, value: str) -> str:
        values = [c.split()[0] for c in value.split(",") if c.split()] if attribute == "srcset" else [value]
        found.extend((tag, attribute, v) for v in values)
        return value

    lowered = fragment.lower()
    nh3.clean(fragment, tags=set(_TAG_NAME.findall(lowered)), clean_content_tags=set(),
              attributes={"*": URL_ATTRIBUTES}, url_schemes=_schemes_in(lowered), link_rel=None,
              attribute_filter=record)
    return found


def _schemes_in(lowered: str) -> set[str]:
    """Every word that could start a URL as its scheme: nh3 drops a URL of any other scheme before the filter
    sees it, so the reading admits them all. Entities decoded and tabs and newlines removed, as a URL parser does."""
    decoded = html.unescape(lowered).replace("\t", "").replace("\n", "").replace("\r", "").lower()
    return {piece for word in _NOT_SCHEME.split(decoded) if ":" in word for piece in word.split(":")[:-1] if piece}


def _is_language(name: str) -> bool:
    """A fenced code block's language ("language-sh"): letters, digits and a few signs, nothing else."""
    language = name.removeprefix("language-")
    return language != name and language.replace("-", "").replace("+", "").isalnum() and language.isascii()
