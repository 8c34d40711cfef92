"""Browsing without JavaScript: by kind, by award and by month, as static paginated pages."""

from __future__ import annotations

from thidua.checks.loader import load, load_corpus
from thidua.content import urls
from thidua.site.browse import month_label
from thidua.site.pages import site_pages


def test_month_labels_are_vietnamese():
    assert month_label("2023-09") == "Tháng 9/2023"


def test_kind_award_and_month_pages_list_the_right_stories(site):
    site.clear_exemplars()
    site.exemplar("ca-nhan-mot", title="Người mẫu một", kind="individual", consent="true", date="2023-09-03",
                  award="Giấy khen mẫu")
    site.exemplar("tap-the-mot", title="Tập thể mẫu một", date="2023-10-04")
    site.build()
    individual = site.page("guong-dien-hinh/ca-nhan/")
    assert "Người mẫu một" in individual and "Tập thể mẫu một" not in individual
    collective = site.page("guong-dien-hinh/tap-the/")
    assert "Tập thể mẫu một" in collective and "Người mẫu một" not in collective
    awarded = site.page("guong-dien-hinh/khen-thuong/")
    assert "Khen thưởng: Giấy khen mẫu" in awarded and "Tập thể mẫu một" not in awarded
    months = site.page("guong-dien-hinh/thang/")
    assert months.index("Tháng 10/2023") < months.index("Tháng 9/2023")  # newest month first
    assert "Người mẫu một" in site.page("guong-dien-hinh/thang/2023-09/")
    assert "Người mẫu một" not in site.page("guong-dien-hinh/thang/2023-10/")


def test_browse_listings_are_paginated(site):
    site.clear_exemplars()
    site.page_size(20)
    for n in range(23):
        site.exemplar(f"tap-the-{n:02d}", title=f"Tập thể mẫu {n}")
    site.build()
    assert "Trang 1 / 2" in site.page("guong-dien-hinh/tap-the/")
    assert "Trang 2 / 2" in site.page("guong-dien-hinh/tap-the/trang/2/")


def test_every_name_the_page_plan_uses_under_the_stories_is_reserved(site):
    site.exemplar("co-giai", award="Giấy khen mẫu", kind="individual", consent="true")
    corpus = load_corpus(site.root)
    segments = {page.url.removeprefix(urls.EXEMPLARS).split("/")[0] for page in site_pages(corpus, page_size=1)
                if page.url.startswith(urls.EXEMPLARS) and page.url != urls.EXEMPLARS}
    assert segments - set(corpus.exemplars) <= urls.RESERVED_EXEMPLAR_IDS
    assert {"ca-nhan", "tap-the", "khen-thuong", "thang", "trang"} <= segments


def test_a_story_whose_id_is_a_browse_url_is_refused_by_check(site):
    site.exemplar("thang")
    assert [str(p) for p in load(site.root).errors] == [
        "exemplars/thang.md:1: id: mã “thang” trùng với địa chỉ /guong-dien-hinh/thang/ mà trang dùng sẵn: "
        "hãy đổi tên tệp (reserved id)"]


def test_a_slice_of_the_stories_lists_date_unit_and_title_the_stories_own_listing_also_name_and_summary(built_repo):
    """Each story is in five or so slices (kind, month, movement, unit, term): there a row is its date, its unit
    and its title, as on a phone; the stories' own listing and the home page also give the name and summary."""
    story = load_corpus(built_repo.root).exemplars["doi-tuan-tra-mau-dao-phu-quy"]
    slices = [urls.exemplars_of_kind(story.kind), urls.month(story.date.strftime("%Y-%m")),
              urls.movement(story.movements[0]), urls.unit(story.unit)]
    for url in slices:
        page = built_repo.page(url)
        assert story.title in page and "Phú Quý" in page, url
        assert story.summary not in page and f">{story.name}<" not in page, url
    listing = built_repo.page(urls.exemplars())
    assert story.summary in listing and f">{story.name}<" in listing
