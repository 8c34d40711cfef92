"""RFC 5005 archived feeds, without a build: an agency walks from the subscription feed back to the first
story through `prev-archive`, each archive entry is brief (no story text: its page and ninjs are linked), and every
archive document is valid in the W3C Feed Validator."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from dataclasses import replace
from datetime import date, timedelta

import pytest
from support import REPO, shared_file
from thidua.checks.loader import load_corpus
from thidua.press import feeds
from thidua.press.terms import Terms
from thidua.site.settings import DEFAULT_LICENCE
from thidua.checks.rendering import story_renderer
from thidua.site.stories import render_stories

SITE_URL = "https://thidua.binhthuan.example/"
ATOM = "{http://www.w3.org/2005/Atom}"
FH = "{http://purl.org/syndication/history/1.0}"
TERMS = Terms("Trang", SITE_URL, "Ban Thi đua – Khen thưởng tỉnh Bình Thuận", DEFAULT_LICENCE, "Trang")
COUNT = 123  # two full archive pages of 50, and 23 more only in the subscription document


@pytest.fixture(scope="module")
def written(tmp_path_factory):
    """The site feed of COUNT stories written as the build writes it: feed.xml and feed/trang/N.xml."""
    corpus = load_corpus(REPO)
    template = corpus.exemplars_newest_first[0]
    many = {f"bai-{n:03}": replace(template, id=f"bai-{n:03}", date=date(2023, 1, 1) + timedelta(days=n), updated=None,
                                   corrections=(), aliases=(), photo=None) for n in range(COUNT)}
    corpus = replace(corpus, exemplars=many)
    stories = render_stories(corpus, {}, SITE_URL, story_renderer([], {}))
    feed = feeds.site_feeds(corpus, stories, "Trang")[0]
    contents = {sid: feeds.entry_html(s, TERMS, REPO / "overrides") for sid, s in stories.items()}
    folder = tmp_path_factory.mktemp("archives")
    (folder / "feed.xml").write_bytes(feeds.atom(feed, TERMS, feeds.feed_updated(feed.entries, None), contents))
    for archive in feeds.archives(feed):
        path = folder / archive.url
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(feeds.atom_archive(archive, TERMS))
    return folder


def _document(path):
    root = ET.parse(path).getroot()
    links = {link.get("rel"): link.get("href").removeprefix(SITE_URL) for link in root.findall(f"{ATOM}link")}
    ids = [entry.find(f"{ATOM}id").text for entry in root.findall(f"{ATOM}entry")]
    return root, links, ids


def test_walking_prev_archive_from_the_subscription_feed_reaches_every_story_once(written):
    root, links, seen = _document(written / "feed.xml")
    assert len(seen) == feeds.MAX_ENTRIES and root.find(f"{FH}archive") is None
    visited = []
    while "prev-archive" in links:
        visited.append(links["prev-archive"])
        root, links, ids = _document(written / links["prev-archive"])
        assert root.find(f"{FH}archive") is not None and links["current"] == "feed.xml"
        seen += ids
    assert visited == ["feed/trang/2.xml", "feed/trang/1.xml"]
    expected = {f"tag:thidua.binhthuan.example,{date(2023, 1, 1) + timedelta(days=n)}:guong-dien-hinh/bai-{n:03}"
                for n in range(COUNT)}
    assert set(seen) == expected  # the subscription document and the newest archive may overlap


def test_archives_hold_full_pages_oldest_first_and_link_both_ways(written):
    _, first, first_ids = _document(written / "feed/trang/1.xml")
    _, second, _ = _document(written / "feed/trang/2.xml")
    assert "prev-archive" not in first and first["next-archive"] == "feed/trang/2.xml"
    assert second["prev-archive"] == "feed/trang/1.xml" and second["next-archive"] == "feed.xml"  # then the current
    assert first["self"] == "feed/trang/1.xml"
    assert len(first_ids) == 50 and first_ids[-1].endswith("bai-000")  # the oldest fifty, newest first
    assert not (written / "feed/trang/3.xml").exists()  # 23 stories are no full page: not archived yet


def test_an_archive_entry_is_brief_and_links_the_whole_story(written):
    root, _, _ = _document(written / "feed/trang/1.xml")
    entry = root.find(f"{ATOM}entry")
    assert entry.find(f"{ATOM}content") is None and entry.find(f"{ATOM}summary").text
    links = {link.get("type"): link.get("href") for link in entry.findall(f"{ATOM}link")}
    assert links["text/html"].startswith(SITE_URL + "guong-dien-hinh/bai-")
    assert links["application/ninjs+json"] == links["text/html"] + "ninjs.json"
    corpus = load_corpus(REPO)
    unit = corpus.units[corpus.exemplars_newest_first[0].unit]  # every story here is a copy of this one
    assert entry.find(f"{ATOM}author/{ATOM}name").text == unit.name  # the unit wrote it, not the board
    assert not (written / "feed/trang/1.json").exists()  # JSON readers walk the catalog instead


def test_every_archive_document_is_valid_in_the_w3c_validator(written):
    runner = shared_file("tools/validate-feeds")
    result = subprocess.run([sys.executable, str(runner), str(written), SITE_URL, "--warnings"],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip().endswith("3 feeds, 0 with errors or warnings")  # feed.xml and two archives
