"""Screenshots of built pages at phone and desktop widths, for looking at what we ship.

Usage: python scripts/screenshot.py OUT_DIR URL_PATH... (serves ./site on a free loopback port)
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests" / "browser"))

from browser_support import browser, serve  # noqa: E402


def main(out: str, paths: list[str]) -> None:
    Path(out).mkdir(parents=True, exist_ok=True)
    with serve(Path("site")) as base, browser() as chromium:
        for width in (375, 1280):
            page = chromium.new_page(viewport={"width": width, "height": 800})
            for path in paths:
                page.goto(f"{base}/{path.lstrip('/')}")
                name = path.strip("/").replace("/", "_") or "home"
                page.screenshot(path=f"{out}/{name}-{width}.png", full_page=True)
            page.close()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2:])
