"""End to end: the real strict MkDocs build of the repository and of tiny sites."""

import subprocess
import sys
from pathlib import Path

import pytest
from htmltext import main_text, text_of
from thidua.checks.loader import load_corpus
from thidua.engine.building import BuildFailed

REPO = Path(__file__).resolve().parents[2]
CORPUS = load_corpus(REPO)
STORY = "nhan-vat-mau-ho-tro-dich-vu-cong"


def test_the_home_page_shows_the_campaign_at_a_glance(built_repo):
    text = main_text(built_repo.page(""))
    assert "01/08/2023 – 31/12/2023" in text and "15/12/2023" in text
    assert all(m.title in text for m in CORPUS.movements.values())
    assert all(e.title in text for e in CORPUS.exemplars.values())


def test_a_story_page_shows_everything_about_the_exemplar(built_repo):
    html = built_repo.page(f"guong-dien-hinh/{STORY}")
    text = main_text(html)
    story = CORPUS.exemplars[STORY]
    for expected in (story.title, story.summary, story.name, "Cá nhân", "Các sở, ban, ngành tỉnh",
                     "Cải cách hành chính", story.award, "08/11/2023", "cập nhật 15/11/2023", "Đính chính",
                     "Ảnh: Ảnh minh họa do trang tạo ra", "Khi viết về một cá nhân có thật"):
        assert expected in text, expected
    assert 'href="../../don-vi/so-ban-nganh-tinh/"' in html
    assert 'href="../../phong-trao/cai-cach-hanh-chinh/"' in html
    stem = story.photo.split("/")[-1].rsplit(".", 1)[0]
    assert f'src="{stem}-800.jpg"' in html and f"{stem}-1200.webp 1200w" in html
    assert (built_repo.root / "site" / "guong-dien-hinh" / STORY / f"{stem}-1200.jpg").is_file()


def test_a_movement_page_shows_what_the_plan_asks_and_its_exemplars(built_repo):
    html = built_repo.page("phong-trao/cai-cach-hanh-chinh")
    text = main_text(html)
    assert "Kế hoạch yêu cầu" in text and "Đẩy mạnh công tác cải cách hành chính nhà nước" in text
    assert CORPUS.exemplars[STORY].title in text
    assert 'href="../../ke-hoach/thi-dua-nuoc-rut-2023/#noi-dung-3"' in html
    assert "Các sở, ban, ngành tỉnh" in text  # the units with exemplars


def test_a_content_of_section_two_lists_its_movements(built_repo):
    text = main_text(built_repo.page("phong-trao/phat-huy-truyen-thong-yeu-nuoc"))
    assert "Chung sức, chung lòng xây dựng nông thôn mới" in text and "Căn cứ tình hình thực tế" in text


def test_a_unit_page_shows_its_type_exemplars_and_report_status(built_repo):
    text = main_text(built_repo.page("don-vi/ham-thuan-bac"))
    assert "Địa phương" in text and "Chưa có báo cáo" in text and "hạn báo cáo 15/12/2023" in text
    assert CORPUS.exemplars["to-tu-quan-mau-duong-lang-xanh"].title in text


def test_a_unit_of_a_type_that_does_not_report_shows_no_report_status_nor_notes_for_editors(built_repo):
    page = built_repo.page("don-vi/cum-khoi-thi-dua-01")
    text = main_text(page)
    assert "Cụm, Khối thi đua" in text
    assert "báo cáo đúng hạn" not in text and "Chưa có báo cáo" not in text and 'id="bao-cao"' not in page
    assert "biên tập viên" not in text
    assert "tình hình báo cáo" not in page, "nor does its description promise one"


@pytest.mark.parametrize("submitted, status", [("2023-12-15", "Đã báo cáo đúng hạn"),
                                               ("2023-12-18", "Báo cáo trễ hạn")])
def test_a_unit_page_says_whether_the_report_came_by_the_deadline(site, submitted, status):
    site.write("content/units/so-thu.md", f"""
        ---
        name: Sở Thử
        type: so-ban-nganh
        reports:
          - plan: thi-dua-nuoc-rut-2023
            submitted: {submitted}
            text: Báo cáo kết quả thực hiện.
        ---
        """)
    site.build()
    text = main_text(site.page("don-vi/so-thu"))
    assert status in text and "Báo cáo kết quả thực hiện." in text


def test_listings_show_every_movement_and_unit(built_repo):
    movements = main_text(built_repo.page("phong-trao"))
    units = main_text(built_repo.page("don-vi"))
    assert all(m.title in movements for m in CORPUS.movements.values())
    assert all(u.name in units for u in CORPUS.units.values())


def test_every_page_that_shows_a_sample_labels_it(built_repo):
    site = built_repo.root / "site"
    for page in site.rglob("index.html"):
        html = page.read_text("utf-8")
        if "<article" not in html:  # the web form, redirects: pages of their own, showing no story
            continue
        shown = [e for e in CORPUS.exemplars.values() if f"guong-dien-hinh/{e.id}/" in html or e.title in main_text(html)]
        if shown:
            assert "Nội dung mẫu" in main_text(html), page


def test_story_pages_stay_out_of_the_navigation(built_repo):
    nav = built_repo.page("")
    nav = nav[nav.index('<nav id="td-sections"'):]
    nav = nav[:nav.index("</nav>")]
    assert "guong-dien-hinh/" in nav and not any(e.id in nav for e in CORPUS.exemplars.values())


def test_no_page_grows_with_the_number_of_exemplars(site):
    site.clear_exemplars()
    site.build()
    empty = {p.relative_to(site.root / "site"): p.stat().st_size for p in (site.root / "site").rglob("index.html")}
    for n in range(60):
        site.exemplar(f"mau-{n:02d}", title=f"Gương mẫu số {n}", unit="la-gi", movements=["van-hoa-cong-so"])
    site.build()
    grown = [p for p, size in empty.items()
             if (site.root / "site" / p).stat().st_size > size * 1.2 + 20_000]
    assert grown == []


def test_long_listings_are_paginated(site):
    site.page_size(20)
    for n in range(25):
        site.exemplar(f"mau-{n:02d}", unit="tuy-phong", movements=["van-hoa-cong-so"])
    site.build()
    assert "Trang 1 / 2" in text_of(site.page("phong-trao/van-hoa-cong-so"))
    assert "Trang 2 / 2" in text_of(site.page("phong-trao/van-hoa-cong-so/trang/2"))
    assert "Trang 2 / 2" in text_of(site.page("don-vi/tuy-phong/trang/2"))
    assert "Trang 2 / 2" in text_of(site.page("guong-dien-hinh/trang/2"))
    for listing in ("phong-trao/van-hoa-cong-so", "don-vi/tuy-phong/trang/2", "guong-dien-hinh", "guong-dien-hinh/tap-the"):
        page = site.page(listing)
        assert page.count('<nav class="td-pagination') == 2, f"{listing}: page links above and below the stories"


def test_a_story_with_code_does_not_load_material_s_script(site):
    """Its ninjs link is rel="alternate", which Material's script takes for a translation: it would ask for a
    sitemap.xml beside the ninjs, a request for a missing file."""
    site.exemplar("co-ma", body="Lệnh mẫu:\n\n```\nthidua check\n```\n")
    site.build()
    page = site.page("guong-dien-hinh/co-ma")
    assert "<pre" in page and 'type="application/ninjs+json"' in page
    assert "javascripts/bundle." not in page and "__md_scope" not in page


def test_story_html_from_a_pull_request_is_sanitised(site):
    site.exemplar("doc-hai", body='<script>alert(1)</script><img src="https://x.vn/a.jpg" onerror="alert(2)">\n\n'
                                  '[bấm](https://x.vn){: onclick="alert(4)" }\n\n<iframe src="https://x.vn"></iframe>')
    site.build()
    html = site.page("guong-dien-hinh/doc-hai")
    start = html.index('class="td-story__body"')
    story = html[start:html.index("</div>", start)]
    assert 'href="https://x.vn"' in story
    for payload in ("<script", "onerror", "onclick", "<iframe"):
        assert payload not in story


def test_nothing_generated_is_written_into_the_source_tree(site):
    def sources():  # site/ is the output; .cache/ holds resized photos between builds (git-ignored)
        return sorted(p for p in site.root.rglob("*") if not {"site", ".cache"} & set(p.relative_to(site.root).parts))

    before = sources()
    site.build()
    assert sources() == before
    assert ".cache/" in (REPO / ".gitignore").read_text("utf-8")


def test_invalid_content_fails_the_build_and_keeps_the_last_good_site(site):
    site.build()
    index = site.root / "site" / "index.html"
    good = index.read_bytes()
    site.exemplar("hong", unit="khong-ton-tai")
    with pytest.raises(BuildFailed) as caught:
        site.build()
    assert "exemplars/hong.md:5: unit:" in str(caught.value)
    assert index.read_bytes() == good
    assert not [p for p in site.root.iterdir() if p.name.startswith(".site-")]


def test_plain_mkdocs_build_strict_reports_the_same_problem(site):
    site.exemplar("hong", movements=["khong-co"])
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=site.root,
                            capture_output=True, text=True)
    assert result.returncode == 1
    assert "exemplars/hong.md:7: movements[0]: phong trào “khong-co” không tồn tại" in result.stderr
    assert "Traceback" not in result.stderr


def test_each_story_is_rendered_once_for_the_check_its_page_and_the_press(site, monkeypatch):
    from collections import OrderedDict

    import markdown
    from thidua.checks import rendering

    monkeypatch.setattr(rendering, "_RENDERED", OrderedDict())  # nothing remembered from other tests
    rendered: list[str] = []
    convert = markdown.Markdown.convert

    def counting(self, source):
        rendered.append(source)
        return convert(self, source)

    monkeypatch.setattr(markdown.Markdown, "convert", counting)
    site.build()
    stories = load_corpus(site.root).exemplars.values()
    assert stories and all(rendered.count(story.body) == 1 for story in stories)
    for story in stories:  # ...and the page still shows it, with heading permalinks
        assert story.title in site.page(f"guong-dien-hinh/{story.id}")
    assert 'class="headerlink"' in site.page("guong-dien-hinh/to-tu-quan-mau-duong-lang-xanh")


def test_no_template_source_is_published(built_repo):
    site = built_repo.root / "site"
    assert not (site / "thidua").exists()  # overrides/thidua/ holds feed-entry and republish templates
