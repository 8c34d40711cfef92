"""Press standards (issue 12): what an agency's importer checks with its own tools.

Valid feeds in the W3C Feed Validator, identities that survive a rename, one datetime everywhere,
sitemaps from content, the republish box as pasted, ninjs complete for a CMS import, one author rule,
the press page's contact. Reads the shared build of the repository, plus one site renamed between builds.
"""

from __future__ import annotations

import json
from datetime import date
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from urllib.parse import urljoin
from pathlib import Path

import feedparser
import pytest
from jsonschema import Draft202012Validator
from support import REPO, Site, copy_repository, republish_copy, shared_file

SITE_URL = "https://thidua.binhthuan.example/"
NINJS_SCHEMA = json.loads((Path(__file__).resolve().parents[1] / "fixtures" / "ninjs-schema_3.1.json").read_text("utf-8"))
ATOM = "{http://www.w3.org/2005/Atom}"
SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
NEWS = "{http://www.google.com/schemas/sitemap-news/0.9}"
STORY = "guong-dien-hinh/nhan-vat-mau-ho-tro-dich-vu-cong/"  # a sample with a photo and a correction
PHU_QUY = "guong-dien-hinh/doi-tuan-tra-mau-dao-phu-quy/"


def validate_feeds(site_dir: Path) -> subprocess.CompletedProcess:
    runner = shared_file("tools/validate-feeds")
    return subprocess.run([sys.executable, str(runner), str(site_dir), SITE_URL, "--warnings"],
                          capture_output=True, text=True, timeout=600)


def out(site: Site) -> Path:
    return site.root / "site"


def read_json(site: Site, url: str) -> dict:
    return json.loads((out(site) / url).read_text("utf-8"))


# --- valid feeds -----------------------------------------------------------------------------------

def test_every_atom_and_rss_feed_is_clean_in_the_w3c_validator_errors_and_warnings(built_repo):
    result = validate_feeds(out(built_repo))
    count = len(list(out(built_repo).rglob("feed.xml"))) + len(list(out(built_repo).rglob("rss.xml")))
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip().endswith(f"{count} feeds, 0 with errors or warnings")


def test_the_validator_run_is_real_a_media_group_of_one_fails(built_repo, tmp_path):
    feed = (out(built_repo) / STORY.split("guong")[0] / "feed.xml").read_text("utf-8")
    broken = re.sub(r"(<media:content .*?</media:content>)", r"<media:group>\1</media:group>", feed, count=1,
                    flags=re.S)
    assert broken != feed
    (tmp_path / "feed.xml").write_text(broken, "utf-8")
    result = validate_feeds(tmp_path)
    assert result.returncode == 1 and "media:group" in result.stdout


# --- stable identity: a story renamed between two builds ---------------------------------------------

TIMED = """\
---
title: Bài có giờ đăng
kind: collective
name: Tổ tự quản có giờ
unit: phu-quy
movements:
  - cai-cach-hanh-chinh
date: 2023-12-30
time: "08:30"
corrections:
  - date: 2023-12-30
    time: "14:00"
    note: Sửa tên tổ trong ngày.
summary: Bài có giờ đăng và một đính chính trong ngày.
---
Dòng thứ nhất của đoạn
nối tiếp dòng thứ hai, không ngắt giữa câu.
"""


@pytest.fixture(scope="module")
def renamed(tmp_path_factory) -> dict:
    """One site built with a story as `bai-goc`, then again after renaming it `bai-moi` (aliases: [bai-goc])."""
    site = Site(copy_repository(tmp_path_factory.mktemp("renamed") / "repo"))
    site.write("exemplars/bai-goc.md", TIMED)
    site.build()
    before = {"atom": (out(site) / "feed.xml").read_text("utf-8"), "rss": (out(site) / "rss.xml").read_text("utf-8"),
              "json": read_json(site, "feed.json"), "ninjs": read_json(site, "guong-dien-hinh/bai-goc/ninjs.json")}
    (site.root / "exemplars/bai-goc.md").unlink()
    site.write("exemplars/bai-moi.md", TIMED.replace("summary:", "aliases:\n  - bai-goc\nsummary:"))
    site.build()
    return {"site": site, "before": before}


def _ids(atom: str, rss: str, json_feed: dict, title: str) -> tuple:
    entry = next(e for e in feedparser.parse(atom).entries if e.title == title)
    item = next(e for e in feedparser.parse(rss).entries if e.title == title)
    [feed_item] = [i for i in json_feed["items"] if i["title"] == title]
    return entry.id, item.id, feed_item["id"]


def test_a_renamed_story_keeps_its_atom_id_rss_guid_json_feed_id_and_ninjs_uri(renamed):
    site, before = renamed["site"], renamed["before"]
    identity = "tag:thidua.binhthuan.example,2023-12-30:guong-dien-hinh/bai-goc"
    old = _ids(before["atom"], before["rss"], before["json"], "Bài có giờ đăng")
    new = _ids((out(site) / "feed.xml").read_text("utf-8"), (out(site) / "rss.xml").read_text("utf-8"),
               read_json(site, "feed.json"), "Bài có giờ đăng")
    assert old == new == (identity,) * 3
    assert before["ninjs"]["uri"] == read_json(site, "guong-dien-hinh/bai-moi/ninjs.json")["uri"] == identity
    assert '<guid isPermaLink="false">' + identity in (out(site) / "rss.xml").read_text("utf-8")


def test_the_old_address_keeps_answering_its_ninjs_and_redirects_its_page(renamed):
    site = renamed["site"]
    old = read_json(site, "guong-dien-hinh/bai-goc/ninjs.json")
    assert old == read_json(site, "guong-dien-hinh/bai-moi/ninjs.json")
    assert {"role": "former-id", "value": "bai-goc"} in old["altIds"]
    assert {"role": "id", "value": "bai-moi"} in old["altIds"]
    assert f'url={SITE_URL}guong-dien-hinh/bai-moi/"' in site.page("guong-dien-hinh/bai-goc/")
    [story] = [e for e in read_json(site, "api/catalog.json")["exemplars"] if e["id"] == "bai-moi"]
    assert story["aliases"] == ["bai-goc"] and story["uri"] == old["uri"]


# --- times -----------------------------------------------------------------------------------------

def test_page_json_ld_open_graph_feeds_and_ninjs_share_one_datetime_and_a_same_day_correction_updates(renamed):
    site = renamed["site"]
    published, modified = "2023-12-30T08:30:00+07:00", "2023-12-30T14:00:00+07:00"
    page = site.page("guong-dien-hinh/bai-moi/")
    assert f'<time datetime="{published}">30/12/2023 08:30</time>' in page
    assert f'<meta property="article:published_time" content="{published}">' in page
    assert f'<meta property="article:modified_time" content="{modified}">' in page
    ld = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', page).group(1))
    assert (ld["datePublished"], ld["dateModified"]) == (published, modified)
    entry = next(e for e in feedparser.parse(str(out(site) / "feed.xml")).entries if e.title == "Bài có giờ đăng")
    atom = (out(site) / "feed.xml").read_text("utf-8")
    assert f"<published>{published}</published>" in atom and f"<updated>{modified}</updated>" in atom and entry
    [item] = [i for i in read_json(site, "feed.json")["items"] if i["url"].endswith("/bai-moi/")]
    assert (item["date_published"], item["date_modified"]) == (published, modified)
    ninjs = read_json(site, "guong-dien-hinh/bai-moi/ninjs.json")
    assert (ninjs["firstCreated"], ninjs["versionCreated"]) == (published, modified)


def test_a_same_day_correction_without_a_time_is_refused_with_the_field_and_line(site):
    from thidua.checks.loader import load

    site.write("exemplars/bai-goc.md", TIMED.replace('    time: "14:00"\n', ""))
    site.write("exemplars/gio-sai.md", TIMED.replace('time: "08:30"', "time: 8:30"))
    problems = [str(p) for p in load(site.root).errors]
    assert any(p.startswith("exemplars/bai-goc.md:11: corrections[0].time: đính chính trong ngày đăng cần time")
               for p in problems), problems
    assert any(p.startswith("exemplars/gio-sai.md:") and "time" in p and "HH:MM" in p for p in problems), problems


# --- sitemaps and robots.txt -------------------------------------------------------------------------

def _lastmods(site: Site) -> dict[str, str]:
    root = ET.parse(out(site) / "sitemap.xml").getroot()
    return {u.find(f"{SM}loc").text.removeprefix(SITE_URL): u.findtext(f"{SM}lastmod") for u in root}


def test_sitemap_lastmod_comes_from_content_not_the_build_date(built_repo):
    lastmod = _lastmods(built_repo)
    catalog = read_json(built_repo, "api/catalog.json")
    for story in catalog["exemplars"]:  # the repository's stories are samples: for people, not search engines
        assert story["sample"] and f"guong-dien-hinh/{story['id']}/" not in lastmod
    newest = max(s["updated"] for s in catalog["exemplars"])
    assert lastmod[""] == lastmod["guong-dien-hinh/"] == newest
    movement = "phong-trao/cai-cach-hanh-chinh/"
    assert lastmod[movement] == max(s["updated"] for s in catalog["exemplars"]
                                    if "cai-cach-hanh-chinh" in s["movements"])
    # a date from content or none (outside git, a page without stories has no date of its own): never the build's
    assert all(value is None or value.startswith("2023-") for url, value in lastmod.items())
    assert "tim-kiem/" not in lastmod and (out(built_repo) / "tim-kiem/index.html").is_file()  # in_sitemap=False


def test_with_no_recent_story_there_is_no_news_sitemap_and_robots_txt_names_only_sitemap_xml(built_repo):
    robots = (out(built_repo) / "robots.txt").read_text("utf-8").splitlines()
    assert f"Sitemap: {SITE_URL}sitemap.xml" in robots  # every story of the repository is a sample:
    assert not any("sitemap-news" in line for line in robots)  # an empty urlset is invalid in Google's schema
    assert not (out(built_repo) / "sitemap-news.xml").exists()


def test_the_news_sitemap_lists_the_stories_of_the_48_hours_ending_with_the_build_date(site):
    site.write("exemplars/bai-goc.md", TIMED.replace("summary:", "sample: false\nsummary:"))
    site.build(as_of=date(2023, 12, 31))  # published 30/12 08:30: within 30/12 00:00 – 01/01 00:00
    [url] = ET.parse(out(site) / "sitemap-news.xml").getroot()
    assert url.find(f"{SM}loc").text == SITE_URL + "guong-dien-hinh/bai-goc/"
    assert url.find(f"{NEWS}news/{NEWS}publication_date").text == "2023-12-30T08:30:00+07:00"
    assert url.find(f"{NEWS}news/{NEWS}publication/{NEWS}language").text == "vi"
    robots = (out(site) / "robots.txt").read_text("utf-8")
    assert f"Sitemap: {SITE_URL}sitemap-news.xml" in robots
    site.build(as_of=date(2024, 1, 1))  # a third calendar day: more than 48 hours before the build date ends
    assert not (out(site) / "sitemap-news.xml").exists()
    assert "sitemap-news" not in (out(site) / "robots.txt").read_text("utf-8")


# --- republish box ---------------------------------------------------------------------------------

def test_the_republish_html_has_byline_date_photo_first_published_line_licence_and_canonical(built_repo):
    pasted, url = republish_copy(built_repo.root / "site", STORY.strip("/").split("/")[-1]), SITE_URL + STORY
    assert "<h2>[Nội dung mẫu] Cán bộ một cửa hướng dẫn người dân nộp hồ sơ trực tuyến</h2>" in pasted
    assert ("<p>Bài: Các sở, ban, ngành tỉnh · Cá nhân: Nhân vật mẫu C (cá nhân minh họa) · "
            "Đăng ngày 08/11/2023</p>") in pasted
    img = re.search(r'<figure><img src="([^"]+)" alt="([^"]+)" width="\d+" height="\d+"><figcaption>Ảnh: ([^<]+)</figcaption>',
                    pasted)
    assert img and img.group(1).startswith(url) and img.group(2) and img.group(3) == "Ảnh minh họa do trang tạo ra"
    assert f'Bài viết được đăng lần đầu trên Thi đua nước rút Bình Thuận 2023 tại <a href="{url}">{url}</a>.' in pasted
    assert '<a href="https://creativecommons.org/licenses/by/4.0/deed.vi">CC BY 4.0</a>' in pasted
    assert f'&lt;link rel="canonical" href="{url}"&gt;' in pasted


def test_json_feed_content_html_carries_the_sample_warning_and_source_with_no_plain_text_copy(built_repo):
    for item in read_json(built_repo, "feed.json")["items"]:
        assert "Nội dung mẫu: nhân vật và sự việc không có thật" in item["content_html"]
        assert f"Nguồn: Thi đua nước rút Bình Thuận 2023 — {item['url']}" in re.sub(r"<[^>]+>", "", item["content_html"])
        assert "content_text" not in item  # the story once per item: JSON Feed 1.1 asks for one of the two


# --- ninjs -----------------------------------------------------------------------------------------

def test_ninjs_says_where_with_places_down_to_province_and_country(built_repo):
    phu_quy = read_json(built_repo, PHU_QUY + "ninjs.json")
    assert phu_quy["located"] == "Phú Quý, Bình Thuận, Việt Nam"
    assert [p["name"] for p in phu_quy["places"]] == ["Phú Quý", "Bình Thuận", "Việt Nam"]
    provincial = read_json(built_repo, STORY + "ninjs.json")  # a provincial department: no locality
    assert provincial["located"] == "Bình Thuận, Việt Nam"


def test_ninjs_subjects_carry_the_movements_iptc_media_topics_and_a_genre(built_repo):
    doc = read_json(built_repo, PHU_QUY + "ninjs.json")
    topics = [s for s in doc["subjects"] if s["literal"].startswith("medtop:")]
    assert topics and all(s["uri"] == "http://cv.iptc.org/newscodes/mediatopic/" + s["literal"][7:] for s in topics)
    names = {"medtop:11000000": "politics", "medtop:02000000": "crime, law and justice"}  # IPTC's own names
    assert {t["literal"]: t["name"] for t in topics} == names
    movement_files = [(REPO / "content/movements" / f"{s['literal']}.md").read_text("utf-8")
                      for s in doc["subjects"] if not s["literal"].startswith("medtop:")]
    assert {t["literal"] for t in topics} == {c for text in movement_files for c in re.findall(r"medtop:\d{8}", text)}
    assert doc["genres"] == [{"name": "Profile", "uri": "http://cv.iptc.org/newscodes/genre/Profile",
                              "literal": "genre:Profile"}]


def test_the_ninjs_picture_has_caption_alt_credit_holder_and_every_rendition_with_bytes(built_repo):
    doc = read_json(built_repo, STORY + "ninjs.json")
    [picture] = doc["associations"]
    caption = picture["headlines"][0]["value"]
    descriptions = {d["role"]: d["value"] for d in picture["descriptions"]}
    assert caption and descriptions["alt"] and caption != descriptions["alt"]
    assert descriptions["creditline"] == "Ảnh: Ảnh minh họa do trang tạo ra"
    assert picture["copyrightHolder"] == doc["copyrightHolder"] == "Ban Thi đua – Khen thưởng tỉnh Bình Thuận"
    renditions = {r["name"]: r for r in picture["renditions"]}
    assert set(renditions) == {"480", "480-webp", "800", "800-webp", "1200", "1200-webp", "16x9", "4x3", "1x1", "share"}
    for r in renditions.values():
        assert r["sizeInBytes"] == (out(built_repo) / r["href"].removeprefix(SITE_URL)).stat().st_size
        assert r["width"] > 0 and r["height"] > 0 and r["contentType"] in ("image/jpeg", "image/webp")


def test_ninjs_validates_against_the_iptc_schema_shared_copy_too(built_repo):
    schemas = [NINJS_SCHEMA, json.loads(shared_file("standards/ninjs-schema_3.1.json").read_text("utf-8"))]
    for schema in schemas:
        validator = Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)
        for path in (out(built_repo) / "guong-dien-hinh").glob("*/ninjs.json"):
            assert not list(validator.iter_errors(json.loads(path.read_text("utf-8")))), path


def test_story_pages_atom_entries_and_rss_items_link_the_ninjs(built_repo):
    ninjs = SITE_URL + STORY + "ninjs.json"
    page = built_repo.page(STORY)
    [link] = re.findall(r'<link rel="alternate" type="application/ninjs\+json"[^>]*>', page)
    assert urljoin(SITE_URL + STORY, re.search(r'href="([^"]+)"', link).group(1)) == ninjs and "hreflang" not in link
    atom = ET.parse(out(built_repo) / "feed.xml").getroot()
    entry = next(e for e in atom.iter(f"{ATOM}entry") if e.find(f"{ATOM}title").text.endswith("trực tuyến"))
    assert {(lk.get("type"), lk.get("href")) for lk in entry.iter(f"{ATOM}link")} == {
        ("text/html", SITE_URL + STORY), ("application/ninjs+json", ninjs)}
    rss = ET.parse(out(built_repo) / "rss.xml").getroot()
    item = next(i for i in rss.iter("item") if i.find("link").text == SITE_URL + STORY)
    assert [lk.get("href") for lk in item.iter(f"{ATOM}link")] == [ninjs]


# --- one author rule -------------------------------------------------------------------------------

def test_the_unit_is_the_author_and_the_board_the_publisher_everywhere(built_repo):
    unit, board = "Các sở, ban, ngành tỉnh", "Ban Thi đua – Khen thưởng tỉnh Bình Thuận"
    page = built_repo.page(STORY)
    assert f'<meta name="author" content="{unit}">' in page
    ld = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', page).group(1))
    assert ld["author"]["name"] == unit and ld["publisher"]["name"] == board
    entry = next(e for e in feedparser.parse(str(out(built_repo) / "feed.xml")).entries
                 if e.link == SITE_URL + STORY)
    assert entry.author == unit
    [item] = [i for i in read_json(built_repo, "feed.json")["items"] if i["url"] == SITE_URL + STORY]
    assert [a["name"] for a in item["authors"]] == [unit]
    ninjs = read_json(built_repo, STORY + "ninjs.json")
    assert ninjs["by"] == unit and ninjs["infoSources"] == [{"name": board, "role": "publisher", "uri": SITE_URL}]


# --- press page ------------------------------------------------------------------------------------

def test_the_press_page_shows_the_contact_from_mkdocs_yml(built_repo):
    page = built_repo.page("bao-chi/")
    assert '<a href="mailto:bao-chi@thidua.binhthuan.example">bao-chi@thidua.binhthuan.example</a>' in page
    assert 'href="tel:02523XXXXXX"' in page and "(địa chỉ mẫu)" in page


def test_the_build_warns_on_the_command_line_while_the_contact_is_a_placeholder(site, capsys):
    from thidua.cli.main import main

    assert main(["build", "--root", str(site.root), "--as-of", "2023-12-31"]) == 0
    warnings = [line for line in capsys.readouterr().err.splitlines() if "press_contact" in line]
    assert [w.split("press_contact.")[1].split(":")[0] for w in warnings] == ["email", "phone", "address"]
    config = site.root / "mkdocs.yml"
    text = config.read_text("utf-8")
    text = text.replace("bao-chi@thidua.binhthuan.example", "baochi@binhthuan.gov.vn")
    text = text.replace("0252 3XXX XXX", "0252 3822 000").replace(" (địa chỉ mẫu)", "")
    config.write_text(text, "utf-8")
    from thidua.site.settings import contact_warnings
    assert [w for w in contact_warnings(site.root) if "press_contact" in w] == []
