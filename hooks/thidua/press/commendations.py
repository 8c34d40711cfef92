"""Consultations and decisions for the press: their feeds, one CSV row per recipient, their catalog entries.

A document's identity is a tag: URI minted as a story's is (`urls.tag_uri`, under khen-thuong/), its feeds
are written by the stories' feed functions (Atom with RFC 5005 archives, RSS, JSON Feed) with entries of
their own, and only what is published on the build date reaches any of them.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from ..content import urls
from ..content.commendations import Commendation
from ..content.model import Corpus
from ..content.moments import iso
from ..content.text import format_date
from ..content.words import word
from ..site.stories import ToHtml, html_to_text, syndicated_html
from ..site.templating import render
from . import changes, feeds
from .changes import Change
from .versions import changes_of
from .catalog import _cell
from .terms import SAMPLE_CATEGORY, SAMPLE_WARNING, Terms

ENTRY_RECIPIENTS = 100  # a feed entry lists the first hundred; the page and the CSV list everyone


@dataclass(frozen=True)
class Notice:
    """A consultation or a decision as feeds carry it, rendered once."""

    document: Commendation
    url: str  # absolute URL of its page
    identity: str  # tag: URI
    html: str  # sanitised body, absolute links
    text: str

    @property
    def published(self) -> datetime:
        return self.document.published_at

    @property
    def modified(self) -> datetime:
        return self.document.modified_at

    @property
    def summary(self) -> str:
        d = self.document
        summary = f"{d.type_label}: {d.award} — {word('commendations.count', len(d.recipients))}"
        if d.is_decision:
            return f"{summary}. {word('commendations.number')} {d.number}."
        return f"{summary}. {word('commendations.deadline')} {format_date(d.comment_until)}."


def notices(corpus: Corpus, site_url: str, to_html: ToHtml) -> list[Notice]:
    """Every published document, newest first, its body rendered as the site renders a story's."""
    found = []
    for d in corpus.commendations_newest_first:
        url = urls.absolute(site_url, urls.commendation(d.id))
        body = syndicated_html(to_html(d.body)[0], url)
        found.append(Notice(d, url, urls.tag_uri(site_url, d.date, d.first_id, urls.COMMENDATIONS), body,
                            html_to_text(body)))
    return found


def commendation_feed(items: list[Notice], site_name: str, history=None) -> feeds.Feed:
    """Ordered, like the stories' feeds, by when each document reached the site (`history` of its folder)."""
    log = changes.in_order(c for n in items for c in changes_of(n.identity, n.document, n, history))
    return feeds.Feed(urls.COMMENDATIONS, word("commendations.feed_title", site_name),
                      word("commendations.feed_description"), items, log, "commendations",
                      word("commendations.title"), feeds.MAX_ENTRIES, entry=_entry, json_item=_json_item)


def entry_contents(items: list[Notice], corpus: Corpus, terms: Terms, overrides: Path) -> tuple[dict, dict]:
    """Each document as a feed entry carries it, as HTML and as plain text, by id."""
    html, text = {}, {}
    for notice in items:
        context = {"notice": notice, "d": notice.document, "terms": terms, "sample_warning": SAMPLE_WARNING,
                   "words": word("commendations"), "units": corpus.units, "shown": ENTRY_RECIPIENTS}
        html[notice.document.id] = render(overrides, "thidua/press/commendation-entry.html", **context).strip()
        text[notice.document.id] = render(overrides, "thidua/press/commendation-entry.txt", **context).strip()
    return html, text


def _entry(fe, change: Change, terms: Terms, self_kind: str, contents: dict[str, str] | None) -> None:
    """As a story's entry: identity, title, page, summary, dates, who issued it; the whole text unless brief."""
    notice = change.item
    d = notice.document
    fe.id(notice.identity)
    fe.guid(notice.identity, permalink=False)
    fe.title(d.display_title)
    fe.link(href=notice.url, rel="alternate", type="text/html")
    fe.summary(notice.summary)
    fe.published(notice.published)
    fe.updated(change.at)  # when it reached the site
    fe.author(name=d.issuer)
    if contents is None:
        return
    if d.sample:  # for machines, as a sample story's entry says it
        fe.category(term=SAMPLE_CATEGORY, scheme=urls.absolute(terms.site_url, urls.SAMPLE_SCHEME))
    fe.content(contents[d.id], type="html")
    fe.dc.dc_creator(d.issuer)
    fe.category(term=d.type_label, scheme=urls.absolute(terms.site_url, urls.COMMENDATIONS))


def _json_item(change: Change, terms: Terms, contents: dict[str, str], texts: dict[str, str]) -> dict:
    notice = change.item
    d = notice.document
    return {
        "id": notice.identity, "url": notice.url, "title": d.display_title, "summary": notice.summary,
        "content_html": contents[d.id], "content_text": texts[d.id],
        "date_published": iso(notice.published), "date_modified": iso(change.at),
        "authors": [{"name": d.issuer}], "tags": [d.type_label], "language": "vi",
        "_thidua": {"sample": d.sample, "type": d.type, "plan": d.plan, "award": d.award, "number": d.number or None,
                    "comment_until": d.comment_until.isoformat() if d.comment_until else None,
                    "recipients": len(d.recipients),
                    "licence": {"name": terms.licence.name, "url": terms.licence.url}},
    }


CSV_COLUMNS = ("ma_van_ban", "uri", "dia_chi", "loai_van_ban", "noi_dung_mau", "so_quyet_dinh", "ngay",
               "hinh_thuc_khen_thuong", "loai", "ten", "chuc_vu", "don_vi", "ma_don_vi", "ma_bai", "bai")


def recipients_csv(corpus: Corpus, terms: Terms) -> bytes:
    """One row per recipient of every published document, newest document first; UTF-8 with a byte-order mark
    and ISO dates, as exemplars.csv. A story is named only when it is published."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    samples = word("commendations.csv_sample")
    for d in corpus.commendations_newest_first:
        uri = urls.tag_uri(terms.site_url, d.date, d.first_id, urls.COMMENDATIONS)
        page = urls.absolute(terms.site_url, urls.commendation(d.id))
        for r in d.recipients:
            story = r.exemplar if r.exemplar in corpus.exemplars else ""
            writer.writerow([_cell(str(v)) for v in (
                d.id, uri, page, d.type_label, samples[str(d.sample).lower()], d.number, d.date.isoformat(), d.award,
                r.kind_label, r.name, r.position, corpus.units[r.unit].name, r.unit, story,
                urls.absolute(terms.site_url, urls.exemplar(story)) if story else "")])
    return ("\ufeff" + out.getvalue()).encode("utf-8")
