"""Dates that change only when content does (issue 20): an empty commit, or a rebuild, leaves the published
site byte for byte as it was; a sitemap's `lastmod` is a story's, a listing's newest story's, or a file's own
last commit, never the commit being built."""

from __future__ import annotations

import re
from datetime import datetime

from feed_history import VIETNAM, git, start_history
from support import Site, copy_repository


def _tree(folder) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_an_empty_commit_leaves_the_site_byte_identical(tmp_path):
    site = Site(copy_repository(tmp_path / "repo"))
    start_history(site.root, datetime(2023, 12, 1, 9, 0, tzinfo=VIETNAM))
    site.build()
    before = _tree(site.root / "site")
    git(site.root, "commit", "-q", "--allow-empty", "-m", "Không đổi gì", when=datetime(2024, 3, 5, 14, 0, tzinfo=VIETNAM))
    site.build()
    after = _tree(site.root / "site")
    changed = sorted(url for url in before.keys() | after.keys() if before.get(url) != after.get(url))
    assert changed == []
    sitemap = after["sitemap.xml"].decode()
    assert "<lastmod>2024-" not in sitemap  # the empty commit's date is nowhere
    # a unit without stories: its file's last commit (the launch, 01/12/2023)
    assert re.search(r"/don-vi/cum-khoi-thi-dua-01/</loc>\s*<lastmod>2023-12-01</lastmod>", sitemap)
    # a hand-written page: its own file's last commit too
    assert re.search(r"/bao-chi/</loc>\s*<lastmod>2023-12-01</lastmod>", sitemap)
