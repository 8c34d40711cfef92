"""IPTC ninjs 3.1 (News in JSON) for every published story: what an agency's system ingests whole."""

from __future__ import annotations

import json

from ..content import urls
from ..content.model import INDIVIDUAL
from ..site.stories import Story
from .terms import SAMPLE_WARNING, Terms

STANDARD = {"name": "ninjs", "version": "3.1", "schema": "http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json#"}
SHARE_SIZE = (1200, 630)


def ninjs(story: Story, terms: Terms, photo_size: tuple[int, int] | None = None) -> dict:
    ex = story.exemplar
    absolute = lambda url: urls.absolute(terms.site_url, url)  # noqa: E731
    notes = [SAMPLE_WARNING] if ex.sample else []
    notes += [f"Đính chính {c.date.strftime('%d/%m/%Y')}: {c.note}" for c in ex.corrections]
    item = {
        "standard": STANDARD,
        "uri": story.url,
        "type": "text",
        "representationType": "full",
        "version": str(story.version),
        "language": "vi",
        "firstCreated": story.published.isoformat(),
        "versionCreated": story.modified.isoformat(),
        "contentCreated": story.published.isoformat(),
        # Samples are withheld: an agency's system must not publish them even if an editor misses the prefix.
        "pubStatus": "withheld" if ex.sample else "usable",
        "slugline": ex.id,
        "headlines": [{"role": "main", "contentType": "text/plain", "value": ex.display_title}],
        "descriptions": [{"role": "summary", "contentType": "text/plain", "value": ex.summary}],
        "bodies": [
            {"role": "main", "contentType": "text/html", "value": story.html,
             "charCount": len(story.text), "wordCount": len(story.text.split())},
            {"role": "main", "contentType": "text/plain", "value": story.text,
             "charCount": len(story.text), "wordCount": len(story.text.split())},
        ],
        "by": story.unit.name,
        "subjects": [{"name": m.title, "rel": "about", "uri": absolute(urls.movement(m.id)), "literal": m.id}
                     for m in story.movements],
        "organisations": [{"name": story.unit.name, "rel": "source", "uri": absolute(urls.unit(story.unit.id)),
                           "literal": story.unit.id}],
        "infoSources": [{"name": terms.holder, "role": "originator", "uri": terms.site_url}],
        "copyrightHolder": terms.holder,
        "copyrightNotice": terms.copyright_notice(ex.date.year),
        "usageTerms": terms.usage_terms,
        "rightsInfo": {"linkedRights": terms.licence.url},
    }
    if ex.kind == INDIVIDUAL:
        item["people"] = [{"name": ex.name, "rel": "about"}]
    else:
        item["organisations"].insert(0, {"name": ex.name, "rel": "about"})
    if story.locality is not None:
        item["places"] = [{"name": story.locality.name, "rel": "located",
                           "uri": absolute(urls.unit(story.locality.id)), "literal": story.locality.id}]
        item["located"] = story.locality.name
    if notes:
        item["edNote"] = " ".join(notes)
    if ex.award:
        item["descriptions"].append({"role": "award", "contentType": "text/plain", "value": ex.award})
    if story.photo is not None:
        photo = story.photo
        original = {"name": "large", "href": photo.url, "contentType": photo.content_type,
                    "sizeInBytes": photo.size}
        if photo_size:
            original.update(width=photo_size[0], height=photo_size[1])
        item["associations"] = [{
            "name": "featureimage", "rel": "featureimage", "uri": photo.url, "type": "picture",
            "headlines": [{"role": "caption", "value": photo.alt}],
            "descriptions": [{"role": "alt", "contentType": "text/plain", "value": photo.alt}],
            "by": photo.credit,
            "copyrightHolder": photo.credit,
            "copyrightNotice": f"Ảnh: {photo.credit}",
            "usageTerms": f"Chỉ dùng kèm bài này, ghi “Ảnh: {photo.credit}”. {terms.usage_terms}",
            "renditions": [
                original,
                {"name": "share", "href": absolute(urls.share_image(ex.id, photo=True)), "contentType": "image/jpeg",
                 "width": SHARE_SIZE[0], "height": SHARE_SIZE[1]},
            ],
        }]
    return item


def ninjs_bytes(story: Story, terms: Terms, photo_size: tuple[int, int] | None = None) -> bytes:
    return (json.dumps(ninjs(story, terms, photo_size), ensure_ascii=False, indent=2) + "\n").encode("utf-8")
