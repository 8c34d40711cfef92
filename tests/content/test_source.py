"""Reading a content file: every unreadable file is a Problem with its line, never a traceback."""

import pytest
from thidua.content.problems import ContentError
from thidua.content.source import parse_document, read_document


def problem_of(text: str):
    with pytest.raises(ContentError) as caught:
        parse_document(text, "exemplars/x.md")
    [problem] = caught.value.problems
    return problem


def test_front_matter_keys_know_their_lines():
    doc = parse_document("---\ntitle: A\nmovements:\n  - a\n  - b\n---\nBody\n", "x.md")
    assert doc.meta == {"title": "A", "movements": ["a", "b"]}
    assert doc.lines["title"] == 2 and doc.lines["movements[1]"] == 5
    assert doc.body_line == 7 and doc.body == "Body\n"


def test_dates_stay_text_so_that_impossible_dates_get_our_message():
    doc = parse_document("---\ndate: 2023-02-30\n---\n", "x.md")
    assert doc.meta["date"] == "2023-02-30"


def test_an_empty_file_is_named():
    assert "tệp rỗng" in problem_of("  \n").message


def test_missing_front_matter_is_named_on_line_one():
    problem = problem_of("title: A\n")
    assert (problem.line, "thiếu phần đầu YAML" in problem.message) == (1, True)


def test_unclosed_front_matter_is_named():
    assert "chưa được đóng" in problem_of("---\ntitle: A\n").message


def test_a_tab_is_named_on_its_line():
    problem = problem_of("---\ntitle: A\n\tname: B\n---\n")
    assert problem.line == 3 and "Tab" in problem.message


def test_yaml_syntax_errors_point_at_their_line():
    problem = problem_of("---\ntitle: A\nname: [unclosed\nunit: x\n---\n")
    assert problem.line in (3, 4, 5) and "cú pháp YAML" in problem.message


def test_aliases_are_refused_so_no_alias_bomb_can_expand():
    problem = problem_of("---\na: &x [1, 2]\nb: *x\n---\n")
    assert problem.line == 3 and "bí danh" in problem.message


def test_deep_nesting_is_refused():
    assert "lồng nhau quá sâu" in problem_of("---\na: " + "[" * 40 + "]" * 40 + "\n---\n").message


def test_duplicate_keys_are_refused_on_the_second_line():
    problem = problem_of("---\ntitle: A\ntitle: B\n---\n")
    assert problem.line == 3 and problem.field == "title"


def test_front_matter_must_be_a_mapping():
    assert "khóa: giá trị" in problem_of("---\n- a\n---\n").message


def test_non_utf8_files_name_the_line_of_the_first_bad_byte(tmp_path):
    path = tmp_path / "x.md"
    windows_1258 = "name: Đoàn\n".encode("cp1258")  # what a legacy Vietnamese editor saves
    path.write_bytes("---\ntitle: A\n".encode() + windows_1258 + b"---\n")
    with pytest.raises(ContentError) as caught:
        read_document(path, tmp_path)
    [problem] = caught.value.problems
    assert problem.line == 3 and "không phải UTF-8" in problem.message


def test_utf16_files_are_named(tmp_path):
    path = tmp_path / "x.md"
    path.write_bytes("---\ntitle: A\n---\n".encode("utf-16"))
    with pytest.raises(ContentError) as caught:
        read_document(path, tmp_path)
    assert "UTF-16" in caught.value.problems[0].message


def test_a_bom_and_windows_line_ends_are_accepted(tmp_path):
    path = tmp_path / "x.md"
    path.write_bytes("\ufeff---\r\ntitle: Thi đua\r\n---\r\nBody\r\n".encode())
    doc = read_document(path, tmp_path)
    assert doc.meta == {"title": "Thi đua"} and doc.body == "Body\n"


def test_oversized_files_are_refused_before_parsing(tmp_path):
    path = tmp_path / "x.md"
    path.write_bytes(b"---\ntitle: A\n---\n" + b"a" * 1_100_000)
    with pytest.raises(ContentError) as caught:
        read_document(path, tmp_path)
    assert "quá lớn" in caught.value.problems[0].message


def test_a_billion_laughs_is_refused_at_its_first_alias():
    bomb = "---\na: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
    bomb += "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n---\n"
    problem = problem_of(bomb)
    assert problem.line == 3 and "bí danh" in problem.message
