"""The `thidua` command as editors and CI use it."""

from thidua.cli.main import main


def run(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_check_is_silent_and_succeeds_on_clean_content(site, capsys):
    code, out, err = run(capsys, "--root", str(site.root), "check")
    assert (code, out) == (0, "") and "hợp lệ" in err


def test_check_prints_one_line_per_problem_and_fails(site, capsys):
    site.exemplar("hong", unit="phan-thiet-x", date="2023-02-30")
    code, out, err = run(capsys, "--root", str(site.root), "check")
    assert code == 1
    assert out.splitlines() == [
        "exemplars/hong.md:5: unit: đơn vị “phan-thiet-x” không tồn tại (unknown unit); "
        "có phải ý bạn là “phan-thiet”? (did you mean)",
        "exemplars/hong.md:8: date: ngày 2023-02-30 không tồn tại (impossible date)",
    ]
    assert "Traceback" not in out + err


def test_check_speaks_github_annotations(site, capsys):
    site.exemplar("hong", kind="nhom")
    code, out, _ = run(capsys, "--root", str(site.root), "check", "--format", "github")
    assert code == 1 and out.startswith("::error file=exemplars/hong.md,line=3,title=kind::")


def test_build_refuses_invalid_content_without_touching_site(site, capsys):
    site.exemplar("hong", movements=["khong-co"])
    code, out, err = run(capsys, "--root", str(site.root), "build")
    assert code == 1 and "exemplars/hong.md:7: movements[0]" in out
    assert not (site.root / "site").exists()


def test_build_as_of_a_date_leaves_later_stories_out(site, capsys):
    site.exemplar("tuong-lai", date="2024-01-15", title="Bài chưa đến ngày đăng")
    code, _, _ = run(capsys, "--root", str(site.root), "build", "--as-of", "2023-12-31")
    assert code == 0
    assert not (site.root / "site" / "guong-dien-hinh" / "tuong-lai").exists()
    assert "Bài chưa đến ngày đăng" not in site.page("")
    code, _, _ = run(capsys, "--root", str(site.root), "build", "--as-of", "2024-01-15")
    assert (site.root / "site" / "guong-dien-hinh" / "tuong-lai" / "index.html").is_file()


def test_a_bad_build_date_is_a_usage_error(site, capsys):
    code, _, err = run(capsys, "--root", str(site.root), "build", "--as-of", "31/12/2023")
    assert code == 2 and "YYYY-MM-DD" in err


def test_thidua_as_of_in_the_environment_is_the_default_build_date(site, capsys, monkeypatch):
    site.exemplar("tuong-lai", date="2024-01-15", title="Bài chưa đến ngày đăng")
    monkeypatch.setenv("THIDUA_AS_OF", "2024-01-15")
    code, _, _ = run(capsys, "--root", str(site.root), "build")
    assert code == 0 and (site.root / "site" / "guong-dien-hinh" / "tuong-lai" / "index.html").is_file()


def test_thidua_alone_prints_its_help_in_vietnamese_and_succeeds(capsys):
    code, out, _ = run(capsys)
    assert code == 0
    assert out.startswith("cách dùng: thidua") and "tùy chọn:" in out and "in hướng dẫn này rồi thoát" in out
    assert "usage:" not in out and "options:" not in out and "show this help" not in out


def test_usage_errors_are_in_vietnamese(capsys):
    code, _, err = run(capsys, "check", "--format", "xml")
    assert code == 2
    assert "thidua check: lỗi: tham số --format: lựa chọn không hợp lệ: 'xml'" in err
    assert "error:" not in err and "invalid choice" not in err


def test_root_may_follow_the_subcommand(site, capsys):
    code, _, err = run(capsys, "check", "--root", str(site.root))
    assert code == 0 and "hợp lệ" in err


def test_run_from_a_subfolder_the_command_finds_the_root_and_names_paths_from_it(site, capsys, monkeypatch):
    site.exemplar("hong", date="2023-02-30")
    monkeypatch.chdir(site.root / "exemplars")
    code, out, _ = run(capsys, "check")
    assert (code, out) == (1, "exemplars/hong.md:8: date: ngày 2023-02-30 không tồn tại (impossible date)\n")
    code, out, _ = run(capsys, "check", "hong.md")  # a file named from where the editor stands
    assert code == 1 and out.startswith("exemplars/hong.md:8:")
    code, out, _ = run(capsys, "new", "--title", "Bài từ thư mục con", "--kind", "collective", "--name", "Tổ mẫu",
                       "--unit", "phu-quy", "--movement", "cai-cach-hanh-chinh", "--date", "2023-11-02")
    assert code == 0 and (site.root / "exemplars" / "bai-tu-thu-muc-con.md").is_file()


def test_run_outside_any_repository_the_command_says_where_to_run_it(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    code, out, err = run(capsys, "check")
    assert (code, out) == (2, "")
    assert err == ("thidua: không tìm thấy mkdocs.yml ở thư mục này hay các thư mục cha: hãy chạy lệnh trong thư mục "
                   "gốc của kho nội dung, nơi có mkdocs.yml, content/ và exemplars/ (repository root not found)\n")


def test_a_root_without_its_taxonomy_files_is_a_problem_not_a_crash(tmp_path, capsys):
    (tmp_path / "mkdocs.yml").write_text("site_name: x\n", "utf-8")
    code, out, err = run(capsys, "--root", str(tmp_path), "check")
    assert code == 1 and "lỗi nội bộ" not in err
    for name in ("unit-types.yml", "movement-kinds.yml"):
        assert (f"content/{name}:1: -: thiếu tệp content/{name}: tệp này khai báo các mã mà nội dung dùng, hãy khôi "
                "phục tệp (missing file)") in out.splitlines()
