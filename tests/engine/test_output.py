"""The build's output folder: never the sources, never a folder of other files; published readable by all."""

from __future__ import annotations

import hashlib
import os
import stat
import subprocess
from pathlib import Path

import pytest
from support import AS_OF, REPO
from thidua.cli.main import main
from thidua.engine.building import build_site
from thidua.engine.output import MARKER, OutputRefused, check
from thidua.hosting import server_files

GIT = ["git", "-c", "user.name=Kiểm thử", "-c", "user.email=kiem-thu@example.invalid"]


@pytest.fixture(scope="module")
def checkout(tmp_path_factory) -> Path:
    """A plain clone of the repository, with one more tracked folder that no list names."""
    root = tmp_path_factory.mktemp("clone") / "repo"
    subprocess.run(["git", "clone", "--quiet", "--no-hardlinks", str(REPO), str(root)], check=True)
    (root / "ghi-chu").mkdir()
    (root / "ghi-chu" / "bien-ban.md").write_text("Biên bản họp.\n", "utf-8")
    subprocess.run([*GIT, "-C", str(root), "add", "ghi-chu"], check=True)
    subprocess.run([*GIT, "-C", str(root), "commit", "--quiet", "-m", "Notes"], check=True)
    return root


def fingerprint(root: Path) -> str:
    """Every path under root (.git included), its kind and its bytes."""
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*")):
        digest.update(str(path.relative_to(root)).encode() + b"\0")
        if path.is_symlink():
            digest.update(b"link:" + os.readlink(path).encode())
        elif path.is_file():
            digest.update(hashlib.sha256(path.read_bytes()).digest())
        else:
            digest.update(b"folder")
    return digest.hexdigest()


@pytest.mark.parametrize("folder", [
    ".", "..", ".git", ".github", "docs", "docs/bien-tap", "docs/chua-co", "content", "content/units", "exemplars",
    "hooks", "hooks/thidua/engine", "overrides", "tests", "scripts", "deploy", "ghi-chu", "ghi-chu/moi",
])
def test_a_build_into_the_sources_is_refused_and_touches_nothing(checkout, folder, monkeypatch, capsys):
    before = fingerprint(checkout)
    monkeypatch.chdir(checkout)
    assert main(["build", "--as-of", AS_OF.isoformat(), "--site-dir", folder]) == 2
    err = capsys.readouterr().err
    named = str((checkout / folder).resolve()) if folder in (".", "..") else folder.split("/")[0] + "/"
    assert err.count("\n") == 1 and err.startswith("thidua build: --site-dir ") and named in err
    assert "(output folder " in err and "Traceback" not in err
    assert fingerprint(checkout) == before


@pytest.mark.parametrize("inside", [True, False], ids=["in the checkout", "elsewhere"])
def test_a_folder_holding_files_no_build_wrote_is_refused(checkout, tmp_path, inside, monkeypatch, capsys):
    folder = checkout / ".cache-rieng" if inside else tmp_path / "tai-lieu"
    folder.mkdir()
    (folder / "ghi-chu.txt").write_text("Không được xóa.\n", "utf-8")
    try:
        before = fingerprint(folder.parent)
        monkeypatch.chdir(checkout)
        assert main(["build", "--site-dir", str(folder)]) == 2
        err = capsys.readouterr().err
        assert "không do thidua build tạo ra" in err and MARKER in err
        assert fingerprint(folder.parent) == before
    finally:
        if inside:
            (folder / "ghi-chu.txt").unlink()
            folder.rmdir()


def test_a_file_is_refused_as_an_output_folder(checkout, monkeypatch, capsys):
    monkeypatch.chdir(checkout)
    assert main(["build", "--site-dir", "mkdocs.yml"]) == 2
    assert "--site-dir mkdocs.yml: đây là một tệp" in capsys.readouterr().err


def test_a_build_marks_its_folder_and_publishes_it_readable_by_every_user(site, tmp_path):
    out = tmp_path / "out"
    out.mkdir()  # an empty folder is fine
    previous = os.umask(0o077)  # a hardened server's umask must not leave pages unreadable to www-data
    try:
        build_site(site.root, out, as_of=AS_OF)
        (out / "index.html").write_text("cũ", "utf-8")
        build_site(site.root, out, as_of=AS_OF)  # the folder a build wrote may be replaced by the next
    finally:
        os.umask(previous)
    assert (out / MARKER).is_file() and (out / "index.html").read_text("utf-8") != "cũ"
    modes = {stat.S_IMODE(p.stat().st_mode) for p in out.rglob("*") if p.is_dir()} | {stat.S_IMODE(out.stat().st_mode)}
    assert modes == {0o755}
    assert {stat.S_IMODE(p.stat().st_mode) for p in out.rglob("*") if p.is_file()} == {0o644}


def test_a_site_built_before_the_marker_existed_may_still_be_replaced(tmp_path):
    old = tmp_path / "site"
    (old / server_files.FOLDER).mkdir(parents=True)
    (old / server_files.FOLDER / server_files.CSP_CONF).write_text(f"{server_files.CSP_HEADER}: …\n", "utf-8")
    (old / "index.html").write_text("trang cũ", "utf-8")
    check(tmp_path, old)  # no exception
    (old / server_files.FOLDER / server_files.CSP_CONF).write_text("# someone else's file\n", "utf-8")
    with pytest.raises(OutputRefused):
        check(tmp_path, old)
