"""A keyboard reader always sees where the focus is: on every kind of page, at 375 and 1280 px, with and
without Material's script, every Tab stop is drawn with a ring of at least 3:1 against what lies behind it,
and no stop hides under the sticky header, walking forwards, backwards or after the skip link."""

from __future__ import annotations

from pathlib import Path

import pytest
from stories import TO_HOA
from test_portal import PAGE_KINDS, open_page

STOP = (Path(__file__).parent / "focus_stop.js").read_text(encoding="utf-8")
MOST_STOPS = 150
# Every kind Lighthouse judges (scripts/lighthouse.py): the portal's kinds and those its walk leaves out.
WALKED = {**PAGE_KINDS, "story without photo": f"guong-dien-hinh/{TO_HOA}/", "stories": "guong-dien-hinh/",
          "month": "guong-dien-hinh/thang/2023-10/", "feedback": "gop-y/", "accessibility": "kha-nang-tiep-can/",
          "english": "en/", "movements": "phong-trao/", "field reference": "bien-tap/truong-du-lieu/"}


@pytest.fixture(params=(375, 1280), ids=lambda w: f"{w}px")
def reader(request, chromium):
    context = chromium.new_context(viewport={"width": request.param, "height": 800}, locale="vi-VN")
    yield context.new_page()
    context.close()


def walk(page, key):
    """Each stop's focus report, pressing `key` until the focus comes back to where it started."""
    stops = []
    for _ in range(MOST_STOPS):
        page.keyboard.press(key)
        stop = page.evaluate(STOP)
        if stop is None or (stops and stop["what"] == stops[0]["what"]):
            break
        stops.append(stop)
    return stops


# Scrolling has come to rest: the same position two frames apart (a smooth scroll to the skip link's target).
SETTLED = """() => new Promise(done => { const y = scrollY;
  requestAnimationFrame(() => requestAnimationFrame(() => done(scrollY === y))); })"""


def unseen(stops):
    return [(n, s) for n, s in enumerate(stops) if not s["shown"] or s["ring"] < 3 or s["covered"]]


@pytest.mark.parametrize("kind", WALKED)
def test_every_tab_stop_shows_a_strong_focus_not_under_the_header(reader, base_url, kind):
    open_page(reader, base_url, kind, WALKED[kind])
    forwards = walk(reader, "Tab")
    assert len(forwards) >= 5, "the walk reached the page's links"
    assert not unseen(forwards), unseen(forwards)
    backwards = walk(reader, "Shift+Tab")
    assert not unseen(backwards), unseen(backwards)


def test_after_the_skip_link_the_next_stop_is_below_the_header(chromium, base_url):
    page = chromium.new_page(viewport={"width": 375, "height": 800})
    page.goto(f"{base_url}/guong-dien-hinh/")
    page.mouse.wheel(0, 600)
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    page.wait_for_function(SETTLED)  # as a reader would, after the page moved to the content
    page.keyboard.press("Tab")
    page.wait_for_function(SETTLED)
    stop = page.evaluate(STOP)
    assert stop["ring"] >= 3 and not stop["covered"], stop
    page.close()
