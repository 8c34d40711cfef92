"""IPTC ninjs 3.1 (News in JSON) for every published story: what an agency's system ingests whole.

The `uri` is the story's tag: URI, minted from its first id, so a renamed story stays the same item; its
ids are listed in `altIds`. Subjects carry the movements' IPTC Media Topics; places say where, down to the
country; every published rendition of the photo is listed with its size in bytes.
"""

from __future__ import annotations

import json

from ..content import urls
from ..content.model import INDIVIDUAL
from ..content.moments import iso
from ..content.text import format_date
from ..site.stories import Photo, Story
from . import media_topics, share_image
from .republish import simple_html
from .terms import SAMPLE_WARNING, Terms

STANDARD = {"name": "ninjs", "version": "3.1", "schema": "http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json#"}
SHARE_SIZE = share_image.SIZE
# A story about what a person or a collective did: IPTC's genre "Profile".
GENRE = {"name": "Profile", "uri": "http://cv.iptc.org/newscodes/genre/Profile", "literal": "genre:Profile"}


def ninjs(story: Story, terms: Terms, share_size: int | None = None) -> dict:
    ex = story.exemplar
    absolute = lambda url: urls.absolute(terms.site_url, url)  # noqa: E731
    notes = [SAMPLE_WARNING] if ex.sample else []
    notes += [f"Đính chính {format_date(c.date)}: {c.note}" for c in ex.corrections]
    item = {
        "standard": STANDARD,
        "uri": story.identity,
        "altIds": [{"role": "id", "value": ex.id}, *({"role": "former-id", "value": a} for a in ex.aliases),
                   {"role": "url", "value": story.url}],
        "type": "text",
        "representationType": "full",
        "version": str(story.version),
        "language": "vi",
        "firstCreated": iso(story.published),
        "versionCreated": iso(story.modified),
        "contentCreated": iso(story.published),
        # Samples are withheld: an agency's system must not publish them even if an editor misses the prefix.
        "pubStatus": "withheld" if ex.sample else "usable",
        "slugline": ex.id,
        "headlines": [{"role": "main", "contentType": "text/plain", "value": ex.display_title}],
        "descriptions": [{"role": "summary", "contentType": "text/plain", "value": ex.summary}],
        "bodies": [  # the story once, as simple HTML (the republish box's too): a plain-text copy was a third of the file
            {"role": "main", "contentType": "text/html", "value": simple_html(story.html).strip(),
             "charCount": len(story.text), "wordCount": len(story.text.split())},
        ],
        "by": story.unit.name,  # the one author rule: the unit wrote it, the board publishes (infoSources)
        "genres": [GENRE],
        "subjects": _subjects(story, terms),
        "organisations": [{"name": story.unit.name, "rel": "source", "uri": absolute(urls.unit(story.unit.id)),
                           "literal": story.unit.id}],
        "infoSources": [{"name": terms.holder, "role": "publisher", "uri": terms.site_url}],
        "copyrightHolder": terms.holder,
        "copyrightNotice": terms.copyright_notice(ex.date.year),
        "usageTerms": terms.usage_terms,
        "rightsInfo": {"linkedRights": terms.licence.url},
        **_where(story, terms),
    }
    if ex.kind == INDIVIDUAL:
        item["people"] = [{"name": ex.name, "rel": "about"}]
    else:
        item["organisations"].insert(0, {"name": ex.name, "rel": "about"})
    if notes:
        item["edNote"] = " ".join(notes)
    for award in ([ex.award] if ex.award else []) + list(story.awards):  # its own words, then the decisions'
        item["descriptions"].append({"role": "award", "contentType": "text/plain", "value": award})
    if story.photo is not None:
        item["associations"] = [_picture(story.photo, story, terms, share_size)]
    return item


def _subjects(story: Story, terms: Terms) -> list[dict]:
    movements = [{"name": m.title, "rel": "about", "uri": urls.absolute(terms.site_url, urls.movement(m.id)),
                  "literal": m.id} for m in story.movements]
    codes = dict.fromkeys(code for m in story.movements for code in m.media_topics)
    topics = [media_topics.subject(code) for code in codes]
    return movements + topics


def _where(story: Story, terms: Terms) -> dict:
    """`located` and `places`: the unit's locality if it has one, then the province and the country."""
    places = []
    if story.locality is not None:
        places.append({"name": story.locality.name, "rel": "located",
                       "uri": urls.absolute(terms.site_url, urls.unit(story.locality.id)), "literal": story.locality.id})
    places += [{"name": terms.province, "rel": "located"}, {"name": terms.country, "rel": "located"}]
    return {"located": ", ".join(p["name"] for p in places), "places": places}


def _picture(photo: Photo, story: Story, terms: Terms, share_size: int | None) -> dict:
    renditions = [{"name": r.name, "href": r.url, "contentType": r.content_type, "width": r.width,
                   "height": r.height, "sizeInBytes": r.size} for r in (*photo.renditions, *photo.crops)]
    share = {"name": "share", "href": urls.absolute(terms.site_url, urls.share_image(story.exemplar.id, photo=True)),
             "contentType": "image/jpeg", "width": SHARE_SIZE[0], "height": SHARE_SIZE[1]}
    if share_size is not None:
        share["sizeInBytes"] = share_size
    return {
        "name": "featureimage", "rel": "featureimage", "uri": photo.url, "type": "picture",
        "headlines": [{"role": "caption", "contentType": "text/plain",
                       "value": f"{story.exemplar.name} — {story.unit.name}. Ảnh: {photo.credit}"}],
        "descriptions": [{"role": "alt", "contentType": "text/plain", "value": photo.alt},
                         {"role": "creditline", "contentType": "text/plain", "value": f"Ảnh: {photo.credit}"}],
        "by": photo.credit,
        "copyrightHolder": terms.holder,
        "copyrightNotice": f"Ảnh: {photo.credit}. © {story.exemplar.date.year} {terms.holder}.",
        "usageTerms": f"Chỉ dùng kèm bài này, ghi “Ảnh: {photo.credit}”. {terms.usage_terms}",
        "renditions": renditions + [share],
    }


def ninjs_bytes(story: Story, terms: Terms, share_size: int | None = None) -> bytes:
    return (json.dumps(ninjs(story, terms, share_size), ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")
