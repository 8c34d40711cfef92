"""Story bodies rendered once, as MkDocs renders pages, for the page and syndication (checks/rendering.py)."""

from __future__ import annotations

from thidua.checks.rendering import page_link, story_renderer


def test_links_to_markdown_sources_become_page_urls():
    assert page_link("../x/index.md#muc") == "../x/#muc"
    assert page_link("../x.md") == "../x/"
    assert page_link("https://example.org/a.md") == "https://example.org/a.md"
    assert page_link("#top") == "#top"


def test_a_body_keeps_the_sites_extensions_and_lists_its_headings():
    to_html = story_renderer(["toc", "tables"], {"toc": {"permalink": "¶"}})
    out, toc = to_html("## Mục\n\n| a |\n| - |\n| 1 |\n\n[bài khác](../khac/index.md#muc) ![ảnh](anh.md)")
    assert "<table>" in out and 'id="muc"' in out and "¶" in out  # the page's permalinks; syndication drops them
    assert 'href="../khac/#muc"' in out and 'src="anh/"' in out
    assert [t["id"] for t in toc] == ["muc"]


def test_each_body_is_rendered_on_its_own():
    to_html = story_renderer(["toc"], {})
    to_html("## Trùng\n")
    assert 'id="trung"' in to_html("## Trùng\n")[0]  # no "trung_1": the renderer forgets the previous story
