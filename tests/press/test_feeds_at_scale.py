"""At 1,000 stories, each merged on its own (as the web form merges them), every Atom and RSS document of
every feed — subscription and archive — is clean in the W3C Feed Validator, warnings included: no two
entries of a document share an `updated`, because each story's is the instant it reached the site."""

from __future__ import annotations

import re
import subprocess
import sys
from datetime import date, datetime, timedelta

from feed_history import SITE_URL, VIETNAM, commit_each, start_history, write_feeds
from support import Site, copy_repository, shared_file
from synthetic import write_synthetic
from thidua.checks.loader import load_corpus

STORIES = 1000


def test_a_thousand_stories_merged_one_by_one_give_feeds_clean_in_the_w3c_validator(tmp_path):
    site = Site(copy_repository(tmp_path / "repo"))
    start_history(site.root, datetime(2023, 7, 31, 9, 0, tzinfo=VIETNAM))
    write_synthetic(site.root, load_corpus(site.root), STORIES)
    dated = sorted((re.search(r"(?m)^date: (\S+)$", p.read_text("utf-8")).group(1), p.name, p)
                   for p in (site.root / "exemplars").glob("guong-mau-tong-hop-*.md"))
    merged, per_day = [], {}
    for day, _, path in dated:  # merged on its day, a few minutes after the one before
        n = per_day[day] = per_day.get(day, -1) + 1
        merged.append((path, datetime.combine(date.fromisoformat(day), datetime.min.time(), VIETNAM)
                       + timedelta(hours=8, minutes=7 * n)))
    commit_each(site.root, merged)
    out = tmp_path / "out"
    written = write_feeds(site.root, out)
    assert len([url for url in written if url == "feed/trang/20.xml"]) == 1  # 1,004 changes: twenty pages of 50
    result = subprocess.run([sys.executable, str(shared_file("tools/validate-feeds")), str(out), SITE_URL, "--warnings"],
                            capture_output=True, text=True, timeout=1800)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr
    assert result.stdout.strip().endswith(f"{len(written)} feeds, 0 with errors or warnings")
