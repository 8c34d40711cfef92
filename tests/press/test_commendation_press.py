"""Consultations and decisions for the press, without a build: feeds, the CSV per recipient, JSON-LD, ninjs."""

from __future__ import annotations

import csv
import io
from dataclasses import replace
from datetime import date, timedelta

import feedparser
from support import REPO
from thidua.checks.loader import load_corpus
from thidua.content import urls
from thidua.content.commendations import Recipient
from thidua.checks.rendering import story_renderer
from thidua.press import commendations, feeds
from thidua.press.catalog import catalog
from thidua.press.ninjs import ninjs
from thidua.press.structured_data import news_article
from thidua.press.terms import Terms
from thidua.site.settings import DEFAULT_LICENCE
from thidua.site.stories import render_stories

SITE_URL = "https://thidua.binhthuan.example/"
TERMS = Terms("Trang", SITE_URL, "Ban Thi đua", DEFAULT_LICENCE, "Trang")
TO_HTML = story_renderer(["toc"], {"toc": {"permalink": True}})
OVERRIDES = REPO / "overrides"
STORY = "doi-tuan-tra-mau-dao-phu-quy"
DECISION_ID = "quyet-dinh-khen-thuong-mau"


def corpus_on(as_of=date(2024, 1, 5)):
    return load_corpus(REPO).published(as_of)


def rows(corpus):
    text = commendations.recipients_csv(corpus, TERMS).decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"))))


def test_the_csv_has_one_row_per_recipient_with_the_documents_identity():
    found = rows(corpus_on())
    assert len(found) == 6 and [r["ma_van_ban"] for r in found[:3]] == [DECISION_ID] * 3
    first = found[0]
    assert first["uri"] == f"tag:thidua.binhthuan.example,2023-12-28:khen-thuong/{DECISION_ID}"
    assert (first["loai_van_ban"], first["noi_dung_mau"], first["so_quyet_dinh"], first["ngay"]) == (
        "Quyết định khen thưởng", "có", "0000/QĐ-UBND (số mẫu)", "2023-12-28")
    assert (first["loai"], first["ten"], first["don_vi"], first["ma_don_vi"]) == ("Tập thể", "Tập thể Mẫu A", "Phan Thiết", "phan-thiet")
    assert found[2]["ma_bai"] == STORY and found[2]["bai"] == SITE_URL + f"guong-dien-hinh/{STORY}/"
    assert [r["ma_van_ban"] for r in rows(corpus_on(date(2023, 12, 20)))] == ["lay-y-kien-de-nghi-khen-thuong-mau"] * 3


def test_csv_cells_that_look_like_formulas_stay_text_and_an_embargoed_story_is_not_named():
    corpus = load_corpus(REPO)
    decision = corpus.commendations[DECISION_ID]
    corpus.commendations[DECISION_ID] = replace(decision, recipients=(
        Recipient("individual", "=HYPERLINK(\"https://x.example\")", "phan-thiet", position="+1"),
        Recipient("collective", "Đội mẫu", "phu-quy", exemplar=STORY)))
    corpus.exemplars[STORY] = replace(corpus.exemplars[STORY], date=date(2024, 3, 1))
    found = [r for r in rows(corpus.published(date(2024, 1, 5))) if r["ma_van_ban"] == DECISION_ID]
    assert found[0]["ten"].startswith("'=") and found[0]["chuc_vu"] == "'+1"
    assert found[1]["ma_bai"] == "" and found[1]["bai"] == ""


def test_the_feed_follows_the_stories_rules_fifty_newest_and_full_archives_of_fifty():
    corpus = corpus_on()
    decision = corpus.commendations[DECISION_ID]
    many = {f"qd-{n}": replace(decision, id=f"qd-{n}", date=date(2023, 1, 1) + timedelta(days=n)) for n in range(60)}
    corpus = replace(corpus, commendations=many)
    items = commendations.notices(corpus, SITE_URL, TO_HTML)
    feed = commendations.commendation_feed(items, "Trang")
    contents, texts = commendations.entry_contents(items, corpus, TERMS, OVERRIDES)
    atom = feeds.atom(feed, TERMS, feeds.feed_updated(feed.entries, None), contents)
    parsed = feedparser.parse(atom)
    assert len(parsed.entries) == 50 and parsed.entries[0].id == "tag:thidua.binhthuan.example,2023-03-01:khen-thuong/qd-59"
    assert parsed.feed.links[1]["href"] == SITE_URL + "khen-thuong/feed/trang/1.xml"  # prev-archive
    [archive] = feeds.archives(feed)
    brief = feedparser.parse(feeds.atom_archive(archive, TERMS))
    assert [e.id.rsplit("/", 1)[1] for e in brief.entries] == [f"qd-{n}" for n in range(49, -1, -1)]
    assert "content" not in brief.entries[0] and brief.entries[0].summary.startswith("Quyết định khen thưởng: ")
    rss = feedparser.parse(feeds.rss(feed, TERMS, feeds.feed_updated(feed.entries, None), contents))
    assert rss.entries[0].id == parsed.entries[0].id and rss.entries[0].title.startswith("[Nội dung mẫu] ")


def test_a_feed_entry_warns_of_a_sample_and_lists_at_most_a_hundred_recipients():
    corpus = corpus_on()
    decision = corpus.commendations[DECISION_ID]
    crowd = tuple(Recipient("individual", f"Người Mẫu {n}", "phan-thiet") for n in range(150))
    corpus = replace(corpus, commendations={DECISION_ID: replace(decision, recipients=crowd)})
    items = commendations.notices(corpus, SITE_URL, TO_HTML)
    html, text = commendations.entry_contents(items, corpus, TERMS, OVERRIDES)
    assert "Nội dung mẫu: nhân vật và sự việc không có thật" in html[DECISION_ID]
    assert "Người Mẫu 99 — Phan Thiết" in html[DECISION_ID] and "Người Mẫu 100 " not in html[DECISION_ID]
    assert "(150 tập thể, cá nhân)" in text[DECISION_ID] and "<" not in text[DECISION_ID]


def test_markup_in_a_document_never_reaches_a_feed_entry_live():
    corpus = corpus_on()
    decision = corpus.commendations[DECISION_ID]
    hostile = replace(decision, award="<script>alert(1)</script>", body="<img src=x onerror=alert(1)> Nội dung.")
    corpus = replace(corpus, commendations={DECISION_ID: hostile})
    items = commendations.notices(corpus, SITE_URL, TO_HTML)
    html, _ = commendations.entry_contents(items, corpus, TERMS, OVERRIDES)
    assert "<script" not in html[DECISION_ID] and "onerror" not in html[DECISION_ID]
    assert "&lt;script&gt;" in html[DECISION_ID]


def test_a_story_named_by_a_decision_says_so_in_its_json_ld_and_ninjs():
    corpus = corpus_on()
    award = "Bằng khen của Chủ tịch UBND tỉnh (Quyết định số 0000/QĐ-UBND (số mẫu) ngày 28/12/2023)"
    assert news_article(corpus, corpus.exemplars[STORY], TERMS)["about"][0]["award"] == award
    story = render_stories(corpus, {}, SITE_URL, TO_HTML)[STORY]
    assert {"role": "award", "contentType": "text/plain", "value": award} in ninjs(story, TERMS)["descriptions"]
    before = corpus_on(date(2023, 12, 20))
    assert "award" not in news_article(before, before.exemplars[STORY], TERMS)["about"]


def test_the_catalog_lists_the_documents_with_their_identity():
    entries = catalog(corpus_on(), TERMS)["commendations"]
    assert [(e["id"], e["type"], e["sample"], e["recipients"]) for e in entries] == [
        (DECISION_ID, "decision", True, 3), ("lay-y-kien-de-nghi-khen-thuong-mau", "consultation", True, 3)]
    assert entries[0]["url"] == urls.absolute(SITE_URL, urls.commendation(DECISION_ID))
    assert entries[1]["comment_until"] == "2024-01-02" and entries[1]["number"] is None
