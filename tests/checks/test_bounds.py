"""Limits on a Markdown body, checked in one pass before Markdown sees it."""

import pytest
from thidua.checks.bounds import MAX_NESTING, body_problems, nesting
from thidua.content.source import Document


def problems(body: str) -> list[str]:
    return [f"{p.line}: {p.message.rsplit('(', 1)[1]}" for p in body_problems(Document("x.md", {}, body, 10))]


@pytest.mark.parametrize("line, depth", [
    ("Đoạn văn.", 0), ("- mục", 1), ("  - mục", 1), ("    - mục", 2), ("> > trích", 2), ("1. một", 1),
    ("- - - x", 3), ("---", 0), ("* * *", 3), ("\t\t- mục", 3), ("2023. Năm", 1), ("2023 là năm", 0),
])
def test_nesting_counts_indentation_and_the_markers_that_start_a_line(line, depth):
    assert nesting(line) == depth


def test_a_real_page_is_within_every_limit():
    body = "## Mục\n\n- một\n    - hai\n\n> trích [liên kết](https://x.vn/) <b>đậm</b>\n\n" * 100
    assert problems(body) == []


def test_each_limit_is_reported_once_at_its_first_breach():
    body = "\n".join(["ổn", "> " * (MAX_NESTING + 1), "> " * 50, "[" * 21, "<a:" * 101, "x" * 10_001])
    assert problems(body) == ["11: lists or quotes nested too deep)", "13: too many open brackets)",
                              "14: too many unclosed tags)", "15: line too long)"]


def test_too_many_headings_and_open_parentheses_are_refused():
    assert problems("# Mục\n\n" * 301 + "(" * 21) == ["610: too many headings)", "612: too many open parentheses)"]


def test_brackets_close_and_a_blank_line_ends_the_paragraph():
    assert problems("[a] " * 100 + "\n" + "[" * 15 + "\n\n" + "[" * 15) == []


def test_a_closing_angle_bracket_resets_the_count_of_open_tags_but_not_of_all_tags():
    assert problems("<a:>" * 1_000) == []
    assert problems("<b>x</b>\n" * 500 + "<br>") == ["510: too many HTML tags)"]


def test_raw_html_blocks_nested_past_the_limit_are_refused_where_the_limit_is_crossed():
    assert problems('<div markdown="1">\n' * 20 + "x\n" + "</div>\n" * 20) == []
    assert problems('<section>\n' * 21) == ["30: HTML nested too deep)"]
    assert problems('<div markdown="1">' * 100 + "x" + "</div>" * 100) == ["10: HTML nested too deep)"]
    assert problems("<span>" * 200 + "<p>" * 200 + "<li>" * 200 + "<div/" * 200) == ["10: too many unclosed tags)"]


def test_emphasis_opened_past_the_limit_in_one_paragraph_is_refused():
    assert problems("**đậm** và *nghiêng*, " * 400) == []  # closed as it opens
    assert problems("*a " * 21 + "b") == ["10: emphasis nested too deep)"]
    assert problems("*a " * 15 + "\n\n" + "*a " * 15) == []  # a blank line ends the paragraph
    assert problems("snake_case_name 2 * 3 = 6 * * *\n\n***\n\n" + "_" * 30) == []  # inside words, alone, rules
