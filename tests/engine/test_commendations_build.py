"""End to end: a repository with one consultation and one decision builds every page, feed and file of them."""

import csv
import io
import json
import re
from datetime import date

import feedparser
import pytest
from commendation_support import CONSULTATION as VALID_CONSULTATION
from commendation_support import write_commendation
from htmltext import main_text, text_of
from support import Site, copy_repository
from thidua.engine.building import BuildFailed

CONSULTATION = "lay-y-kien-de-nghi-khen-thuong-mau"
DECISION = "quyet-dinh-khen-thuong-mau"
STORY = "doi-tuan-tra-mau-dao-phu-quy"
SITE_URL = "https://thidua.binhthuan.example/"
ENDED = date(2024, 1, 5)  # the campaign has ended, the consultation closed, the decision signed
OPEN = date(2023, 12, 20)  # the consultation is open; the decision is not signed yet


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The repository (its sample consultation and decision) built on both dates, each site kept."""
    site = Site(copy_repository(tmp_path_factory.mktemp("commendations") / "repo"))
    sites = {}
    for as_of in (OPEN, ENDED):
        site.build(as_of=as_of)
        sites[as_of] = site.root / f"site-{as_of.isoformat()}"
        (site.root / "site").rename(sites[as_of])
    return sites


def read(site_dir, url):
    path = site_dir / url
    return (path / "index.html" if path.is_dir() else path).read_text("utf-8")


def test_the_listing_shows_the_open_consultation_first_with_its_days_left(built):
    text = text_of(read(built[OPEN], "khen-thuong/"))
    assert "Đang lấy ý kiến" in text and "còn 13 ngày nhận ý kiến" in text and "Hạn góp ý 02/01/2024" in text
    assert "Quyết định tặng Bằng khen" not in text, "the decision signed on 28/12 is embargoed on 20/12"
    ended = text_of(read(built[ENDED], "khen-thuong/"))
    assert ended.index("Quyết định tặng Bằng khen") < ended.index("Lấy ý kiến nhân dân đối với")
    assert "Đã hết thời gian lấy ý kiến" in ended and "Đang lấy ý kiến" not in ended


def test_an_open_consultation_says_how_to_comment(built):
    html = read(built[OPEN], f"khen-thuong/{CONSULTATION}/")
    text = main_text(html)
    assert "Nội dung mẫu" in text and "Hạn góp ý: 02/01/2024 — còn 13 ngày nhận ý kiến" in text
    assert 'href="mailto:gop-y@thidua.binhthuan.example?subject=G%C3%B3p%20%C3%BD%3A%20L%E1%BA%A5y%20%C3%BD%20ki%E1%BA%BFn' in html
    assert "0252 3000 000" in text and "Ban Thi đua – Khen thưởng tỉnh Bình Thuận, Phan Thiết (địa chỉ mẫu)" in text
    closed = main_text(read(built[ENDED], f"khen-thuong/{CONSULTATION}/"))
    assert "Hạn góp ý: 02/01/2024 — Đã hết thời gian lấy ý kiến" in closed and "mailto:" not in closed


def test_a_decision_page_shows_its_number_date_signer_and_recipients_linked(built):
    html = read(built[ENDED], f"khen-thuong/{DECISION}/")
    text = main_text(html)
    for expected in ("Số quyết định 0000/QĐ-UBND (số mẫu)", "Ngày ký 28/12/2023",
                     "Người ký KT. Chủ tịch, Phó Chủ tịch Lê Văn Ký Mẫu (người ký minh họa)",
                     "Danh sách được khen thưởng (3 tập thể, cá nhân)", "Nguyễn Văn Mẫu", "Tập thể Mẫu A",
                     "Tổ trưởng tổ tự quản mẫu (chức vụ minh họa)", "Văn bản này là nội dung mẫu"):
        assert expected in text, expected
    assert '<td data-label="Đơn vị"><a href="../../don-vi/ham-thuan-nam/">Hàm Thuận Nam</a></td>' in html
    assert f'<a href="../../guong-dien-hinh/{STORY}/">Đọc bài' in html
    assert f'href="{SITE_URL}khen-thuong/feed.xml"' in html  # the head names the feeds


def test_units_stories_and_the_ended_campaigns_home_page_link_the_documents(built):
    unit = read(built[ENDED], "don-vi/phu-quy/")
    assert f'href="../../khen-thuong/{DECISION}/"' in unit and f'href="../../khen-thuong/{CONSULTATION}/"' in unit
    assert "khen-thuong/" not in read(built[ENDED], "don-vi/tuy-phong/")
    story = read(built[ENDED], f"guong-dien-hinh/{STORY}/")
    assert f'<a href="../../khen-thuong/{DECISION}/">Bằng khen của Chủ tịch UBND tỉnh (0000/QĐ-UBND (số mẫu),' in story
    [ld] = [json.loads(m) for m in re.findall(r'<script type="application/ld\+json">(.*?)</script>', story)]
    assert ld["about"][0]["award"] == "Bằng khen của Chủ tịch UBND tỉnh (Quyết định số 0000/QĐ-UBND (số mẫu) ngày 28/12/2023)"
    ninjs = json.loads(read(built[ENDED], f"guong-dien-hinh/{STORY}/ninjs.json"))
    assert ld["about"][0]["award"] in [d["value"] for d in ninjs["descriptions"] if d["role"] == "award"]
    home = read(built[ENDED], "")
    assert "Quyết định khen thưởng" in text_of(home) and f'href="khen-thuong/{DECISION}/"' in home
    assert '<dt>Được khen thưởng</dt><dd><a href="khen-thuong/">3</a></dd>' in home
    assert f"khen-thuong/{DECISION}/" not in read(built[OPEN], f"guong-dien-hinh/{STORY}/")


def test_the_feeds_carry_both_documents_with_tag_uris_and_samples_marked(built):
    atom = feedparser.parse(read(built[ENDED], "khen-thuong/feed.xml"))
    rss = feedparser.parse(read(built[ENDED], "khen-thuong/rss.xml"))
    feed_json = json.loads(read(built[ENDED], "khen-thuong/feed.json"))
    ids = [f"tag:thidua.binhthuan.example,2023-12-28:khen-thuong/{DECISION}",
           f"tag:thidua.binhthuan.example,2023-12-18:khen-thuong/{CONSULTATION}"]
    assert [e.id for e in atom.entries] == [e.id for e in rss.entries] == [i["id"] for i in feed_json["items"]] == ids
    assert all(e.title.startswith("[Nội dung mẫu] ") for e in atom.entries)
    assert all(i["_thidua"]["sample"] for i in feed_json["items"])
    assert [e.id for e in feedparser.parse(read(built[OPEN], "khen-thuong/feed.xml")).entries] == ids[1:]


def test_the_csv_has_a_row_per_recipient_and_the_catalog_the_documents(built):
    text = read(built[ENDED], "api/khen-thuong.csv")
    rows = list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"))))
    assert len(rows) == 6 and {r["noi_dung_mau"] for r in rows} == {"có"}
    assert [r["ten"] for r in rows[:3]] == ["Tập thể Mẫu A", "Nguyễn Văn Mẫu", "Đội tuần tra mẫu B (tập thể minh họa)"]
    catalog = json.loads(read(built[ENDED], "api/catalog.json"))
    assert [c["id"] for c in catalog["commendations"]] == [DECISION, CONSULTATION]
    assert all(c["sample"] for c in catalog["commendations"])
    open_rows = read(built[OPEN], "api/khen-thuong.csv")
    assert DECISION not in open_rows and DECISION not in read(built[OPEN], "api/catalog.json")


def test_the_schema_and_field_reference_are_published_and_the_press_page_lists_the_files(built):
    schema = json.loads(read(built[ENDED], "schema/commendation.schema.json"))
    assert schema["properties"]["type"]["enum"] == ["consultation", "decision"]
    fields = text_of(read(built[ENDED], "bien-tap/truong-du-lieu/khen-thuong/"))
    assert "comment_until — Hạn góp ý" in fields and "ít nhất 10 ngày làm việc" in fields
    assert 'href="khen-thuong/">các trường của văn bản khen thưởng' in read(built[ENDED], "bien-tap/truong-du-lieu/")
    sitemap = read(built[ENDED], "sitemap.xml")
    assert f"<loc>{SITE_URL}khen-thuong/{DECISION}/</loc>\n         <lastmod>2023-12-28</lastmod>" in sitemap
    press = read(built[ENDED], "bao-chi/")
    assert 'href="../api/khen-thuong.csv"' in press and 'href="../khen-thuong/feed.xml"' in press


def test_a_consultation_over_tet_with_too_few_working_days_fails_the_build_naming_its_file(site):
    site.build(as_of=ENDED)
    good = (site.root / "site" / "index.html").read_bytes()
    write_commendation(site, "tet", VALID_CONSULTATION, date="2023-01-18", comment_until="2023-01-28")
    with pytest.raises(BuildFailed) as caught:
        site.build(as_of=ENDED)
    assert re.search(r"content/commendations/tet\.md:\d+: comment_until: thời gian lấy ý kiến từ 18/01/2023 đến "
                     r"28/01/2023 chỉ có 2 ngày làm việc", str(caught.value))
    assert (site.root / "site" / "index.html").read_bytes() == good, "the last good site is kept"
