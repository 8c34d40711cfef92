"""Pages read like a news site, not documentation: on a phone a listing is compact rows (≤ 120 px a story, the
thumbnail uncropped, title, date and unit); headings never skip a level; the data table wears the site's palette; links in the
text of hand-written pages are told apart without colour; no previous/next page footer outside the editors' guide."""

from __future__ import annotations

import pytest
from test_portal import PAGE_KINDS
from thidua.checks.loader import load_corpus

LISTINGS = {"stories": "guong-dien-hinh/", "month": "guong-dien-hinh/thang/2023-10/", "unit": "don-vi/ham-thuan-bac/",
            "movement": PAGE_KINDS["movement"]}


# Each row's unit: the text after the date (“· Phú Quý”), and whether every line of it is drawn inside the row and its meta line.
ROWS = """() => [...document.querySelectorAll('#noi-dung .td-card')].map(card => {
    const img = card.querySelector('.td-card__thumb img');
    const r = img && img.getBoundingClientRect();
    const meta = card.querySelector('.td-card__meta'), unit = meta.lastChild, range = document.createRange();
    range.selectNodeContents(unit);
    const inside = (a, b) => a.left >= b.left - .5 && a.right <= b.right + .5 && a.top >= b.top - .5 && a.bottom <= b.bottom + .5;
    const lines = [...range.getClientRects()];
    return {height: card.getBoundingClientRect().height, href: card.querySelector('.td-card__title a').href,
            drawn: img ? r.width / r.height : null, own: img ? img.naturalWidth / img.naturalHeight : null,
            fit: img ? getComputedStyle(img).objectFit : null, unit: unit.textContent.trim(),
            unit_shown: lines.length > 0 && lines.every(line => line.width > 0 && inside(line, meta.getBoundingClientRect())
                                                        && inside(line, card.getBoundingClientRect()))};
})"""


@pytest.mark.parametrize("path", LISTINGS.values(), ids=LISTINGS.keys())
def test_on_a_phone_a_listing_is_compact_rows_with_uncropped_thumbnails(phone, base_url, reader_site, path):
    phone.goto(f"{base_url}/{path}", wait_until="networkidle")
    rows = phone.evaluate(ROWS)
    corpus = load_corpus(reader_site.parent)
    for row in rows:
        assert row["height"] <= 120, row
        if row["own"]:
            assert row["fit"] != "cover" and abs(row["drawn"] - row["own"]) / row["own"] < 0.03, row
    stories = [row for row in rows if "/guong-dien-hinh/" in row["href"]]
    assert stories, "the listing has stories"
    for row in stories:
        story = corpus.exemplars[row["href"].rstrip("/").rsplit("/", 1)[-1]]
        assert row["unit"] == f"· {corpus.units[story.unit].short_name}" and row["unit_shown"], row
    assert phone.locator(".td-card__meta time").count() == len(rows), "each row has its date"
    assert phone.locator("#noi-dung .td-card a").count() == len(rows), "one Tab stop a row: the unit is not a link"
    longest = phone.evaluate(WHATEVER_UNIT, sorted({f"· {u.short_name}" for u in corpus.units.values()}))
    assert all(height <= 120 for height in longest), longest


# Each story row's tallest height when it names, in turn, every unit of the content.
WHATEVER_UNIT = """names => [...document.querySelectorAll('#noi-dung .td-card')]
    .filter(card => card.querySelector('.td-card__title a').href.includes('/guong-dien-hinh/')).map(card => {
        const unit = card.querySelector('.td-card__meta').lastChild, own = unit.textContent;
        const tallest = Math.max(...names.map(name => { unit.textContent = name; return card.getBoundingClientRect().height; }));
        unit.textContent = own;
        return tallest;
    })"""


@pytest.mark.parametrize("path", [*PAGE_KINDS.values(), LISTINGS["month"], "gop-y/", "kha-nang-tiep-can/", "en/"])
def test_headings_never_skip_a_level(phone, base_url, path):
    phone.goto(f"{base_url}/{path}")
    levels = phone.evaluate("() => [...document.querySelectorAll('#noi-dung :is(h1,h2,h3,h4,h5,h6)')].map(h => +h.tagName[1])")
    assert levels and levels[0] == 1
    jumps = [(a, b) for a, b in zip(levels, levels[1:]) if b > a + 1]
    assert not jumps, levels


def test_the_data_table_wears_the_site_palette_not_a_note_box(phone, base_url):
    phone.goto(f"{base_url}/")
    summary = phone.locator("details.td-chart__data > summary").first
    look = summary.evaluate("""s => ({bg: getComputedStyle(s).backgroundColor, icon: getComputedStyle(s, '::before').display,
                                      border: getComputedStyle(s.parentElement).borderLeftColor})""")
    assert look["icon"] == "none", "no pencil"
    for colour in (look["bg"], look["border"]):
        r, g, b = [int(float(v)) for v in colour[colour.index("(") + 1:].split(",")[:3]]
        assert max(r, g, b) - min(r, g, b) < 16, f"grey, not Material's blue: {colour}"


@pytest.mark.parametrize("path", ["bao-chi/", "gop-y/", "kha-nang-tiep-can/", "en/", "bien-tap/", "gioi-thieu/"])
def test_links_in_the_text_of_hand_written_pages_are_told_apart_without_colour(phone, base_url, path):
    """Lists right under the article (the guide's list of its pages) included: Lighthouse's link-in-text-block."""
    phone.goto(f"{base_url}/{path}")
    plain = phone.evaluate("""() => [...document.querySelectorAll('#noi-dung a')]
        .filter(a => !a.matches('.headerlink, .md-button'))
        .filter(a => !getComputedStyle(a).textDecorationLine.includes('underline')).map(a => a.outerHTML.slice(0, 80))""")
    assert not plain, plain


@pytest.mark.parametrize("kind", ["home", "plans", "units", "browse", "months", "press", "about"])
def test_no_previous_next_footer_outside_the_guide(phone, base_url, kind):
    phone.goto(f"{base_url}/{PAGE_KINDS[kind]}")
    assert phone.locator(".md-footer__link").count() == 0
