"""Screenshots of built pages at phone and desktop widths, for looking at what we ship.

Usage: python scripts/screenshot.py OUT_DIR URL_PATH... (serves ./site on a free loopback port)
"""

from __future__ import annotations

import functools
import http.server
import sys
import threading
from pathlib import Path

from playwright.sync_api import sync_playwright

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]


def main(out: str, paths: list[str]) -> None:
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory="site")
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    Path(out).mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        for width in (375, 1280):
            page = browser.new_page(viewport={"width": width, "height": 800})
            for path in paths:
                page.goto(f"http://127.0.0.1:{server.server_port}/{path.lstrip('/')}")
                name = path.strip("/").replace("/", "_") or "home"
                page.screenshot(path=f"{out}/{name}-{width}.png", full_page=True)
            page.close()
        browser.close()
    server.shutdown()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2:])
