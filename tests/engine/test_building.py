"""Builds are atomic and reproducible."""

import filecmp
import os
import shutil
import signal
import subprocess
import sysconfig
import time
from datetime import date
from pathlib import Path

import pytest
from thidua.engine.building import BuildFailed, build_site


def tree(folder):
    return sorted(p.relative_to(folder) for p in folder.rglob("*"))


def assert_identical(a, b):
    assert tree(a) == tree(b)
    different = [p for p in tree(a) if (a / p).is_file() and not filecmp.cmp(a / p, b / p, shallow=False)]
    assert different == []


def test_two_builds_of_the_same_content_are_byte_identical(built_repo, tmp_path):
    os.utime(built_repo.root / "exemplars", None)  # a touched tree must not change the output
    again = build_site(built_repo.root, tmp_path / "again", as_of=site_date())
    assert_identical(built_repo.root / "site", again)


def test_sitemap_dates_come_from_content_never_the_build_date_or_the_clock(site, monkeypatch):
    """Outside git a page without stories has no date of its own: no lastmod (issue 20), never the build's."""
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    build_site(site.root, as_of=site_date())
    sitemap = (site.root / "site" / "sitemap.xml").read_text("utf-8")
    assert "<lastmod>2023-12-31</lastmod>" not in sitemap and f"<lastmod>{date.today()}" not in sitemap
    assert "<lastmod>2023-12-01</lastmod>" in sitemap  # the home page: its newest story


def test_a_failed_build_leaves_the_previous_site_byte_for_byte(site):
    good = build_site(site.root, as_of=site_date())
    snapshot = site.root / "snapshot"
    build_site(site.root, snapshot, as_of=site_date())
    (site.root / "mkdocs.yml").write_text((site.root / "mkdocs.yml").read_text("utf-8") + "\nnot_a_setting: 1\n", "utf-8")
    with pytest.raises(BuildFailed):
        build_site(site.root, as_of=site_date())
    assert_identical(good, snapshot)
    assert not [p for p in site.root.iterdir() if p.name.startswith(".site-")]


def site_date():
    from support import AS_OF
    return AS_OF


def thidua_build(root) -> subprocess.Popen:
    """`thidua build` in its own process, as CI or an editor runs it."""
    thidua = Path(sysconfig.get_path("scripts")) / "thidua"
    return subprocess.Popen([str(thidua), "--root", str(root), "build", "--as-of", site_date().isoformat()],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})


def wait_until_writing(process: subprocess.Popen, root) -> Path:
    """The staging folder, once the build has started writing pages into it."""
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        assert process.poll() is None, process.communicate()
        for staging in root.glob(".site-build-*"):
            if any(staging.iterdir()):
                return staging
        time.sleep(0.01)
    raise AssertionError("the build never started writing")


def staging_folders(root) -> list[str]:
    return sorted(p.name for p in root.iterdir() if p.name.startswith(".site-"))


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_a_build_stopped_by_a_signal_removes_its_staging_folder_and_keeps_the_previous_site(site, signum):
    build_site(site.root, as_of=site_date())
    snapshot = site.root / "snapshot"
    shutil.copytree(site.root / "site", snapshot)
    process = thidua_build(site.root)
    wait_until_writing(process, site.root)
    process.send_signal(signum)
    _, err = process.communicate(timeout=60)
    assert process.returncode == 128 + signum
    assert "Traceback" not in err and "đã dừng" in err
    assert staging_folders(site.root) == []
    assert_identical(site.root / "site", snapshot)


def test_the_folder_of_a_killed_build_is_removed_by_the_next_build_but_not_that_of_a_running_one(site):
    process = thidua_build(site.root)
    left = wait_until_writing(process, site.root)
    process.kill()  # SIGKILL: no handler runs, the staging folder stays behind
    process.wait(timeout=60)
    assert left.is_dir()
    with subprocess.Popen(["sleep", "60"]) as running:
        busy = site.root / f".site-build-{running.pid}-abcd"
        busy.mkdir()
        (site.root / ".site-old-999999999-x" / "site").mkdir(parents=True)
        try:
            build_site(site.root, as_of=site_date())
        finally:
            running.kill()
    assert staging_folders(site.root) == [busy.name]
    assert (site.root / "site" / "index.html").is_file()


@pytest.mark.parametrize("uri, source", [
    ("don-vi/phu-quy/index.md", "content/units/phu-quy.md"),
    ("gioi-thieu.md", "docs/gioi-thieu.md"),
    ("guong-dien-hinh/doi-tuan-tra-mau-dao-phu-quy/index.md", "exemplars/doi-tuan-tra-mau-dao-phu-quy.md"),
])
def test_an_unexpected_failure_while_building_a_page_names_its_file(site, uri, source):
    """A failure nobody foresaw (here: a second hooks file that breaks on one page) still names the file."""
    (site.root / "boom.py").write_text(
        "def on_page_markdown(markdown, page, config, files):\n"
        f"    if page.file.src_uri == {uri!r}:\n"
        "        raise RecursionError('maximum recursion depth exceeded')\n"
        "    return markdown\n", "utf-8")
    config = site.root / "mkdocs.yml"
    config.write_text(config.read_text("utf-8").replace("  - hooks/mkdocs_hooks.py\n", "  - hooks/mkdocs_hooks.py\n  - boom.py\n"), "utf-8")
    with pytest.raises(BuildFailed) as failed:
        build_site(site.root, as_of=site_date())
    assert str(failed.value) == (f"{source}:1: -: lỗi nội bộ khi xử lý tệp này (RecursionError: maximum recursion depth "
                                 "exceeded): hãy báo cho nhóm kỹ thuật kèm tệp này (internal error)")
    assert staging_folders(site.root) == []
