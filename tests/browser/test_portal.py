"""A reader finds the way on every kind of page, on a phone and a desktop: sections one click away, the
skip link first, no invisible Tab stop, no missing file, no English left; search without layout shift."""

from __future__ import annotations

import re

import pytest
from stories import HOA

PAGE_KINDS = {
    "home": "",
    "plans": "ke-hoach/",
    "plan": "ke-hoach/thi-dua-nuoc-rut-2023/",
    "movement": "phong-trao/hoc-tap-va-lam-theo-bac/",
    "units": "don-vi/",
    "unit": "don-vi/ham-thuan-bac/",
    "story": f"guong-dien-hinh/{HOA}/",
    "browse": "guong-dien-hinh/ca-nhan/",
    "months": "guong-dien-hinh/thang/",
    "commendations": "khen-thuong/",
    "decision": "khen-thuong/quyet-dinh-khen-thuong-mau/",
    "press": "bao-chi/",
    "guide": "bien-tap/",
    "about": "gioi-thieu/",
    "search": "tim-kiem/?q=hoa",
    "not found": "404.html",
}
SECTIONS = ["Kế hoạch", "Phong trào", "Đơn vị", "Gương điển hình", "Báo chí", "Giới thiệu"]
SKIP = "Bỏ qua, đến nội dung chính"
# Material's English interface strings (its en.html and templates), as text or in labels and titles.
ENGLISH = ["Skip to content", "Back to top", "Made with", "Material for MkDocs", "Search", "Table of contents",
           "Previous", "Next", "Navigation", "Header", "Footer", "Copy to clipboard", "Copied to clipboard",
           "Type to start searching", "Initializing search", "Share", "Clear", "Edit this page",
           "View source of this page", "Last update", "Created", "Contributors", "Go to repository",
           "Select language", "Tabs", "Not found", "RSS feed", "Metadata"]
WIDTHS = (375, 1280)


@pytest.fixture(params=WIDTHS, ids=lambda w: f"{w}px")
def reader(request, chromium):
    context = chromium.new_context(viewport={"width": request.param, "height": 800}, locale="vi-VN")
    page = context.new_page()
    page.width = request.param
    yield page
    context.close()


def open_page(page, base_url, kind, path=None):
    """Open the page of `kind` (or `path`, a page of that kind not in PAGE_KINDS); the failed requests so far."""
    failed = []
    page.on("response", lambda r: failed.append((r.status, r.url)) if r.status >= 400 else None)
    page.on("requestfailed", lambda r: failed.append((r.failure, r.url)))
    page.goto(f"{base_url}/{PAGE_KINDS[kind] if path is None else path}", wait_until="networkidle")
    if kind == "search":
        page.locator(".td-search--page .td-result").first.wait_for()
    page.add_style_tag(content="*, *::before, *::after { transition: none !important; }")  # judge each state at once
    return failed


@pytest.mark.parametrize("kind", PAGE_KINDS)
def test_a_reader_finds_the_way_on_every_kind_of_page(reader, base_url, kind):
    failed = open_page(reader, base_url, kind)
    assert not failed, "no request for a missing file"
    assert_no_english_interface_text(reader)
    assert_first_tab_is_the_skip_link_and_no_early_stop_is_invisible(reader)
    assert_every_section_is_one_click_away_and_the_current_one_is_marked(reader, kind)


def assert_every_section_is_one_click_away_and_the_current_one_is_marked(reader, kind):
    menu = reader.locator(".td-menu-button")
    if reader.width < 960:
        assert reader.locator(".td-sections").is_hidden(), "on a phone the section list waits for the menu button"
        assert menu.evaluate("b => b.tagName") == "BUTTON" and menu.get_attribute("aria-expanded") == "false"
        menu.click()
        assert menu.get_attribute("aria-expanded") == "true"
    else:
        assert menu.is_hidden()
    links = reader.locator(".td-sections a")
    assert links.all_inner_texts() == SECTIONS
    for i in range(links.count()):
        assert links.nth(i).is_visible()
    current = reader.locator(".td-sections a[aria-current]").all_inner_texts()
    expected = {"plans": "Kế hoạch", "plan": "Kế hoạch", "movement": "Phong trào", "units": "Đơn vị", "unit": "Đơn vị",
                "story": "Gương điển hình", "browse": "Gương điển hình", "months": "Gương điển hình",
                "press": "Báo chí", "about": "Giới thiệu"}.get(kind)
    assert current == ([expected] if expected else [])
    if reader.width < 960:
        reader.keyboard.press("Escape")
        assert menu.get_attribute("aria-expanded") == "false" and reader.locator(".td-sections").is_hidden()


def assert_first_tab_is_the_skip_link_and_no_early_stop_is_invisible(reader):
    reader.keyboard.press("Tab")
    assert reader.evaluate("document.activeElement.textContent.trim()") == SKIP
    assert reader.evaluate("document.activeElement.getAttribute('href')") == "#noi-dung"
    invisible = []
    for n in range(20):
        if n:
            reader.keyboard.press("Tab")
        stop = reader.evaluate("""() => {
            const e = document.activeElement;
            if (!e || e === document.body) return null;
            const r = e.getBoundingClientRect();
            const shown = e.checkVisibility({visibilityProperty: true, opacityProperty: true});
            return {seen: shown && r.width > 1 && r.height > 1 && r.right > 0 && r.bottom > -10000,
                    what: e.outerHTML.slice(0, 120)};
        }""")
        if stop is None:
            break
        if not stop["seen"]:
            invisible.append((n + 1, stop["what"]))
    assert not invisible, invisible


def assert_no_english_interface_text(reader):
    shown = reader.evaluate("""() => {
        const labels = [...document.querySelectorAll('[aria-label],[title],[placeholder],[alt]')]
            .flatMap(e => ['aria-label', 'title', 'placeholder', 'alt'].map(a => e.getAttribute(a) || ''));
        return [document.body.innerText, document.title, ...labels].join('\\n');
    }""")
    found = [word for word in ENGLISH if re.search(rf"\b{re.escape(word)}\b", shown)]
    assert not found, found
    assert "Ảnh: Ảnh:" not in shown
    pilcrows = reader.evaluate("""() => [...document.querySelectorAll('#noi-dung *')]
        .filter(e => [...e.childNodes].some(n => n.nodeType === 3 && n.textContent.includes('¶')))
        .filter(e => !e.matches('a.headerlink')).map(e => e.outerHTML.slice(0, 80))""")
    assert not pilcrows, "a heading permalink shows only on hover, as the theme's `headerlink`"


def test_the_skip_link_takes_the_reader_to_the_content(chromium, base_url):
    page = chromium.new_page(viewport={"width": 375, "height": 800})
    page.goto(f"{base_url}/guong-dien-hinh/{HOA}/")
    page.keyboard.press("Tab")
    assert page.locator(".td-skip").is_visible(), "the skip link shows itself when focused"
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    in_content = page.evaluate("!!document.activeElement.closest('#noi-dung')")
    assert in_content, "the next Tab after skipping lands inside the main content"
    page.close()


def test_story_pages_have_breadcrumbs_the_name_and_related_stories(chromium, base_url):
    page = chromium.new_page(viewport={"width": 375, "height": 800})
    page.goto(f"{base_url}/guong-dien-hinh/{HOA}/")
    crumbs = page.get_by_role("navigation", name="Đường dẫn").get_by_role("link").all_inner_texts()
    assert crumbs == ["Trang chủ", "Gương điển hình", "Cá nhân"]
    assert page.locator(".td-story__name").inner_text() == "Nguyễn Thị Hòa (nhân vật mẫu)"
    related = page.locator(".td-related a")
    assert 1 <= related.count() <= 3
    page.close()


def test_search_results_show_the_name_marked_and_do_not_shift_the_page(chromium, base_url):
    page = chromium.new_page(viewport={"width": 375, "height": 800})
    page.add_init_script("""
        window.__cls = 0;
        new PerformanceObserver(list => { for (const e of list.getEntries()) if (!e.hadRecentInput) window.__cls += e.value; })
            .observe({type: 'layout-shift', buffered: true});
    """)
    page.goto(f"{base_url}/tim-kiem/?q=nguyen+thi+hoa", wait_until="networkidle")
    result = page.locator(".td-search--page .td-result", has=page.locator(f"a[href$='{HOA}/']"))
    result.wait_for()
    assert result.locator(".td-result__name").inner_text() == "Nguyễn Thị Hòa (nhân vật mẫu)"
    assert result.locator(".td-result__name mark").all_inner_texts() == ["Nguyễn", "Thị", "Hòa"]
    page.wait_for_timeout(300)
    assert page.evaluate("window.__cls") <= 0.02
    assert page.locator("#td-q").input_value() == "nguyen thi hoa", "the header's box keeps the query"
    page.close()


def test_the_not_found_page_offers_search_and_the_sections(chromium, base_url):
    page = chromium.new_page(viewport={"width": 375, "height": 800})
    page.goto(f"{base_url}/404.html")
    assert page.locator("h1").inner_text() == "Không tìm thấy trang"
    page.get_by_label(re.compile("^Tìm gương điển hình theo tên")).fill("hoa")
    page.get_by_role("button", name="Tìm", exact=True).last.click()
    page.wait_for_url("**/tim-kiem/?q=hoa")
    page.goto(f"{base_url}/404.html")
    content = page.locator("#noi-dung")
    for label in ["Trang chủ", *SECTIONS]:
        assert content.get_by_role("link", name=label, exact=True).count() == 1, label
    page.close()
