from pathlib import Path

from thidua.checks.loader import load_corpus
from thidua.site.pages import site_pages
from thidua.site.spec import paginate

REPO = Path(__file__).resolve().parents[2]


def pages_by_url(page_size=20):
    return {p.url: p for p in site_pages(load_corpus(REPO), page_size)}


def test_pagination_splits_items_and_links_the_pages():
    pages = paginate(list(range(45)), 20, lambda n: f"x/trang/{n}/")
    assert [len(p.items) for p in pages] == [20, 20, 5]
    assert (pages[0].previous_url, pages[0].next_url) == (None, "x/trang/2/")
    assert pages[2].next_url is None and pages[2].total == 45


def test_an_empty_listing_still_has_its_first_page():
    [page] = paginate([], 20, str)
    assert page.items == [] and page.count == 1


def test_every_movement_unit_plan_and_exemplar_has_its_page():
    corpus = load_corpus(REPO)
    urls = pages_by_url()
    assert all(f"phong-trao/{m}/" in urls for m in corpus.movements)
    assert all(f"don-vi/{u}/" in urls for u in corpus.units)
    assert all(f"guong-dien-hinh/{e}/" in urls for e in corpus.exemplars)
    assert "ke-hoach/thi-dua-nuoc-rut-2023/" in urls


def test_single_items_stay_out_of_the_navigation_and_listings_are_in_it():
    in_nav = {p.url for p in pages_by_url().values() if p.in_nav}
    assert in_nav == {"ke-hoach/", "phong-trao/", "don-vi/", "guong-dien-hinh/"}


def test_listings_are_paginated_at_the_configured_size():
    urls = pages_by_url(page_size=2)
    assert "guong-dien-hinh/trang/2/" in urls
    assert len(urls["guong-dien-hinh/"].context["page"].items) == 2

