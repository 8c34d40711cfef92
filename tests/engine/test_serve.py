"""The preview, `thidua serve`: says where it is, shows a saved, new or deleted story quickly, and shows
content errors as `thidua check` words them, on the page and in the terminal, until the file is fixed."""

from __future__ import annotations

import queue
import re
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from mkdocs.config import load_config
from support import AS_OF, REPO
from thidua.checks.loader import reload_exemplar
from thidua.engine.building import build_site
from thidua.engine.page_changes import fingerprints, pages_to_render
from thidua.engine.site_build import SiteBuild, SiteInfo
from thidua.engine.watch import Watcher

STORY = "to-tu-quan-mau-duong-lang-xanh"
RELOAD_SCRIPT = re.compile(r"\n<script>\n\(function \(\) \{\n  var seen = null;.*?</script>", re.S)


def test_the_preview_watches_content_exemplars_templates_and_hooks():
    config = load_config(str(REPO / "mkdocs.yml"))
    watched = {Path(p).resolve() for p in config.watch}
    for folder in ("content", "exemplars", "hooks", "overrides"):
        assert (REPO / folder).resolve() in watched, folder


def same_markup(a: str, b: str) -> bool:
    """Equal up to blank space around line breaks, which a build for hosting may collapse."""
    blank = re.compile(r"[ \t\r\n]*\n[ \t\r\n]*")
    return blank.sub("\n", a) == blank.sub("\n", b)


class Preview:
    """`thidua serve` in a subprocess on a free port, its terminal read line by line."""

    def __init__(self, root: Path) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "thidua.cli.main", "--root", str(root), "serve", "--port", "0",
             "--as-of", AS_OF.isoformat()],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, encoding="utf-8")
        self.lines: queue.Queue[str] = queue.Queue()
        self.output: list[str] = []
        threading.Thread(target=self._read, daemon=True).start()
        address = self.wait_for_line(re.compile(r"Xem trước tại (http://127\.0\.0\.1:\d+/)"), 240)
        self.address = address.group(1)

    def _read(self) -> None:
        for line in self.process.stdout:
            self.lines.put(line.rstrip("\n"))

    def wait_for_line(self, pattern: re.Pattern, seconds: float) -> re.Match:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            try:
                line = self.lines.get(timeout=0.2)
            except queue.Empty:
                assert self.process.poll() is None, "\n".join(self.output)
                continue
            self.output.append(line)
            if found := pattern.search(line):
                return found
        raise AssertionError(f"no line matching {pattern.pattern!r} in:\n" + "\n".join(self.output))

    def get(self, url: str) -> tuple[int, str]:
        try:
            with urllib.request.urlopen(self.address + url, timeout=30) as response:
                return response.status, response.read().decode("utf-8")
        except urllib.error.HTTPError as err:
            return err.code, err.read().decode("utf-8")

    def poll(self, url: str, shows, seconds: float = 60) -> tuple[int, str]:
        deadline = time.monotonic() + seconds
        while True:
            status, page = self.get(url)
            if shows(status, page):
                return status, page
            assert time.monotonic() < deadline, f"{url} never showed the change:\n{page[:2000]}"
            time.sleep(0.1)

    def stop(self) -> str:
        self.process.terminate()
        self.process.wait(timeout=30)
        while not self.lines.empty():
            self.output.append(self.lines.get())
        return "\n".join(self.output)


@pytest.fixture
def preview(site):
    running = Preview(site.root)
    yield running
    if running.process.poll() is None:
        running.stop()


def test_a_saved_story_shows_then_an_error_where_and_why_then_the_fix_then_a_new_story_and_its_removal(site, preview):
    page = f"guong-dien-hinh/{STORY}/"
    story = site.root / "exemplars" / f"{STORY}.md"
    status, before = preview.get(page)
    assert status == 200 and "/__thidua__/trang-thai" in before  # the page reloads itself after a save

    original = story.read_text("utf-8")
    story.write_text(original + "\nMột câu mới vừa thêm vào bài.\n", "utf-8")
    preview.poll(page, lambda status, html: "Một câu mới vừa thêm vào bài." in html)
    preview.wait_for_line(re.compile(rf"Đã cập nhật exemplars/{STORY}\.md — \d+ trang"), 30)
    status, feed = preview.get("feed.xml")  # feeds are rewritten when asked for
    assert status == 200 and "Một câu mới vừa thêm vào bài." in feed

    story.write_text(re.sub(r"(?m)^kind: .*$", "kind: nhom", original), "utf-8")
    line = next(n for n, text in enumerate(original.splitlines(), 1) if text.startswith("kind:"))
    error = f"exemplars/{STORY}.md:{line}: kind: chỉ nhận individual (cá nhân) hoặc collective (tập thể)"
    status, shown = preview.poll(page, lambda status, html: status == 500)
    assert error in shown and "Chưa xem trước được: nội dung có lỗi" in shown
    preview.wait_for_line(re.compile(re.escape(error)), 30)

    story.write_text(original + "\nĐã sửa xong.\n", "utf-8")
    status, fixed = preview.poll(page, lambda status, html: status == 200 and "Đã sửa xong." in html)

    new = site.exemplar("bai-moi-them", title="Một bài mới thêm khi đang xem trước", date="2023-12-30")
    preview.poll("guong-dien-hinh/bai-moi-them/", lambda status, html: status == 200)
    preview.poll("guong-dien-hinh/", lambda status, html: "Một bài mới thêm khi đang xem trước" in html)
    new.unlink()
    preview.poll("guong-dien-hinh/bai-moi-them/", lambda status, html: status == 404)
    preview.poll("guong-dien-hinh/", lambda status, html: "Một bài mới thêm khi đang xem trước" not in html)
    terminal = preview.stop()
    assert "dựng lại toàn bộ" not in terminal  # a new story and a deleted one were rendered alone too
    assert "Đã dừng xem trước." in terminal and "Traceback" not in terminal

    built = build_site(site.root, site.root / "built", as_of=AS_OF)  # the same page as the build renders
    assert same_markup(RELOAD_SCRIPT.sub("", fixed), (built / page / "index.html").read_text("utf-8"))


def test_only_pages_that_show_a_saved_story_or_receive_other_data_are_rendered_again(site):
    info = SiteInfo(site.root, "Trang", "https://thidua.example/",
                    extra={"as_of": AS_OF, "cms": {"repo": "ubnd-binhthuan/thu"}})
    before = SiteBuild.prepare(info, lambda text: (f"<p>{text}</p>", []))
    before.close()
    story = site.root / "exemplars" / f"{STORY}.md"
    story.write_text(story.read_text("utf-8") + "\nThêm một câu.\n", "utf-8")
    after = before.with_stories(reload_exemplar(before.content, site.root, story), {STORY})
    changed = pages_to_render(fingerprints(before.pages), fingerprints(after.pages), {STORY})
    exemplar = before.corpus.exemplars[STORY]
    assert f"guong-dien-hinh/{STORY}/" in changed and "" in changed  # the story and the home page
    assert f"phong-trao/{exemplar.movements[0]}/" in changed and f"don-vi/{exemplar.unit}/" in changed
    others = [f"guong-dien-hinh/{e}/" for e in before.corpus.exemplars if e != STORY]
    assert others and not set(others) & set(changed)
    assert len(changed) < len(after.pages) / 3

    story.unlink()
    gone = before.with_stories(reload_exemplar(before.content, site.root, story), {STORY})
    assert f"guong-dien-hinh/{STORY}/" not in gone.pages
    assert "" in pages_to_render(fingerprints(before.pages), fingerprints(gone.pages), {STORY})


def test_the_watcher_sees_saves_new_files_and_removals(tmp_path):
    (tmp_path / "a.md").write_text("một", "utf-8")
    watcher = Watcher([tmp_path])
    assert watcher.changes() == set()
    (tmp_path / "a.md").write_text("hai thay đổi", "utf-8")
    (tmp_path / "b.md").write_text("mới", "utf-8")
    assert watcher.changes() == {tmp_path / "a.md", tmp_path / "b.md"}
    (tmp_path / "a.md").unlink()
    assert watcher.changes() == {tmp_path / "a.md"}
