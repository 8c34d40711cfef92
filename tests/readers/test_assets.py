"""Our stylesheet and scripts are published under content-hashed names only, so hosts may cache them long."""

from __future__ import annotations

import re

from thidua.editors import cms
from thidua.readers.assets import hashed_name

HASHED = re.compile(r"^assets/(thidua|thidua-search|thidua-menu)\.[0-9a-f]{8,}\.(css|js)$")  # the host's cache rule


def test_a_hashed_name_changes_with_the_content_and_keeps_the_extension():
    first = hashed_name("assets/thidua.css", b"a { color: red }")
    assert HASHED.match(first) and first.endswith(".css")
    assert hashed_name("assets/thidua.css", b"a { color: red }") == first
    assert hashed_name("assets/thidua.css", b"a { color: blue }") != first


FORM_ASSETS = {asset.name for asset in (cms.SCRIPT, cms.RULES_SCRIPT, cms.STYLESHEET)}


def test_pages_link_one_stylesheet_of_ours_and_hashed_scripts(built_repo):
    assets = sorted(p.relative_to(built_repo.root / "site").as_posix()
                    for p in (built_repo.root / "site" / "assets").glob("thidua*")
                    if p.name not in FORM_ASSETS)  # the web form's own, loaded by its page only
    assert len(assets) == 4 and all(HASHED.match(a) for a in assets), assets
    home = built_repo.page("")
    ours = re.findall(r'<link rel="stylesheet" href="(assets/thidua[^"]*)"', home)
    assert len(ours) == 1 and ours[0] in assets
    assert re.search(r'src="assets/thidua-menu\.[0-9a-f]+\.js" defer', home)
    search = built_repo.page("tim-kiem/")
    assert re.search(r'<script type="module" src="\.\./assets/thidua-search\.[0-9a-f]+\.js">', search)
