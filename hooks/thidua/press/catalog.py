"""The site's index for machines: every plan, movement, unit and story with its URLs, as JSON and CSV."""

from __future__ import annotations

import csv
import io
import json

from ..content import urls
from ..content.model import Corpus
from ..content.moments import iso
from ..site.stories import Story
from .terms import Terms


def catalog(corpus: Corpus, terms: Terms) -> dict:
    absolute = lambda url: urls.absolute(terms.site_url, url)  # noqa: E731
    feeds = lambda page: {kind: absolute(url) for kind, url in urls.feeds(page).items()}  # noqa: E731
    return {
        "site": {"name": terms.site_name, "url": terms.site_url, "feeds": feeds(""),
                 "licence": {"name": terms.licence.name, "url": terms.licence.url},
                 "attribution": terms.attribution, "press": absolute(urls.PRESS)},
        "plans": [{"id": p.id, "title": p.title, "url": absolute(urls.plan(p.id))}
                  for p in sorted(corpus.plans.values(), key=lambda p: (p.period_start, p.id))],
        "movements": [{"id": m.id, "title": m.title, "plan": m.plan, "parent": m.parent,
                       "url": absolute(urls.movement(m.id)), "feeds": feeds(urls.movement(m.id)),
                       "exemplars": len(corpus.by_movement.get(m.id, []))}
                      for m in sorted(corpus.movements.values(), key=corpus.movement_key)],
        "units": [{"id": u.id, "name": u.name, "type": u.type, "locality": u.locality,
                   "url": absolute(urls.unit(u.id)), "feeds": feeds(urls.unit(u.id)),
                   "exemplars": len(corpus.stories_of_unit(u.id))}
                  for u in sorted(corpus.units.values(), key=lambda u: (u.type, u.order, u.id))],
        "groupings": [{"id": g.id, "label": g.label, "field": g.field, "url": absolute(urls.grouping(g.id)),
                       "terms": [{"id": term, "label": label, "url": absolute(urls.term(g.id, term)),
                                  "feeds": feeds(urls.term(g.id, term)),
                                  "exemplars": len(corpus.by_term(g.id).get(term, []))}
                                 for term, label in g.terms.items()]}
                      for g in corpus.groupings.values()],
        "exemplars": [{"id": e.id, "uri": urls.tag_uri(terms.site_url, e.date, e.first_id),
                       "aliases": list(e.aliases), "title": e.display_title, "sample": e.sample, "kind": e.kind, "name": e.name,
                       "unit": e.unit, "movements": list(e.movements), "groups": {g: list(t) for g, t in e.groups},
                       "date": e.date.isoformat(),
                       "updated": e.last_modified.isoformat(), "published_at": iso(e.published_at),
                       "modified_at": iso(e.modified_at), "version": e.version,
                       "url": absolute(urls.exemplar(e.id)), "ninjs": absolute(urls.ninjs(e.id)),
                       "share_image": absolute(urls.share_image(e.id, bool(e.photo)))}
                      for e in corpus.exemplars_newest_first],
        "commendations": commendation_entries(corpus, terms),
    }


def commendation_entries(corpus: Corpus, terms: Terms) -> list[dict]:
    """Consultations and decisions, newest first; their recipients are in /api/khen-thuong.csv."""
    absolute = lambda url: urls.absolute(terms.site_url, url)  # noqa: E731
    return [{"id": d.id, "uri": urls.tag_uri(terms.site_url, d.date, d.first_id, urls.COMMENDATIONS),
             "type": d.type, "title": d.display_title, "sample": d.sample, "plan": d.plan, "date": d.date.isoformat(),
             "issuer": d.issuer, "award": d.award, "number": d.number or None, "signer": d.signer or None,
             "comment_until": d.comment_until.isoformat() if d.comment_until else None,
             "recipients": len(d.recipients), "url": absolute(urls.commendation(d.id))}
            for d in corpus.commendations_newest_first]


def catalog_bytes(corpus: Corpus, terms: Terms) -> bytes:
    return (json.dumps(catalog(corpus, terms), ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")


# The key is the tag: URI (it survives a rename, `ma` does not; `ma_cu` lists the former ids); times ISO 8601.
CSV_COLUMNS = ("uri", "ma", "ma_cu", "tieu_de", "noi_dung_mau", "loai", "ten", "don_vi", "phong_trao", "ngay_dang",
               "thoi_diem_dang", "ngay_cap_nhat", "thoi_diem_cap_nhat", "phien_ban", "tom_tat", "khen_thuong",
               "dia_chi", "ninjs", "anh", "tac_gia_anh", "giay_phep")


def _cell(value: str) -> str:
    """Spreadsheets run cells that start like a formula; text from pull requests must stay text."""
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def exemplars_csv(corpus: Corpus, terms: Terms, stories: dict[str, Story]) -> bytes:
    """UTF-8 with a byte-order mark, so that Excel shows Vietnamese letters; dates ISO 8601 (YYYY-MM-DD),
    which no spreadsheet locale reads day-for-month. The photo is its largest published JPEG (never the
    original, which may carry EXIF); the licence is the site's, which covers every story."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for e in corpus.exemplars_newest_first:
        photo = stories[e.id].photo if e.id in stories else None
        writer.writerow([_cell(str(v)) for v in (
            urls.tag_uri(terms.site_url, e.date, e.first_id), e.id, "; ".join(e.aliases), e.display_title,
            "có" if e.sample else "không", e.kind_label, e.name, corpus.units[e.unit].name,
            "; ".join(corpus.movements[m].title for m in e.movements), e.date.isoformat(), iso(e.published_at),
            e.last_modified.isoformat(), iso(e.modified_at), e.version, e.summary, e.award or "",
            urls.absolute(terms.site_url, urls.exemplar(e.id)), urls.absolute(terms.site_url, urls.ninjs(e.id)),
            photo.url if photo else "", photo.credit if photo else "", terms.licence.name)])
    return ("\ufeff" + out.getvalue()).encode("utf-8")
