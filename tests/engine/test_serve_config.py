"""`thidua serve` judges mkdocs.yml as check and build do, before MkDocs reads it, and shows why on the page."""

from __future__ import annotations

import re

from test_serve import preview  # noqa: F401 - the fixture: `thidua serve` in a subprocess

AUTHOR = "site_author: Ban Thi đua – Khen thưởng tỉnh Bình Thuận"


def test_a_raw_site_author_is_refused_on_the_page_then_the_fix_shows(site, preview):  # noqa: F811
    config = site.root / "mkdocs.yml"
    original = config.read_text("utf-8")
    line = original.split(AUTHOR, 1)[0].count("\n") + 1
    config.write_text(original.replace(AUTHOR, 'site_author: "\\"><script>alert(1)</script>"'), "utf-8")
    error = f"mkdocs.yml:{line}: site_author: không được chứa"
    status, shown = preview.poll("", lambda status, html: status == 500)
    assert error in shown and "<script>alert(1)</script>" not in shown
    preview.wait_for_line(re.compile(re.escape(error)), 60)

    config.write_text(original, "utf-8")
    preview.poll("", lambda status, html: status == 200, seconds=240)
    assert "Traceback" not in preview.stop()
