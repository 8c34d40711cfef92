"""A reader on a phone: finds stories without typing diacritics, browses, shares, prints; in Chromium."""

from __future__ import annotations

import re

import pytest
from stories import HOA, TO_HOA

STORY = f"guong-dien-hinh/{HOA}/"
PAGE_KINDS = {
    "home": "",
    "plan": "ke-hoach/thi-dua-nuoc-rut-2023/",
    "movement": "phong-trao/hoc-tap-va-lam-theo-bac/",
    "unit": "don-vi/ham-thuan-bac/",
    "story": STORY,
    "browse": "guong-dien-hinh/ca-nhan/",
    "months": "guong-dien-hinh/thang/",
    "search": "tim-kiem/?q=ham+thuan+bac",
}


def header_search(page, query: str):
    page.click("#td-q")
    page.keyboard.type(query)
    page.locator(".td-search--header .td-search__count", has_text=f"“{query}”").wait_for()
    return page.locator(".td-search--header .td-result")


def test_a_page_load_fetches_nothing_for_search(phone, base_url):
    requested = []
    phone.on("request", lambda request: requested.append(request.url))
    phone.goto(f"{base_url}/{STORY}", wait_until="networkidle")
    assert requested, "the page loaded nothing at all"
    assert not [url for url in requested if "tim-kiem" in url or "thidua-search" in url]
    phone.click("#td-q")
    phone.wait_for_load_state("networkidle")
    assert [url for url in requested if "thidua-search" in url], "focusing the box loads the search script"
    assert not [url for url in requested if "chi-muc" in url], "the index waits for the first word"


def test_a_name_typed_without_diacritics_finds_the_story(phone, base_url):
    phone.goto(f"{base_url}/")
    results = header_search(phone, "nguyen thi hoa")
    first = results.first
    assert first.locator(".td-result__title").inner_text() == "Cô giáo mẫu dạy chữ cho người lớn tuổi"
    assert first.locator(".td-result__meta").inner_text() == "Nội dung mẫu Cá nhân · Hàm Thuận Bắc"
    assert first.locator(".td-result__excerpt mark").count() >= 1
    first.locator("a").click()
    phone.wait_for_url(f"**/{STORY}")


@pytest.mark.parametrize("query, expected", [
    ("ham thuan bac", {HOA}),
    ("hoa", {HOA, TO_HOA}),  # "Hòa" and "hoà": both spellings, without diacritics
    ("thi dua", {HOA}),  # "thi đua" in the lede: đ folds to d
])
def test_search_ignores_diacritics(phone, base_url, query, expected):
    phone.goto(f"{base_url}/tim-kiem/?q={query.replace(' ', '+')}")
    phone.locator(".td-search--page .td-result").first.wait_for()
    hrefs = phone.locator(".td-search--page .td-result a").evaluate_all("links => links.map(a => a.pathname)")
    found = {href.strip("/").split("/")[-1] for href in hrefs}
    assert expected <= found, (query, found)


def test_keyboard_reaches_and_opens_a_result(phone, base_url):
    phone.goto(f"{base_url}/")
    header_search(phone, "to hoa giai")
    phone.keyboard.press("Tab")  # from the box to the search button
    phone.keyboard.press("Tab")  # to the first result
    assert phone.evaluate("document.activeElement.pathname").strip("/").endswith(TO_HOA)
    phone.keyboard.press("Escape")
    assert phone.locator(".td-search--header .td-search__results").is_hidden()
    phone.click("#td-q")
    phone.keyboard.press("Enter")  # submitting goes to the results page
    phone.wait_for_url("**/tim-kiem/?q=to+hoa+giai")
    phone.locator(".td-search--page .td-result").first.wait_for()


def test_browsing_by_kind_award_and_month_works_without_javascript(chromium, base_url):
    context = chromium.new_context(java_script_enabled=False, viewport={"width": 375, "height": 800})
    page = context.new_page()
    page.goto(f"{base_url}/guong-dien-hinh/")
    page.get_by_role("link", name="Tập thể", exact=True).click()
    assert page.url.endswith("/guong-dien-hinh/tap-the/")
    titles = page.locator(".td-card__title").all_inner_texts()
    assert "Tổ hoà giải mẫu giữ tình làng nghĩa xóm" in titles
    assert "Cô giáo mẫu dạy chữ cho người lớn tuổi" not in titles
    page.get_by_role("link", name="Được khen thưởng").click()
    assert "Khen thưởng: Giấy khen (ví dụ minh họa)" in page.locator(".td-card__award").all_inner_texts()
    page.get_by_role("link", name="Theo tháng").click()
    page.get_by_role("link", name="Tháng 9/2023").click()
    assert "Tổ hoà giải mẫu giữ tình làng nghĩa xóm" in page.locator(".td-card__title").all_inner_texts()
    context.close()


def test_the_lead_photo_is_a_sized_webp_picture_and_card_thumbnails_are_lazy(phone, base_url):
    phone.goto(f"{base_url}/{STORY}", wait_until="networkidle")
    img = phone.locator(".td-photo picture img")
    assert img.get_attribute("loading") == "eager"
    assert (img.get_attribute("width"), img.get_attribute("height")) == ("800", "600")
    assert phone.locator(".td-photo picture source[type='image/webp']").get_attribute("srcset").count("w,") == 2
    assert img.evaluate("i => i.currentSrc").endswith("-480.webp")  # a phone gets the smallest WebP
    assert "Ảnh: Ảnh minh họa do trang tạo ra" in phone.locator(".td-photo figcaption").inner_text()
    phone.goto(f"{base_url}/don-vi/ham-thuan-bac/")
    thumb = phone.locator(".td-card__thumb img").first
    assert thumb.get_attribute("loading") == "lazy" and thumb.get_attribute("width") == "480"


def test_sharing_loads_no_third_party_script_and_copies_the_link(chromium, base_url):
    context = chromium.new_context(viewport={"width": 375, "height": 800})
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base_url)
    page = context.new_page()
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(f"{base_url}/{STORY}", wait_until="networkidle")
    assert all(url.startswith(base_url) for url in requested), requested
    zalo = page.get_by_role("link", name=re.compile("^Zalo"))
    assert zalo.get_attribute("href") == f"https://sp.zalo.me/share_inline?url=https%3A//thidua.binhthuan.example/{STORY}"
    facebook = page.get_by_role("link", name=re.compile("^Facebook"))
    assert facebook.get_attribute("href") == f"https://www.facebook.com/sharer/sharer.php?u=https%3A//thidua.binhthuan.example/{STORY}"
    page.get_by_role("button", name="Sao chép liên kết").click()
    page.get_by_text("Đã sao chép liên kết.").wait_for()
    assert page.evaluate("navigator.clipboard.readText()") == f"https://thidua.binhthuan.example/{STORY}"
    context.close()


def test_print_hides_the_chrome_and_shows_link_addresses(phone, base_url):
    phone.goto(f"{base_url}/{STORY}")
    phone.emulate_media(media="print")
    for selector in (".md-header", ".td-search", ".td-share", ".md-footer"):
        assert phone.locator(selector).first.is_hidden(), selector
    after = phone.locator(".td-story__body a").first.evaluate("a => getComputedStyle(a, '::after').content")
    assert "https://example.org/ke-hoach" in after
    phone.goto(f"{base_url}/{PAGE_KINDS['plan']}")
    assert phone.locator(".md-header").is_hidden() and phone.locator(".md-sidebar--primary").is_hidden()
    assert phone.locator(".td-plan").is_visible()


@pytest.mark.parametrize("kind", PAGE_KINDS)
def test_every_page_kind_fits_a_phone_and_says_it_is_vietnamese(chromium, base_url, screenshot_dir, kind):
    for width in (375, 1280):
        page = chromium.new_page(viewport={"width": width, "height": 800})
        page.goto(f"{base_url}/{PAGE_KINDS[kind]}", wait_until="networkidle")
        assert page.locator("html").get_attribute("lang") == "vi"
        assert page.evaluate("document.documentElement.scrollWidth") <= width, f"{kind} scrolls sideways at {width}px"
        shot = screenshot_dir / f"{kind}-{width}.png"
        page.screenshot(path=str(shot), full_page=True)
        assert shot.stat().st_size > 5_000
        page.close()


def test_the_home_page_of_a_running_campaign_counts_reports_without_rows_of_zeros(phone, base_url):
    phone.goto(f"{base_url}/")  # built as of 31/12/2023, the campaign's last day
    assert phone.locator(".td-phase__label").inner_text() == "Đang diễn ra"
    assert phone.locator(".td-countdown").inner_text() == "hạn báo cáo đã qua"
    assert phone.get_by_role("img", name="Đơn vị đã báo cáo kết quả 1 trên 15 đơn vị đã báo cáo.").count() == 1
    assert phone.locator(".td-dashboard .td-glance dd").nth(1).inner_text() == "1 / 15"
    assert phone.locator(".td-dashboard svg .td-chart__value", has_text=re.compile(r"^0$")).count() == 0
    locality = phone.get_by_role("img", name=re.compile("^Gương điển hình theo địa phương"))
    assert locality.count() == 1
    table = phone.locator("#theo-dia-phuong ~ details table")
    shown = table.locator("tr", has_text="Hàm Thuận Bắc").locator("td").text_content()
    phone.goto(f"{base_url}/don-vi/ham-thuan-bac/")  # the same number as the locality's own page lists
    assert phone.locator("#guong").inner_text() == f"Gương điển hình ({shown})"
    assert int(shown) >= 1


def test_thi_dua_typed_without_diacritics_highlights_thi_dua(phone, base_url):
    phone.goto(f"{base_url}/tim-kiem/?q=thi+dua")
    story = phone.locator(".td-search--page .td-result", has=phone.locator(f"a[href$='{HOA}/']"))
    story.wait_for()
    marks = story.locator(".td-result__excerpt mark").all_inner_texts()
    assert "đua" in marks and "thi" in marks
