"""The build's caches on disk (`.cache/`): a file is written whole or not at all, and published by a link.

An interrupted build, or two builds at once (a build and the preview), must never leave half a file where the
next build will trust it; a cached file reaches the site as a hard link, not a second copy of its bytes.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from pathlib import Path


def write_whole(path: Path, data: bytes) -> None:
    """Write `data` to `path` atomically: a temporary file beside it, renamed over it. Readable by all (0644, as
    the site is published): a cached file is linked into the site, where a web server running as its own user
    must read it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".part")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def link_or_copy(cached: Path, target: Path) -> None:
    """`cached` at `target`: linked on the same file system, else copied."""
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.link(cached, target)
    except OSError:
        shutil.copyfile(cached, target)


class Kept:
    """Files each build publishes, mostly with the bytes of the last (ninjs, feeds, the search index), kept in
    `folder` under the hash of their bytes and linked into the site. On this machine's ext4 a new file (an
    inode) costs about twenty times a link (a directory entry): at 1,000 stories the 3,300 files of ninjs
    and the search index were a second of a warm build's system time. `used`: what pruning keeps."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.used: set[Path] = set()

    def publish(self, data: bytes, target: Path) -> None:
        kept = self.folder / hashlib.sha256(data).hexdigest()[:32]
        if kept not in self.used and not kept.is_file():
            write_whole(kept, data)
        self.used.add(kept)
        link_or_copy(kept, target)
