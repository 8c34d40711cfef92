"""What a state agency's site carries: on every page a footer with the responsible agency, its address, phone
and e-mail, feedback, the accessibility statement, an English page (hreflang) and the editors' guide, related
agencies; "In bài" on stories and the plan, printing the page without header, navigation, footer or forms but
with its canonical address and date."""

from __future__ import annotations

import pytest
from stories import HOA
from test_portal import PAGE_KINDS
from thidua.content.words import catalogue

PRINTED = {"story": (f"guong-dien-hinh/{HOA}/", "Ngày đăng: "), "plan": ("ke-hoach/thi-dua-nuoc-rut-2023/", "Cập nhật: ")}
EN = catalogue("en")["portal"]


@pytest.mark.parametrize("kind", ["home", "story", "units", "search", "not found", "guide"])
def test_every_page_ends_with_the_agency_its_contacts_and_the_portal_pages(phone, base_url, kind):
    phone.goto(f"{base_url}/{PAGE_KINDS[kind]}")
    footer = phone.locator("footer.td-footer")
    assert "Ban Thi đua – Khen thưởng tỉnh Bình Thuận" in footer.inner_text()
    assert footer.locator("a[href^='tel:']").count() == 1 and footer.locator("a[href^='mailto:']").count() == 1
    english = footer.get_by_role("link", name="English", exact=True)
    assert english.get_attribute("hreflang") == "en" and english.get_attribute("lang") == "en"
    for label in ("Góp ý", "Khả năng tiếp cận", "Dành cho biên tập viên", "Cổng thông tin điện tử tỉnh Bình Thuận"):
        assert footer.get_by_role("link", name=label, exact=True).is_visible(), label
    assert phone.locator(".md-footer__link").count() == (2 if kind == "guide" else 0), "previous/next only in the guide"


@pytest.mark.parametrize(("link", "heading", "says"), [
    ("Góp ý", "Góp ý", "địa chỉ trang"),
    ("Khả năng tiếp cận", "Tuyên bố về khả năng tiếp cận", "WCAG 2.1 mức AA"),
    ("English", EN["about_title"], EN["functions"][0]),
])
def test_the_footer_leads_to_feedback_the_accessibility_statement_and_the_english_page(phone, base_url, link, heading, says):
    phone.goto(f"{base_url}/guong-dien-hinh/")
    phone.locator("footer").get_by_role("link", name=link, exact=True).click()
    assert phone.locator("h1").inner_text().rstrip("¶") == heading
    content = phone.locator("#noi-dung")
    assert says in content.inner_text()
    assert content.locator("a[href^='mailto:']").count() == 1, "each ends with the agency's contacts"
    if link == "English":
        assert phone.locator("#noi-dung [lang=en] h1").count() == 1
        assert content.get_by_text(EN["contacts_title"], exact=True).is_visible()


@pytest.mark.parametrize("kind", PRINTED)
def test_in_bai_prints_the_page_without_its_chrome_with_its_address_and_date(phone, base_url, kind):
    path, date_label = PRINTED[kind]
    phone.goto(f"{base_url}/{path}")
    button = phone.get_by_role("button", name="In bài")
    assert button.is_visible()
    phone.evaluate("window.__printed = 0; window.print = () => { window.__printed++; }; 0")
    button.click()
    assert phone.evaluate("window.__printed") == 1
    printed = phone.locator(".td-printed")
    assert printed.is_hidden(), "the printed line is for paper only"
    phone.emulate_media(media="print")
    for chrome in (".md-header", ".td-sections", "footer", "form", ".td-crumbs", ".td-share", ".td-print"):
        assert all(not e.is_visible() for e in phone.locator(chrome).all()), chrome
    assert phone.locator("h1").is_visible()
    canonical = phone.locator("link[rel=canonical]").get_attribute("href")
    assert printed.is_visible() and canonical in printed.inner_text() and date_label in printed.inner_text()

