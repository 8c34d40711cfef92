"""Where the form's stories live: the published branch in git, or exemplars/ on disk; both checked on the
way in (hosting/cms_gate.py) so that nothing the checker refuses reaches what the site is built from."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from ..checks.loader import Loaded, load
from ..content.words import word
from .cms_gate import errors, refusals
from .cms_git import SNAPSHOT_FOLDERS, GitDrafts, UnsavedWork

FOLDER = "exemplars"  # the only folder the form reads or writes


class Refused(Exception):
    """A request the form's backend will not carry out, with the words the editor sees."""

    def __init__(self, status: int, words: str) -> None:
        self.status, self.words = status, words
        super().__init__(words)


def gate(before: frozenset, snapshot: Path, changes: dict[str, bytes | None]) -> None:
    problems = refusals(before, snapshot, set(changes))
    if problems:
        raise Refused(422, "\n".join([word("local_cms.refused"), *(str(p) for p in problems)]))


class GitFiles:
    """The published branch as git has it; drafts as branches beside it."""

    def __init__(self, root: Path, branch: str, workdir: Path) -> None:
        self.workdir = workdir
        self.drafts = GitDrafts(root, branch, workdir)
        self.known: tuple[str, frozenset] = ("", frozenset())  # the published branch's errors, by its commit

    def content(self) -> Loaded:
        """What the form shows: content/ and exemplars/ as the published branch has them, checked."""
        main = self.drafts.main_tip()
        with tempfile.TemporaryDirectory(dir=self.workdir) as scratch:
            loaded = load(self.drafts.snapshot(main, Path(scratch) / "kho"))
        self.known = (main, frozenset(loaded.errors))
        return loaded

    def read(self, path: str) -> bytes | None:
        return self.drafts.read(self.drafts.main_tip(), path)

    def listed(self) -> list[str]:
        return self.drafts.files(self.drafts.main_tip(), FOLDER)

    def save_draft(self, branch: str, changes: dict[str, bytes | None], message: str, status: str) -> None:
        self.drafts.save_draft(branch, changes, message, status)

    def publish(self, changes: dict[str, bytes | None], message: str, draft_tip: str | None = None) -> None:
        main = self.drafts.main_tip()
        tree = self.drafts.tree(main, changes)
        with tempfile.TemporaryDirectory(dir=self.workdir) as scratch:
            if self.known[0] != main:
                self.known = (main, errors(self.drafts.snapshot(main, Path(scratch) / "truoc")))
            gate(self.known[1], self.drafts.snapshot(tree, Path(scratch) / "sau"), changes)
        try:
            self.drafts.publish(tree, [main, *([draft_tip] if draft_tip else [])], message, sorted(changes))
        except UnsavedWork as unsaved:
            raise Refused(409, word("local_cms.unsaved", ", ".join(unsaved.paths))) from None

    def publish_draft(self, branch: str, message: str) -> None:
        tip = self.drafts.tip(branch)
        changes = {c.path: self.drafts.read(tip, c.path) for c in self.drafts.changes(branch)}
        if any(not path.startswith(f"{FOLDER}/") or path.count("/") != 1 for path in changes):
            raise Refused(403, word("local_cms.outside"))  # a branch made by hand, not by the form
        self.publish(changes, message, tip)
        self.drafts.delete_draft(branch)


class FsFiles:
    """exemplars/ on disk, written straight (`thidua cms --mode fs`)."""

    def __init__(self, root: Path, workdir: Path) -> None:
        self.root, self.workdir = root, workdir

    def content(self) -> Loaded:
        return load(self.root)

    def read(self, path: str) -> bytes | None:
        target = self.root / path
        if self._folder() is None or target.is_symlink() or not target.is_file():
            return None
        return target.read_bytes()

    def listed(self) -> list[str]:
        folder = self._folder()
        return sorted(f"{FOLDER}/{p.name}" for p in folder.iterdir() if p.is_file() and not p.is_symlink()) \
            if folder else []

    def _folder(self) -> Path | None:
        """exemplars/, unless it is missing or a link leading elsewhere."""
        folder = self.root / FOLDER
        return folder if folder.is_dir() and not folder.is_symlink() else None

    def publish(self, changes: dict[str, bytes | None], message: str) -> None:
        with tempfile.TemporaryDirectory(dir=self.workdir) as scratch:
            snapshot = Path(scratch) / "kho"
            for name in SNAPSHOT_FOLDERS:
                if (self.root / name).is_dir():
                    shutil.copytree(self.root / name, snapshot / name, symlinks=True)
            before = errors(snapshot)
            write(snapshot, changes)
            gate(before, snapshot, changes)
        write(self.root, changes)


def write(root: Path, changes: dict[str, bytes | None]) -> None:
    """Each file whole or not at all (written beside, then renamed over); never through a symbolic link."""
    for path, data in changes.items():
        target = root / path
        if target.is_symlink() or target.parent.is_symlink():
            raise Refused(403, word("local_cms.outside"))
        if data is None:
            target.unlink(missing_ok=True)
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, temporary = tempfile.mkstemp(dir=target.parent, prefix=".thidua-")
        with os.fdopen(fd, "wb") as out:
            out.write(data)
        os.chmod(temporary, 0o644)
        os.replace(temporary, target)
