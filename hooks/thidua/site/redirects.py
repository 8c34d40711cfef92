"""Former story ids keep working: a tiny page at the old URL sends readers and crawlers to the new one.

Written after the build, so these pages are in neither the sitemap nor the search index.
"""

from __future__ import annotations

from pathlib import Path

from .templating import render


def redirect_page(overrides: Path, target: str, title: str) -> str:
    return render(overrides, "thidua/press/redirect.html", target=target, title=title)
