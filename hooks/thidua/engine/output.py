"""The build's output folder: where a build may write, how it marks what it wrote, and its permissions.

A build replaces its output folder whole, so the folder must never be, contain or lie inside the sources
(the root, its tracked folders, the folders every checkout has) and, when it exists, must hold what an
earlier build wrote: the marker file `.thidua-build` at its top, which every build writes (or, from builds
before the marker, `_nginx/csp.conf` with its header). Anything else is refused before the build starts,
so nothing is touched. Hugo's `--destination` guard is the model.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from ..content.words import word
from ..hosting import server_files

MARKER = ".thidua-build"
MARKER_TEXT = ("Written by `thidua build`: this folder is its output, and the next build replaces it whole.\n"
               "Do not keep anything else here.\n")
# Every checkout has these, tracked or not (a copy without .git, a tarball): never an output folder.
SOURCES = frozenset({".git", ".github", ".ci", "docs", "content", "exemplars", "hooks", "overrides", "tests",
                     "scripts", "deploy"})
FOLDER_MODE, FILE_MODE = 0o755, 0o644  # what a web server's own user (www-data) may read


class OutputRefused(Exception):
    """`--site-dir` names a folder a build must not replace; the message names it, in Vietnamese."""


def check(root: Path, site_dir: Path) -> None:
    """Refuse `site_dir` unless a build may replace it whole; both paths already resolved."""
    shown = _shown(root, site_dir)
    if site_dir == root or root.is_relative_to(site_dir):
        raise OutputRefused(word("output.holds_repository", shown))
    if site_dir.is_relative_to(root):
        top = site_dir.relative_to(root).parts[0]
        if top in SOURCES or top in _tracked_folders(root):
            raise OutputRefused(word("output.in_sources", shown, f"{top}/"))
    if site_dir.exists() or site_dir.is_symlink():
        if not site_dir.is_dir():
            raise OutputRefused(word("output.not_a_folder", shown))
        if not written_by_a_build(site_dir) and any(site_dir.iterdir()):
            raise OutputRefused(word("output.foreign_files", shown, MARKER))


def written_by_a_build(folder: Path) -> bool:
    if (folder / MARKER).is_file():
        return True
    legacy = folder / server_files.FOLDER / server_files.CSP_CONF  # builds before the marker
    return legacy.is_file() and legacy.read_text("utf-8", errors="replace").startswith(server_files.CSP_HEADER)


def finish(staging: Path) -> None:
    """The marker, then folders 0755 and files 0644 whatever the umask and the staging folder's 0700
    (tempfile): a server running as its own user (nginx's www-data) reads every page."""
    (staging / MARKER).write_text(MARKER_TEXT, "utf-8")
    for folder, _, files in os.walk(staging):
        os.chmod(folder, FOLDER_MODE)
        for name in files:
            path = os.path.join(folder, name)
            if not os.path.islink(path):  # a build writes no links; chmod would follow one
                os.chmod(path, FILE_MODE)


def _tracked_folders(root: Path) -> set[str]:
    """The root's top-level folders that hold a file git tracks (none outside git)."""
    try:
        listed = subprocess.run(["git", "ls-files", "-z"], cwd=root, capture_output=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired):
        return set()
    if listed.returncode != 0:
        return set()
    return {name.split(b"/", 1)[0].decode("utf-8", "replace") for name in listed.stdout.split(b"\0") if b"/" in name}


def _shown(root: Path, site_dir: Path) -> str:
    """The folder as the editor knows it: relative to the root when inside it."""
    if site_dir.is_relative_to(root) and site_dir != root:
        relative = site_dir.relative_to(root).as_posix()
        return relative if site_dir.is_file() else f"{relative}/"
    return str(site_dir)
