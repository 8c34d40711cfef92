"""Gzip copies of the site's text files, written beside them for nginx's `gzip_static`.

nginx then sends `page.html.gz` to a reader whose browser accepts gzip, without compressing on every
request. Level 9 once at build time; no file name and mtime 0 in the header, so the same page gives
the same bytes. A copy that would not save a tenth of the file is not written (tiny files).
"""

from __future__ import annotations

import gzip
import os
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

SUFFIXES = frozenset({".html", ".css", ".js", ".xml", ".json", ".csv", ".svg", ".txt"})
MIN_SAVING = 0.10


def compressible(path: Path) -> bool:
    return path.suffix in SUFFIXES


def gzip_bytes(data: bytes) -> bytes:
    return gzip.compress(data, compresslevel=9, mtime=0)


def _write(path: Path) -> Path | None:
    data = path.read_bytes()
    packed = gzip_bytes(data)
    target = path.with_name(path.name + ".gz")
    if len(packed) > len(data) * (1 - MIN_SAVING):
        target.unlink(missing_ok=True)
        return None
    target.write_bytes(packed)
    return target


def precompress(site_dir: Path) -> list[Path]:
    """Write `<file>.gz` beside every compressible file; returns the copies written."""
    files = sorted(p for p in site_dir.rglob("*") if p.is_file() and compressible(p))
    with ThreadPoolExecutor(max(1, os.cpu_count() or 1)) as pool:  # zlib releases the GIL
        return [p for p in pool.map(_write, files) if p is not None]
