"""The web form /bien-tap/gui-bai/ in Chromium on a phone (375×812), against `thidua cms` (its own local backend,
git mode) on a copy of the repository with unfinished work in it: a story typed into the form becomes a draft,
then a published file (and nothing else: the editor's unfinished work stays as it was) that passes
`thidua check`, builds and appears on its unit page; what the checker refuses, the form refuses beside the
field and in a summary at the top, in the checker's words; nothing in the form is English, a schema key or
YAML.

The screenshots of the editors' guide (docs/bien-tap/anh/gui-bai-*.png) come from this run: set
THIDUA_SCREENSHOTS=docs/bien-tap/anh to write them there; otherwise they go to a temporary folder.
"""

from __future__ import annotations

import os
import re
import subprocess
import time
from urllib.parse import urlsplit
from pathlib import Path

import pytest
from browser_support import compressed_size
from http_support import api
from PIL import Image
from support import AS_OF, REPO, copy_repository
from thidua.checks.schemas import load_schema
from thidua.cli.cms_command import local_cms
from thidua.cli.main import main as thidua
from thidua.content.text import slugify
from thidua.engine.building import build_site

TITLE = "Tổ tự quản khu phố 5 giữ đường làng xanh, sạch"
STORY_ID = slugify(TITLE)  # the id `thidua new` would give it
DRAFT_BRANCH = f"cms/exemplars/{STORY_ID}"
PHONE = {"width": 375, "height": 812}
VIEWPORT = PHONE  # the guide's screenshots: the phone most editors have
JS_BUDGET = 1_500_000  # bytes gzip: every script the form loads, from opening to publishing (issue 13)
SCREENSHOTS = ("dang-nhap", "bieu-mau", "anh", "ban-nhap", "quy-trinh", "loi")  # the guide shows these, in this order
SUMMARY = "Tổ tự quản khu phố 5 vận động bà con giữ đường làng sạch và trồng thêm cây xanh."
BODY = "Từ đầu năm, tổ tự quản đã vận động từng hộ cùng quét dọn và trồng cây."


def git(root: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, check=True).stdout


@pytest.fixture(scope="module")
def checkout(tmp_path_factory) -> Path:
    """A git checkout of the repository's sources, as an editor or reviewer would have it."""
    return git_checkout(copy_repository(tmp_path_factory.mktemp("cms") / "repo"))


def git_checkout(root: Path) -> Path:
    (root / ".gitignore").write_text("hooks\noverrides\nnode_modules\nsite/\n.cache/\n", encoding="utf-8")
    git(root, "init", "-q", "-b", "main")
    git(root, "add", ".")
    git(root, "-c", "user.name=Kiểm thử", "-c", "user.email=kiem-thu@example.invalid", "commit", "-qm", "Kho thử")
    git(root, "config", "user.name", "Biên tập viên thử")
    git(root, "config", "user.email", "bien-tap@example.invalid")
    (root / "ghi-chu.txt").write_text("Việc còn dở của biên tập viên.\n", encoding="utf-8")  # never swept in
    (root / "mkdocs.yml").write_text((root / "mkdocs.yml").read_text("utf-8") + "# đang sửa dở\n", "utf-8")
    return root


@pytest.fixture(scope="module")
def form(checkout):
    with local_cms(checkout) as local:
        yield local


@pytest.fixture(scope="module")
def shots(tmp_path_factory) -> Path:
    folder = Path(os.environ.get("THIDUA_SCREENSHOTS") or tmp_path_factory.mktemp("gui-bai"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture
def editor(chromium):
    context = chromium.new_context(viewport=PHONE, locale="vi-VN", timezone_id="Asia/Ho_Chi_Minh")
    page = context.new_page()
    page.on("dialog", lambda dialog: dialog.accept())  # "Đăng bài này lên trang?"
    yield page
    context.close()


def photo(path: Path, width: int = 1200) -> Path:
    image = Image.new("RGB", (width, width * 2 // 3), (46, 125, 50))
    for x in range(0, width, 120):
        image.paste((200, 230, 201), (x, 0, x + 50, width * 2 // 3))
    image.save(path, "JPEG", quality=85)
    return path


def container(page, field: str):
    return page.locator(f"[class*='ControlContainer']:has(> div > label[for^='{field}-field-'])").first


def sign_in(page, form) -> None:
    page.goto(form.url)
    page.get_by_role("button", name="Đăng nhập").click()
    page.get_by_text("Gương điển hình").first.wait_for()


def new_story(page, form) -> None:
    page.goto(form.url + "#/collections/exemplars/new")
    page.locator("[id^='title-field-']").wait_for()


def choose(page, field: str, option: str) -> None:
    page.click(f"[id^='{field}-field-']")
    page.keyboard.type(option)
    page.keyboard.press("Enter")


def fill(page, field: str, text: str) -> None:
    if field == "body":  # pasted as it was written, into the editor's plain-text mode ("Văn bản thô")
        switch = container(page, "body").get_by_role("switch")
        if switch.get_attribute("aria-checked") != "true":
            switch.click()
        editor = container(page, "body").locator("[data-slate-editor]")
        editor.click()
        while editor.inner_text().strip("\ufeff\n"):
            page.keyboard.press("Control+A")
            page.keyboard.press("Delete")
        editor.evaluate(PASTE, text)
    else:
        box = page.locator(f"[id^='{field}-field-']")
        box.fill("")
        box.fill(text)
        assert box.input_value() == text, (field, box.input_value())


PASTE = """(editor, text) => {
  const data = new DataTransfer();
  data.setData('text/plain', text);
  editor.dispatchEvent(new ClipboardEvent('paste', {clipboardData: data, bubbles: true, cancelable: true}));
}"""


def fill_required(page, kind: str, title: str = TITLE) -> None:
    fill(page, "title", title)
    choose(page, "kind", kind)
    fill(page, "name", "Tổ tự quản khu phố 5")
    choose(page, "unit", "Phan Thiết")
    choose(page, "movements", "Cải cách hành chính")
    fill(page, "date", "2023-10-15")
    fill(page, "summary", SUMMARY)
    container(page, "body").locator("[data-slate-editor]").click()
    page.keyboard.type(BODY)


def save(page) -> None:
    page.get_by_role("button", name="Lưu", exact=True).click()


def errors_beside(page, field: str) -> str:
    errors = container(page, field).locator("> div > ul li")
    errors.first.wait_for()
    return " ".join(errors.all_inner_texts())


def fits_the_screen(page, *controls) -> None:
    """No sideways scroll, and each control inside the screen's width (a normal tap reaches it)."""
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    for control in controls:
        box = control.bounding_box()
        assert box and box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], control


def test_a_first_time_editor_sends_a_story_with_a_photo_from_a_phone_and_it_reaches_its_unit_page(
        form, checkout, editor, shots, tmp_path, capsys):
    page = editor
    scripts, hosts = [], set()
    page.on("response", lambda r: scripts.append(r) if r.request.resource_type == "script" else None)
    page.on("request", lambda r: hosts.add(r.url.split("/")[2].split(":")[0]) if r.url.startswith("http") else None)
    started = time.monotonic()
    page.goto(form.url)
    page.get_by_role("button", name="Đăng nhập").wait_for()
    loaded = time.monotonic() - started
    assert page.get_by_text("Thử biểu mẫu trên máy").is_visible()  # the site's name, not the CMS's logo
    page.screenshot(path=shots / "gui-bai-dang-nhap.png")
    # The guide's steps, as written in docs/bien-tap/bieu-mau.md.
    page.get_by_role("button", name="Đăng nhập").click()
    page.get_by_text("Viết bài gương điển hình").click()
    page.locator("[id^='title-field-']").wait_for()
    for later in ("updated", "corrections", "aliases"):  # edits of a published story, not of a new one
        assert not page.locator(f"label[for^='{later}-field-']").is_visible()
    fill_required(page, "Tập thể")
    container(page, "photo").get_by_role("button", name="Chọn ảnh").click()
    page.set_input_files("input[type=file]", photo(tmp_path / "to-tu-quan-khu-pho-5.jpg"))
    page.get_by_text("to-tu-quan-khu-pho-5.jpg").wait_for()
    page.screenshot(path=shots / "gui-bai-anh.png")
    page.get_by_role("button", name="Dùng ảnh đã chọn").click()  # the photo just uploaded is already chosen
    fill(page, "photo_alt", "Thành viên tổ tự quản trồng cây dọc đường làng")
    fill(page, "photo_credit", "Tổ tự quản khu phố 5")
    fill(page, "award", "Giấy khen")
    fill(page, "award", "")  # emptied: must not be written as award: "" (which the checker refuses)
    page.locator("[id^='title-field-']").scroll_into_view_if_needed()
    page.screenshot(path=shots / "gui-bai-bieu-mau.png")
    fits_the_screen(page, page.get_by_role("button", name="Lưu", exact=True))
    save(page)
    status = page.get_by_text("Trạng thái: Bản nháp")
    status.wait_for()
    elapsed = time.monotonic() - started
    page.screenshot(path=shots / "gui-bai-ban-nhap.png")
    fits_the_screen(page, status, page.get_by_text("Đăng", exact=True).first)
    with capsys.disabled():
        print(f"\nfirst-time submission on a phone (page open → draft saved): {elapsed:.1f} s, "
              f"of which {loaded:.1f} s until the form had loaded")

    # The draft waits for review; the published tree does not have it yet.
    assert DRAFT_BRANCH in git(checkout, "branch", "--list", "cms/*")
    assert not (checkout / "exemplars" / f"{STORY_ID}.md").exists()

    # Review: the board of submissions shows the card's title on the phone, then approve and publish.
    page.goto(form.url + "#/workflow")
    card = page.get_by_text(TITLE).first
    card.wait_for()
    fits_the_screen(page, card)
    page.screenshot(path=shots / "gui-bai-quy-trinh.png")
    card.click()
    page.get_by_text("Trạng thái: Bản nháp").click()  # the editor: done, ready for review
    page.get_by_role("menuitem", name="Chờ duyệt").click()
    page.get_by_text("Trạng thái: Chờ duyệt").click()  # the reviewer: approved
    page.get_by_role("menuitem", name="Đã duyệt").click()
    page.get_by_text("Trạng thái: Đã duyệt").wait_for()
    publish = page.get_by_text("Đăng", exact=True).first
    fits_the_screen(page, publish)
    publish.click()
    page.get_by_role("menuitem", name="Đăng ngay").click()
    story = checkout / "exemplars" / f"{STORY_ID}.md"
    unfinished = git(checkout, "status", "--porcelain")
    for _ in range(75):
        if story.exists():
            break
        time.sleep(0.2)
    text = story.read_text("utf-8")
    assert (checkout / "exemplars" / "to-tu-quan-khu-pho-5.jpg").is_file()
    assert set(git(checkout, "diff", "--name-only", "main^1", "main").split()) == \
        {"exemplars/to-tu-quan-khu-pho-5.jpg", f"exemplars/{STORY_ID}.md"}  # the story and its photo, nothing else
    assert git(checkout, "status", "--porcelain") == unfinished == " M mkdocs.yml\n?? ghi-chu.txt\n"
    assert "photo: to-tu-quan-khu-pho-5.jpg" in text and "award" not in text
    assert thidua(["--root", str(checkout), "check", f"exemplars/{STORY_ID}.md"]) == 0
    site = build_site(checkout, site_dir=tmp_path / "site", as_of=AS_OF)
    assert TITLE in (site / "don-vi" / "phan-thiet" / "index.html").read_text("utf-8")

    weight = sum(compressed_size(r) for r in scripts)
    with capsys.disabled():
        print(f"web form JavaScript loaded from opening to publishing: {weight} bytes gzip, {len(scripts)} files")
    assert all(r.url.startswith(form.url.split("/bien-tap/")[0]) for r in scripts), "scripts from this site only"
    assert hosts == {"127.0.0.1"}, "nothing fetched from another host: no CDN, no fonts, no analytics"
    assert weight <= JS_BUDGET


def test_the_file_the_form_writes_has_the_keys_in_the_order_thidua_new_writes_them(form, checkout):
    story = checkout / "exemplars" / f"{STORY_ID}.md"
    if not story.exists():
        pytest.fail("the round-trip test above must run first and publish the story")
    keys = [line.split(":")[0] for line in story.read_text("utf-8").split("---")[1].splitlines()
            if line and not line.startswith((" ", "#"))]
    assert keys == ["title", "kind", "name", "unit", "movements", "date", "summary", "consent", "photo",
                    "photo_alt", "photo_credit"]


def test_empty_required_fields_are_marked_beside_each_field_and_summed_up_at_the_top(form, checkout, editor, shots):
    page = editor
    sign_in(page, form)
    new_story(page, form)
    fill(page, "title", "Bài còn thiếu")
    save(page)
    summary = page.locator("#thidua-tom-tat")
    summary.wait_for()
    for field, label in (("kind", "Loại gương"), ("name", "Tên người hoặc tập thể"), ("unit", "Đơn vị"),
                         ("movements", "Phong trào"), ("date", "Ngày đăng"), ("summary", "Tóm tắt")):
        assert errors_beside(page, field) == f"Cần điền “{label}”.", field
        assert f"{label}: Cần điền “{label}”." in summary.inner_text()
    page.get_by_role("link", name="Tóm tắt: Cần điền “Tóm tắt”.").click()
    assert page.evaluate("document.activeElement.id").startswith("summary-field-")
    summary.evaluate("box => box.scrollIntoView({block: 'center'})")
    fits_the_screen(page, summary)
    page.screenshot(path=shots / "gui-bai-loi.png")
    assert "cms/exemplars/bai-con-thieu" not in git(checkout, "branch", "--list", "cms/*")


# --- one rule set: the checker's own cases, typed into the form --------------------------------------------

def checker_field_cases():
    from editors.test_rules import field_cases

    return field_cases()


CASES = checker_field_cases()
FIELDS = {"nội dung": "body"}


def test_what_the_checker_refuses_in_a_field_the_form_refuses_beside_it_in_the_checkers_words(form, checkout, editor):
    page = editor
    sign_in(page, form)
    new_story(page, form)
    fill_required(page, "Tập thể", "Bài thử các lỗi của người biên tập")
    valid = {"title": "Bài thử các lỗi của người biên tập", "name": "Tổ tự quản khu phố 5", "summary": SUMMARY,
             "body": BODY}
    refused = {}
    for case_id, checker_field, value, expected in CASES:
        field = FIELDS.get(checker_field, checker_field)
        fill(page, field, value)
        save(page)
        beside = errors_beside(page, field)
        if not all(message in beside for message in expected) or len(beside) != len(" ".join(expected)):
            refused[case_id] = (beside, expected, page.input_value(f"[id^='{field}-field-']") if field != "body" else "")
        assert page.locator("#thidua-tom-tat").inner_text().count(expected[0][:40]) >= 1, case_id
        fill(page, field, valid[field])
    assert refused == {}
    assert len(CASES) >= 20
    assert not [b for b in git(checkout, "branch", "--list", "cms/*").split() if "loi-cua-nguoi" in b]
    # What the checker accepts, the form saves: the same story, every field valid again.
    save(page)
    page.get_by_text("Trạng thái: Bản nháp").wait_for()


def test_an_individual_without_consent_is_refused_beside_the_switch(form, checkout, editor):
    page = editor
    sign_in(page, form)
    new_story(page, form)
    fill_required(page, "Cá nhân", "Cô giáo dạy chữ buổi tối")
    save(page)
    assert errors_beside(page, "consent") == ("Gương cá nhân cần người được nêu gương đồng ý cho đăng: "
                                              "hãy bật ô “Đồng ý công bố”.")
    assert "cms/exemplars/co-giao-day-chu-buoi-toi" not in git(checkout, "branch", "--list", "cms/*")


def test_a_photo_the_checker_refuses_is_refused_in_its_words(form, checkout, editor, tmp_path):
    page = editor
    sign_in(page, form)
    new_story(page, form)
    fill_required(page, "Tập thể", "Bài có ảnh quá nhỏ")
    container(page, "photo").get_by_role("button", name="Chọn ảnh").click()
    page.set_input_files("input[type=file]", photo(tmp_path / "anh-nho.jpg", width=640))
    page.get_by_text("anh-nho.jpg").wait_for()
    page.get_by_role("button", name="Dùng ảnh đã chọn").click()
    page.wait_for_timeout(500)  # the photo is judged by its bytes as soon as it is chosen
    save(page)
    beside = errors_beside(page, "photo")
    assert "ảnh “anh-nho.jpg” chỉ rộng 640 px, cần ít nhất 800 px: hãy dùng ảnh gốc lớn hơn" in beside
    assert errors_beside(page, "photo_alt") == "Cần điền “Mô tả ảnh” khi có ảnh."
    assert "cms/exemplars/bai-co-anh-qua-nho" not in git(checkout, "branch", "--list", "cms/*")


def test_a_date_outside_the_plans_period_gets_a_warning_naming_the_period_not_an_error(form, editor):
    page = editor
    sign_in(page, form)
    new_story(page, form)
    fill(page, "date", "2024-02-01")
    warning = container(page, "date").locator(".thidua-canh-bao")
    assert "từ 01/08/2023 đến 31/12/2023" in warning.inner_text()
    assert container(page, "date").locator(".thidua-ngay").inner_text() == "01/02/2024"  # as Vietnam writes it
    assert "ngoài kỳ" in page.locator("#thidua-tom-tat").inner_text()
    assert container(page, "date").locator("> div > ul").count() == 0  # no error: such a story is published


def test_today_is_today_in_vietnam_whatever_the_computers_clock_zone(form, chromium):
    context = chromium.new_context(viewport=PHONE, locale="vi-VN", timezone_id="UTC")
    page = context.new_page()
    page.clock.set_fixed_time("2023-10-14T17:42:00Z")  # 00:42 on 15 October in Bình Thuận
    sign_in(page, form)
    new_story(page, form)
    container(page, "date").get_by_role("button", name="Hôm nay").click()
    assert page.locator("[id^='date-field-']").input_value() == "2023-10-15"
    context.close()


# --- plain Vietnamese ----------------------------------------------------------------------------------------

VISIBLE_TEXT = """() => {
  const seen = [];
  for (const el of document.querySelectorAll('body *')) {
    const style = getComputedStyle(el);
    if (style.display === 'none' || style.visibility === 'hidden' || !el.getClientRects().length) continue;
    for (const node of el.childNodes) if (node.nodeType === 3 && node.textContent.trim()) seen.push(node.textContent);
    for (const name of ['title', 'aria-label', 'placeholder', 'alt']) if (el.getAttribute(name)) seen.push(el.getAttribute(name));
  }
  return seen.join('\\n');
}"""
ENGLISH_OF_THE_CMS = """() => {
  const words = new Set();
  const walk = value => typeof value === 'string'
    ? value.replace(/%\\{\\w+\\}/g, ' ').split(/[^A-Za-z]+/).filter(w => w.length > 2).forEach(w => words.add(w))
    : Object.values(value).forEach(walk);
  walk(window.CMS.getLocale('en'));
  return Array.from(words);
}"""
YAML = re.compile(r"(^|\s)(true|false|null|YAML|YYYY|HH:MM|---)(\s|$)|^\s*[a-z_]+: ", re.M)


def test_nothing_in_the_form_is_english_a_schema_key_or_yaml(form, editor, tmp_path):
    page = editor
    page.goto(form.url)
    page.get_by_role("button", name="Đăng nhập").wait_for()
    screens = {"đăng nhập": page.evaluate(VISIBLE_TEXT)}
    page.get_by_role("button", name="Đăng nhập").click()
    page.get_by_text("Gương điển hình").first.wait_for()
    english = set(page.evaluate(ENGLISH_OF_THE_CMS))
    assert {"Save", "Publish", "Bold", "Copy", "Draft"} <= english
    screens["danh sách"] = page.evaluate(VISIBLE_TEXT)
    new_story(page, form)
    save(page)  # with the errors of an empty story shown
    page.locator("#thidua-tom-tat").wait_for()
    container(page, "body").hover()
    screens["bài mới"] = page.evaluate(VISIBLE_TEXT)
    container(page, "photo").get_by_role("button", name="Chọn ảnh").click()
    page.set_input_files("input[type=file]", photo(tmp_path / "anh-thu.jpg"))
    page.get_by_text("anh-thu.jpg").wait_for()
    page.get_by_text("anh-thu.jpg").hover()
    screens["thư viện ảnh"] = page.evaluate(VISIBLE_TEXT)
    page.keyboard.press("Escape")
    page.goto(form.url + "#/workflow")
    page.wait_for_timeout(1000)
    screens["bài gửi"] = page.evaluate(VISIBLE_TEXT)
    keys = set(load_schema("exemplar")["properties"]) | {"body", "exemplars"}
    found = {}
    for screen, text in screens.items():
        words = set(re.findall(r"[^\W\d_]+", text))
        bad = sorted((words & english) | (words & keys)) + [m.group(0).strip() for m in YAML.finditer(text)]
        if bad:
            found[screen] = bad
    assert found == {}


def test_every_string_of_the_cms_has_our_vietnamese_words(form, editor):
    page = editor
    page.goto(form.url)
    page.get_by_role("button", name="Đăng nhập").wait_for()
    missing = page.evaluate("""() => {
      const missing = [];
      const walk = (en, vi, path) => { for (const key in en) {
        if (typeof en[key] === 'string') { if (!vi || typeof vi[key] !== 'string') missing.push(path + key); }
        else walk(en[key], vi && vi[key], path + key + '.'); } };
      walk(window.CMS.getLocale('en'), window.CMS.getLocale('vi'), '');
      return missing; }""")
    assert missing == []


def test_the_guide_shows_every_screenshot_this_run_takes(shots):
    """The committed pictures are this run's pictures: the same names, the same phone screen."""
    docs = REPO / "docs" / "bien-tap"
    guide = (docs / "bieu-mau.md").read_text("utf-8")
    shown = [name for name in SCREENSHOTS if f"anh/gui-bai-{name}.png" in guide]
    assert shown == list(SCREENSHOTS)
    assert sorted(p.name for p in (docs / "anh").glob("gui-bai-*.png")) == sorted(f"gui-bai-{n}.png" for n in SCREENSHOTS)
    for name in SCREENSHOTS:
        taken = Image.open(shots / f"gui-bai-{name}.png").size
        assert Image.open(docs / "anh" / f"gui-bai-{name}.png").size == taken == (VIEWPORT["width"], VIEWPORT["height"])


# --- one YAML: what the form writes reads back as typed ------------------------------------------------------

TYPED = [  # (title, name, award, time): what YAML 1.1 would turn into a boolean, a number, a date, null or an error
    ("On", "Yes", "=", "14:45"),
    ("Off", "No", "<<", "23:59"),
    ("2023-10-15", "1.5", "~", "10:00"),
    ("Tổ 5: giữ đường làng", "0912", "Giấy khen: tập thể", "08:30"),
]


@pytest.fixture(scope="module")
def fs_form(tmp_path_factory):
    root = copy_repository(tmp_path_factory.mktemp("cms-fs") / "repo")
    with local_cms(root, mode="fs") as local:
        yield local, root


def test_what_the_form_writes_is_read_back_exactly_as_the_editor_typed_it(fs_form, editor):
    from thidua.content.source import read_document

    form, root = fs_form
    page = editor
    sign_in(page, form)
    written = []
    for title, name, award, at in TYPED:
        new_story(page, form)
        fill_required(page, "Tập thể", title)
        fill(page, "name", name)
        fill(page, "award", award)
        fill(page, "time", at)
        page.get_by_text("Đăng", exact=True).first.click()
        page.get_by_role("menuitem", name="Đăng ngay").click()
        page.wait_for_function("() => !location.hash.endsWith('/new')")
        written.append((slugify(title), {"title": title, "name": name, "award": award, "time": at}))
    for story_id, typed in written:
        path = root / "exemplars" / f"{story_id}.md"
        for _ in range(50):
            if path.exists():
                break
            time.sleep(0.1)
        meta = read_document(path, root).meta
        assert {key: meta.get(key) for key in typed} == typed, path.read_text("utf-8")
        assert thidua(["--root", str(root), "check", f"exemplars/{story_id}.md"]) == 0


def test_publishing_a_draft_the_checker_refuses_shows_its_words_and_leaves_main_as_it_was(form, checkout, editor):
    """The server is the last gate: a draft made before the form knew a rule (here put there through the API,
    as the form's page would) is refused at publishing with the checker's own line."""
    slug, title = "bai-co-so-dien-thoai", "Bài có số điện thoại riêng"
    text = (f"---\ntitle: {title}\nkind: collective\nname: Tổ tự quản khu phố 6\nunit: phan-thiet\nmovements:\n"
            "  - cai-cach-hanh-chinh\ndate: 2023-10-16\nsummary: Tổ tự quản khu phố 6 giữ đường làng sạch.\n---\n"
            "Mọi góp ý xin gọi chị Lan, số 0912 345 678, vào giờ hành chính.\n")
    address = urlsplit(form.api)
    saved = api(address.port, address.path, {"action": "persistEntry", "params": {
        "branch": form.branch, "dataFiles": [{"slug": slug, "path": f"exemplars/{slug}.md", "raw": text}], "assets": [],
        "options": {"collectionName": "exemplars", "commitMessage": "Gửi bài", "useWorkflow": True,
                    "status": "pending_publish"}}})
    assert saved.status == 200, saved
    main = git(checkout, "rev-parse", "main")
    page = editor
    sign_in(page, form)
    page.goto(form.url + "#/workflow")
    page.get_by_text(title).first.click()
    page.get_by_text("Đăng", exact=True).first.click()
    page.get_by_role("menuitem", name="Đăng ngay").click()
    page.get_by_text("không đăng số điện thoại cá nhân, hãy xóa số này").first.wait_for()
    assert git(checkout, "rev-parse", "main") == main
    assert not (checkout / "exemplars" / f"{slug}.md").exists()
    assert f"cms/exemplars/{slug}" in git(checkout, "branch", "--list", "cms/*")


def test_a_story_the_checker_refuses_on_main_does_not_lock_the_form_and_is_fixed_in_it(tmp_path, editor):
    root = copy_repository(tmp_path / "repo")
    slug, title = "bai-loi-tren-main", "Bài lỗi đã lọt vào nhánh chính"
    bad = "Tổ tự quản khu phố 7, liên hệ 0912 345 678."
    good = "Tổ tự quản khu phố 7 giữ đường làng sạch và trồng thêm cây xanh."
    story = root / "exemplars" / f"{slug}.md"
    story.write_text(f"---\ntitle: {title}\nkind: collective\nname: Tổ tự quản khu phố 7\nunit: phan-thiet\n"
                     f"movements:\n  - cai-cach-hanh-chinh\ndate: 2023-10-17\nsummary: {bad}\n---\n"
                     "Từ đầu năm, tổ tự quản đã vận động từng hộ cùng quét dọn và trồng cây.\n", "utf-8")
    git_checkout(root)
    assert thidua(["--root", str(root), "check"]) == 1
    with local_cms(root) as local:  # opens all the same, and says what is wrong
        assert [(p.path, p.field) for p in local.problems] == [(f"exemplars/{slug}.md", "summary")]
        page = editor
        sign_in(page, local)
        listed = page.locator("#thidua-van-de")
        listed.wait_for()  # the form names the problem at its top, in the checker's words
        assert f"exemplars/{slug}.md:" in listed.inner_text() and "không đăng số điện thoại" in listed.inner_text()
        assert page.evaluate("document.documentElement.scrollWidth") <= 375
        page.goto(local.url + f"#/collections/exemplars/entries/{slug}")
        page.locator("[id^='summary-field-']").wait_for()
        assert page.input_value("[id^='summary-field-']") == bad
        fill(page, "summary", good)
        save(page)
        page.get_by_text("Trạng thái: Bản nháp").wait_for()
        page.get_by_text("Trạng thái: Bản nháp").click()
        page.get_by_role("menuitem", name="Chờ duyệt").click()
        page.get_by_text("Trạng thái: Chờ duyệt").click()
        page.get_by_role("menuitem", name="Đã duyệt").click()
        page.get_by_text("Trạng thái: Đã duyệt").wait_for()
        page.get_by_text("Đăng", exact=True).first.click()
        page.get_by_role("menuitem", name="Đăng ngay").click()
        for _ in range(75):
            if f"summary: {good}" in story.read_text("utf-8"):
                break
            time.sleep(0.2)
    assert f"summary: {good}" in story.read_text("utf-8")
    assert thidua(["--root", str(root), "check"]) == 0
