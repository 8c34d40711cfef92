"""The web form's drafts in git, made with git's plumbing: never `git add .`, never a checkout.

A draft is a branch `cms/exemplars/<id>` whose one commit sits on the published branch and changes only
the story's files; its status is the branch's description, as decap-server keeps it. Trees are written
through an index file of our own (GIT_INDEX_FILE), so the editor's index, working tree and uncommitted work
are never touched, and a dirty tree is no reason to refuse. Publishing moves the published branch by one
merge commit and then brings only the published files into the working tree, refusing when the editor has
unsaved changes to one of them.
"""

from __future__ import annotations

import os
import subprocess
import tarfile
from dataclasses import dataclass
from pathlib import Path

DRAFT_PREFIX = "cms/"  # decap-cms-lib-util's CMS_BRANCH_PREFIX: cms/<collection>/<slug>
SNAPSHOT_FOLDERS = ("content", "exemplars")  # what the checker reads to judge a story


class GitError(RuntimeError):
    """A git command failed; its own words are for the terminal, not for the page."""


@dataclass(frozen=True)
class Change:
    path: str
    status: str  # added, modified or deleted (the words of the diff decap-server reads)


class GitDrafts:
    def __init__(self, root: Path, branch: str, workdir: Path) -> None:
        self.root, self.branch, self.workdir = root, branch, workdir
        self.env = {**os.environ, "GIT_TERMINAL_PROMPT": "0"}
        fallback = {"NAME": ("user.name", "Biểu mẫu gửi bài"), "EMAIL": ("user.email", "bieu-mau@localhost")}
        for key, (setting, value) in fallback.items():  # a checkout without user.name still gets its drafts
            if not self._ok("config", setting):
                self.env.setdefault(f"GIT_AUTHOR_{key}", value)
                self.env.setdefault(f"GIT_COMMITTER_{key}", value)

    # -- reading -------------------------------------------------------------------------------------------
    def tip(self, branch: str) -> str | None:
        found = self._run("rev-parse", "--verify", "-q", f"refs/heads/{branch}^{{commit}}", check=False)
        return found.stdout.decode().strip() or None

    def main_tip(self) -> str:
        tip = self.tip(self.branch)
        if tip is None:
            raise GitError(f"no branch {self.branch}")
        return tip

    def read(self, ref: str, path: str) -> bytes | None:
        found = self._run("cat-file", "blob", f"{ref}:{path}", check=False)
        return found.stdout if found.returncode == 0 else None

    def files(self, ref: str, folder: str) -> list[str]:
        """The files directly in `folder` at `ref`, by path."""
        listed = self._run("ls-tree", "-z", ref, "--", f"{folder}/").stdout.decode("utf-8").split("\0")
        return [line.split("\t", 1)[1] for line in listed if line and line.split()[1] == "blob"]

    def drafts(self) -> list[str]:
        refs = self._run("for-each-ref", "--format=%(refname:lstrip=2)", f"refs/heads/{DRAFT_PREFIX}").stdout
        return refs.decode("utf-8").split()

    def changes(self, draft: str) -> list[Change]:
        """What the draft changes against the published branch it was made from."""
        tip = self.tip(draft)
        base = self._run("merge-base", self.main_tip(), tip).stdout.decode().strip()
        out = self._run("diff", "--name-status", "-z", "--no-renames", base, tip).stdout.decode("utf-8").split("\0")
        words = {"A": "added", "D": "deleted"}
        return [Change(path, words.get(status[:1], "modified")) for status, path in zip(out[::2], out[1::2])]

    def updated(self, ref: str) -> str:
        return self._run("log", "-1", "--format=%cI", ref).stdout.decode().strip()

    def status(self, draft: str) -> str:
        return self._run("config", "--get", f"branch.{draft}.description", check=False).stdout.decode().strip()

    # -- writing -------------------------------------------------------------------------------------------
    def tree(self, base: str, changes: dict[str, bytes | None]) -> str:
        """The tree of `base` with these files written (bytes) or removed (None)."""
        index = self.workdir / "index"
        env = {**self.env, "GIT_INDEX_FILE": str(index)}
        try:
            self._run("read-tree", base, env=env)
            for path, data in changes.items():
                if data is None:
                    self._run("update-index", "--force-remove", "--", path, env=env)
                else:
                    blob = self._run("hash-object", "-w", "--stdin", data=data).stdout.decode().strip()
                    self._run("update-index", "--add", "--cacheinfo", f"100644,{blob},{path}", env=env)
            return self._run("write-tree", env=env).stdout.decode().strip()
        finally:
            index.unlink(missing_ok=True)

    def commit(self, tree: str, parents: list[str], message: str) -> str:
        args = [arg for parent in parents for arg in ("-p", parent)]
        return self._run("commit-tree", tree, *args, "-m", message).stdout.decode().strip()

    def save_draft(self, draft: str, changes: dict[str, bytes | None], message: str, status: str) -> None:
        """One commit on the published branch's tip holding these changes, as the draft branch."""
        main = self.main_tip()
        commit = self.commit(self.tree(main, changes), [main], message)
        before = self.tip(draft)
        self._run("update-ref", f"refs/heads/{draft}", commit, before or "0" * 40)
        if before is None:
            self.set_status(draft, status)

    def set_status(self, draft: str, status: str) -> None:
        self._run("config", f"branch.{draft}.description", status)

    def delete_draft(self, draft: str) -> None:
        self._run("branch", "-D", draft)

    def publish(self, tree: str, parents: list[str], message: str, paths: list[str]) -> None:
        """Move the published branch to a commit of `tree`, then bring `paths` into the working tree."""
        checked_out = self._run("symbolic-ref", "-q", "HEAD", check=False).stdout.decode().strip()
        on_branch = checked_out == f"refs/heads/{self.branch}"
        if on_branch:
            unsaved = self._run("status", "--porcelain", "-z", "--", *paths).stdout.decode("utf-8")
            if unsaved:
                raise UnsavedWork([entry[3:] for entry in unsaved.split("\0") if entry[3:]])
        commit = self.commit(tree, parents, message)
        self._run("update-ref", f"refs/heads/{self.branch}", commit, parents[0])
        if on_branch:
            present = [p for p in paths if self.read(commit, p) is not None]
            if present:
                self._run("checkout", commit, "--", *present)
            for gone in set(paths) - set(present):
                self._run("rm", "-q", "--cached", "--ignore-unmatch", "--", gone)
                (self.root / gone).unlink(missing_ok=True)

    def snapshot(self, tree: str, into: Path) -> Path:
        """content/ and exemplars/ as they are in `tree`, written under `into`, for the checker to read."""
        into.mkdir(parents=True)
        archive = self._run("archive", "--format=tar", tree, "--", *SNAPSHOT_FOLDERS).stdout
        tar_path = self.workdir / "snapshot.tar"
        tar_path.write_bytes(archive)
        try:
            with tarfile.open(tar_path) as tar:
                tar.extractall(into, filter="data")
        finally:
            tar_path.unlink(missing_ok=True)
        return into

    # -- git itself ----------------------------------------------------------------------------------------
    def _ok(self, *args: str) -> bool:
        return self._run(*args, check=False).returncode == 0

    def _run(self, *args: str, data: bytes | None = None, env: dict | None = None,
             check: bool = True) -> subprocess.CompletedProcess:
        done = subprocess.run(["git", "-c", "core.hooksPath=/dev/null", *args], cwd=self.root, input=data,
                              capture_output=True, env=env or self.env,
                              stdin=subprocess.DEVNULL if data is None else None)
        if check and done.returncode != 0:
            raise GitError(f"git {args[0]}: {done.stderr.decode('utf-8', 'replace').strip()}")
        return done


class UnsavedWork(GitError):
    """The editor has unsaved changes to a file publishing would replace."""

    def __init__(self, paths: list[str]) -> None:
        self.paths = paths
        super().__init__(", ".join(paths))
