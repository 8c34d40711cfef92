"""A clear hierarchy: every page's h1 is bold and dark, h2 outranks h3; a story shows its photo right under the
headline and lede, then the facts, and always ends with stories to read next ("Đọc thêm")."""

from __future__ import annotations

import pytest
from stories import HOA
from test_portal import PAGE_KINDS

CONTRAST = """e => {
    const rgb = c => c.match(/[\\d.]+/g).slice(0, 3).map(Number);
    const lum = c => { const [r, g, b] = rgb(c).map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
                       return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
    const s = getComputedStyle(e), [a, b] = [lum(s.color), lum('rgb(255, 255, 255)')].sort((x, y) => y - x);
    return {weight: +s.fontWeight, contrast: (a + 0.05) / (b + 0.05), size: parseFloat(s.fontSize)};
}"""


@pytest.mark.parametrize("kind", [k for k in PAGE_KINDS if k != "search"])
def test_every_h1_is_bold_and_dark(phone, base_url, kind):
    phone.goto(f"{base_url}/{PAGE_KINDS[kind]}")
    h1 = phone.locator("#noi-dung h1").first.evaluate(CONTRAST)
    assert h1["weight"] >= 600 and h1["contrast"] >= 7, h1


def test_h2_outranks_h3_and_the_name_does_not_outweigh_the_headline(phone, base_url):
    phone.goto(f"{base_url}/{PAGE_KINDS['plan']}")
    h2 = phone.locator("#noi-dung .td-plan h2").first.evaluate(CONTRAST)
    h3 = phone.locator("#noi-dung .td-plan h3").first.evaluate(CONTRAST)
    assert h2["size"] > h3["size"] and h2["weight"] >= h3["weight"] and h3["weight"] >= 600
    phone.goto(f"{base_url}/guong-dien-hinh/{HOA}/")
    h1 = phone.locator("h1").evaluate(CONTRAST)
    name = phone.locator(".td-story__name").evaluate(CONTRAST)
    assert h1["size"] > name["size"] * 1.3


def test_a_story_shows_its_photo_under_the_headline_and_lede_then_the_facts(phone, base_url):
    phone.goto(f"{base_url}/guong-dien-hinh/{HOA}/")
    order = phone.evaluate("""() => [...document.querySelector('.td-story').children]
        .map(e => e.matches('h1') ? 'h1' : e.matches('.td-lede') ? 'lede' : e.matches('figure.td-photo') ? 'photo'
                 : e.matches('dl.td-facts') ? 'facts' : null).filter(Boolean)""")
    assert order == ["h1", "lede", "photo", "facts"]
    assert phone.locator("figure.td-photo").bounding_box()["y"] < 800, "the photo is on the first screen"


def test_every_story_ends_with_stories_to_read_next(phone, base_url):
    phone.goto(f"{base_url}/guong-dien-hinh/{HOA}/")
    read_next = phone.get_by_role("region", name="Đọc thêm")
    assert 1 <= read_next.get_by_role("link").count() <= 3
