"""WCAG 2.1 AA by axe-core in Chromium, and what a story page weighs on mobile data."""

from __future__ import annotations

from pathlib import Path

import axe_playwright_python
import pytest
from browser_support import compressed_size
from stories import HOA

AXE = Path(axe_playwright_python.__file__).parent / "axe.min.js"  # axe-core, bundled by the PyPI package
WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
PAGES = {
    "home": "",
    "plan": "ke-hoach/thi-dua-nuoc-rut-2023/",
    "movement": "phong-trao/hoc-tap-va-lam-theo-bac/",
    "unit": "don-vi/ham-thuan-bac/",
    "story": f"guong-dien-hinh/{HOA}/",
    "search results": "tim-kiem/?q=hoa",
    "browse": "guong-dien-hinh/tap-the/",
    "commendations": "khen-thuong/",
    "decision": "khen-thuong/quyet-dinh-khen-thuong-mau/",
    "consultation": "khen-thuong/lay-y-kien-de-nghi-khen-thuong-mau/",
}
STORY_BUDGET = 100_000  # bytes, compressed, photos excluded


def serious_violations(page) -> list:
    page.add_script_tag(path=str(AXE))
    results = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_AA)
    return [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:5])
            for v in results["violations"] if v["impact"] in ("serious", "critical")]


@pytest.mark.parametrize("width", [375, 1280])
@pytest.mark.parametrize("kind", PAGES)
def test_axe_finds_no_serious_or_critical_violation(chromium, base_url, kind, width):
    page = chromium.new_page(viewport={"width": width, "height": 800})
    page.goto(f"{base_url}/{PAGES[kind]}", wait_until="networkidle")
    if kind == "search results":
        page.locator(".td-search--page .td-result").first.wait_for()
    found = serious_violations(page)
    assert not found, found
    page.close()


def test_axe_finds_nothing_serious_in_the_open_search_box(chromium, base_url):
    page = chromium.new_page(viewport={"width": 375, "height": 800})
    page.goto(f"{base_url}/")
    page.click("#td-q")
    page.keyboard.type("ham thuan bac")
    page.locator(".td-search--header .td-result").first.wait_for()
    found = serious_violations(page)
    assert not found, found
    page.close()


def test_a_story_page_is_at_most_100_kb_compressed_without_photos(chromium, base_url):
    page = chromium.new_page(viewport={"width": 375, "height": 800})
    responses = []
    page.on("response", lambda response: responses.append(response))
    page.goto(f"{base_url}/guong-dien-hinh/{HOA}/", wait_until="networkidle")
    weights = {r.url.split("/", 3)[-1]: compressed_size(r) for r in responses if r.request.resource_type != "image"}
    page.close()
    assert any(name.endswith(".js") for name in weights), "Material's JavaScript is counted"
    assert any(name.endswith(".css") for name in weights)
    assert sum(weights.values()) <= STORY_BUDGET, weights
