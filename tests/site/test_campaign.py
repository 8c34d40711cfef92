"""The campaign's state on the build date decides what the home page shows."""

from __future__ import annotations

from datetime import date

from commendation_support import DECISION, write_commendation
from thidua.site.campaign import ENDED, RUNNING, BEFORE, phase_of
from thidua.site.related import related_stories


def test_the_campaign_is_before_running_or_ended_by_its_period(built_repo):
    plan = next(iter(_corpus(built_repo).plans.values()))
    assert phase_of(plan, date(2023, 7, 20)).id == BEFORE
    assert phase_of(plan, date(2023, 7, 20)).days_to_start == 12
    assert phase_of(plan, plan.period_start).id == RUNNING
    assert phase_of(plan, plan.period_end).id == RUNNING
    assert phase_of(plan, date(2024, 1, 1)).id == ENDED


def test_an_ended_campaign_shows_its_results_not_rows_of_zeros(site):
    site.clear_exemplars()
    site.exemplar("guong-mot", unit="ham-thuan-bac", movements=["cai-cach-hanh-chinh"], award="Bằng khen")
    site.exemplar("guong-hai", unit="phan-thiet", movements=["cai-cach-hanh-chinh"])
    write_commendation(site, "quyet-dinh", DECISION, recipients=[
        {"kind": "collective", "name": "Tập thể Mẫu A", "unit": "phan-thiet"},
        {"kind": "individual", "name": "Nguyễn Văn Mẫu", "unit": "ham-thuan-bac", "exemplar": "guong-mot"},
        {"kind": "individual", "name": "Trần Thị Mẫu", "unit": "ham-thuan-bac"}])
    site.build(as_of=date(2024, 1, 15))
    home = site.page("")
    assert '<strong class="td-phase__label">Đã kết thúc</strong>' in home
    assert '<h2 id="tinh-hinh">Kết quả phong trào</h2>' in home
    assert '<dt>Gương điển hình đã đăng</dt><dd><a href="guong-dien-hinh/">2</a></dd>' in home
    # the recipients of the plan's decisions, not the stories whose text names an award
    assert '<dt>Được khen thưởng</dt><dd><a href="khen-thuong/">3</a></dd>' in home
    assert "td-countdown" not in home and "0 / 15" not in home
    assert '<a href="don-vi/tuy-phong/">' not in home, "a locality without stories has no row"


def test_before_the_start_the_home_page_counts_down_to_it(site):
    site.clear_exemplars()
    site.build(as_of=date(2023, 7, 30))
    home = site.page("")
    assert '<strong class="td-phase__label">Sắp bắt đầu</strong>' in home
    assert '<dd class="td-countdown">còn 2 ngày</dd>' in home


def test_related_stories_are_a_few_from_the_same_unit_then_movement(site):
    site.clear_exemplars()
    for n in range(8):
        site.exemplar(f"cung-don-vi-{n}", unit="ham-thuan-bac", movements=["cai-cach-hanh-chinh"], date=f"2023-10-{n + 10}")
    site.exemplar("khac-don-vi", unit="phan-thiet", movements=["van-hoa-cong-so"], date="2023-10-01")
    corpus = _corpus(site)
    story = corpus.exemplars["cung-don-vi-0"]
    related = related_stories(corpus, story)
    assert [e.id for e in related] == ["cung-don-vi-7", "cung-don-vi-6", "cung-don-vi-5"]
    assert related_stories(corpus, corpus.exemplars["khac-don-vi"]) == []


def _corpus(site):
    from thidua.checks.loader import load_corpus

    return load_corpus(site.root)


def test_a_story_featured_at_the_top_is_not_listed_again_and_leaves_no_empty_listing(site):
    site.clear_exemplars()
    site.exemplar("co-anh", unit="ham-thuan-bac", movements=["cai-cach-hanh-chinh"], photo="co-anh.jpg",
                  photo_alt="Ảnh minh họa", photo_credit='"Ảnh: Trung tâm Văn hóa"', consent="true")
    _photo(site.root / "exemplars" / "co-anh.jpg")
    site.build(as_of=date(2023, 12, 1))
    home = site.page("")
    assert '<h2 id="tieu-bieu">Gương tiêu biểu</h2>' in home
    assert home.count('href="guong-dien-hinh/co-anh/"') == 1
    assert "Chưa có gương điển hình nào được đăng." not in home
    assert "Ảnh: Trung tâm Văn hóa" in site.page("guong-dien-hinh/co-anh/")
    assert "Ảnh: Ảnh:" not in site.page("guong-dien-hinh/co-anh/")


def _photo(path):
    from PIL import Image

    Image.new("RGB", (1200, 900), (46, 125, 50)).save(path, "JPEG")
