"""`thidua new` gives a file with every key explained whose only errors are the sentences still to write."""

from __future__ import annotations

import contextlib
import io
import sys

import pytest
from thidua.checks.schemas import load_schema
from thidua.cli.main import main
from thidua.cli.scaffold import SCHEMA_LINE
from thidua.content.source import parse_document

FLAGS = ["--title", "Tổ tự quản “Đường làng xanh” ở Phú Quý!", "--kind", "collective",
         "--name", "Tổ tự quản thôn 3", "--unit", "phu-quy", "--movement", "cai-cach-hanh-chinh",
         "--movement", "Văn hóa công sở", "--date", "2023-11-02"]


def run(root, *argv: str, stdin: io.StringIO | None = None) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    previous = sys.stdin
    sys.stdin = stdin if stdin is not None else io.StringIO("")
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(["--root", str(root), *argv])
    finally:
        sys.stdin = previous
    return code, out.getvalue(), err.getvalue()


class Terminal(io.StringIO):
    """Answers typed at the prompts of an interactive terminal."""

    def isatty(self) -> bool:
        return True


PLACEHOLDER = "còn câu mẫu của thidua new chưa được thay: hãy viết nội dung thật (placeholder text)"
COLLECTIVE_FILE = "exemplars/to-tu-quan-duong-lang-xanh-o-phu-quy.md"
INDIVIDUAL_FILE = "exemplars/chi-nguyen-thi-mau-giup-nguoi-dan-nop-ho-so.md"


def test_new_writes_every_key_and_check_refuses_the_file_until_its_sentences_are_written(site):
    code, out, _ = run(site.root, "new", *FLAGS)
    assert code == 0
    assert out.startswith(f"Đã tạo {COLLECTIVE_FILE}\n")
    path = site.root / COLLECTIVE_FILE
    lines = path.read_text("utf-8").splitlines()
    assert lines[:2] == ["---", SCHEMA_LINE]
    for key in load_schema("exemplar")["properties"]:
        assert any(line.startswith((f"{key}:", f"# {key}:")) for line in lines), key
    assert "  - van-hoa-cong-so" in lines  # a movement given by its name is resolved to its id

    code, out, _ = run(site.root, "new", "--title", "Chị Nguyễn Thị Mẫu giúp người dân nộp hồ sơ", "--kind",
                       "individual", "--name", "Nguyễn Thị Mẫu", "--unit", "so-ban-nganh-tinh",
                       "--movement", "cai-cach-hanh-chinh", "--date", "2023-11-03", "--consent",
                       "--summary", "Cán bộ một cửa hướng dẫn người dân nộp hồ sơ trực tuyến.")
    assert code == 0
    code, out, _ = run(site.root, "check")
    assert code == 1  # an unedited scaffold is never published
    assert out.splitlines() == [  # only the sentences the editor still has to write
        f"{INDIVIDUAL_FILE}:27: nội dung: {PLACEHOLDER}",
        f"{INDIVIDUAL_FILE}:29: nội dung: {PLACEHOLDER}",
        f"{COLLECTIVE_FILE}:13: summary: {PLACEHOLDER}",
        f"{COLLECTIVE_FILE}:28: nội dung: {PLACEHOLDER}",
        f"{COLLECTIVE_FILE}:30: nội dung: {PLACEHOLDER}",
    ]

    write_the_story(site.root / COLLECTIVE_FILE, "Tổ tự quản thôn 3 giữ đường làng xanh, sạch.")
    write_the_story(site.root / INDIVIDUAL_FILE)
    assert run(site.root, "check")[:2] == (0, "")
    site.build()
    page = site.page("guong-dien-hinh/to-tu-quan-duong-lang-xanh-o-phu-quy/")
    assert "Tổ tự quản thôn 3" in page and "Mỗi đoạn cách nhau" not in page
    assert "Nguyễn Thị Mẫu" in site.page("guong-dien-hinh/chi-nguyen-thi-mau-giup-nguoi-dan-nop-ho-so/")


def test_a_sample_story_may_keep_the_scaffold_sentences_with_a_warning(site):
    run(site.root, "new", *FLAGS)
    path = site.root / COLLECTIVE_FILE
    path.write_text(path.read_text("utf-8").replace("# sample: true", "sample: true"), "utf-8")
    code, out, _ = run(site.root, "check")
    assert code == 0
    assert out.splitlines() == [f"{COLLECTIVE_FILE}:{line}: {field}: cảnh báo: {PLACEHOLDER}"
                                for line, field in ((13, "summary"), (28, "nội dung"), (30, "nội dung"))]


def write_the_story(path, summary: str | None = None) -> None:
    from thidua.checks.placeholders import (
        BODY_HINT,
        BODY_PLACEHOLDER,
        SUMMARY_PLACEHOLDER,
    )

    text = path.read_text("utf-8").replace(BODY_PLACEHOLDER, "Câu chuyện thật của bài.").replace(BODY_HINT, "")
    if summary:
        text = text.replace(SUMMARY_PLACEHOLDER, summary)
    path.write_text(text, "utf-8")


def test_the_id_is_made_unique_against_files_and_old_ids(site):
    site.exemplar("to-tu-quan-mau", aliases=["to-tu-quan-mau-2"])
    run(site.root, "new", "--title", "Tổ tự quản mẫu", *FLAGS[2:])
    assert (site.root / "exemplars" / "to-tu-quan-mau-3.md").is_file()
    run(site.root, "new", "--title", "Tổ tự quản mẫu", *FLAGS[2:])
    assert (site.root / "exemplars" / "to-tu-quan-mau-4.md").is_file()


def test_a_title_without_letters_or_a_very_long_title_still_gives_a_good_id(site):
    run(site.root, "new", "--title", "!!!", *FLAGS[2:])
    assert (site.root / "exemplars" / "guong-dien-hinh.md").is_file()
    run(site.root, "new", "--title", "Gương sáng " * 20, *FLAGS[2:])
    made = sorted(p.stem for p in (site.root / "exemplars").glob("guong-sang-*.md"))
    assert len(made) == 1 and len(made[0]) <= 80 and not made[0].endswith("-")


@pytest.mark.parametrize("flag, value, message", [
    ("--unit", "phan-thiett", "thidua new: đơn vị “phan-thiett” không tồn tại (unknown unit); có phải ý bạn là "
                              "“phan-thiet”? (did you mean)"),
    ("--movement", "cai-cach-hanh-chanh", "thidua new: phong trào “cai-cach-hanh-chanh” không tồn tại (unknown "
                                          "movement); có phải ý bạn là “cai-cach-hanh-chinh”? (did you mean)"),
    ("--date", "2023-02-30", "thidua new: ngày “2023-02-30” không đúng dạng YYYY-MM-DD hoặc không tồn tại (bad date)"),
    ("--date", "31/12/2023", "thidua new: ngày “31/12/2023” không đúng dạng YYYY-MM-DD hoặc không tồn tại (bad date); "
                             "hãy viết “2023-12-31” (ngày 31/12/2023) (date rewritten)"),
])
def test_unknown_units_movements_and_bad_dates_are_refused_before_anything_is_written(site, flag, value, message):
    before = sorted((site.root / "exemplars").iterdir())
    argv = list(FLAGS)
    index = argv.index(flag)
    argv[index + 1] = value
    code, out, err = run(site.root, "new", *argv)
    assert (code, out, err.strip()) == (2, "", message)
    assert sorted((site.root / "exemplars").iterdir()) == before


def test_missing_flags_without_a_terminal_are_bad_usage(site):
    code, _, err = run(site.root, "new", "--title", "Bài mới")
    assert code == 2
    assert "thiếu --kind, --name, --unit, --movement" in err


def test_missing_flags_are_asked_in_a_terminal_and_wrong_answers_asked_again(site):
    answers = Terminal("Bà Trần Thị Mẫu nuôi con mồ côi\nnhầm\ncá nhân\nTrần Thị Mẫu\n"
                       "la-gii\nla-gi\nvi-nguoi-ngheo-khong-de-ai-bo-lai-phia-sau, cai-cach-hanh-chinh\n2023-12-01\nc\n")
    code, out, err = run(site.root, "new", stdin=answers)
    assert code == 0, err
    assert "chỉ nhận individual (cá nhân) hoặc collective (tập thể)" in err
    assert "có phải ý bạn là “la-gi”?" in err
    text = (site.root / "exemplars" / "ba-tran-thi-mau-nuoi-con-mo-coi.md").read_text("utf-8")
    for line in ("kind: individual", "unit: la-gi", "  - vi-nguoi-ngheo-khong-de-ai-bo-lai-phia-sau",
                 "  - cai-cach-hanh-chinh", "date: 2023-12-01", "consent: true"):
        assert f"\n{line}" in text, line
    write_the_story(site.root / "exemplars" / "ba-tran-thi-mau-nuoi-con-mo-coi.md", "Bà Mẫu nuôi hai cháu mồ côi.")
    assert run(site.root, "check")[0] == 0


def test_an_individual_without_consent_is_written_but_does_not_pass_check(site):
    code, _, err = run(site.root, "new", *FLAGS[:2], "--kind", "individual", *FLAGS[4:])
    assert code == 0
    assert "gương cá nhân cần consent: true" in err
    code, out, _ = run(site.root, "check")
    assert code == 1
    assert ("exemplars/to-tu-quan-duong-lang-xanh-o-phu-quy.md:14: consent: gương cá nhân cần consent: true, "
            "nghĩa là người được nêu gương đã đồng ý công bố (consent required)") in out.splitlines()


def test_the_questions_work_in_a_real_terminal(site):
    """`thidua new` in a pseudo-terminal, answered prompt by prompt as a person would."""
    import os
    import pty
    import select
    import sysconfig
    import time
    from pathlib import Path

    thidua = str(Path(sysconfig.get_path("scripts")) / "thidua")
    pid, fd = pty.fork()
    if pid == 0:  # the child becomes `thidua new` with the terminal as its stdin
        try:
            os.chdir(site.root)
            os.execv(thidua, [thidua, "new", "--kind", "collective"])
        finally:
            os._exit(127)  # never run the rest of pytest in the child
    seen = b""

    def expect(prompt: str) -> None:
        nonlocal seen
        deadline = time.monotonic() + 30
        while prompt.encode() not in seen:
            assert time.monotonic() < deadline, seen.decode(errors="replace")
            if select.select([fd], [], [], 0.2)[0]:
                seen += os.read(fd, 4096)

    for prompt, answer in [("Tiêu đề bài viết:", "Đội thanh niên tình nguyện xã Chí Công"),
                           ("nêu gương:", "Đội thanh niên tình nguyện"), ("Mã đơn vị", "Tuy Phong"),
                           ("Mã phong trào", "vi-nguoi-ngheo-khong-de-ai-bo-lai-phia-sau"),
                           ("Ngày đăng", "2023-12-10")]:
        expect(prompt)
        os.write(fd, answer.encode() + b"\n")
    expect("Đã tạo exemplars/doi-thanh-nien-tinh-nguyen-xa-chi-cong.md")
    _, status = os.waitpid(pid, 0)
    os.close(fd)
    assert os.waitstatus_to_exitcode(status) == 0
    text = (site.root / "exemplars" / "doi-thanh-nien-tinh-nguyen-xa-chi-cong.md").read_text("utf-8")
    assert "\nunit: tuy-phong  #" in text and "\ndate: 2023-12-10  #" in text


@pytest.mark.parametrize(("typed", "kind"), [("tập thể", "collective"), ("Cá nhân", "individual"),
                                             ("TẬP THỂ", "collective"), ("ca-nhan", "individual"),
                                             ("collective", "collective")])
def test_kind_takes_the_vietnamese_words_the_question_takes(site, typed, kind):
    argv = list(FLAGS)
    argv[argv.index("--kind") + 1] = typed
    code, out, err = run(site.root, "new", *argv, "--consent")
    assert code == 0, err
    assert parse_document((site.root / COLLECTIVE_FILE).read_text("utf-8"), COLLECTIVE_FILE).meta["kind"] == kind


def test_an_unknown_kind_is_refused_in_the_questions_words(site):
    argv = list(FLAGS)
    argv[argv.index("--kind") + 1] = "nhóm"
    assert run(site.root, "new", *argv) == (2, "", "thidua new: chỉ nhận individual (cá nhân) hoặc collective (tập thể)\n")


def test_a_unit_given_by_its_full_name_is_written_as_its_id(site):
    argv = list(FLAGS)
    argv[argv.index("--unit") + 1] = "Các sở, ban, ngành tỉnh"
    assert run(site.root, "new", *argv)[0] == 0
    assert parse_document((site.root / COLLECTIVE_FILE).read_text("utf-8"), COLLECTIVE_FILE).meta["unit"] == "so-ban-nganh-tinh"
