"""What a page's head tells machines: schema.org JSON-LD, Open Graph and Twitter cards, feed links.

Returns plain data; the template prints it with autoescape, and JSON-LD is escaped here so that no
text from a story (a closing script tag, a comment opener) can end the script element early.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from ..content import urls
from ..content.model import INDIVIDUAL, SAMPLE_LABEL, Corpus, Exemplar, Unit
from ..content.moments import iso
from ..content.words import word
from ..site.stories import decision_award
from ..site.stories import Photo
from . import media_topics, share_image
from .terms import Terms

FEED_TYPES = {"atom": "application/atom+xml", "rss": "application/rss+xml", "json": "application/feed+json"}
FEED_LABELS = {"atom": "Atom", "rss": "RSS", "json": "JSON Feed"}


@dataclass(frozen=True)
class Head:
    title: str = ""  # raw text: the template escapes it
    description: str = ""
    og_type: str = "website"
    image: str = ""  # absolute
    image_alt: str = ""
    feeds: list[dict] = field(default_factory=list)  # {"href", "type", "title"}
    json_ld: str = ""  # already escaped for a <script> element
    published: str = ""  # ISO 8601 with +07:00 (content.moments.iso), as in feeds and ninjs
    modified: str = ""
    # A story's ninjs, site-relative: linked as rel="alternate", which Material's script follows to fetch a
    # sitemap.xml beside it, so the link must stay on the reader's own origin.
    ninjs: str = ""
    noindex: bool = False  # a sample story: out of search engines (and of both sitemaps)


def script_json(data: dict) -> str:
    """JSON safe inside a JSON-LD script element: <, > and & become \\u escapes."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    for char, escape in (("&", "\\u0026"), ("<", "\\u003c"), (">", "\\u003e"),
                         ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(char, escape)
    return text


def feed_links(page: str, title: str, terms: Terms) -> list[dict]:
    return [{"href": urls.absolute(terms.site_url, url), "type": FEED_TYPES[kind],
             "title": f"{title} ({FEED_LABELS[kind]})"} for kind, url in urls.feeds(page).items()]


def site_head(terms: Terms) -> Head:
    return Head(image=urls.absolute(terms.site_url, urls.SITE_SHARE_IMAGE), image_alt=terms.site_name,
                feeds=feed_links("", terms.site_name, terms))


def image_object(url: str, width: int, height: int) -> dict:
    return {"@type": "ImageObject", "url": url, "width": width, "height": height}


def news_article(corpus: Corpus, exemplar: Exemplar, terms: Terms, photo: Photo | None = None) -> dict:
    """`photo`: the story's rendered photo, whose 16×9, 4×3 and 1×1 crops are its images; else its card."""
    absolute = lambda url: urls.absolute(terms.site_url, url)  # noqa: E731
    unit = corpus.units[exemplar.unit]
    subject: dict = {"@type": "Person" if exemplar.kind == INDIVIDUAL else "Organization", "name": exemplar.name}
    awards = ([exemplar.award] if exemplar.award else []) + [
        decision_award(d) for d in corpus.decisions_by_exemplar.get(exemplar.id, [])]
    if awards:  # schema.org's award: the story's own words, then each decision that names them
        subject["award"] = awards[0] if len(awards) == 1 else awards
    subject["memberOf" if exemplar.kind == INDIVIDUAL else "parentOrganization"] = organisation(unit, terms)
    url = absolute(urls.exemplar(exemplar.id))
    article = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": exemplar.display_title,
        "description": exemplar.summary,
        "url": url,  # no mainEntityOfPage: it would repeat the url
        "inLanguage": "vi",
        "identifier": urls.tag_uri(terms.site_url, exemplar.date, exemplar.first_id),
        "datePublished": iso(exemplar.published_at),
        "dateModified": iso(exemplar.modified_at),
        "version": str(exemplar.version),
        "image": ([image_object(c.url, c.width, c.height) for c in photo.crops] if photo and photo.crops else
                  [image_object(absolute(urls.share_image(exemplar.id, bool(exemplar.photo))), *share_image.SIZE)]),
        "author": organisation(unit, terms),
        "publisher": {"@type": "GovernmentOrganization", "name": terms.holder, "url": terms.site_url,
                      "logo": image_object(absolute(urls.SITE_LOGO), share_image.LOGO_SIZE, share_image.LOGO_SIZE)},
        "about": [subject, *(media_topics.defined_term(code) for code in
                             dict.fromkeys(c for m in exemplar.movements for c in corpus.movements[m].media_topics))],
        "articleSection": [corpus.movements[m].short_title for m in exemplar.movements],  # as the site's menus
        "license": terms.licence.url,  # the holder is the publisher: no copyrightHolder repeating it
        "isAccessibleForFree": True,
    }
    if exemplar.corrections:
        article["correction"] = [{"@type": "CorrectionComment", "text": c.note, "datePublished": iso(c.at)}
                                 for c in exemplar.corrections]
    if exemplar.sample:
        article["creativeWorkStatus"] = SAMPLE_LABEL
    return article


def organisation(unit: Unit, terms: Terms) -> dict:
    return {"@type": "GovernmentOrganization", "name": unit.name,
            "url": urls.absolute(terms.site_url, urls.unit(unit.id))}


def government_organization(corpus: Corpus, unit: Unit, terms: Terms) -> dict:
    data = {"@context": "https://schema.org", **organisation(unit, terms)}
    if unit.short_name != unit.name:
        data["alternateName"] = unit.short_name
    locality = corpus.locality(unit)
    if locality is not None:
        data["areaServed"] = {"@type": "AdministrativeArea", "name": locality.name}
    if unit.cluster and unit.cluster in corpus.units:
        data["memberOf"] = organisation(corpus.units[unit.cluster], terms)
    data["parentOrganization"] = {"@type": "GovernmentOrganization", "name": terms.holder, "url": terms.site_url}
    return data


def exemplar_head(corpus: Corpus, exemplar: Exemplar, terms: Terms, photo: Photo | None = None) -> Head:
    return Head(og_type="article", image=urls.absolute(terms.site_url, urls.share_image(exemplar.id, bool(exemplar.photo))),
                image_alt=exemplar.photo_alt or exemplar.display_title,
                json_ld=script_json(news_article(corpus, exemplar, terms, photo)),
                published=iso(exemplar.published_at), modified=iso(exemplar.modified_at),
                ninjs=urls.ninjs(exemplar.id), noindex=exemplar.sample)


def head_for(kind: str | None, context: dict, corpus: Corpus, terms: Terms, photo: Photo | None = None) -> Head:
    """The head of a generated page (by PageSpec kind), the home page ("home") or the press page ("press")."""
    base = site_head(terms)
    if kind == "exemplar":
        return exemplar_head(corpus, context["exemplar"], terms, photo)
    if kind == "movement":
        m = context["movement"]
        return Head(image=base.image, image_alt=base.image_alt, feeds=feed_links(urls.movement(m.id), m.title, terms))
    if kind == "unit":
        u = context["unit"]
        return Head(image=base.image, image_alt=base.image_alt, feeds=feed_links(urls.unit(u.id), u.name, terms),
                    json_ld=script_json(government_organization(corpus, u, terms)))
    if kind == "term":
        page = urls.term(context["grouping"].id, context["term"])
        return Head(image=base.image, image_alt=base.image_alt, feeds=feed_links(page, context["label"], terms))
    if kind in ("home", "exemplars", "press"):
        return base
    if kind in ("commendations", "commendation"):
        return Head(image=base.image, image_alt=base.image_alt,
                    feeds=feed_links(urls.COMMENDATIONS, word("commendations.title"), terms))
    return Head(image=base.image, image_alt=base.image_alt)
