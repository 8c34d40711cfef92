"""How many bytes the first search costs a reader, at a given number of stories.

Usage: python scripts/search_bytes.py N [N ...] [--query "thi đua"] [--keep DIR]

For each N: copies the repository into a temporary folder, adds N synthetic, clearly-sample exemplars
("[Nội dung mẫu]", sample: true), builds the site strictly, serves it on 127.0.0.1, opens a story in
headless Chromium (Debian's /usr/bin/chromium) and types the query into the header's search box.
It reports the bytes the page load spent on search (must be 0) and the compressed bytes of every
response from the first focus of the box until the results are shown, as their gzip size (a static
host compresses them).
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "hooks"))
sys.path.insert(0, str(REPO / "tests"))
sys.path.insert(0, str(REPO / "tests" / "browser"))

from browser_support import browser, compressed_size, serve  # noqa: E402
from synthetic import copy_sources, write_synthetic  # noqa: E402
from thidua.checks.loader import load_corpus  # noqa: E402
from thidua.engine.building import build_site  # noqa: E402

AS_OF = date(2023, 12, 31)
def measure(site_dir: Path, query: str, delay: int = 0) -> dict:
    story = next(p for p in sorted((site_dir / "guong-dien-hinh").iterdir()) if (p / "index.html").exists()
                 and p.name.startswith("guong-mau"))
    with serve(site_dir) as base, browser() as chromium:
        page = chromium.new_page(viewport={"width": 375, "height": 800})
        responses = []
        page.on("response", lambda response: responses.append(response))
        page.goto(f"{base}/guong-dien-hinh/{story.name}/", wait_until="networkidle")
        on_load = [r for r in responses if "tim-kiem" in r.url or "search" in r.url]
        responses.clear()
        page.click("#td-q")
        page.keyboard.type(query, delay=delay)
        page.locator(".td-search--header .td-search__count", has_text=f"“{query}”").wait_for(timeout=60_000)
        page.wait_for_load_state("networkidle")
        files = [(r.url.split("/", 3)[-1], compressed_size(r)) for r in responses]
        shown = page.locator(".td-search--header .td-result").count()
        total = page.locator(".td-search__count").inner_text()
        page.close()
    return {"load_bytes_for_search": sum(compressed_size(r) for r in on_load), "query": query,
            "first_query_bytes": sum(size for _, size in files), "requests": len(files), "results": total,
            "shown": shown, "files": files}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("counts", nargs="+", type=int)
    parser.add_argument("--query", action="append", help='repeatable; default "thi đua" and "thi dua"')
    parser.add_argument("--delay", type=int, default=0, help="milliseconds between keys (0: the whole query at once)")
    parser.add_argument("--keep", help="keep the built sites under this folder")
    args = parser.parse_args()
    for count in args.counts:
        work = Path(tempfile.mkdtemp(prefix=f"search-bytes-{count}-", dir=args.keep))
        root = copy_sources(REPO, work / "repo")
        write_synthetic(root, load_corpus(root), count)
        started = time.monotonic()
        site_dir = build_site(root, as_of=AS_OF)
        built = time.monotonic() - started
        for query in args.query or ["thi đua", "thi dua"]:
            result = {"exemplars": count, "build_seconds": round(built), "delay_ms": args.delay, **measure(site_dir, query, args.delay)}
            print(json.dumps(result, ensure_ascii=False), flush=True)
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
