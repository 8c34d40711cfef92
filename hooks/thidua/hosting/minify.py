"""Whitespace between tags, collapsed: Material's templates indent every line, a sixth of a page's bytes.

Runs of blank space containing a line break become one line break, which a browser renders exactly as
before (HTML collapses white space), except inside pre, textarea, script and style elements, kept byte
for byte (so the inline scripts keep the hashes the CSP lists).
"""

from __future__ import annotations

import re
from pathlib import Path

_KEPT = re.compile(r"(<(pre|textarea|script|style)\b.*?</\2\s*>)", re.S | re.I)
_BLANK_LINES = re.compile(r"[ \t\r\n]*\n[ \t\r\n]*")


def collapse(html: str) -> str:
    parts = _KEPT.split(html)  # [text, kept block, its tag name, text, …]
    return "".join(_BLANK_LINES.sub("\n", part) if index % 3 == 0 else part
                   for index, part in enumerate(parts) if index % 3 != 2)


def _rewrite(path: Path) -> None:
    text = path.read_text("utf-8")
    smaller = collapse(text)
    if smaller != text:
        path.write_text(smaller, "utf-8")


def collapse_site(site_dir: Path) -> None:
    for page in site_dir.rglob("*.html"):
        _rewrite(page)
