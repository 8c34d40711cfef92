"""The hostile corpus: files a contributor could send to slow, crash or subvert the gate, each written into a
copy of the repository by a few lines of code (the largest is 1 MB; none is stored).

Each case says what `thidua check` must answer — the start of its `path:line: field: message` line — or
None when the file is accepted and must be published with nothing live (tests/xss.py looks for that).
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from image_bytes import huge_png

MARKER = "XSS_MARKER_7f3a"
STORY = "exemplars/doc-hai.md"
FRONT = """\
---
title: Tổ tự quản giữ đường làng sạch
kind: collective
name: Tổ tự quản khu phố 5
unit: phan-thiet
movements:
  - cai-cach-hanh-chinh
date: 2023-10-01
summary: Tổ tự quản duy trì lịch dọn vệ sinh hằng tuần.
sample: true
{extra}---
"""
BODY_LINE = 12  # where the body starts when `extra` is empty
PLAN = "content/plans/thi-dua-nuoc-rut-2023.md"
REPO = Path(__file__).resolve().parents[2]


def _appended_line(path: str) -> int:
    """The line `appended` writes its text on: after the file's last line and a blank one."""
    return (REPO / path).read_text("utf-8").count("\n") + 2


@dataclass(frozen=True)
class Hostile:
    name: str
    path: str  # the file the case writes, repository-relative
    make: Callable[[Path], None]  # writes it into the repository at the given root
    expected: str | None  # how check's line for `path` starts; None: accepted, and published harmless


def story(body: str, extra: str = "", path: str = STORY) -> Callable[[Path], None]:
    def make(root: Path) -> None:
        (root / path).write_text(FRONT.format(extra=extra) + body + "\n", "utf-8")
    return make


def appended(path: str, text: str) -> Callable[[Path], None]:
    def make(root: Path) -> None:
        with (root / path).open("a", encoding="utf-8") as handle:
            handle.write("\n" + text + "\n")
    return make


def link(path: str, target: str | Callable[[Path], str]) -> Callable[[Path], None]:
    def make(root: Path) -> None:
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).symlink_to(target(root) if callable(target) else target)
    return make


def fifo(root: Path) -> None:
    os.mkfifo(root / "exemplars" / "hang.md")


def photo_named(name: str) -> Callable[[Path], None]:
    def make(root: Path) -> None:
        shutil.copy(next((root / "exemplars").glob("*.jpg")), root / "exemplars" / name)
        story("Câu chuyện.", f"photo: {name}\nphoto_alt: Ảnh\nphoto_credit: Tác giả\n")(root)
    return make


def photo_bytes(name: str, make: Callable[[], bytes]) -> Callable[[Path], None]:
    def write(root: Path) -> None:
        (root / "exemplars" / name).write_bytes(make())
        story("Câu chuyện.", f"photo: {name}\nphoto_alt: Ảnh\nphoto_credit: Tác giả\n")(root)
    return write


def outside_story(root: Path) -> str:
    outside = root.parent / "ngoai-kho.md"
    outside.write_text(FRONT.format(extra="") + "Bài nằm ngoài kho.\n", "utf-8")
    return str(outside)


def wrapped(text: str, width: int = 80) -> str:
    return "\n".join(text[i:i + width] for i in range(0, len(text), width))


def big_story(size: int) -> str:
    """A legitimate body of about `size` characters: paragraphs with links, emphasis and lists."""
    paragraph = ("Tổ tự quản **khu phố 5** duy trì lịch dọn vệ sinh hằng tuần, xem [kế hoạch]"
                 "(https://thidua.binhthuan.example/ke-hoach/thi-dua-nuoc-rut-2023/) và *kết quả*.\n\n"
                 "- Trồng cây xanh dọc đường làng.\n- Thu gom rác thải nhựa.\n\n")
    return paragraph * (size // len(paragraph))


def deep_block(levels: int) -> str:
    return "award:\n" + "".join(" " * (i + 1) + "-\n" for i in range(levels))


CASES = [
    # --- time: shapes that made check or Markdown quadratic, or made Markdown recurse ---------------------
    Hostile("a-colon-120k", STORY, story("<a:" * 40_000), f"{STORY}:{BODY_LINE}: nội dung: nội dung dài 120,001 ký tự"),
    Hostile("a-colon-90k", STORY, story("<a:" * 30_000), f"{STORY}:{BODY_LINE}: nội dung: dòng dài 90,000 ký tự"),
    Hostile("a-colon-wrapped", STORY, story(wrapped("<a: " * 22_000)), f"{STORY}:17: nội dung: có hơn 100 dấu “<”"),
    Hostile("a-colon-closed", STORY, story(wrapped("<a:>" * 22_000)),
            f"{STORY}:{BODY_LINE + 50}: nội dung: có hơn 1,000 thẻ HTML trong bài"),
    Hostile("brackets-20000", STORY, story("[" * 20_000), f"{STORY}:{BODY_LINE}: nội dung: dòng dài 20,000 ký tự"),
    Hostile("brackets-wrapped", STORY, story(wrapped("[" * 20_000)), f"{STORY}:{BODY_LINE}: nội dung: có hơn 20 dấu"),
    Hostile("dash-list-10000", STORY, story("- " * 10_000), f"{STORY}:{BODY_LINE}: nội dung: dòng dài 20,000 ký tự"),
    Hostile("dash-list-nested", STORY, story("".join("    " * i + "- mục\n" for i in range(40))),
            f"{STORY}:{BODY_LINE + 10}: nội dung: danh sách hoặc trích dẫn lồng nhau 11 cấp"),
    Hostile("quotes-5000", STORY, story("> " * 4_000), f"{STORY}:{BODY_LINE}: nội dung: danh sách hoặc trích dẫn lồng nhau 4000 cấp"),
    Hostile("link-open-25000", STORY, story(wrapped("[a](" * 24_000)),
            f"{STORY}:{BODY_LINE + 1}: nội dung: có hơn 20 dấu ngoặc đơn “(” mở chưa đóng"),
    Hostile("cdata-10000", STORY, story(wrapped("<![CDATA[" * 10_000)), f"{STORY}:{BODY_LINE + 1}: nội dung: có hơn 20 dấu"),
    Hostile("headings-5000", STORY, story("# a\n" * 5_000), f"{STORY}:{BODY_LINE + 300}: nội dung: có hơn 300 tiêu đề"),
    Hostile("aliases-36000", STORY, story("Câu chuyện.", "aliases:\n" + "".join(
        f"  - {n if n % 2 else f'ma-{n}'}\n" for n in range(36_000))),
        f"{STORY}:2: -: phần đầu YAML dài 403,118 ký tự, tối đa 50,000"),
    Hostile("aliases-3000", STORY, story("Câu chuyện.", "aliases:\n" + "".join(
        f"  - {n if n % 2 else f'ma-{n}'}\n" for n in range(3_000))),
        f"{STORY}:11: aliases: danh sách có 3,000 mục, tối đa 100 mục"),
    Hostile("front-matter-3000-deep", STORY, story("Câu chuyện.", "award: " + "[" * 3_000 + "]" * 3_000 + "\n"),
            f"{STORY}:11: -: YAML lồng nhau quá sâu"),
    Hostile("front-matter-3000-deep-block", STORY, story("Câu chuyện.", "award:\n  " + "- " * 3_000 + "\n"),
            f"{STORY}:12: -: YAML lồng nhau quá sâu"),
    Hostile("front-matter-deep-indentation", STORY, story("Câu chuyện.", deep_block(100)),
            f"{STORY}:76: -: YAML lồng nhau quá sâu"),
    Hostile("body-700k", STORY, story(big_story(700_000)), f"{STORY}:{BODY_LINE}: nội dung: nội dung dài"),
    Hostile("big-story-100k", "exemplars/bai-dai.md", story(big_story(99_000), path="exemplars/bai-dai.md"), None),
    # --- links -------------------------------------------------------------------------------------------------
    Hostile("reference-link-protocol-relative", STORY, story("[bấm][p]\n\n[p]: //evil.example/x"),
            f"{STORY}:{BODY_LINE + 2}: nội dung: liên kết “//evil.example/x” bắt đầu bằng //"),
    Hostile("raw-html-protocol-relative", "content/units/phu-quy.md",
            appended("content/units/phu-quy.md", '<a href="//evil.example/">trang</a>'),
            "content/units/phu-quy.md:8: nội dung: liên kết “//evil.example/” bắt đầu bằng //"),
    Hostile("form-javascript-in-movement", "content/movements/van-hoa-cong-so.md",
            appended("content/movements/van-hoa-cong-so.md", f'<form action="javascript:alert(\'{MARKER}\')"><button>x</button></form>'),
            f"content/movements/van-hoa-cong-so.md:{_appended_line('content/movements/van-hoa-cong-so.md')}: nội dung: liên kết “javascript:alert("),
    # --- links the old line-by-line reading missed: check now judges what the build renders ---------------------
    Hostile("backtick-before-link", STORY, story("Một dấu ` lẻ rồi [bấm](//evil.example/a)"),
            f"{STORY}:{BODY_LINE}: nội dung: liên kết “//evil.example/a” bắt đầu bằng //"),
    Hostile("newline-after-parenthesis", STORY, story("[bấm](\n//evil.example/b)"),
            f"{STORY}:{BODY_LINE + 1}: nội dung: liên kết “//evil.example/b” bắt đầu bằng //"),
    Hostile("reference-url-on-the-next-line", STORY, story("[bấm][p]\n\n[p]:\n  //evil.example/c"),
            f"{STORY}:{BODY_LINE + 3}: nội dung: liên kết “//evil.example/c” bắt đầu bằng //"),
    Hostile("raw-html-newline-before-equals", "content/units/phu-quy.md",
            appended("content/units/phu-quy.md", '<a href\n="//evil.example/d">trang</a>'),
            f"content/units/phu-quy.md:{_appended_line('content/units/phu-quy.md') + 1}: nội dung: liên kết "
            "“//evil.example/d” bắt đầu bằng //"),
    Hostile("indented-fence-in-story", STORY, story("    ```\n[bấm](//evil.example/e)"),
            f"{STORY}:{BODY_LINE + 1}: nội dung: liên kết “//evil.example/e” bắt đầu bằng //"),
    Hostile("never-closed-fence-in-docs", "docs/gioi-thieu.md",
            appended("docs/gioi-thieu.md", "```\nmã chưa đóng\n\n[bấm](//evil.example/f)"),
            f"docs/gioi-thieu.md:{_appended_line('docs/gioi-thieu.md') + 3}: nội dung: liên kết “//evil.example/f” "
            "bắt đầu bằng //"),
    Hostile("backslash-host-in-story", STORY, story("[bấm](/\\evil.example/g)"),
            f"{STORY}:{BODY_LINE}: nội dung: liên kết “/\\evil.example/g” bắt đầu bằng //"),
    Hostile("double-backslash-in-plan", PLAN, appended(PLAN, '<a href="\\\\evil.example/h">x</a>'),
            f"{PLAN}:{_appended_line(PLAN)}: nội dung: liên kết “\\\\evil.example/h” bắt đầu bằng //"),
    Hostile("link-syntax-in-unit-name", "content/units/phu-quy.md", lambda root: _replace(
        root / "content/units/phu-quy.md", "name: Phú Quý", "name: '[Phú Quý](//evil.example/i)'"), None),
    # --- recursion and marks: refused with a message, never "lỗi nội bộ" ---------------------------------------
    Hostile("md-in-html-499-deep", STORY, story('<div markdown="1">\n' * 499 + "x\n" + "</div>\n" * 499),
            f"{STORY}:{BODY_LINE + 20}: nội dung: thẻ HTML lồng nhau 21 cấp, tối đa 20 cấp"),
    Hostile("emphasis-993-deep", STORY, story("*a " * 993 + "b" + " c*" * 993),
            f"{STORY}:{BODY_LINE}: nội dung: có hơn 20 dấu nhấn “*” hoặc “_” mở chưa đóng"),
    Hostile("enclosing-marks-in-title", STORY, lambda root: story("Câu chuyện.")(root) or _replace(
        root / STORY, "title: Tổ tự quản giữ đường làng sạch", "title: T" + "\u20dd" * 199),
        f"{STORY}:2: title: có hơn 2 dấu chồng lên một chữ (dấu U+20DD ở vị trí 4)"),
    # --- names ------------------------------------------------------------------------------------------------
    Hostile("bidi-override-in-name", STORY, lambda root: story("Câu chuyện.")(root) or _replace(
        root / STORY, "name: Tổ tự quản khu phố 5", "name: Tổ tự quản \u202ekhu phố 5"),
        f"{STORY}:4: name: có ký tự điều khiển hướng chữ U+202E ở vị trí 12"),
    Hostile("zero-width-in-title", STORY, lambda root: story("Câu chuyện.")(root) or _replace(
        root / STORY, "title: Tổ tự quản", "title: Tổ\u200b tự quản"),
        f"{STORY}:2: title: có ký tự vô hình U+200B ở vị trí 3"),
    Hostile("bidi-isolate-in-plan-body", PLAN, appended(PLAN, "Ủy ban \u2067nhân dân\u2069 tỉnh."),
            f"{PLAN}:{_appended_line(PLAN)}: nội dung: có ký tự điều khiển hướng chữ U+2067 ở vị trí 8"),
    Hostile("photo-with-spaces-and-diacritics", STORY, photo_named("ảnh đẹp 1.jpg"),
            f"{STORY}:11: photo: tên tệp ảnh “ảnh đẹp 1.jpg” chỉ được có chữ thường không dấu, chữ số và gạch ngang: "
            "hãy đổi tên tệp thành “anh-dep-1.jpg”"),
    Hostile("photo-decompression-bomb", STORY, photo_bytes("bom.png", huge_png),  # 11 KB, 88 million pixels
            f"{STORY}:11: photo: ảnh “bom.png” có 9400 × 9400 điểm ảnh (hơn 88 triệu), tối đa 40 triệu"),
    # --- files out of the tree -----------------------------------------------------------------------------
    Hostile("link-to-git-config", "docs/assets/config", link("docs/assets/config", "../../.git/config"),
            "docs/assets/config:1: tệp: tệp là liên kết tượng trưng"),
    Hostile("link-to-etc-passwd", "docs/assets/passwd.txt", link("docs/assets/passwd.txt", "/etc/passwd"),
            "docs/assets/passwd.txt:1: tệp: tệp là liên kết tượng trưng"),
    Hostile("exemplar-linked-from-outside", "exemplars/ngoai.md", link("exemplars/ngoai.md", outside_story),
            "exemplars/ngoai.md:1: tệp: tệp là liên kết tượng trưng"),
    Hostile("link-to-dev-zero", "exemplars/zero.md", link("exemplars/zero.md", "/dev/zero"),
            "exemplars/zero.md:1: tệp: tệp là liên kết tượng trưng"),
    Hostile("linked-folder", "overrides/thidua/etc", link("overrides/thidua/etc", "/etc"),
            "overrides/thidua/etc:1: tệp: tệp là liên kết tượng trưng"),
    Hostile("fifo", "exemplars/hang.md", fifo, "exemplars/hang.md:1: tệp: không phải tệp thường"),
    # --- markup that is published, harmless -----------------------------------------------------------------
    Hostile("script-in-unit-body", "content/units/phu-quy.md",
            appended("content/units/phu-quy.md", f"<script>alert('{MARKER}')</script>\n\n<img src=x onerror=\"alert('{MARKER}')\">"), None),
    Hostile("onclick-attr-list-in-docs", "docs/gioi-thieu.md",
            appended("docs/gioi-thieu.md", f"Đoạn văn {MARKER}\n{{: onclick=\"alert('{MARKER}')\" }}"), None),
    Hostile("style-and-iframe-in-plan", "content/plans/thi-dua-nuoc-rut-2023.md",
            appended("content/plans/thi-dua-nuoc-rut-2023.md",
                     f"<style>body{{display:none}}</style><iframe srcdoc=\"{MARKER}\"></iframe>"), None),
]


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), "utf-8")


def by_name(name: str) -> Hostile:
    return next(case for case in CASES if case.name == name)
