"""The repository's history as the feeds read it: first-parent revisions of a folder's files, and none at all
where it would mislead (no git, a copy inside another repository, a shallow clone)."""

from __future__ import annotations

import os
import subprocess
from datetime import datetime, timedelta, timezone

from thidua.content.history import folder_history

VIETNAM = timezone(timedelta(hours=7))
WHO = {"GIT_AUTHOR_NAME": "A", "GIT_AUTHOR_EMAIL": "a@example.org", "GIT_COMMITTER_NAME": "A",
       "GIT_COMMITTER_EMAIL": "a@example.org"}


def git(root, *args, when=None):
    env = {**os.environ, **WHO}
    if when:
        env["GIT_AUTHOR_DATE"] = env["GIT_COMMITTER_DATE"] = when.isoformat()
    subprocess.run(["git", "-c", "commit.gpgsign=false", *args], cwd=root, env=env, check=True, capture_output=True)


def repository(tmp_path):
    root = tmp_path / "repo"
    (root / "exemplars").mkdir(parents=True)
    git(root, "init", "-q", "-b", "main")
    (root / "exemplars" / "a.md").write_text("---\ntitle: A\n---\n", "utf-8")
    (root / "README").write_text("x", "utf-8")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "launch", when=datetime(2023, 8, 1, 9, tzinfo=VIETNAM))
    git(root, "checkout", "-q", "-b", "pr")
    (root / "exemplars" / "b.md").write_text("---\ntitle: B\n---\n", "utf-8")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "b", when=datetime(2023, 9, 1, 9, tzinfo=VIETNAM))
    git(root, "checkout", "-q", "main")
    (root / "exemplars" / "a.md").write_text("---\ntitle: A2\n---\n", "utf-8")
    git(root, "commit", "-q", "-am", "a again", when=datetime(2023, 9, 2, 9, tzinfo=VIETNAM))
    git(root, "merge", "-q", "--no-ff", "-m", "merge b", "pr", when=datetime(2023, 9, 5, 9, tzinfo=VIETNAM))
    return root


def test_a_file_counts_from_when_it_reached_the_main_line_not_its_branch_commit(tmp_path):
    root = repository(tmp_path)
    history = folder_history(root, "exemplars")
    [b] = history.of("exemplars/b.md")
    assert b.at == datetime(2023, 9, 5, 9, tzinfo=VIETNAM)  # the merge, not the branch's 01/09
    first, second = history.of("exemplars/a.md")
    assert (first.seq, second.seq) == (history.first, 1) and first.at < second.at
    assert history.texts([second.blob])[second.blob] == "---\ntitle: A2\n---\n"
    assert history.of("README") == []


def test_no_history_where_it_would_mislead(tmp_path):
    assert folder_history(tmp_path, "exemplars") is None  # no git at all
    root = repository(tmp_path)
    (root / "copied-site" / "exemplars").mkdir(parents=True)
    assert folder_history(root / "copied-site", "exemplars") is None  # another repository around it
    shallow = tmp_path / "shallow"
    git(tmp_path, "clone", "-q", "--depth", "1", f"file://{root}", str(shallow))
    assert folder_history(shallow, "exemplars") is None  # its one commit would look like the launch
    full = tmp_path / "full"
    git(tmp_path, "clone", "-q", str(root), str(full))
    assert folder_history(full, "exemplars").of("exemplars/b.md")
