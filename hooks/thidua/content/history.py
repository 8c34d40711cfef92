"""What the repository's history says: when a hand-written file last changed (the sitemap's `lastmod` for
pages like /bao-chi/), and when each version of a content file reached the published branch (the order of
the feeds, so that their RFC 5005 archives never change; press/changes.py).

Only the first-parent line counts: a pull request's story reaches the site when it is merged, whatever its
own commits say. A checkout without that history (a source tarball, a shallow clone) has none: `None`.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from pathlib import Path

from .moments import VIETNAM

MAX_BLOB_BYTES = 1_000_000  # as content/source.py caps a file
_NO_BLOB = "0" * 40


def commit_date(root: Path, relative: str) -> date | None:
    """The date of the last commit touching `relative`, or None outside git or for an uncommitted file."""
    try:
        result = subprocess.run(["git", "log", "-1", "--format=%cs", "--", relative], cwd=root,
                                capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.TimeoutExpired):
        return None
    try:
        return date.fromisoformat(result.stdout.strip()) if result.returncode == 0 else None
    except ValueError:
        return None


@dataclass(frozen=True)
class Revision:
    """A file as one first-parent commit left it: the commit's place in the line, its time, the file's blob."""

    seq: int
    at: datetime
    blob: str


@dataclass
class History:
    """The first-parent history of one folder: every revision of every file in it, oldest first."""

    root: Path
    revisions: dict[str, list[Revision]]  # by repository-relative path
    first: int | None  # the commit that first brought files into the folder: the site's launch
    _texts: dict[str, str | None] = field(default_factory=dict)

    def of(self, path: str) -> list[Revision]:
        return self.revisions.get(path, [])

    def texts(self, blobs: list[str]) -> dict[str, str | None]:
        """The contents of these blobs (one `git cat-file --batch` for all that are not read yet)."""
        wanted = [b for b in dict.fromkeys(blobs) if b not in self._texts]
        if wanted:
            self._texts.update(_read_blobs(self.root, wanted))
        return {b: self._texts.get(b) for b in blobs}


def _git(root: Path, *args: str, stdin: bytes | None = None, timeout: int = 60) -> bytes | None:
    try:
        result = subprocess.run(["git", *args], cwd=root, input=stdin, capture_output=True, timeout=timeout)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return result.stdout if result.returncode == 0 else None


def folder_history(root: Path, folder: str, suffix: str = ".md") -> History | None:
    """The history of `folder`'s files ending in `suffix`; None when `root` is not the top of a complete clone
    (no git, another repository around a copied site, a shallow clone whose first commit would look like the
    launch)."""
    top = _git(root, "rev-parse", "--show-toplevel", "--is-shallow-repository")
    if top is None:
        return None
    lines = top.decode("utf-8", "replace").split("\n")
    if len(lines) < 2 or Path(lines[0]).resolve() != root.resolve() or lines[1].strip() != "false":
        return None
    log = _git(root, "log", "--first-parent", "--diff-merges=first-parent", "--reverse", "--no-renames", "--raw",
               "--no-abbrev", "--format=%x01%ct", "--", f"{folder}/")
    if log is None:
        return None
    revisions: dict[str, list[Revision]] = {}
    seq, first, at = -1, None, None
    for line in log.decode("utf-8", "replace").split("\n"):
        if line.startswith("\x01"):
            seq += 1
            at = datetime.fromtimestamp(int(line[1:]), timezone.utc).astimezone(VIETNAM)
            continue
        meta, _, path = line.partition("\t")
        parts = meta.split()
        if not line.startswith(":") or len(parts) < 5 or not path.endswith(suffix) or '"' in path:
            continue
        first = seq if first is None else first
        blob = parts[3]
        if blob != _NO_BLOB:  # a deletion leaves nothing to read
            revisions.setdefault(path, []).append(Revision(seq, at, blob))
    return History(root, revisions, first)


def _read_blobs(root: Path, blobs: list[str]) -> dict[str, str | None]:
    out = _git(root, "cat-file", "--batch", stdin="".join(f"{b}\n" for b in blobs).encode(), timeout=120)
    found: dict[str, str | None] = {b: None for b in blobs}
    if out is None:
        return found
    position = 0
    for blob in blobs:
        end = out.index(b"\n", position)
        header = out[position:end].split()
        position = end + 1
        if len(header) != 3 or header[1] != b"blob":  # "<sha> missing"
            continue
        size = int(header[2])
        if size <= MAX_BLOB_BYTES:
            found[blob] = out[position:position + size].decode("utf-8", "replace")
        position += size + 1
    return found
