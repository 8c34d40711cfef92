"""The republish box in a real browser (Debian Chromium): readable without JavaScript, copyable with it."""

from __future__ import annotations

import re

import pytest
from browser_support import serve
from support import republish_copy

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
def test_the_copy_button_puts_the_html_with_attribution_on_the_clipboard(served, built_repo, browser, width):
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
    # the story fetched from its ninjs into the frame, exactly as press/republish.py composes it
    assert copied == republish_copy(built_repo.root / "site", STORY.strip("/").split("/")[-1])
    assert "một cán bộ" in copied and "<!--" not in copied
    assert ATTRIBUTION in re.sub(r"<[^>]+>", "", copied)
    assert page.get_by_role("status").filter(has_text="Đã sao chép vào bộ nhớ tạm.").count() == 1
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    context.close()


def test_the_plain_text_button_copies_the_same_story_reflowed_into_paragraphs_without_tags(served, built_repo, browser):
    """The page holds the story once, as HTML; the plain text is drawn from it: one paragraph per block, the
    Markdown's line breaks gone, the photo described, the same attribution and canonical line."""
    context = browser.new_context(viewport={"width": 375, "height": 900})
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=served.rstrip("/"))
    page = context.new_page()
    page.goto(served + STORY)
    box = page.locator("details.td-republish__box").first
    box.locator("summary").click()
    box.get_by_role("button", name="Sao chép văn bản thuần").click()
    text = page.evaluate("navigator.clipboard.readText()")
    url = ATTRIBUTION.rsplit(" — ", 1)[1]
    source = (built_repo.root / "exemplars/nhan-vat-mau-ho-tro-dich-vu-cong.md").read_text("utf-8")
    assert "cán bộ\ncó thể" in source  # the Markdown breaks this sentence…
    assert "một cán bộ có thể hướng dẫn" in text and "cán bộ\ncó thể" not in text  # …the text does not
    paragraphs = text.split("\n\n")
    assert paragraphs[0].startswith("Nội dung mẫu") and paragraphs[1].startswith("[Nội dung mẫu] Cán bộ một cửa")
    assert all("\n" not in p for p in paragraphs) and not re.search(r"<(p|a|h2|strong|em|figure|img)\b", text)
    assert any(p.startswith("Mô tả ảnh: ") and p.endswith(".jpg") for p in paragraphs)
    assert "Ảnh: Ảnh minh họa do trang tạo ra" in paragraphs
    assert ATTRIBUTION in paragraphs and f"Bài viết được đăng lần đầu trên Thi đua nước rút Bình Thuận 2023 tại {url}." in text
    assert f'<link rel="canonical" href="{url}">' in text and "CC BY 4.0" in text
    assert page.get_by_role("status").filter(has_text="Đã sao chép vào bộ nhớ tạm.").count() == 1
    context.close()


def test_without_javascript_the_box_is_readable_html_and_no_dead_button_shows(served, browser):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 375, "height": 900})
    page = context.new_page()
    page.goto(served + STORY)
    page.get_by_text("Mã HTML để đăng lại").click()
    area = page.locator("#td-republish-html")
    assert area.is_visible() and ATTRIBUTION in re.sub(r"<[^>]+>", "", area.input_value())
    assert "<!-- Nội dung bài: trường bodies của tệp ninjs.json -->" in area.input_value()  # where it is, without script
    assert area.get_attribute("readonly") is not None
    for name in ("Sao chép mã HTML", "Sao chép văn bản thuần"):
        assert not page.get_by_role("button", name=name).is_visible()
    context.close()
