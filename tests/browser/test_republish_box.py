"""The republish box in a real browser (Debian Chromium): readable without JavaScript, copyable with it."""

from __future__ import annotations

import re

import pytest
from browser_support import serve

STORY = "guong-dien-hinh/nhan-vat-mau-ho-tro-dich-vu-cong/"
ATTRIBUTION = ("Nguồn: Thi đua nước rút Bình Thuận 2023 — "
               "https://thidua.binhthuan.example/guong-dien-hinh/nhan-vat-mau-ho-tro-dich-vu-cong/")


@pytest.fixture(scope="module")
def served(built_repo):
    with serve(built_repo.root / "site") as url:
        yield url + "/"


@pytest.fixture
def browser(chromium):
    return chromium


@pytest.mark.parametrize("width", [375, 1280])
def test_the_copy_button_puts_the_html_with_attribution_on_the_clipboard(served, browser, width):
    context = browser.new_context(viewport={"width": width, "height": 900})
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=served.rstrip("/"))
    page = context.new_page()
    page.goto(served + STORY)
    box = page.locator("details.td-republish__box").first
    box.locator("summary").click()
    button = box.get_by_role("button", name="Sao chép mã HTML")
    assert button.is_visible()
    button.click()
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.startswith("<p><strong>Nội dung mẫu") and "<script" not in copied
    assert ATTRIBUTION in re.sub(r"<[^>]+>", "", copied)
    assert page.get_by_role("status").filter(has_text="Đã sao chép vào bộ nhớ tạm.").count() == 1
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    context.close()


def test_without_javascript_the_box_is_readable_text_and_no_dead_button_shows(served, browser):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 375, "height": 900})
    page = context.new_page()
    page.goto(served + STORY)
    page.get_by_text("Văn bản thuần để đăng lại").click()
    area = page.locator("#td-republish-text")
    assert area.is_visible() and ATTRIBUTION in area.input_value()
    assert area.get_attribute("readonly") is not None
    assert not page.get_by_role("button", name="Sao chép văn bản").is_visible()
    context.close()
