"""Feeds follow what changed on the site (issue 20): a story added late, however it is dated, and a correction
reach the top of every subscription document they belong to, with the instant they reached the site; the
RFC 5005 archive documents published before them never change; the order comes from the repository's
history, so a fresh clone rebuilds the same archives, and a copy without history still builds."""

from __future__ import annotations

import shutil
import xml.etree.ElementTree as ET
from datetime import date, datetime, timedelta

import pytest
from feed_history import VIETNAM, archives_of, commit, commit_each, git, start_history, write_feeds
from support import Site, copy_repository
from thidua.checks.loader import load_corpus
from thidua.content.history import folder_history
from thidua.checks.rendering import story_renderer
from thidua.press import changes, feeds
from thidua.press.versions import story_changes
from thidua.site.stories import render_stories

ATOM = "{http://www.w3.org/2005/Atom}"
LAUNCH = datetime(2023, 8, 1, 9, 0, tzinfo=VIETNAM)
FIRST_DAY = date(2023, 9, 1)
COUNT = 60  # the site feed: one archive page of 50; the unit's and the movement's: six pages of 10
UNIT, MOVEMENT = "phan-thiet", "cai-cach-hanh-chinh"


def at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=VIETNAM)


def entries(data: bytes) -> list[dict]:
    root = ET.fromstring(data)
    return [{"id": e.findtext(f"{ATOM}id"), "title": e.findtext(f"{ATOM}title"), "updated": e.findtext(f"{ATOM}updated"),
             "published": e.findtext(f"{ATOM}published"), "summary": e.findtext(f"{ATOM}summary")}
            for e in root.findall(f"{ATOM}entry")]


def tag(story_id: str, day: date) -> str:
    return f"tag:thidua.binhthuan.example,{day.isoformat()}:guong-dien-hinh/{story_id}"


@pytest.fixture(scope="module")
def history(tmp_path_factory):
    """One story at the launch, then COUNT stories of one unit and movement, each merged on
    its own day at 09:00: the feeds as subscribers have them before anything is added late or corrected."""
    site = Site(copy_repository(tmp_path_factory.mktemp("history") / "repo"))
    site.clear_exemplars()
    site.exemplar("bai-ra-mat", title="Bài ra mắt", date="2023-07-01", unit=UNIT, movements=[MOVEMENT])
    start_history(site.root, LAUNCH)
    files = []
    for n in range(COUNT):
        day = FIRST_DAY + timedelta(days=n)
        path = site.exemplar(f"bai-{n:02}", title=f"Bài số {n}", date=day.isoformat(), unit=UNIT,
                             movements=[MOVEMENT], summary=f"Tóm tắt bài {n}.")
        files.append((path, at(day, 9)))
    commit_each(site.root, files)
    before = write_feeds(site.root, tmp_path_factory.mktemp("before"))
    return site, before


@pytest.fixture(scope="module")
def after(history, tmp_path_factory):
    """Then, in November: a story about August merged on 05/11, and a correction of the oldest story (dated
    06/11 08:00, merged 08:30), which changed its title."""
    site, before = history
    site.exemplar("bai-muon", title="Bài về tháng Tám", date="2023-08-15", unit=UNIT, movements=[MOVEMENT],
                  summary="Gửi muộn.")
    commit(site.root, at(date(2023, 11, 5), 10), "Bài gửi muộn")
    path = site.root / "exemplars" / "bai-00.md"
    text = path.read_text("utf-8").replace("title: Bài số 0\n", "title: Bài số 0 (đã sửa tên)\n")
    text = text.replace("---\nCâu", "---\nCâu", 1).replace("sample: true\n", "sample: true\ncorrections:\n"
                                                            "  - date: 2023-11-06\n    time: \"08:00\"\n"
                                                            "    note: Sửa tên bài.\n")
    path.write_text(text, "utf-8")
    commit(site.root, at(date(2023, 11, 6), 8, 30), "Đính chính bài 0")
    return site, before, write_feeds(site.root, tmp_path_factory.mktemp("after"))


def test_before_anything_late_the_feeds_are_in_the_order_the_stories_were_merged(history):
    _, before = history
    top = entries(before["feed.xml"])
    assert top[0]["id"] == tag(f"bai-{COUNT - 1:02}", FIRST_DAY + timedelta(days=COUNT - 1))
    assert top[0]["updated"] == f"{(FIRST_DAY + timedelta(days=COUNT - 1)).isoformat()}T09:00:00+07:00"  # merged
    launch = next(e for e in entries(before["feed/trang/1.xml"]) if e["id"] == tag("bai-ra-mat", date(2023, 7, 1)))
    assert launch["updated"] == "2023-07-01T00:00:00+07:00"  # the launch brought it in: its own date
    assert len(archives_of(before)) == 1 + 6 + 6  # the site's page; six of the unit's, six of the movement's


def test_a_late_story_and_a_correction_top_every_subscription_feed_they_belong_to(after):
    _, _, written = after
    corrected = tag("bai-00", FIRST_DAY)
    late = tag("bai-muon", date(2023, 8, 15))
    for feed in ("feed.xml", f"don-vi/{UNIT}/feed.xml", f"phong-trao/{MOVEMENT}/feed.xml"):
        first, second = entries(written[feed])[:2]
        assert (first["id"], second["id"]) == (corrected, late), feed
        # updated: the later of the correction's own time (08:00) and its merge (08:30); the late story: its merge
        assert first["updated"] == "2023-11-06T08:30:00+07:00" and second["updated"] == "2023-11-05T10:00:00+07:00"
        assert second["published"] == "2023-08-15T00:00:00+07:00"  # still dated as its editor dated it
        assert first["title"] == "[Nội dung mẫu] Bài số 0 (đã sửa tên)"
        assert first["summary"] == "Đính chính 06/11/2023: Sửa tên bài. — Tóm tắt bài 0."
    rss = written["rss.xml"].decode()
    assert rss.index("bai-00") < rss.index("bai-muon") < rss.index(f"bai-{COUNT - 1:02}")


def test_no_archive_document_published_before_them_changes(after):
    _, before, written = after
    old = archives_of(before)
    assert len(old) == 13  # the site's page, six of the unit's, six of the movement's
    assert {url: written[url] for url in old} == old


def test_the_archive_keeps_the_story_as_it_read_then(after):
    _, _, written = after
    archived = next(e for e in entries(written["feed/trang/1.xml"]) if e["id"] == tag("bai-00", FIRST_DAY))
    assert archived["title"] == "[Nội dung mẫu] Bài số 0" and archived["updated"] == "2023-09-01T09:00:00+07:00"


def test_changes_roll_into_a_new_archive_page_when_the_subscription_document_is_full(after, tmp_path):
    site, before, written = after
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "-q", str(site.root), str(clone))
    files = []
    for n in range(8):  # the unit's log had 60 + 2 changes: eight more make a seventh full page of ten
        day = date(2023, 11, 10) + timedelta(days=n)
        path = Site(clone).exemplar(f"bai-sau-{n}", title=f"Bài sau {n}", date=day.isoformat(), unit=UNIT,
                                    movements=[MOVEMENT])
        files.append((path, at(day, 9)))
    commit_each(clone, files)
    rolled = write_feeds(clone, tmp_path / "out")
    page = entries(rolled[f"don-vi/{UNIT}/feed/trang/7.xml"])
    assert {tag("bai-00", FIRST_DAY), tag("bai-muon", date(2023, 8, 15))} <= {e["id"] for e in page}
    unchanged = {url: data for url, data in archives_of(written).items() if not url.endswith("/6.xml")}
    assert {url: rolled[url] for url in unchanged} == unchanged  # the newest page gains only its next-archive


def test_a_fresh_clone_rebuilds_the_same_feeds_byte_for_byte(after, tmp_path):
    site, _, written = after
    git(tmp_path, "clone", "-q", str(site.root), str(tmp_path / "clone"))
    assert write_feeds(tmp_path / "clone", tmp_path / "out") == written


def test_without_history_a_copy_still_builds_ordered_by_the_stories_own_dates(after, tmp_path):
    site, _, _ = after
    copy = tmp_path / "tarball"
    shutil.copytree(site.root, copy, symlinks=True, ignore=shutil.ignore_patterns(".git"))
    written = write_feeds(copy, tmp_path / "out")
    first = entries(written["feed.xml"])[0]
    assert first["id"] == tag("bai-00", FIRST_DAY) and first["updated"] == "2023-11-06T08:00:00+07:00"
    ids = [e["id"] for e in entries(written[f"don-vi/{UNIT}/feed.xml"])]
    assert tag("bai-muon", date(2023, 8, 15)) not in ids  # dated August: where its date puts it, in an archive


def test_one_item_changed_twice_in_a_page_is_listed_once_with_its_latest_change():
    t = datetime(2023, 9, 1, tzinfo=VIETNAM)
    log = changes.in_order([changes.Change("a", t, 1, "A"), changes.Change("b", t + timedelta(hours=1), 1, "B"),
                            changes.Change("a", t + timedelta(hours=2), 2, "A2")])
    assert [(c.key, c.version) for c in changes.pages(log, 3)[0]] == [("a", 2), ("b", 1)]
    assert [(c.key, c.version) for c in changes.newest(log, 1)] == [("a", 2)]
    assert changes.pages(log, 4) == []  # no full page yet
    assert feeds.MAX_ENTRIES == 50


def test_the_real_build_writes_these_feeds_from_the_checkout_s_history(after):
    site, _, written = after
    site.build()
    for url in ("feed.xml", f"don-vi/{UNIT}/feed.xml", "feed/trang/1.xml", f"don-vi/{UNIT}/feed/trang/6.xml"):
        assert entries((site.root / "site" / url).read_bytes()) == entries(written[url]), url
    rss = ET.parse(site.root / "site" / "rss.xml").getroot()
    assert rss.find("channel/item/guid").text == tag("bai-00", FIRST_DAY)


def test_each_version_counts_from_when_it_reached_the_branch_and_keeps_its_words(tmp_path):
    """An `updated` date moves the story when it is merged; a correction merged before its own time counts
    from its time; the first version keeps the title it had."""
    site = Site(copy_repository(tmp_path / "repo"))
    site.clear_exemplars()
    site.exemplar("bai-ra-mat", date="2023-07-01", unit="phu-quy", movements=["van-hoa-cong-so"])
    start_history(site.root, LAUNCH)  # the launch: the first commit with stories
    path = site.exemplar("bai-x", title="Tên cũ", date="2023-09-01", unit=UNIT, movements=[MOVEMENT])
    commit(site.root, at(date(2023, 9, 1), 9))
    text = path.read_text("utf-8")
    path.write_text(text.replace("sample: true\n", "sample: true\nupdated: 2023-11-20\n"), "utf-8")
    commit(site.root, at(date(2023, 11, 21), 10))
    path.write_text(text.replace("Tên cũ", "Tên mới").replace(
        "sample: true\n", 'sample: true\nupdated: 2023-11-20\ncorrections:\n  - date: 2023-11-25\n    time: "07:00"\n'
                          "    note: Sửa tên.\n"), "utf-8")
    commit(site.root, at(date(2023, 11, 24), 16))
    corpus = load_corpus(site.root).published(date(2023, 12, 31))
    stories = render_stories(corpus, {}, "https://thidua.binhthuan.example/", story_renderer([], {}))
    _, first, second = sorted(story_changes(stories.values(), folder_history(site.root, "exemplars")),
                              key=lambda c: c.at)
    assert (first.version, first.at, first.title) == (1, at(date(2023, 9, 1), 9), "[Nội dung mẫu] Tên cũ")
    assert (second.version, second.at, second.title) == (2, at(date(2023, 11, 25), 7), "")  # today's words
    assert second.note == "Đính chính 25/11/2023: Sửa tên."
