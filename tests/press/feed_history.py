"""A site copy with a real git history, as the deploy workflow checks it out, and its feeds written without
MkDocs (the same functions the build calls), for the tests of the feeds' order and archives."""

from __future__ import annotations

import os
import subprocess
from datetime import datetime, timedelta, timezone
from pathlib import Path

from support import AS_OF
from thidua.checks.loader import load_corpus
from thidua.content.history import folder_history
from thidua.checks.rendering import story_renderer
from thidua.press import feeds
from thidua.press.terms import Terms
from thidua.press.versions import story_changes
from thidua.site.settings import DEFAULT_LICENCE
from thidua.site.stories import render_stories

SITE_URL = "https://thidua.binhthuan.example/"
TERMS = Terms("Trang", SITE_URL, "Ban Thi đua – Khen thưởng tỉnh Bình Thuận", DEFAULT_LICENCE, "Trang")
VIETNAM = timezone(timedelta(hours=7))
WHO = {"GIT_AUTHOR_NAME": "Biên tập viên", "GIT_AUTHOR_EMAIL": "bientap@example.org",
       "GIT_COMMITTER_NAME": "Biên tập viên", "GIT_COMMITTER_EMAIL": "bientap@example.org"}
IGNORED = "site/\n.cache/\n.site-build-*\n"


def git(root: Path, *args: str, when: datetime | None = None, stdin: bytes | None = None) -> str:
    env = {**os.environ, **WHO}
    if when is not None:
        env["GIT_AUTHOR_DATE"] = env["GIT_COMMITTER_DATE"] = when.isoformat()
    result = subprocess.run(["git", "-c", "commit.gpgsign=false", *args], cwd=root, env=env, input=stdin,
                            capture_output=True, check=True)
    return result.stdout.decode()


def start_history(root: Path, when: datetime) -> None:
    """The site's first commit: the launch, with the stories it had."""
    (root / ".gitignore").write_text(IGNORED, "utf-8")
    git(root, "init", "-q", "-b", "main")
    commit(root, when, "Ra mắt trang")


def commit(root: Path, when: datetime, message: str = "Thêm bài") -> None:
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", message, when=when)


def commit_each(root: Path, files: list[tuple[Path, datetime]]) -> None:
    """One commit per file, at its time (git fast-import: a thousand commits in a second)."""
    stream = []
    for n, (path, when) in enumerate(files):
        data = path.read_bytes()
        message = f"Thêm {path.name}".encode()
        stream += [b"commit refs/heads/main",
                   f"committer {WHO['GIT_COMMITTER_NAME']} <{WHO['GIT_COMMITTER_EMAIL']}> "
                   f"{int(when.timestamp())} +0700".encode(),
                   f"data {len(message)}".encode(), message]
        if n == 0:  # on top of the launch
            stream.append(b"from refs/heads/main^0")
        stream += [f"M 100644 inline {path.relative_to(root).as_posix()}".encode(), f"data {len(data)}".encode(), data]
    git(root, "fast-import", "--quiet", stdin=b"\n".join(stream) + b"\n")
    git(root, "reset", "-q")


def write_feeds(root: Path, out: Path, as_of=AS_OF) -> dict[str, bytes]:
    """Every Atom and RSS feed and every archive document, as the build writes them; returns them by URL."""
    corpus = load_corpus(root).published(as_of)
    stories = render_stories(corpus, {}, SITE_URL, story_renderer([], {}))
    log = story_changes(stories.values(), folder_history(root, "exemplars"))
    contents = {sid: feeds.entry_html(s, TERMS, root / "overrides") for sid, s in stories.items()}
    written: dict[str, bytes] = {}
    every = feeds.site_feeds(corpus, stories, "Trang", log)
    for feed in every:
        updated = feeds.feed_updated(feed.entries, feeds.feed_updated(every[0].entries, None))
        written[feed.url("atom")] = feeds.atom(feed, TERMS, updated, contents)
        written[feed.url("rss")] = feeds.rss(feed, TERMS, updated, contents)
        for archive in feeds.archives(feed):
            written[archive.url] = feeds.atom_archive(archive, TERMS)
    for url, data in written.items():
        path = out / url
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return written


def archives_of(written: dict[str, bytes]) -> dict[str, bytes]:
    return {url: data for url, data in written.items() if "/trang/" in url}
