"""mkdocs.yml is content too: the keys the theme prints raw are plain text, checked like a title; anchors,
aliases and impossible dates are refused before MkDocs reads the file — by `thidua check` and `thidua build`
alike, as `mkdocs.yml:line: key: message`."""

from __future__ import annotations

import time

import pytest
from support import REPO
from thidua.cli.main import main
from thidua.site.settings import config_problems

CONFIG = (REPO / "mkdocs.yml").read_text("utf-8")


def with_config(site, old: str, new: str):
    assert old in CONFIG
    (site.root / "mkdocs.yml").write_text(CONFIG.replace(old, new, 1), encoding="utf-8")
    return site.root


def line_of(text: str) -> int:
    return CONFIG.split(text, 1)[0].count("\n") + 1


AUTHOR = "site_author: Ban Thi đua – Khen thưởng tỉnh Bình Thuận"


@pytest.mark.parametrize("key", ["site_author", "copyright", "site_description", "site_name"])
@pytest.mark.parametrize("payload", ['"\\"><script>alert(1)</script>"', "<img src=x onerror=alert(1)>",
                                     '"Ban \\" onmouseover=\\"alert(1)"', "Ban &#60;script&#62;"])
def test_markup_in_a_key_the_theme_prints_raw_is_refused_at_its_line(site, key, payload):
    old = next(line for line in CONFIG.splitlines() if line.startswith(f"{key}:"))
    root = with_config(site, old, f"{key}: {payload}")
    problems = [str(p) for p in config_problems(root)]
    assert problems == [f"mkdocs.yml:{line_of(old)}: {key}: không được chứa “<”, “>”, dấu ngoặc kép thẳng (\") "
                        "hay mã ký tự (&…;): giao diện in thẳng giá trị này vào mã trang; nếu cần ngoặc kép, dùng “ ” "
                        "(markup not allowed)"]


@pytest.mark.parametrize(("value", "words"), [
    ('"Ban\\u202eThi đua"', "hướng chữ U+202E"),
    ('"Ban\\u200bThi đua"', "vô hình U+200B"),
    ('"Ban\\x1bThi đua"', "điều khiển không in được (U+001B)"),
    ("A" * 201, "dài 201 ký tự, tối đa 200 (too long)"),
    ("No", "phải là chuỗi chữ (wrong type)"),
    ("", "đang để trống"),
])
def test_invisible_control_characters_length_and_type_are_checked_like_a_title(site, value, words):
    root = with_config(site, AUTHOR, f"site_author: {value}")
    [problem] = config_problems(root)
    assert (problem.line, problem.field) == (line_of(AUTHOR), "site_author") and words in problem.message


@pytest.mark.parametrize(("old", "new", "field"), [
    ("attribution: Thi đua nước rút Bình Thuận 2023", "attribution: <b>Nguồn</b>", "extra.thidua.attribution"),
    ("short_name: Thi đua Bình Thuận", 'short_name: "\\"><svg onload=alert(1)>"', "extra.thidua.short_name"),
    ("    name: CC BY 4.0", "    name: CC BY <i>4.0</i>", "extra.thidua.licence.name"),
    ("address: Ban Thi đua", "address: <script>x</script> Ban Thi đua", "extra.thidua.press_contact.address"),
    ("  - Giới thiệu: gioi-thieu.md", "  - <img src=x onerror=alert(1)>: gioi-thieu.md", "nav[5]"),
])
def test_texts_under_extra_and_menu_titles_are_plain_text_too(site, old, new, field):
    root = with_config(site, old, new)
    [problem] = config_problems(root)
    assert (problem.line, problem.field) == (line_of(old), field) and "(markup not allowed)" in problem.message


def test_the_repository_config_is_plain_text():
    assert config_problems(REPO) == []


def test_an_alias_bomb_under_extra_is_refused_at_its_first_anchor_in_linear_time(site):
    bomb = "  a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"  {chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]\n" for i in range(8))
    root = with_config(site, "extra:\n", "extra:\n" + bomb)
    start = time.perf_counter()
    [problem] = config_problems(root)
    assert time.perf_counter() - start < 1
    assert str(problem) == (f"mkdocs.yml:{line_of('extra:') + 1}: extra.a: không dùng neo và bí danh YAML "
                            "(&tên, *tên): hãy viết đầy đủ giá trị (YAML anchor or alias)")


def test_deep_nesting_is_refused_before_mkdocs_reads_it(site):
    root = with_config(site, "extra:\n", "extra:\n  deep: " + "[" * 5000 + "]" * 5000 + "\n")
    [problem] = config_problems(root)
    assert problem.line == line_of("extra:") + 1 and "lồng nhau quá sâu" in problem.message


@pytest.mark.parametrize(("written", "value"), [("as_of: 2023-02-30", "2023-02-30"),
                                                ('as_of: "2023-13-01"', "2023-13-01")])
def test_an_impossible_build_date_is_named_at_its_line(site, written, value):
    root = with_config(site, "    # as_of: 2023-12-31", f"    {written}")
    [problem] = config_problems(root)
    assert str(problem) == (f"mkdocs.yml:{line_of('# as_of: 2023-12-31')}: extra.thidua.as_of: "
                            f"ngày {value} không tồn tại (impossible date)")


def test_check_and_build_both_refuse_with_the_same_words_and_the_old_site_stays(site, capsys):
    root = with_config(site, AUTHOR, 'site_author: "\\"><script>alert(1)</script>"')
    (root / "site").mkdir()
    (root / "site" / "index.html").write_text("cũ", encoding="utf-8")
    assert main(["--root", str(root), "check"]) == 1
    checked = capsys.readouterr().out
    assert f"mkdocs.yml:{line_of(AUTHOR)}: site_author: không được chứa" in checked
    assert main(["--root", str(root), "build", "--as-of", "2023-12-31"]) == 1
    built = capsys.readouterr()
    assert f"mkdocs.yml:{line_of(AUTHOR)}: site_author: không được chứa" in built.out
    assert "lỗi nội bộ" not in built.out + built.err
    assert (root / "site" / "index.html").read_text("utf-8") == "cũ"


def test_the_build_names_an_impossible_date_instead_of_failing_inside(site, capsys):
    root = with_config(site, "    # as_of: 2023-12-31", "    as_of: 2023-02-30")
    assert main(["--root", str(root), "build"]) == 1
    out = capsys.readouterr()
    assert "extra.thidua.as_of: ngày 2023-02-30 không tồn tại (impossible date)" in out.out
    assert "lỗi nội bộ" not in out.out + out.err


def test_the_build_refuses_an_alias_before_mkdocs_expands_it(site, capsys):
    bomb = "  a: &a [" + ", ".join(["lol"] * 9) + "]\n" + "".join(
        f"  {chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]\n" for i in range(9))
    root = with_config(site, "extra:\n", "extra:\n" + bomb)
    start = time.perf_counter()
    assert main(["--root", str(root), "build"]) == 1
    assert time.perf_counter() - start < 5
    assert "(YAML anchor or alias)" in capsys.readouterr().out


def test_an_impossible_date_is_said_once_beside_the_other_problems(site):
    root = with_config(site, "    # as_of: 2023-12-31", "    as_of: 2023-02-30")
    (root / "mkdocs.yml").write_text((root / "mkdocs.yml").read_text("utf-8").replace(AUTHOR, "site_author: <b>Ban</b>"),
                                     encoding="utf-8")
    assert [p.field for p in config_problems(root)] == ["site_author", "extra.thidua.as_of"]
