"""`thidua check` as editors and CI use it: chosen files, GitHub annotations, warnings and exit codes."""

from __future__ import annotations

import contextlib
import io

import pytest
from thidua.cli.main import main


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(argv))
    return code, out.getvalue(), err.getvalue()


def test_the_same_name_and_unit_twice_is_a_warning_naming_the_other_file(site):
    site.exemplar("to-tu-quan-a", name="Tổ tự quản khu phố 5")
    site.exemplar("to-tu-quan-b", name="To tu quan  khu pho 5", date="2023-11-01")  # typed without accents
    code, out, _ = run("--root", str(site.root), "check")
    assert code == 0
    assert out.splitlines() == [
        "exemplars/to-tu-quan-a.md:4: name: cảnh báo: có thể trùng với bài “exemplars/to-tu-quan-b.md” (cùng tên "
        "“Tổ tự quản khu phố 5” và đơn vị “phan-thiet”): nếu là cùng một câu chuyện, hãy sửa bài cũ thay vì gửi "
        "bài mới (possible duplicate)",
        "exemplars/to-tu-quan-b.md:4: name: cảnh báo: có thể trùng với bài “exemplars/to-tu-quan-a.md” (cùng tên "
        "“To tu quan  khu pho 5” và đơn vị “phan-thiet”): nếu là cùng một câu chuyện, hãy sửa bài cũ thay vì gửi "
        "bài mới (possible duplicate)",
    ]


def test_the_same_name_in_another_unit_is_no_duplicate(site):
    site.exemplar("to-tu-quan-a", name="Tổ tự quản khu phố 5")
    site.exemplar("to-tu-quan-b", name="Tổ tự quản khu phố 5", unit="la-gi")
    assert run("--root", str(site.root), "check")[:2] == (0, "")


def test_check_with_paths_reports_only_those_files_but_checks_references_against_everything(site):
    site.exemplar("bai-a", unit="phan-thiett")
    site.exemplar("bai-b", kind="ca-nhan")
    code, out, _ = run("--root", str(site.root), "check", "exemplars/bai-a.md")
    assert code == 1
    assert out.splitlines() == ["exemplars/bai-a.md:5: unit: đơn vị “phan-thiett” không tồn tại (unknown unit); "
                                "có phải ý bạn là “phan-thiet”? (did you mean)"]
    code, out, _ = run("--root", str(site.root), "check", str(site.root / "exemplars" / "bai-b.md"))
    assert (code, out.splitlines()) == (1, ["exemplars/bai-b.md:3: kind: chỉ nhận individual (cá nhân) hoặc "
                                            "collective (tập thể) (wrong kind); có phải ý bạn là “individual”? "
                                            "(did you mean)"])


def test_a_chosen_file_still_hears_about_its_duplicate_among_the_others(site):
    site.exemplar("bai-cu", name="Tổ tự quản khu phố 5")
    site.exemplar("bai-moi", name="Tổ tự quản khu phố 5")
    code, out, _ = run("--root", str(site.root), "check", "exemplars/bai-moi.md")
    assert code == 0
    assert out.splitlines() == [
        "exemplars/bai-moi.md:4: name: cảnh báo: có thể trùng với bài “exemplars/bai-cu.md” (cùng tên “Tổ tự quản "
        "khu phố 5” và đơn vị “phan-thiet”): nếu là cùng một câu chuyện, hãy sửa bài cũ thay vì gửi bài mới "
        "(possible duplicate)"]


def test_a_clean_chosen_file_passes_although_another_file_is_broken(site):
    site.exemplar("bai-tot")
    site.exemplar("bai-hong", date="2023-02-30")
    assert run("--root", str(site.root), "check", "exemplars/bai-tot.md")[:2] == (0, "")
    assert run("--root", str(site.root), "check")[0] == 1


def test_github_format_annotates_the_line_with_errors_and_warnings(site):
    site.exemplar("bai-a", unit="phan-thiett", body="Hòa thuận.\nHoà mình.")
    code, out, _ = run("--root", str(site.root), "check", "--format", "github")
    assert code == 1
    assert out.splitlines() == [
        "::error file=exemplars/bai-a.md,line=5,title=unit::đơn vị “phan-thiett” không tồn tại (unknown unit); "
        "có phải ý bạn là “phan-thiet”? (did you mean)",
        "::warning file=exemplars/bai-a.md,line=13,title=nội dung::trộn hai kiểu bỏ dấu: “hòa” (kiểu cũ) và “hoà” "
        "(kiểu mới); hãy dùng một kiểu trong cả bài (mixed tone placement)",
    ]


def test_github_annotation_properties_are_escaped(site):
    site.exemplar("a").rename(site.root / "exemplars" / "a,b.md")
    code, out, _ = run("--root", str(site.root), "check", "--format", "github")
    assert out.splitlines() == [
        "::error file=exemplars/a%2Cb.md,line=1,title=id::tên tệp “a,b.md” phải là mã viết thường, không dấu, nối "
        "bằng gạch ngang, ví dụ to-tu-quan-khu-pho-1.md (file name is not a slug)"]


def test_qua_and_qua_with_a_tone_are_not_mixed_tone_placement(site):
    site.exemplar("bai-a", body="Đi qua cầu, quả ngọt, quý giá, hoàng hôn, thuyết minh, hòa khí, thúy.")
    assert run("--root", str(site.root), "check")[:2] == (0, "")


@pytest.mark.parametrize("argv", [
    ["check", "--bogus"],
    ["check", "--format", "xml"],
    ["check", "exemplars/khong-co.md"],
    ["frobnicate"],
])
def test_bad_usage_exits_2(site, argv):
    code, out, _ = run("--root", str(site.root), *argv)
    assert code == 2
    assert out == "" or out.startswith("cách dùng:")


def test_a_root_that_is_not_a_folder_is_bad_usage(tmp_path):
    code, _, err = run("--root", str(tmp_path / "khong-co"), "check")
    assert code == 2
    assert "không tìm thấy thư mục gốc" in err


def test_a_path_outside_the_repository_is_bad_usage(site, tmp_path):
    outside = tmp_path / "ngoai.md"
    outside.write_text("x", encoding="utf-8")
    code, _, err = run("--root", str(site.root), "check", str(outside))
    assert code == 2
    assert "nằm ngoài kho nội dung" in err
