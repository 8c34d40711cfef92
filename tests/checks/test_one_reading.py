"""One reading: `thidua check` judges what the build renders of a body, so check and build agree on every
link — whatever check accepts publishes no URL the policy refuses, and whatever the renderer would publish
that the policy refuses, check refuses (at the line where the URL is written)."""

from __future__ import annotations

import html5lib
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from support import REPO
from thidua.checks import links, reading
from thidua.checks.rendering import body_renderer, page_link, site_markdown, story_renderer
from thidua.checks.sanitize import clean_html
from thidua.content.source import Document

SITE = reading.Reading(REPO)
STORY = story_renderer(*site_markdown(REPO))  # what the build renders a story with
PAGE = body_renderer(*site_markdown(REPO), page_links=False)  # MkDocs renders pages with these extensions
URL_ATTRIBUTES = {"href", "src", "srcset", "action", "formaction", "poster", "data", "cite", "background"}

# Six of the seven ways a link got past the old line-by-line reading, each published as href="//evil…".
HOLES = {
    "an unmatched backtick before the link": "Một dấu ` lẻ rồi [bấm](//evil.example/a)",
    "a newline after the parenthesis": "[bấm](\n//evil.example/b)",
    "a reference whose URL is on the next line": "[bấm][p]\n\n[p]:\n  //evil.example/c",
    "a newline before = in raw HTML": '<a href\n="//evil.example/d">trang</a>',
    "an indented fence": "    ```\n[bấm](//evil.example/e)",
    "a fence never closed": "```\nmã chưa đóng\n\n[bấm](//evil.example/f)",
}  # the seventh, Markdown in a unit's name, is tests/site/test_editors_guide.py's


def urls_by_another_parser(fragment: str) -> list[str]:
    """Every URL attribute as html5lib (not the sanitiser's html5ever) reads the fragment."""
    tree = html5lib.parseFragment(fragment, namespaceHTMLElements=False)
    found = []
    for element in tree.iter():
        for name, value in element.attrib.items():
            local = name[1] if isinstance(name, tuple) else name.rpartition(":")[2]
            if local in URL_ATTRIBUTES:
                found += [c.split()[0] for c in value.split(",") if c.split()] if local == "srcset" else [value]
    return found


def refused(urls: list[str], story: bool) -> list[str]:
    return [url for url in urls if not links.allowed(url, site_paths=not story)]


def build(body: str, story: bool) -> tuple[str, str]:
    """(the renderer's HTML, the HTML the build publishes) of a body."""
    rendered = (STORY if story else PAGE)(body)[0]
    return rendered, clean_html(rendered, "noopener nofollow" if story else None, site_paths=not story)


def check(body: str, story: bool) -> list:
    return reading.body_problems(Document("exemplars/x.md", {}, body, 12), story=story, reading=SITE)


@pytest.mark.parametrize("story", [True, False], ids=["story", "page"])
@pytest.mark.parametrize("hole", HOLES)
def test_a_link_the_old_reading_missed_is_refused_at_its_line_and_never_published(hole, story):
    body = HOLES[hole]
    rendered, published = build(body, story)
    assert refused(urls_by_another_parser(rendered), story)  # the renderer makes the link…
    assert refused(urls_by_another_parser(published), story) == []  # …the sanitiser drops it…
    problems = check(body, story)  # …and check refuses it where it is written
    assert [p.line for p in problems] == [12 + body[:body.index("//evil")].count("\n")], problems
    assert "bắt đầu bằng // nên có thể dẫn sang trang lạ" in problems[0].message


@pytest.mark.parametrize("url, story, verdict", [
    ("https://binhthuan.gov.vn/", True, None), ("mailto:a@b.vn", True, None), ("#muc", True, None),
    ("../phong-trao/", False, None), ("/guong-dien-hinh/", False, None), ("vi-du.md#muc", False, None),
    ("../phong-trao/", True, links.NOT_HTTPS), ("http://x.vn/", False, links.NOT_HTTPS_OR_SITE),
    ("//evil.example", False, links.PROTOCOL_RELATIVE), (" /\t/evil.example", False, links.PROTOCOL_RELATIVE),
    ("/\\evil.example", False, links.PROTOCOL_RELATIVE), ("\\\\evil.example", False, links.PROTOCOL_RELATIVE),
    ("https:\\\\evil.example", True, links.NOT_HTTPS), ("jav\tascript:x", False, links.NOT_HTTPS_OR_SITE),
    ("data:text/html,x", False, links.NOT_HTTPS_OR_SITE), ("https:evil.example", True, links.NOT_HTTPS),
])
def test_the_link_policy(url, story, verdict):
    assert links.refusal(url, site_paths=not story) == verdict


PIECES = ["`", "```", "~~~", "    ", "\n", "\n\n", "[", "]", "(", ")", "[x]", "](", "[p]", "[p]:", ": ", "<", ">",
          "<a href", "<a href=", '"', "'", "=", "</a>", "<div markdown=\"1\">", "</div>", "//evil.example/",
          "javascript:", "\\", "https://ok.vn/", "x ", "&#x09;", "&#47;", "!", "*", "{: href=//evil.example }", "\t"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=24).map("".join), st.booleans())
@example("Một dấu ` lẻ rồi [bấm](//evil.example/a)", True)
@example("[bấm](\n//evil.example/b)", False)
@example("[bấm][p]\n\n[p]:\n  //evil.example/c", True)
@example('<a href\n="//evil.example/d">trang</a>', False)
@example("    ```\n[bấm](//evil.example/e)", True)
@example("```\nmã chưa đóng\n\n[bấm](//evil.example/f)", False)
@example("[x](/\\evil.example)", True)
@example('<a href="&#47;/evil.example">x</a>', False)
def test_check_and_build_agree_on_every_link(body, story):
    rendered, published = build(body, story)
    assert refused(urls_by_another_parser(published), story) == []  # nothing refused ever publishes
    problems = check(body, story)
    if refused(urls_by_another_parser(rendered), story):  # the renderer made a link the policy refuses
        assert problems, body
    if not problems:
        assert refused(urls_by_another_parser(rendered), story) == [], body


@given(st.lists(st.sampled_from([*"/\\.:#?%@ \t\nmdaxhtps-", "index", ".md", "//", "https://", "javascript:"]),
                max_size=12).map("".join))
def test_rewriting_a_storys_links_to_markdown_sources_never_changes_their_verdict(href):
    assert links.allowed(page_link(href), site_paths=False) == links.allowed(href, site_paths=False)


def test_an_extension_markdown_cannot_load_is_named_once_and_every_body_is_still_read(site):
    from thidua.checks.loader import load

    config = site.root / "mkdocs.yml"
    config.write_text(config.read_text("utf-8").replace("  - admonition\n", "  - admonitionx\n"), "utf-8")
    line = config.read_text("utf-8").split("\n").index("  - admonitionx") + 1
    site.exemplar("doc-hai", body="[bấm](\n//evil.example/)")
    assert [str(p) for p in load(site.root).errors] == [
        "exemplars/doc-hai.md:13: nội dung: liên kết “//evil.example/” bắt đầu bằng // nên có thể dẫn sang trang lạ: "
        "hãy viết đầy đủ https://… (protocol-relative link)",
        f"mkdocs.yml:{line}: markdown_extensions: không nạp được phần mở rộng Markdown “admonitionx”: hãy xóa hoặc "
        "sửa tên, chỉ ghi các phần mở rộng đã cài (unknown Markdown extension)"]


def test_a_shape_that_recurses_past_the_limits_is_refused_by_check_never_an_internal_error(monkeypatch):
    from thidua.checks import bounds

    monkeypatch.setattr(bounds, "body_problems", lambda doc: [])  # as if the limits had not foreseen it
    body = '<div markdown="1">\n' * 499 + "x\n" + "</div>\n" * 499
    assert [(p.line, p.message) for p in check(body, story=True)] == [(12, reading.TOO_DEEP_TO_RENDER)]
