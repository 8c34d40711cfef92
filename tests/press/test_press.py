"""Press agencies: feeds, ninjs, catalog, republish box, structured data, embargo and redirects.

One real strict build (session-wide) of the repository's content plus a few written for these tests:
a story from a hostile pull request, an embargoed story carrying a unique token in every field,
a published story carrying another token (the control that proves the search would find a leak),
and stories with a former id, a correction, no photo.
"""

from __future__ import annotations

import csv
import gzip
import html
import io
import json
import re
import shutil
from datetime import datetime
from html.parser import HTMLParser
from pathlib import Path

import extruct
import feedparser
import pytest
from jsonschema import Draft202012Validator
from PIL import Image
from support import AS_OF, REPO, Site, copy_repository, republish_copy

SITE_URL = "https://thidua.binhthuan.example/"
SITE_NAME = "Thi đua nước rút Bình Thuận 2023"
EMBARGO_TOKEN = "zqxembargo7731"
PUBLISHED_TOKEN = "zqxpublished4412"
HOSTILE_MARK = "xss-"
SAMPLE_PREFIX = "[Nội dung mẫu] "
NINJS_SCHEMA = json.loads((Path(__file__).resolve().parents[1] / "fixtures" / "ninjs-schema_3.1.json").read_text("utf-8"))

HOSTILE_BODY = """\
Đoạn mở đầu bình thường có [liên kết nội bộ](https://thidua.binhthuan.example/guong-dien-hinh/to-tu-quan-mau-duong-lang-xanh/).

<script>alert("xss-script")</script>

<img src="https://evil.example/x.jpg" onerror="alert('xss-onerror')">

<p onclick="alert('xss-click')">Đoạn có trình xử lý sự kiện.</p>

<iframe src="https://evil.example/xss-frame"></iframe>

<svg><script>alert('xss-svg')</script></svg>

<style>body{background:url("xss-style")}</style>

#### Tiêu đề nhỏ

- mục một
- mục hai
"""


def _write_press_content(site: Site) -> None:
    photo = REPO / "exemplars" / "to-tu-quan-mau-duong-lang-xanh.jpg"
    site.exemplar("bai-doc-hai", body=HOSTILE_BODY, title="'Bài \"thử nghiệm\" có dấu & ký hiệu'",
                  date="2023-12-20", summary="Tóm tắt có dấu & và “ngoặc kép”.", sample="false")
    token = EMBARGO_TOKEN
    shutil.copy(photo, site.root / "exemplars" / f"anh-{token}.jpg")
    site.write(f"exemplars/bai-{token}.md", f"""
        ---
        title: "Tiêu đề {token}"
        kind: individual
        name: "Người {token}"
        unit: phan-thiet
        movements:
          - cai-cach-hanh-chinh
        date: 2024-06-01
        updated: 2024-06-02
        corrections:
          - date: 2024-06-02
            note: "Đính chính {token}"
        summary: "Tóm tắt {token}"
        award: "Khen thưởng {token}"
        photo: anh-{token}.jpg
        photo_alt: "Ảnh {token}"
        photo_credit: "Tác giả {token}"
        consent: true
        aliases:
          - cu-{token}
        ---
        Nội dung {token}.
        """)
    site.write("exemplars/bai-moi-doi-ma.md", f"""
        ---
        title: "Bài {PUBLISHED_TOKEN} có mã cũ và đính chính"
        kind: individual
        name: Cá nhân mẫu E
        unit: so-ban-nganh-tinh
        movements:
          - cai-cach-hanh-chinh
        date: 2023-12-10
        updated: 2023-12-15
        corrections:
          - date: 2023-12-12
            note: Sửa tên đơn vị.
          - date: 2023-12-15
            note: Sửa ngày.
        summary: "Tóm tắt {PUBLISHED_TOKEN}."
        award: Bằng khen của Chủ tịch UBND tỉnh
        consent: true
        sample: true
        aliases:
          - bai-cu-doi-ma
        ---
        Nội dung {PUBLISHED_TOKEN}.
        """)


@pytest.fixture(scope="session")
def press(tmp_path_factory) -> Site:
    site = Site(copy_repository(tmp_path_factory.mktemp("press") / "repo"))
    _write_press_content(site)
    site.build(AS_OF)
    return site


def out(site: Site) -> Path:
    return site.root / "site"


def feed_dirs(site: Site) -> list[Path]:
    return sorted(p.parent for p in out(site).rglob("feed.xml"))


# --- feeds -----------------------------------------------------------------------------------------

def test_the_site_every_movement_every_unit_and_the_commendations_have_atom_rss_and_json_feeds(press):
    content = press.root / "content"
    expected = {Path(""), Path("khen-thuong")} | {Path("phong-trao") / p.stem for p in (content / "movements").glob("*.md")} \
        | {Path("don-vi") / p.stem for p in (content / "units").glob("*.md")}
    found = {d.relative_to(out(press)) for d in feed_dirs(press)}
    assert found == expected
    for folder in feed_dirs(press):
        assert (folder / "rss.xml").is_file() and (folder / "feed.json").is_file()


@pytest.mark.parametrize("name", ["feed.xml", "rss.xml"])
def test_every_xml_feed_parses_without_error_newest_first_with_absolute_links(press, name):
    for folder in feed_dirs(press):
        parsed = feedparser.parse((folder / name).read_bytes())
        assert not parsed.bozo, (folder, parsed.get("bozo_exception"))
        assert parsed.feed.link.startswith(SITE_URL)
        dates = [e.updated_parsed for e in parsed.entries]  # in the order they changed on the site
        assert dates == sorted(dates, reverse=True), folder
        for entry in parsed.entries:
            assert entry.link.startswith(SITE_URL)
            for href in re.findall(r'(?:href|src)="([^"]*)"', entry.content[0].value if "content" in entry else ""):
                assert href.startswith(("https://", "http://", "mailto:")), (folder, href)


def test_the_site_feed_entry_carries_title_summary_unit_movements_photo_and_dates(press):
    parsed = feedparser.parse((out(press) / "feed.xml").read_bytes())
    by_link = {e.link: e for e in parsed.entries}
    entry = by_link[SITE_URL + "guong-dien-hinh/to-tu-quan-mau-duong-lang-xanh/"]
    assert entry.title == SAMPLE_PREFIX + "Tổ tự quản giữ đường làng xanh, sạch, sáng"
    assert entry.summary.startswith("Bài mẫu minh họa cách viết một gương tập thể")
    assert entry.author == "Hàm Thuận Bắc"
    titles = {m["id"]: m["title"] for m in json.loads((out(press) / "api/catalog.json").read_text("utf-8"))["movements"]}
    assert [t.term for t in entry.tags if t.term != "noi-dung-mau"] == [titles["chung-suc-chung-long-xay-dung-nong-thon-moi"],
                                            titles["toan-dan-doan-ket-xay-dung-nong-thon-moi-do-thi-van-minh"]]
    content = entry.content[0].value
    assert "Ảnh: Ảnh minh họa do trang tạo ra" in content
    assert f'src="{SITE_URL}guong-dien-hinh/to-tu-quan-mau-duong-lang-xanh/to-tu-quan-mau-duong-lang-xanh-1200.jpg"' in content
    assert entry.media_content[0]["url"].endswith("to-tu-quan-mau-duong-lang-xanh-1200.jpg")
    media = entry.media_content[0]  # the photo's type, size in bytes and dimensions, and its credit
    assert media["type"] == "image/jpeg" and int(media["filesize"]) > 10_000
    assert (media["width"], media["height"]) == ("1200", "800")
    assert entry.media_credit[0]["content"] == "Ảnh minh họa do trang tạo ra"
    rss_entry = next(e for e in feedparser.parse((out(press) / "rss.xml").read_bytes()).entries if e.link == entry.link)
    assert rss_entry.enclosures[0].href == entry.media_content[0]["url"]
    assert rss_entry.author == "Hàm Thuận Bắc" and len(rss_entry.tags) == 3  # two movements, and "sample"
    assert entry.published.startswith("2023-09-12")
    corrected = by_link[SITE_URL + "guong-dien-hinh/bai-moi-doi-ma/"]
    assert corrected.published.startswith("2023-12-10") and corrected.updated.startswith("2023-12-15")
    assert "Sửa tên đơn vị." in corrected.content[0].value


def test_only_the_site_feeds_carry_the_text_a_topic_feed_links_to_it_with_the_rest_of_the_entry(press):
    """A movement's or unit's feed repeats no story's text (the site's feed, the page and the ninjs hold it) nor
    the ninjs link of Atom and RSS (the site's feeds, the page's head and the catalog give it): its entries keep
    the lede, the unit, the movements, the photo, the dates and the link to the page."""
    site = {e.link: e for e in feedparser.parse((out(press) / "feed.xml").read_bytes()).entries}
    topic_dirs = [d for d in feed_dirs(press) if d.relative_to(out(press)).parts[:1] in (("phong-trao",), ("don-vi",))]
    assert topic_dirs and all("content" in e for e in site.values())
    for folder in topic_dirs:
        for name in ("feed.xml", "rss.xml"):
            for entry in feedparser.parse((folder / name).read_bytes()).entries:
                assert "content" not in entry and entry.summary and entry.author, (folder, name)
                assert entry.link in site or entry.link.startswith(SITE_URL + "guong-dien-hinh/")
        for item in json.loads((folder / "feed.json").read_text("utf-8"))["items"]:
            assert "content_html" not in item and item["content_text"] and item["_thidua"]["ninjs"].startswith(SITE_URL)
    unit = feedparser.parse((out(press) / "don-vi/ham-thuan-bac/feed.xml").read_bytes())
    photo = next(e for e in unit.entries if e.link.endswith("/to-tu-quan-mau-duong-lang-xanh/"))
    assert photo.media_content[0]["url"].endswith("to-tu-quan-mau-duong-lang-xanh-1200.jpg")
    assert photo.author == "Hàm Thuận Bắc" and len(photo.tags) == 3  # two movements, and "sample"
    assert [link.type for link in photo.links] == ["text/html"]
    site_entry = site[photo.link]
    assert any(link.type == "application/ninjs+json" for link in site_entry.links)


def test_feed_updated_is_the_newest_entry_change_not_the_build_clock(press):
    parsed = feedparser.parse((out(press) / "feed.xml").read_bytes())
    newest = max(e.updated_parsed for e in parsed.entries)
    assert parsed.feed.updated_parsed == newest


def test_every_sample_is_marked_in_every_feed_format(press):
    catalog = json.loads((out(press) / "api/catalog.json").read_text("utf-8"))
    samples = {e["url"] for kind in ("exemplars", "commendations") for e in catalog[kind] if e["sample"]}
    assert samples
    for folder in feed_dirs(press):
        for name in ("feed.xml", "rss.xml"):
            for entry in feedparser.parse((folder / name).read_bytes()).entries:
                assert entry.title.startswith(SAMPLE_PREFIX) == (entry.link in samples)
                marks = [t for t in entry.get("tags", []) if t.term == "noi-dung-mau"]  # for machines: a category
                assert [t.scheme for t in marks] == ([SITE_URL + "bao-chi/"] if entry.link in samples else []), (folder, name, entry.get("tags"))
        for item in json.loads((folder / "feed.json").read_text("utf-8"))["items"]:
            assert item["title"].startswith(SAMPLE_PREFIX) == (item["url"] in samples)
            assert item["_thidua"]["sample"] == (item["url"] in samples)


def test_a_movement_feed_holds_exactly_that_movements_stories(press):
    folder = out(press) / "phong-trao/cai-cach-hanh-chinh"
    links = [e.link for e in feedparser.parse((folder / "feed.xml").read_bytes()).entries]
    assert links == [SITE_URL + "guong-dien-hinh/bai-doc-hai/", SITE_URL + "guong-dien-hinh/bai-moi-doi-ma/",
                     SITE_URL + "guong-dien-hinh/nhan-vat-mau-ho-tro-dich-vu-cong/"]
    locality = feedparser.parse((out(press) / "don-vi/phan-thiet/feed.xml").read_bytes())
    assert [e.link for e in locality.entries] == [SITE_URL + "guong-dien-hinh/bai-doc-hai/"]


def test_json_feed_has_the_fields_of_json_feed_1_1(press):
    document = json.loads((out(press) / "feed.json").read_text("utf-8"))
    assert document["version"] == "https://jsonfeed.org/version/1.1"
    assert document["feed_url"] == SITE_URL + "feed.json" and document["home_page_url"] == SITE_URL
    assert document["language"] == "vi" and document["title"] == SITE_NAME
    items = document["items"]
    assert [i["date_published"] for i in items] == sorted((i["date_published"] for i in items), reverse=True)
    for item in items:
        assert item["id"].startswith("tag:thidua.binhthuan.example,") and item["url"].startswith(SITE_URL)
        for key in ("title", "summary", "content_html", "date_modified", "authors", "tags"):
            assert item[key], key
        assert "content_text" not in item  # the story once, as HTML: readers render it
        datetime.fromisoformat(item["date_published"])
        assert item["date_modified"] >= item["date_published"]
    photo = next(i for i in items if i["url"].endswith("/to-tu-quan-mau-duong-lang-xanh/"))
    assert photo["image"].startswith(SITE_URL) and photo["_thidua"]["photo_credit"] == "Ảnh minh họa do trang tạo ra"
    corrected = next(i for i in items if i["url"].endswith("/bai-moi-doi-ma/"))
    assert corrected["_thidua"]["version"] == 3 and corrected["date_modified"].startswith("2023-12-15")


# --- ninjs -----------------------------------------------------------------------------------------

def test_every_story_has_a_ninjs_file_valid_against_the_iptc_schema(press):
    validator = Draft202012Validator(NINJS_SCHEMA, format_checker=Draft202012Validator.FORMAT_CHECKER)
    catalog = (out(press) / "api/exemplars.csv").read_text("utf-8-sig")
    stories = [p.parent for p in (out(press) / "guong-dien-hinh").glob("*/ninjs.json")
               if "http-equiv" not in (p.parent / "index.html").read_text("utf-8")]  # not a former id's copy
    assert len(stories) >= 6 and all(f"guong-dien-hinh/{folder.name}/" in catalog for folder in stories)
    for folder in stories:
        document = json.loads((folder / "ninjs.json").read_text("utf-8"))
        errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(document)]
        assert not errors, (folder.name, errors)


def test_the_schema_check_is_real_a_broken_ninjs_fails(press):
    validator = Draft202012Validator(NINJS_SCHEMA, format_checker=Draft202012Validator.FORMAT_CHECKER)
    document = json.loads((out(press) / "guong-dien-hinh/bai-moi-doi-ma/ninjs.json").read_text("utf-8"))
    assert not list(validator.iter_errors(document))
    for broken in ({**document, "type": "article"}, {**document, "versionCreated": "15/12/2023"},
                   {**document, "headline": "not a ninjs property"}):
        assert list(validator.iter_errors(broken))


def test_ninjs_carries_version_people_subjects_places_and_rights(press):
    doc = json.loads((out(press) / "guong-dien-hinh/bai-moi-doi-ma/ninjs.json").read_text("utf-8"))
    assert doc["uri"] == "tag:thidua.binhthuan.example,2023-12-10:guong-dien-hinh/bai-cu-doi-ma"
    assert doc["version"] == "3" and doc["language"] == "vi" and doc["type"] == "text"
    assert doc["firstCreated"].startswith("2023-12-10") and doc["versionCreated"].startswith("2023-12-15")
    assert doc["headlines"][0]["value"] == SAMPLE_PREFIX + f"Bài {PUBLISHED_TOKEN} có mã cũ và đính chính"
    assert doc["pubStatus"] == "withheld"
    [body] = doc["bodies"]  # the story once, as HTML; its counts are of the text a reader reads
    assert body["contentType"] == "text/html" and body["value"].startswith("<p>") and body["wordCount"] > 0
    assert doc["people"] == [{"name": "Cá nhân mẫu E", "rel": "about"}]
    assert [s["literal"] for s in doc["subjects"]] == ["cai-cach-hanh-chinh", "medtop:11000000"]
    assert doc["organisations"][0]["literal"] == "so-ban-nganh-tinh"
    assert doc["copyrightHolder"] and "CC BY 4.0" in doc["usageTerms"]
    assert doc["rightsInfo"]["linkedRights"].startswith("https://creativecommons.org/licenses/by/4.0/")

    photo = json.loads((out(press) / "guong-dien-hinh/to-tu-quan-mau-duong-lang-xanh/ninjs.json").read_text("utf-8"))
    assert photo["version"] == "1" and "people" not in photo
    assert photo["places"][0]["literal"] == "ham-thuan-bac"
    image = photo["associations"][0]
    assert image["type"] == "picture" and image["by"] == "Ảnh minh họa do trang tạo ra" and image["usageTerms"]
    names = {r["name"]: r for r in image["renditions"]}
    assert set(names) == {"480", "480-webp", "800", "800-webp", "1200", "1200-webp", "16x9", "4x3", "1x1", "share"}
    for rendition in names.values():
        path = out(press) / rendition["href"].removeprefix(SITE_URL)
        assert rendition["sizeInBytes"] == path.stat().st_size, rendition["name"]
        with Image.open(path) as published:
            assert (rendition["width"], rendition["height"]) == published.size
            assert rendition["contentType"] == Image.MIME[published.format]
    assert (names["share"]["width"], names["share"]["height"]) == (1200, 630)


# --- catalog ---------------------------------------------------------------------------------------

def test_the_catalog_lists_every_plan_movement_unit_and_story_with_their_urls(press):
    catalog = json.loads((out(press) / "api/catalog.json").read_text("utf-8"))
    content = press.root / "content"
    assert {m["id"] for m in catalog["movements"]} == {p.stem for p in (content / "movements").glob("*.md")}
    assert {u["id"] for u in catalog["units"]} == {p.stem for p in (content / "units").glob("*.md")}
    assert [p["id"] for p in catalog["plans"]] == ["thi-dua-nuoc-rut-2023"]
    for item in catalog["movements"] + catalog["units"]:
        for url in item["feeds"].values():
            assert (out(press) / url.removeprefix(SITE_URL)).is_file(), url
    for story in catalog["exemplars"]:
        for key in ("url", "ninjs", "share_image"):
            path = out(press) / story[key].removeprefix(SITE_URL)
            assert (path / "index.html" if key == "url" else path).is_file(), story[key]


def test_the_csv_opens_in_excel_with_vietnamese_and_formulas_stay_text(press, tmp_path):
    raw = (out(press) / "api/exemplars.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    by_id = {r["ma"]: r for r in rows}
    assert by_id["bai-moi-doi-ma"]["noi_dung_mau"] == "có"
    assert by_id["bai-moi-doi-ma"]["ngay_dang"] == "2023-12-10" and by_id["bai-moi-doi-ma"]["phien_ban"] == "3"
    assert by_id["bai-moi-doi-ma"]["ngay_cap_nhat"] == "2023-12-15"  # ISO 8601: no locale reads it day-for-month
    assert by_id["bai-doc-hai"]["tieu_de"] == 'Bài "thử nghiệm" có dấu & ký hiệu'

    assert list(rows[0])[:3] == ["uri", "ma", "ma_cu"]  # the key first: the tag: URI survives a rename
    renamed = by_id["bai-moi-doi-ma"]
    assert renamed["uri"] == "tag:thidua.binhthuan.example,2023-12-10:guong-dien-hinh/bai-cu-doi-ma"
    assert renamed["ma_cu"] == "bai-cu-doi-ma" and renamed["thoi_diem_dang"] == "2023-12-10T00:00:00+07:00"
    assert renamed["thoi_diem_cap_nhat"].startswith("2023-12-15T") and renamed["giay_phep"] == "CC BY 4.0"
    assert len({r["uri"] for r in rows}) == len(rows)
    pictured = by_id["to-tu-quan-mau-duong-lang-xanh"]
    assert pictured["anh"] == SITE_URL + "guong-dien-hinh/to-tu-quan-mau-duong-lang-xanh/to-tu-quan-mau-duong-lang-xanh-1200.jpg"
    assert pictured["tac_gia_anh"] == "Ảnh minh họa do trang tạo ra" and by_id["bai-doc-hai"]["anh"] == ""


# --- pages: republish box, structured data, head ----------------------------------------------------

class _Textareas(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.areas, self._id = {}, None

    def handle_starttag(self, tag, attrs):
        if tag == "textarea":
            self._id = dict(attrs)["id"]
            self.areas[self._id] = ""

    def handle_endtag(self, tag):
        self._id = None

    def handle_data(self, data):
        if self._id:
            self.areas[self._id] += data


def republish_of(site: Site, story: str) -> dict[str, str]:
    """The page's text areas, the republish box's as its script fills it (support.republish_copy)."""
    parser = _Textareas()
    parser.feed(site.page(f"guong-dien-hinh/{story}"))
    return {**parser.areas, "td-republish-html": republish_copy(out(site), story)}


class _Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def test_every_story_page_has_a_republish_box_with_simple_html_attribution_and_licence(press):
    stories = json.loads((out(press) / "api/catalog.json").read_text("utf-8"))["exemplars"]
    for story in stories:
        areas = republish_of(press, story["id"])
        assert set(areas) == {"td-republish-html"}  # the story once: the plain text is drawn from it when copied
        attribution = f"Nguồn: {SITE_NAME} — {story['url']}"
        parser = _Tags()
        parser.feed(areas["td-republish-html"])
        assert {tag for tag, _ in parser.tags} <= {"p", "h2", "h3", "strong", "em", "a", "ul", "ol", "li", "blockquote",
                                                   "figure", "img", "figcaption"}
        allowed = {"a": {"href"}, "img": {"src", "alt", "width", "height"}}
        for tag, attrs in parser.tags:
            assert set(attrs) <= allowed.get(tag, set()), (tag, attrs)
            if tag == "a" and "href" in attrs:
                assert attrs["href"].startswith(("https://", "http://", "mailto:"))
        text_html = html.unescape(re.sub(r"<[^>]+>", "", areas["td-republish-html"]))
        assert attribution in text_html and "CC BY 4.0" in text_html
        assert f"<h2>{html.escape(story['title'], quote=False)}</h2>" in areas["td-republish-html"]


def test_the_hostile_story_leaves_no_script_handler_or_javascript_link_anywhere(press):
    areas = republish_of(press, "bai-doc-hai")
    assert "liên kết nội bộ" in areas["td-republish-html"]
    assert f'href="{SITE_URL}guong-dien-hinh/to-tu-quan-mau-duong-lang-xanh/"' in areas["td-republish-html"]
    assert "Tiêu đề nhỏ" in areas["td-republish-html"]
    for path in out(press).rglob("*"):
        if path.is_file() and path.suffix in (".html", ".xml", ".json", ".csv"):
            text = path.read_text("utf-8")
            assert HOSTILE_MARK not in text, path
            guide = path.relative_to(out(press)).parts[0] == "bien-tap"  # the editors' guide names the rule
            assert "javascript:" not in text.lower() or guide, path
    story = out(press) / "guong-dien-hinh/bai-doc-hai"
    ninjs_html = json.loads((story / "ninjs.json").read_text("utf-8"))["bodies"][0]["value"]
    feed_html = json.loads((out(press) / "feed.json").read_text("utf-8"))["items"][0]["content_html"]
    for fragment in (ninjs_html, feed_html, areas["td-republish-html"]):
        parser = _Tags()
        parser.feed(fragment)
        assert not [t for t, _ in parser.tags if t in ("script", "iframe", "svg", "style", "object", "embed")]
        assert all(a.get("src", "").startswith(SITE_URL) for t, a in parser.tags if t == "img")
        assert not [a for _, attrs in parser.tags for a in attrs if a.startswith("on")]


def _ld(site: Site, url: str) -> list[dict]:
    return extruct.extract(site.page(url), base_url=SITE_URL + url, syntaxes=["json-ld"])["json-ld"]


def test_story_pages_describe_a_news_article_about_a_person_or_organisation_with_the_award(press):
    [article] = _ld(press, "guong-dien-hinh/bai-moi-doi-ma/")
    assert article["@type"] == "NewsArticle"
    assert article["headline"] == SAMPLE_PREFIX + f"Bài {PUBLISHED_TOKEN} có mã cũ và đính chính"
    assert article["datePublished"] == "2023-12-10T00:00:00+07:00"
    assert article["dateModified"] == "2023-12-15T00:00:00+07:00"
    assert article["identifier"] == "tag:thidua.binhthuan.example,2023-12-10:guong-dien-hinh/bai-cu-doi-ma"
    subject, *topics = article["about"]
    assert subject == {**subject, "@type": "Person", "name": "Cá nhân mẫu E", "award": "Bằng khen của Chủ tịch UBND tỉnh"}
    assert topics == [{"@type": "DefinedTerm", "name": "politics", "termCode": "medtop:11000000"}]  # IPTC's name
    assert article["author"]["name"] == "Các sở, ban, ngành tỉnh"
    assert article["publisher"]["@type"] == "GovernmentOrganization"
    assert article["image"] == [{"@type": "ImageObject", "url": SITE_URL + "guong-dien-hinh/bai-moi-doi-ma/anh-chia-se.png",
                                 "width": 1200, "height": 630}]  # no photo: its card
    logo = article["publisher"]["logo"]
    assert logo["width"] == logo["height"] == 512 and logo["url"] == SITE_URL + "assets/logo.png"
    with Image.open(out(press) / "assets/logo.png") as image:
        assert image.size == (512, 512)  # a real square logo, not the 1200×630 share card
    assert len(article["correction"]) == 2
    [collective] = _ld(press, "guong-dien-hinh/to-tu-quan-mau-duong-lang-xanh/")
    assert collective["about"][0]["@type"] == "Organization" and collective["about"][0]["award"]
    crops = {(i["width"], i["height"]): i["url"] for i in collective["image"]}
    assert set(crops) == {(1200, 675), (1064, 798), (800, 800)}  # 16×9, 4×3, 1×1 of the 1200×800 photo
    for (width, height), url in crops.items():
        with Image.open(out(press) / url.removeprefix(SITE_URL)) as image:
            assert image.size == (width, height) and image.format == "JPEG"
    [hostile] = _ld(press, "guong-dien-hinh/bai-doc-hai/")
    assert hostile["headline"] == 'Bài "thử nghiệm" có dấu & ký hiệu'
    assert "\\u0026" in press.page("guong-dien-hinh/bai-doc-hai/")


def test_unit_pages_describe_a_government_organisation(press):
    [unit] = _ld(press, "don-vi/ham-thuan-bac/")
    assert unit["@type"] == "GovernmentOrganization" and unit["name"] == "Hàm Thuận Bắc"
    assert unit["url"] == SITE_URL + "don-vi/ham-thuan-bac/"


class _Head(HTMLParser):
    def __init__(self):
        super().__init__()
        self.meta, self.links = {}, []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "meta" and ("property" in a or "name" in a):
            self.meta.setdefault(a.get("property") or a.get("name"), []).append(a.get("content"))
        if tag == "link":
            self.links.append(a)


def head_of(site: Site, url: str) -> _Head:
    parser = _Head()
    parser.feed(site.page(url))
    return parser


def _markers(html: str) -> set[str]:
    return {m for m in ('http-equiv="refresh"', 'name="robots" content="noindex') if m in html}


def test_every_page_has_one_canonical_link_open_graph_and_twitter_card(press):
    pages = [p for p in out(press).rglob("index.html")  # not redirects, nor the web form (noindex, no article)
             if not {'http-equiv="refresh"', 'name="robots" content="noindex'} & _markers(p.read_text("utf-8"))]
    assert len(pages) > 50
    for path in pages:
        url = path.parent.relative_to(out(press)).as_posix()
        url = "" if url == "." else url + "/"
        head = head_of(press, url)
        canonical = [link["href"] for link in head.links if link.get("rel") == "canonical"]
        assert canonical == [SITE_URL + url], url
        assert head.meta["og:url"] == canonical
        for key in ("og:title", "og:description", "og:image", "og:type", "twitter:card"):
            assert len(head.meta[key]) == 1 and head.meta[key][0], (url, key)
        image = out(press) / head.meta["og:image"][0].removeprefix(SITE_URL)
        assert image.is_file(), (url, image)
    assert head_of(press, "").meta["og:title"] == [SITE_NAME]
    story = head_of(press, "guong-dien-hinh/bai-doc-hai/")
    assert story.meta["og:title"] == ['Bài "thử nghiệm" có dấu & ký hiệu']
    assert story.meta["og:type"] == ["article"]


def test_feeds_are_discoverable_from_the_home_movement_and_unit_pages(press):
    def feeds(url):
        return [link["href"] for link in head_of(press, url).links if "alternate" in link.get("rel", "").split()]

    assert feeds("") == [SITE_URL + name for name in ("feed.xml", "rss.xml", "feed.json")]
    assert feeds("phong-trao/cai-cach-hanh-chinh/") == [
        SITE_URL + "phong-trao/cai-cach-hanh-chinh/" + n for n in ("feed.xml", "rss.xml", "feed.json")]
    assert feeds("don-vi/phan-thiet/")[0] == SITE_URL + "don-vi/phan-thiet/feed.xml"
    types = [link["type"] for link in head_of(press, "").links if "alternate" in link.get("rel", "").split()]
    assert types == ["application/atom+xml", "application/rss+xml", "application/feed+json"]


def test_the_press_page_is_in_the_navigation_and_lists_every_feed_with_stories(press):
    page = press.page("bao-chi/")
    assert "Ban Thi đua – Khen thưởng tỉnh" in page and "CC BY 4.0" in page
    listed = 0
    for folder in feed_dirs(press):
        url = folder.relative_to(out(press)).as_posix()
        link = f'href="{"../" + url + "/" if url != "." else "../"}feed.xml"'
        has_stories = bool(json.loads((folder / "feed.json").read_text("utf-8"))["items"])
        assert (link in page) == has_stories, url
        listed += has_stories
    assert "(0 bài)" not in page and 5 < listed < len(feed_dirs(press))
    assert 'href="../api/catalog.json"' in page
    assert '<li><a href="../bao-chi/">Báo chí</a></li>' in press.page("gioi-thieu/")  # the header's sections


def test_the_press_page_counts_every_story_of_each_feed_as_the_catalog_does(press):
    page = press.page("bao-chi/")
    catalog = json.loads((out(press) / "api/catalog.json").read_text("utf-8"))
    assert re.search(rf'>Toàn trang</a> <span class="td-count">\({len(catalog["exemplars"])} bài\)</span>', page)
    counted = [(f"../phong-trao/{m['id']}/", m["exemplars"]) for m in catalog["movements"] if m["exemplars"]]
    counted += [(f"../don-vi/{u['id']}/", u["exemplars"]) for u in catalog["units"] if u["exemplars"]]
    assert len(counted) > 5
    for href, count in counted:
        assert re.search(rf'<a href="{re.escape(href)}">[^<]+</a> <span class="td-count">\({count} bài\)</span>', page), href
    assert "Theo cách nhóm khác" not in page  # no grouping declared: no empty heading


def test_a_sample_story_is_noindex_and_in_neither_sitemap_a_real_one_is_in_sitemap_xml(press):
    sitemap = (out(press) / "sitemap.xml").read_text("utf-8")
    news = (out(press) / "sitemap-news.xml").read_text("utf-8") if (out(press) / "sitemap-news.xml").exists() else ""
    stories = json.loads((out(press) / "api/catalog.json").read_text("utf-8"))["exemplars"]
    assert {s["sample"] for s in stories} == {True, False}
    for story in stories:
        page = press.page(f"guong-dien-hinh/{story['id']}/")
        listed = f"<loc>{story['url']}</loc>" in sitemap
        assert ('<meta name="robots" content="noindex">' in page) == story["sample"] == (not listed), story["id"]
        if story["sample"]:
            assert story["url"] not in news
        else:
            assert re.search(rf"<loc>{re.escape(story['url'])}</loc>\s*<lastmod>{story['updated']}</lastmod>", sitemap)


def test_every_movement_and_unit_page_links_its_own_feeds(press):
    catalog = json.loads((out(press) / "api/catalog.json").read_text("utf-8"))
    for url in [f"phong-trao/{m['id']}/" for m in catalog["movements"]] + [f"don-vi/{u['id']}/" for u in catalog["units"]]:
        page = press.page(url)
        for name in ("feed.xml", "rss.xml", "feed.json"):
            assert f'<a href="{name}" type=' in page, (url, name)  # visible, relative to the page
            assert f'href="{SITE_URL}{url}{name}"' in page, (url, name)  # and in the head, for feed readers


# --- share images, redirects, embargo --------------------------------------------------------------

def test_every_story_has_a_1200_by_630_share_image_a_light_png_card_without_a_photo(press):
    formats = set()
    for story in json.loads((out(press) / "api/catalog.json").read_text("utf-8"))["exemplars"]:
        path = out(press) / story["share_image"].removeprefix(SITE_URL)
        with Image.open(path) as image:
            assert image.size == (1200, 630)
            assert image.format == ("JPEG" if path.suffix == ".jpg" else "PNG")
            formats.add(image.format)
        if path.suffix == ".png":
            assert path.stat().st_size <= 25_000, path  # the footprint budget: ≤ 40 KB per story in all
    assert formats == {"JPEG", "PNG"}


def test_a_former_id_redirects_to_the_story_and_stays_out_of_search_and_sitemap(press):
    page = press.page("guong-dien-hinh/bai-cu-doi-ma/")
    target = SITE_URL + "guong-dien-hinh/bai-moi-doi-ma/"
    assert f'<meta http-equiv="refresh" content="0; url={target}">' in page
    assert f'<link rel="canonical" href="{target}">' in page and f'<a href="{target}">' in page
    assert "bai-cu-doi-ma" not in (out(press) / "sitemap.xml").read_text("utf-8")
    search_index = out(press) / "tim-kiem" / "chi-muc"
    assert not [p for p in search_index.rglob("*") if p.is_file() and "bai-cu-doi-ma" in p.read_text("utf-8")]


def _every_text(site_dir: Path):
    for path in sorted(site_dir.rglob("*")):
        yield path, str(path.relative_to(site_dir))
        if path.is_file():
            data = path.read_bytes()
            if path.suffix == ".gz":
                data = gzip.decompress(data)
            yield path, data.decode("utf-8", errors="replace")


def test_an_embargoed_story_appears_in_no_file_and_no_file_name_of_the_built_site(press):
    seen = {EMBARGO_TOKEN: [], PUBLISHED_TOKEN: []}
    for path, text in _every_text(out(press)):
        for token in seen:
            if token in text:
                seen[token].append(path.relative_to(out(press)).as_posix())
    assert seen[EMBARGO_TOKEN] == []
    # The control: the same search finds a published story everywhere an embargoed one would be.
    found = set(seen[PUBLISHED_TOKEN])
    for expected in ("feed.xml", "rss.xml", "feed.json", "phong-trao/cai-cach-hanh-chinh/feed.xml",
                     "don-vi/so-ban-nganh-tinh/feed.json", "guong-dien-hinh/bai-moi-doi-ma/ninjs.json",
                     "guong-dien-hinh/bai-moi-doi-ma/index.html", "guong-dien-hinh/index.html", "index.html",
                     "api/catalog.json", "api/exemplars.csv", "guong-dien-hinh/bai-cu-doi-ma/index.html"):
        assert expected in found, expected
    assert any(path.startswith("tim-kiem/chi-muc/") for path in found)  # the search index


def test_the_same_content_gives_the_same_syndicated_bytes(press, tmp_path):
    from thidua.engine.building import build_site

    again = build_site(press.root, site_dir=tmp_path / "again", as_of=AS_OF)
    first = out(press)
    names = [p.relative_to(first) for p in first.rglob("*")
             if p.suffix in (".xml", ".json", ".csv", ".jpg", ".png") and p.name != "sitemap.xml"]
    assert len(names) > 100
    for name in names:
        assert (again / name).read_bytes() == (first / name).read_bytes(), name


def test_without_a_site_url_the_build_stops_instead_of_writing_relative_feed_links(site, caplog):
    from thidua.engine.building import BuildFailed

    config = site.root / "mkdocs.yml"
    config.write_text(re.sub(r"^site_url:.*\n", "", config.read_text("utf-8"), flags=re.M), "utf-8")
    with pytest.raises(BuildFailed):
        site.build(AS_OF)
    assert "cần site_url" in caplog.text
    assert not (site.root / "site").exists()
