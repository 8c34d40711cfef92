"""Serving a built site on loopback and driving Debian's Chromium with Playwright (tests and scripts)."""

from __future__ import annotations

import functools
import gzip
import http.server
import threading
from contextlib import contextmanager
from pathlib import Path

from playwright.sync_api import sync_playwright

CHROMIUM = "/usr/bin/chromium"  # Playwright's own browser download is not available here
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic"]


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # the tests' output is about the site, not the server
        pass


@contextmanager
def serve(site_dir: Path):
    """http://127.0.0.1:<free port> serving site_dir until the block ends."""
    handler = functools.partial(_QuietHandler, directory=str(site_dir))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        server.server_close()


@contextmanager
def browser():
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


def compressed_size(response) -> int:
    """Bytes on the wire with compression: what the server sent if already gzipped (Pagefind's index
    files are), else the gzip size of the body, as a static host that compresses text would send it."""
    try:
        body = response.body()
    except Exception:  # a redirect or an aborted request has no body
        return 0
    if body[:2] == b"\x1f\x8b" or response.headers.get("content-encoding"):
        return len(body)
    if response.url.lower().endswith((".jpg", ".jpeg", ".png", ".webp", ".gif", ".woff2")):
        return len(body)  # already compressed formats
    return len(gzip.compress(body, compresslevel=6, mtime=0))
