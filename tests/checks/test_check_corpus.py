"""A corpus of broken submissions: each is caught with the exact message, file and line an editor sees.

Every case writes one exemplar into a copy of the repository (whose own content is clean), runs
`thidua check` and compares the whole output, line for line.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from hostile.corpus import FRONT
from PIL import Image
from thidua.cli.main import main
from thidua.engine.building import BuildFailed

BASE = FRONT.format(extra="") + "Câu chuyện của tổ.\n"  # the hostile corpus's valid story, the same lines
# Line numbers in BASE: 2 title, 3 kind, 4 name, 5 unit, 6 movements, 7 its first item, 8 date, 9 summary,
# 10 sample, 11 closing fence, 12 body.
F = "exemplars/bai-moi.md"


def variant(*replacements: tuple[str, str]) -> str:
    text = BASE
    for old, new in replacements:
        assert old in text, old
        text = text.replace(old, new, 1)
    return text


def check(root, *args: str) -> tuple[int, list[str]]:
    import contextlib

    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
        code = main(["--root", str(root), "check", *args])
    return code, out.getvalue().splitlines()


def _cp1258(text: str) -> bytes:
    """Text as Vietnamese Windows saves it: base letters from the code page, tone marks combining."""
    import unicodedata

    out = b""
    for ch in text:
        try:
            out += ch.encode("cp1258")
        except UnicodeEncodeError:
            base, *marks = unicodedata.normalize("NFD", ch)
            out += unicodedata.normalize("NFC", base + "".join(m for m in marks if m in "\u0302\u0306\u031b")).encode("cp1258")
            out += "".join(m for m in marks if m not in "\u0302\u0306\u031b").encode("cp1258")
    return out


@dataclass
class Case:
    id: str
    content: str | bytes | None  # None: no file is written (the case is made by `setup`)
    expected: list[str]
    code: int = 1
    path: str = F
    setup: Callable[[Path], object] | None = None


PLACEHOLDER = "còn câu mẫu của thidua new chưa được thay: hãy viết nội dung thật (placeholder text)"


CASES = [
    # --- reading the file -------------------------------------------------------------------------------------
    Case("empty-file", "\n  \n", [f"{F}:1: -: tệp rỗng: cần phần đầu YAML giữa hai dòng --- rồi đến nội dung (empty file)"]),
    Case("no-front-matter", "title: Tổ tự quản\n\nCâu chuyện.\n",
         [f"{F}:1: -: thiếu phần đầu YAML: dòng đầu tiên phải là --- (missing front matter)"]),
    Case("unclosed-front-matter", BASE.replace("---\nCâu chuyện", "Câu chuyện"),
         [f"{F}:1: -: phần đầu YAML chưa được đóng: thêm một dòng --- sau các trường (unclosed front matter)"]),
    Case("tab", variant(("  - cai-cach", "\t- cai-cach")),
         [f"{F}:7: -: có ký tự Tab trong phần đầu YAML: hãy dùng dấu cách (tab in YAML)"]),
    Case("colon-in-value", variant(("name: Tổ tự quản khu phố 5", "name: Tổ tự quản: khu phố 5")),
         [f"{F}:4: -: lỗi cú pháp YAML: dấu hai chấm “:” không đúng chỗ: nếu giá trị có dấu hai chấm, hãy đặt cả "
          "giá trị trong ngoặc kép; nếu không, hãy kiểm tra thụt lề (YAML syntax error: mapping values are not "
          "allowed here)"]),
    Case("unclosed-quote", variant(("name: Tổ tự quản khu phố 5", 'name: "Tổ tự quản khu phố 5')),
         [f"{F}:4: -: lỗi cú pháp YAML: thiếu dấu ngoặc kép đóng: giá trị mở ngoặc ở dòng này chưa được đóng "
          "(YAML syntax error: found unexpected end of stream)"]),
    Case("missing-colon", variant(("kind: collective", "kind collective")),
         [f"{F}:3: -: lỗi cú pháp YAML: thiếu dấu hai chấm “:” sau tên trường (YAML syntax error: could not find "
          "expected ':')"]),
    Case("windows-1258", _cp1258(BASE),
         [f"{F}:2: -: tệp không phải UTF-8 (byte 0xF4 không hợp lệ; có thể là Windows-1258 hoặc TCVN3): hãy lưu lại "
          "tệp với mã hóa UTF-8 (file is not UTF-8)"]),
    Case("utf-16", BASE.encode("utf-16"),
         [f"{F}:1: -: tệp được lưu bằng UTF-16: hãy lưu lại bằng UTF-8 (file is UTF-16, not UTF-8)"]),
    Case("utf-16-without-bom", BASE.encode("utf-16-le"),
         [f"{F}:1: -: tệp được lưu bằng UTF-16: hãy lưu lại bằng UTF-8 (file is UTF-16, not UTF-8)"]),
    Case("alias", variant(("sample: true", "sample: true\naward: &khen Giấy khen\nsummary2: *khen")),
         [f"{F}:12: summary2: không dùng bí danh YAML (*tên): hãy viết đầy đủ giá trị (YAML alias)"]),
    Case("duplicate-key", variant(("sample: true", "sample: true\nkind: individual")),
         [f"{F}:11: kind: trường “kind” xuất hiện hai lần (duplicate key)"]),
    Case("deep-nesting", variant(("sample: true", "sample: true\naward: " + "[" * 14 + "1" + "]" * 14)),
         [f"{F}:11: award[0][0][0][0][0][0][0]: YAML lồng nhau quá sâu: các trường chỉ cần một, hai cấp (YAML nested too deep)"]),
    Case("control-character", variant(("khu phố 5", "khu phố\x075")),
         [f"{F}:4: -: có ký tự điều khiển không in được (U+0007): hãy xóa ký tự này (control character)"]),
    Case("control-character-in-body", variant(("Câu chuyện của tổ.", "Câu chuyện \x1b[31mcủa tổ.")),
         [f"{F}:12: nội dung: có ký tự điều khiển không in được (U+001B): hãy xóa ký tự này (control character)"]),
    Case("folder-named-like-a-story", None,
         ["exemplars/thu-muc.md:1: -: “thu-muc.md” là một thư mục, không phải tệp bài viết: hãy đổi tên thư mục "
          "(folder named .md)"], setup=lambda root: (root / "exemplars" / "thu-muc.md").mkdir()),
    Case("suffix-in-capitals", BASE,
         ["exemplars/bai-moi.MD:1: -: tệp “bai-moi.MD” không được đọc: mỗi bài là một tệp đuôi .md (chữ thường) đặt "
          "ngay trong exemplars/ (file not read)"], path="exemplars/bai-moi.MD"),
    Case("story-in-a-subfolder", BASE,
         ["exemplars/2023/bai-moi.md:1: -: tệp “2023/bai-moi.md” không được đọc: mỗi bài là một tệp đuôi .md (chữ "
          "thường) đặt ngay trong exemplars/ (file not read)"], path="exemplars/2023/bai-moi.md"),
    Case("named-like-a-browse-page", BASE,
         ["exemplars/khen-thuong.md:1: id: mã “khen-thuong” trùng với địa chỉ /guong-dien-hinh/khen-thuong/ mà trang "
          "dùng sẵn: hãy đổi tên tệp (reserved id)"], path="exemplars/khen-thuong.md"),
    Case("named-like-the-pagination", BASE,
         ["exemplars/trang.md:1: id: mã “trang” trùng với địa chỉ /guong-dien-hinh/trang/ mà trang dùng sẵn: hãy đổi "
          "tên tệp (reserved id)"], path="exemplars/trang.md"),
    # --- the schema ---------------------------------------------------------------------------------------------
    Case("missing-summary", variant(("summary: Tổ tự quản duy trì lịch dọn vệ sinh hằng tuần.\n", "")),
         [f"{F}:9: summary: thiếu trường bắt buộc “summary” (missing required field)"]),  # where it belongs: above sample
    Case("misspelt-key", variant(("summary:", "sumary:")),
         [f"{F}:9: sumary: trường “sumary” không có trong mẫu (unknown field); có phải ý bạn là “summary”? (did you mean)",
          f"{F}:10: summary: thiếu trường bắt buộc “summary” (missing required field)"]),
    Case("movements-not-a-list", variant(("movements:\n  - cai-cach-hanh-chinh", "movements: cai-cach-hanh-chinh")),
         [f"{F}:6: movements: phải là danh sách (wrong type)"]),
    Case("kind-in-vietnamese", variant(("kind: collective", "kind: tập thể")),
         [f"{F}:3: kind: chỉ nhận individual (cá nhân) hoặc collective (tập thể) (wrong kind); có phải ý bạn là "
          "“collective”? (did you mean)"]),
    Case("summary-too-long", variant(("summary: Tổ tự quản duy trì lịch dọn vệ sinh hằng tuần.", "summary: " + "a" * 301)),
         [f"{F}:9: summary: dài 301 ký tự, tối đa 300 (too long)"]),
    Case("date-as-written-in-vietnam", variant(("date: 2023-10-01", "date: 01/10/2023")),
         [f"{F}:8: date: ngày phải viết dạng YYYY-MM-DD, ví dụ 2023-12-01 (date format); hãy viết “2023-10-01” "
          "(ngày 01/10/2023) (date rewritten)"]),
    Case("impossible-date", variant(("date: 2023-10-01", "date: 2023-02-30")),
         [f"{F}:8: date: ngày 2023-02-30 không tồn tại (impossible date)"]),
    Case("unknown-unit", variant(("unit: phan-thiet", "unit: phan-thiett")),
         [f"{F}:5: unit: đơn vị “phan-thiett” không tồn tại (unknown unit); có phải ý bạn là “phan-thiet”? (did you mean)"]),
    Case("unknown-movement", variant(("  - cai-cach-hanh-chinh", "  - cai-cach-hanh-chanh")),
         [f"{F}:7: movements[0]: phong trào “cai-cach-hanh-chanh” không tồn tại (unknown movements); có phải ý bạn "
          "là “cai-cach-hanh-chinh”? (did you mean)"]),
    Case("unit-with-diacritics", variant(("unit: phan-thiet", "unit: Phan Thiết")),
         [f"{F}:5: unit: phải là mã đơn vị viết thường, không dấu, nối bằng gạch ngang, ví dụ phan-thiet (not a unit id)"
          "; có phải ý bạn là “phan-thiet”? (did you mean)"]),
    Case("individual-without-consent", variant(("kind: collective", "kind: individual")),
         [f"{F}:10: consent: gương cá nhân cần consent: true, nghĩa là người được nêu gương đã đồng ý công bố (consent required)"]),
    Case("individual-consent-false", variant(("kind: collective", "kind: individual\nconsent: false")),
         [f"{F}:4: consent: gương cá nhân cần consent: true, nghĩa là người được nêu gương đã đồng ý công bố (consent required)"]),
    Case("relative-link-in-story", variant(("Câu chuyện của tổ.", "Xem [bài khác](../bai-khac.md).")),
         [f"{F}:12: nội dung: liên kết “../bai-khac.md” phải là địa chỉ đầy đủ bắt đầu bằng https:// "
          "(link must be a full https:// address)"]),
    Case("script-link-in-story", variant(("Câu chuyện của tổ.", "[bấm](javascript:alert(1))")),
         [f"{F}:12: nội dung: liên kết “javascript:alert(1)” phải là địa chỉ đầy đủ bắt đầu bằng https:// "
          "(link must be a full https:// address)"]),
    Case("photo-without-alt-and-credit", variant(("sample: true", "sample: true\nphoto: anh.jpg")),
         [f"{F}:11: photo: không tìm thấy tệp ảnh “anh.jpg” cạnh bài (photo file missing)",
          f"{F}:11: photo_alt: có “photo” thì phải có “photo_alt” (required with photo)",
          f"{F}:11: photo_credit: có “photo” thì phải có “photo_credit” (required with photo)"]),
    Case("photo-outside", variant(("sample: true", "sample: true\nphoto: ../mkdocs.yml\nphoto_alt: Ảnh\nphoto_credit: Tác giả")),
         [f"{F}:11: photo: đường dẫn ảnh phải là tên tệp đặt cạnh bài, không dùng “..” hay đường dẫn tuyệt đối "
          "(photo path escapes the folder)"]),
    Case("photo-absolute", variant(("sample: true", "sample: true\nphoto: /etc/passwd\nphoto_alt: Ảnh\nphoto_credit: Tác giả")),
         [f"{F}:11: photo: đường dẫn ảnh phải là tên tệp đặt cạnh bài, không dùng “..” hay đường dẫn tuyệt đối "
          "(photo path escapes the folder)"]),
    Case("photo-null-byte", variant(("sample: true", 'sample: true\nphoto: "anh\\0.jpg"\nphoto_alt: Ảnh\nphoto_credit: Tác giả')),
         [f"{F}:11: photo: tên tệp ảnh có ký tự điều khiển (U+0000): hãy gõ lại tên tệp (control character in photo name)"]),
    Case("photo-is-a-folder", variant(("sample: true", "sample: true\nphoto: anh.jpg\nphoto_alt: Ảnh\nphoto_credit: Tác giả")),
         [f"{F}:11: photo: “anh.jpg” là một thư mục, không phải tệp ảnh (photo is a folder)"],
         setup=lambda root: (root / "exemplars" / "anh.jpg").mkdir()),
    Case("photo-name-too-long-for-the-disk", variant(("sample: true", f"sample: true\nphoto: {'a' * 300}.jpg\nphoto_alt: Ảnh\nphoto_credit: Tác giả")),
         [f"{F}:11: photo: dài 304 ký tự, tối đa 200 (too long)",
          f"{F}:11: photo: không mở được tệp ảnh “{'a' * 300}.jpg”: hãy đặt tên tệp ngắn gọn, ví dụ anh-to-tu-quan.jpg "
          "(photo cannot be opened)"]),
    Case("alias-is-a-browse-page", variant(("sample: true", "sample: true\naliases:\n  - thang")),
         [f"{F}:12: aliases[0]: mã cũ “thang” trùng với địa chỉ /guong-dien-hinh/thang/ mà trang dùng sẵn: hãy xóa mã cũ "
          "này (reserved id)"]),
    # --- editors' leftovers -----------------------------------------------------------------------------------
    Case("unedited-scaffold", variant(("sample: true\n", ""),
                                      ("summary: Tổ tự quản duy trì lịch dọn vệ sinh hằng tuần.",
                                       "summary: Viết tóm tắt một, hai câu về gương điển hình ở đây (tối đa 300 ký tự)."),
                                      ("Câu chuyện của tổ.", "Viết câu chuyện ở đây: ai, đã làm gì, ở đâu, khi nào và kết "
                                                             "quả ra sao.")),
         [f"{F}:9: summary: {PLACEHOLDER}", f"{F}:11: nội dung: {PLACEHOLDER}"]),
    Case("scaffold-hint-left-in-a-written-story", variant(("sample: true\n", ""), ("Câu chuyện của tổ.", "Câu chuyện của "
         "tổ.\n\nMỗi đoạn cách nhau một dòng trống. Không ghi số căn cước, số điện thoại hay địa chỉ thư điện tử của ai.")),
         [f"{F}:13: nội dung: {PLACEHOLDER}"]),
    Case("scaffold-sentence-in-a-sample-story", variant(("Câu chuyện của tổ.", "Viết câu chuyện ở đây: ai, đã làm gì, ở "
                                                         "đâu, khi nào và kết quả ra sao.")),
         [f"{F}:12: nội dung: cảnh báo: {PLACEHOLDER}"], code=0),
    # --- text hygiene ----------------------------------------------------------------------------------------
    Case("replacement-character", variant(("khu phố 5", "khu ph\ufffd 5")),
         [f"{F}:4: name: có ký tự hỏng � (U+FFFD): chữ bị mất khi sao chép, hãy gõ lại (replacement character)"]),
    Case("not-nfc", variant(("Câu chuyện của tổ.", "Câu chuye\u0302\u0323n của tổ.")),
         [f"{F}:12: nội dung: chữ chưa ở dạng dựng sẵn NFC (dấu tách rời): hãy gõ lại bằng bộ gõ Unicode dựng sẵn (not NFC)"]),
    Case("stray-combining-mark", variant(("khu phố 5", "khu phố 5\u0301")),
         [f"{F}:4: name: có dấu kết hợp U+0301 ở vị trí 21 không đứng sau chữ cái nào: hãy xóa dấu này hoặc gõ lại "
          "chữ bị lỗi (combining mark without a letter)"]),
    Case("tone-mark-on-a-consonant", variant(("khu phố 5", "kh\u0301u phố 5")),
         [f"{F}:4: name: có dấu thanh đứng lạc chỗ (combining mark): hãy gõ lại chữ bị lỗi (stray combining mark)"]),
    Case("marks-piled-on-a-letter", variant(("khu phố 5", "khu phố\u0301 5")),
         [f"{F}:4: name: có hơn 2 dấu chồng lên một chữ (dấu U+0301 ở vị trí 19): chữ tiếng Việt có nhiều nhất hai "
          "dấu, hãy xóa dấu thừa (combining marks piled up)"]),
    Case("enclosing-marks-in-title", variant(("title: Tổ tự quản giữ đường làng sạch", "title: T" + "\u20dd" * 199)),
         [f"{F}:2: title: có hơn 2 dấu chồng lên một chữ (dấu U+20DD ở vị trí 4): chữ tiếng Việt có nhiều nhất hai "
          "dấu, hãy xóa dấu thừa (combining marks piled up)"]),
    Case("markup-in-title", variant(("title: Tổ tự quản giữ đường làng sạch", "title: Tổ tự quản <script>alert(1)</script>")),
         [f"{F}:2: title: không được chứa thẻ HTML hay mã ký tự (&#…): chỉ viết chữ thường (markup not allowed)"]),
    Case("mixed-tone-placement", variant(("Câu chuyện của tổ.", "Tổ giữ hòa khí, hòa thuận.\nCả khu phố hoà mình vào việc chung.")),
         [f"{F}:13: nội dung: cảnh báo: trộn hai kiểu bỏ dấu: “hòa” (kiểu cũ) và “hoà” (kiểu mới); hãy dùng một "
          "kiểu trong cả bài (mixed tone placement)"], code=0),
    # --- the gate: invisible characters, every link form, bounded bodies and lists --------------------------------
    Case("bidi-override-in-name", variant(("name: Tổ tự quản khu phố 5", "name: Tổ tự quản \u202ekhu phố 5")),
         [f"{F}:4: name: có ký tự điều khiển hướng chữ U+202E ở vị trí 12: ký tự này đảo thứ tự chữ hiển thị, hãy xóa "
          "(bidi control character)"]),
    Case("zero-width-in-body", variant(("Câu chuyện của tổ.", "Câu chuyện\u200b của tổ.")),
         [f"{F}:12: nội dung: có ký tự vô hình U+200B ở vị trí 11: hãy xóa (zero-width character)"]),
    Case("reference-link-protocol-relative", variant(("Câu chuyện của tổ.", "Xem [bài][p].\n\n[p]: //evil.example/x")),
         [f"{F}:14: nội dung: liên kết “//evil.example/x” bắt đầu bằng // nên có thể dẫn sang trang lạ: hãy viết đầy "
          "đủ https://… (protocol-relative link)"]),
    Case("autolink-http", variant(("Câu chuyện của tổ.", "Xem <http://example.vn/>.")),
         [f"{F}:12: nội dung: liên kết “http://example.vn/” phải là địa chỉ đầy đủ bắt đầu bằng https:// "
          "(link must be a full https:// address)"]),
    Case("raw-html-data-url", variant(("Câu chuyện của tổ.", '<a href="data:text/html,x">x</a>')),
         [f"{F}:12: nội dung: liên kết “data:text/html,x” phải là địa chỉ đầy đủ bắt đầu bằng https:// "
          "(link must be a full https:// address)"]),
    Case("line-too-long", variant(("Câu chuyện của tổ.", "a" * 10_001)),
         [f"{F}:12: nội dung: dòng dài 10,001 ký tự, tối đa 10,000: hãy xuống dòng giữa các đoạn (line too long)"]),
    Case("quotes-nested-too-deep", variant(("Câu chuyện của tổ.", "> " * 11 + "x")),
         [f"{F}:12: nội dung: danh sách hoặc trích dẫn lồng nhau 11 cấp, tối đa 10 cấp: hãy viết phẳng hơn "
          "(lists or quotes nested too deep)"]),
    Case("open-brackets", variant(("Câu chuyện của tổ.", "[" * 21)),
         [f"{F}:12: nội dung: có hơn 20 dấu ngoặc vuông “[” mở liền nhau chưa đóng: hãy xóa bớt (too many open brackets)"]),
    Case("unclosed-tags", variant(("Câu chuyện của tổ.", "<b" * 101)),
         [f"{F}:12: nội dung: có hơn 100 dấu “<” mở thẻ mà không có “>” đóng: hãy xóa bớt hoặc viết &lt; "
          "(too many unclosed tags)"]),
    Case("body-too-long", variant(("Câu chuyện của tổ.", "Câu chuyện.\n" * 10_000)),
         [f"{F}:12: nội dung: nội dung dài 120,001 ký tự, tối đa 100,000: hãy rút gọn hoặc tách thành nhiều bài "
          "(body too long)"]),
    Case("too-many-aliases", variant(("sample: true", "sample: true\naliases:\n" + "".join(f"  - ma-{n}\n" for n in range(101)))),
         [f"{F}:11: aliases: danh sách có 101 mục, tối đa 100 mục (too many items)"]),
    Case("front-matter-3000-deep", variant(("sample: true", "sample: true\naward: " + "[" * 3000 + "]" * 3000)),
         [f"{F}:11: -: YAML lồng nhau quá sâu: các trường chỉ cần một, hai cấp (YAML nested too deep)"]),
    # --- personal data ---------------------------------------------------------------------------------------
    Case("citizen-id", variant(("Câu chuyện của tổ.", "Tổ trưởng (CCCD 052090001234) kể lại.")),
         [f"{F}:12: nội dung: có số căn cước công dân “052•••••••34”: không đăng số giấy tờ cá nhân, hãy xóa số "
          "này (citizen ID number)"]),
    Case("phone-in-summary", variant(("hằng tuần.", "hằng tuần, liên hệ 0912 345 678.")),
         [f"{F}:9: summary: có số điện thoại “091• ••• •78”: không đăng số điện thoại cá nhân, hãy xóa số này (phone number)"]),
    Case("international-phone", variant(("Câu chuyện của tổ.", "Gọi +84 252.382.2123 để hỏi.")),
         [f"{F}:12: nội dung: có số điện thoại “+84 2••.•••.••23”: không đăng số điện thoại cá nhân, hãy xóa số này "
          "(phone number)"]),
    Case("e-mail", variant(("Câu chuyện của tổ.", "Câu chuyện của tổ.\n\nThư góp ý: to.truong@example.vn.")),
         [f"{F}:14: nội dung: có địa chỉ thư điện tử “t…@example.vn”: không đăng địa chỉ e-mail cá nhân, hãy xóa "
          "(e-mail address)"]),
]


def make(root: Path, case: Case) -> None:
    if case.setup is not None:
        case.setup(root)
    if case.content is not None:
        data = case.content if isinstance(case.content, bytes) else case.content.encode("utf-8")
        (root / case.path).parent.mkdir(parents=True, exist_ok=True)
        (root / case.path).write_bytes(data)


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_a_broken_submission_is_reported_with_its_file_line_and_message(site, case):
    make(site.root, case)
    code, lines = check(site.root)
    assert lines == case.expected
    assert code == case.code


def test_the_corpus_has_at_least_25_broken_submissions():
    assert len(CASES) + len(PHOTO_CASES) + 3 >= 25  # + the symlink, links and FIFOs, and the file name below


def test_a_bom_and_windows_line_ends_are_accepted(site):
    (site.root / F).write_bytes(b"\xef\xbb\xbf" + BASE.replace("\n", "\r\n").encode("utf-8"))
    assert check(site.root) == (0, [])


def test_a_photo_linked_out_of_the_folder_is_refused(site):
    (site.root / "exemplars" / "anh.jpg").symlink_to(site.root / "mkdocs.yml")
    (site.root / F).write_text(variant(("sample: true", "sample: true\nphoto: anh.jpg\nphoto_alt: Ảnh\nphoto_credit: Tác giả")),
                               encoding="utf-8")
    assert check(site.root) == (1, [
        "exemplars/anh.jpg:1: tệp: tệp là liên kết tượng trưng (symbolic link): hãy thay bằng tệp thật nằm trong kho "
        "(symbolic link not allowed)",
        f"{F}:11: photo: ảnh không được là liên kết trỏ ra ngoài thư mục (photo is a link)"])


def test_a_link_to_a_device_and_a_fifo_are_refused_without_reading_them(site):
    import os

    (site.root / "docs" / "assets" / "zero.css").symlink_to("/dev/zero")
    os.mkfifo(site.root / "exemplars" / "cho.md")
    assert check(site.root) == (1, [
        "docs/assets/zero.css:1: tệp: tệp là liên kết tượng trưng (symbolic link): hãy thay bằng tệp thật nằm trong kho "
        "(symbolic link not allowed)",
        "exemplars/cho.md:1: tệp: không phải tệp thường (thiết bị, FIFO hay socket): hãy xóa (not a regular file)"])


def test_a_docs_link_to_a_page_that_is_not_there_is_refused_at_its_line_by_check_and_build(site):
    page = site.write("docs/thu.md", """\
        # Thử

        Xem [hướng dẫn](bien-tap/index.md), [trường dữ liệu](bien-tap/truong-du-lieu/index.md#ma-don-vi),
        [trang cũ](trang-cu.md#muc) và [mục chưa viết](#chua-co).

        [ra ngoài](../README.md)
        """)
    message = ("liên kết “{}” trỏ tới trang không có trong docs/: hãy sửa tên tệp .md, hoặc dẫn tới trang do hệ "
               "thống tạo bằng địa chỉ của nó, ví dụ ../phong-trao/ (page not found)")
    assert check(site.root) == (1, [f"docs/thu.md:4: nội dung: {message.format('trang-cu.md#muc')}",
                                    f"docs/thu.md:6: nội dung: {message.format('../README.md')}"])
    with pytest.raises(BuildFailed, match="docs/thu.md:4: nội dung: liên kết “trang-cu.md#muc”"):
        site.build()
    page.write_text(page.read_text("utf-8").replace("trang-cu.md#muc", "bien-tap/vi-du.md").replace("../README.md", "gioi-thieu.md"),
                    encoding="utf-8")
    assert check(site.root) == (0, [])
    site.build()  # a missing #anchor on the page is not refused: the reader lands at the top


def test_a_file_name_that_is_not_a_slug_is_refused(site):
    (site.root / "exemplars" / "Bài mới.md").write_text(BASE, encoding="utf-8")
    assert check(site.root) == (1, ["exemplars/Bài mới.md:1: id: tên tệp “Bài mới.md” phải là mã viết thường, không dấu, "
                                    "nối bằng gạch ngang, ví dụ to-tu-quan-khu-pho-1.md (file name is not a slug)"])


# --- photos, judged by their content -------------------------------------------------------------------------

def _image(fmt: str, width: int, height: int = 600) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), (200, 120, 40)).save(buffer, fmt)
    return buffer.getvalue()


WITH_PHOTO = variant(("sample: true", "sample: true\nphoto: {name}\nphoto_alt: Ảnh tổ tự quản\nphoto_credit: Tổ tự quản"))
PHOTO_CASES = [
    ("gif-named-jpg", "anh.jpg", lambda: _image("GIF", 1000),
     [f"{F}:11: photo: tệp “anh.jpg” không phải ảnh JPEG, PNG hay WebP (nội dung tệp là GIF): hãy xuất lại ảnh "
      "dạng JPEG (photo is not JPEG, PNG or WebP)"], 1),
    ("svg", "anh.svg", lambda: b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
     [f"{F}:11: photo: tệp “anh.svg” không phải ảnh JPEG, PNG hay WebP (nội dung tệp là SVG/HTML): hãy xuất lại "
      "ảnh dạng JPEG (photo is not JPEG, PNG or WebP)"], 1),
    ("too-narrow", "anh.png", lambda: _image("PNG", 640, 480),
     [f"{F}:11: photo: ảnh “anh.png” chỉ rộng 640 px, cần ít nhất 800 px: hãy dùng ảnh gốc lớn hơn (photo too small)"], 1),
    ("damaged-jpeg", "anh.jpg", lambda: b"\xff\xd8\xff\xe0" + b"\x00" * 200,
     [f"{F}:11: photo: tệp ảnh “anh.jpg” bị hỏng, không mở được: hãy xuất lại ảnh (photo cannot be read)"], 1),
    ("truncated-jpeg", "anh.jpg", lambda: _image("JPEG", 1000)[:3000],  # cut off while uploading: header intact
     [f"{F}:11: photo: tệp ảnh “anh.jpg” bị hỏng, không mở được: hãy xuất lại ảnh (photo cannot be read)"], 1),
    ("too-large", "anh.jpg", lambda: _image("JPEG", 1200) + b"\x00" * (10 * 1024 * 1024),
     [f"{F}:11: photo: ảnh “anh.jpg” nặng 10.0 MB, tối đa 10 MB: hãy giảm kích thước hoặc chất lượng ảnh "
      "(photo too large)"], 1),
    ("spaces-and-diacritics-in-name", "ảnh đẹp 1.jpg", lambda: _image("JPEG", 1000),
     [f"{F}:11: photo: tên tệp ảnh “ảnh đẹp 1.jpg” chỉ được có chữ thường không dấu, chữ số và gạch ngang: hãy đổi "
      "tên tệp thành “anh-dep-1.jpg” (photo file name)"], 1),
    ("png-named-jpg", "anh.jpg", lambda: _image("PNG", 1000),
     [f"{F}:11: photo: cảnh báo: tệp “anh.jpg” là ảnh PNG nhưng đuôi tên tệp không khớp: hãy đổi đuôi thành .png "
      "(extension does not match)"], 0),
]


@pytest.mark.parametrize("name, photo, data, expected, code", PHOTO_CASES, ids=[c[0] for c in PHOTO_CASES])
def test_a_photo_is_judged_by_its_content(site, name, photo, data, expected, code):
    (site.root / "exemplars" / photo).write_bytes(data())
    (site.root / F).write_text(WITH_PHOTO.format(name=photo), encoding="utf-8")
    assert check(site.root) == (code, expected)


@pytest.mark.parametrize("fmt, suffix", [("JPEG", "jpg"), ("PNG", "png"), ("WEBP", "webp")])
def test_a_wide_jpeg_png_or_webp_photo_is_accepted(site, fmt, suffix):
    (site.root / "exemplars" / f"anh.{suffix}").write_bytes(_image(fmt, 800))
    (site.root / F).write_text(WITH_PHOTO.format(name=f"anh.{suffix}"), encoding="utf-8")
    assert check(site.root) == (0, [])


# --- check ≡ build: what the build would refuse, check reports first; the build then refuses it the same way ---

def build(root) -> tuple[int, str]:
    import contextlib

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["--root", str(root), "build", "--as-of", "2023-12-31"])
    return code, out.getvalue() + err.getvalue()


ONCE_FOUND_ONLY_BY_THE_BUILD = [c for c in CASES if c.id in {"named-like-a-browse-page", "alias-is-a-browse-page",
                                                            "photo-null-byte", "folder-named-like-a-story",
                                                            "control-character-in-body"}] + [
    Case("truncated-jpeg", WITH_PHOTO.format(name="anh.jpg"), next(c[3] for c in PHOTO_CASES if c[0] == "truncated-jpeg"),
         setup=lambda root: (root / "exemplars" / "anh.jpg").write_bytes(_image("JPEG", 1000)[:3000])),
]


@pytest.mark.parametrize("case", ONCE_FOUND_ONLY_BY_THE_BUILD, ids=[c.id for c in ONCE_FOUND_ONLY_BY_THE_BUILD])
def test_what_the_build_refuses_check_reports_first_with_its_file_and_line(site, case):
    make(site.root, case)
    assert check(site.root) == (1, case.expected)
    code, output = build(site.root)
    assert code == 1
    assert all(line in output.splitlines() for line in case.expected), output
    assert "lỗi nội bộ" not in output and "Traceback" not in output
    assert not (site.root / "site").exists()
