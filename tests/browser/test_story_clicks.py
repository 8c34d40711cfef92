"""No click on a story page throws: every button and button-like link, with the republish box open.

"Sao chép liên kết" used to throw a TypeError because the republish box's script also bound `.td-copy`."""

from __future__ import annotations

import pytest
from browser_support import serve

STORY = "guong-dien-hinh/nhan-vat-mau-ho-tro-dich-vu-cong/"
CLICKABLE = "button:not([hidden]):visible, a.md-button:visible"  # the boxes' summaries are opened first


@pytest.fixture(scope="module")
def served(built_repo):
    with serve(built_repo.root / "site") as url:
        yield url + "/"


def open_every_box(page) -> None:
    closed = page.locator("details:not([open]) > summary")
    while closed.count():
        closed.first.click()


def test_no_click_on_the_story_page_throws(served, chromium):
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=served.rstrip("/"))
    local = served.rstrip("/")
    context.route("**/*", lambda route: route.continue_() if route.request.url.startswith(local) else route.abort())
    page = context.new_page()
    context.on("page", lambda popup: popup.close())  # Zalo's and Facebook's share windows (requests aborted)
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(served + STORY)
    open_every_box(page)
    count = page.locator(CLICKABLE).count()
    labels = []
    for index in range(count):
        if page.url != served + STORY:
            page.goto(served + STORY)
        open_every_box(page)
        target = page.locator(CLICKABLE).nth(index)
        if not target.count():
            continue
        labels.append(target.inner_text().strip())
        target.click(timeout=5000)
        page.wait_for_timeout(100)
    assert "Sao chép liên kết" in labels and "Sao chép mã HTML" in labels and len(labels) >= 6, labels
    assert errors == []
    context.close()


def test_the_copy_link_button_copies_the_story_address(served, chromium):
    context = chromium.new_context(viewport={"width": 375, "height": 900})
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=served.rstrip("/"))
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(served + STORY)
    page.get_by_role("button", name="Sao chép liên kết").click()
    page.get_by_text("Đã sao chép liên kết.").wait_for()
    assert page.evaluate("navigator.clipboard.readText()") == "https://thidua.binhthuan.example/" + STORY
    assert errors == []
    context.close()
