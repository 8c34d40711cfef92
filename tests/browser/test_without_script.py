"""Without JavaScript a reader still gets somewhere: the search page's first screen says why it cannot search and
offers the browse pages, the phone's section list opens from a plain link, and no button that needs script shows.
With it, the phone's header search takes the header's width while in use."""

from __future__ import annotations

import pytest
from stories import HOA

BROWSE = ("Theo phong trào", "Theo đơn vị, địa phương", "Theo tháng")


@pytest.fixture
def no_script(chromium):
    context = chromium.new_context(viewport={"width": 375, "height": 800}, java_script_enabled=False, locale="vi-VN")
    yield context.new_page()
    context.close()


def test_the_search_page_offers_the_browse_pages_on_its_first_screen(no_script, base_url):
    no_script.goto(f"{base_url}/tim-kiem/?q=thi+%C4%91ua")
    note = no_script.locator(".td-search__noscript")
    assert note.is_visible() and "Tìm kiếm cần JavaScript" in note.inner_text() and note.bounding_box()["y"] < 400
    for label in BROWSE:
        link = no_script.get_by_role("link", name=label, exact=True).first
        box = link.bounding_box()
        assert link.is_visible() and box["y"] + box["height"] <= 800, label
    assert no_script.locator(".td-search--page").is_hidden(), "no form that cannot answer"


def test_the_phone_section_list_opens_from_a_link_without_script(no_script, base_url):
    no_script.goto(f"{base_url}/guong-dien-hinh/{HOA}/")
    sections = no_script.locator(".td-sections")
    assert sections.is_hidden(), "closed at first, not a screen of links above the story"
    assert no_script.locator(".td-menu-button").is_hidden()
    no_script.locator(".td-menu-link").click()
    assert sections.is_visible()
    assert no_script.locator(".td-sections a").first.is_visible()


def test_without_script_no_button_that_needs_it_is_shown(no_script, base_url):
    no_script.goto(f"{base_url}/guong-dien-hinh/{HOA}/")
    for name in ("In bài", "Sao chép liên kết", "Chuyên mục"):
        assert all(not b.is_visible() for b in no_script.get_by_role("button", name=name).all()), name


def test_on_a_phone_the_header_search_takes_the_header_width_when_focused(phone, base_url):
    phone.goto(f"{base_url}/guong-dien-hinh/")
    header = phone.locator(".md-header").bounding_box()
    phone.locator("#td-q").focus()
    box = phone.locator("#td-q").bounding_box()
    assert box["width"] >= header["width"] - 80, box
    assert 0 <= box["x"] and box["x"] + box["width"] <= header["width"]


def test_the_desktop_shows_neither_menu_control(chromium, base_url):
    page = chromium.new_page(viewport={"width": 1280, "height": 800}, java_script_enabled=False)
    page.goto(f"{base_url}/guong-dien-hinh/")
    assert page.locator(".td-menu-link").is_hidden() and page.locator(".td-menu-button").is_hidden()
    assert page.locator(".td-sections a").first.is_visible()
    page.close()
