"""Opening files from a pull request: never through a symbolic link, never more than a cap.

A link could publish `.git/config` or `/etc/passwd`; a link to `/dev/zero` or a FIFO must not be read whole
or block the build. So the tree is scanned for links, and every content file is opened with O_NOFOLLOW,
must be a regular file, and is read with the cap applied while reading.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from .problems import ContentError, Problem

# The folders whose files reach the site; none may hold a link, whatever it points to.
SOURCE_FOLDERS = ("content", "exemplars", "docs", "overrides")

LINK = "tệp là liên kết tượng trưng (symbolic link): hãy thay bằng tệp thật nằm trong kho (symbolic link not allowed)"
NOT_A_FILE = "không phải tệp thường (thiết bị, FIFO hay socket): hãy xóa (not a regular file)"
TOO_LARGE = "tệp quá lớn (hơn {cap:,} byte, tối đa {cap:,}) (file too large)"


def link_problems(root: Path) -> list[Problem]:
    """Every symbolic link (to a file or a folder) and every special file under the source folders."""
    problems = []
    for folder in SOURCE_FOLDERS:
        base = root / folder
        if base.is_symlink():
            problems.append(Problem(folder, 1, "tệp", LINK))
            continue
        for current, dirs, files in os.walk(base):  # os.walk does not descend into linked folders
            for name in sorted(dirs + files):
                path = Path(current, name)
                mode = path.lstat().st_mode
                relative = path.relative_to(root).as_posix()
                if stat.S_ISLNK(mode):
                    problems.append(Problem(relative, 1, "tệp", LINK))
                elif not (stat.S_ISREG(mode) or stat.S_ISDIR(mode)):
                    problems.append(Problem(relative, 1, "tệp", NOT_A_FILE))
    return problems


def read_capped(path: Path, relative: str, cap: int) -> bytes:
    """The file's bytes, or a `ContentError` if it is a link, not a regular file, or larger than `cap`."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError as err:
        message = LINK if path.is_symlink() else f"không mở được tệp ({err.strerror}) (cannot open file)"
        raise ContentError([Problem(relative, 1, "tệp", message)]) from None
    with os.fdopen(fd, "rb") as handle:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise ContentError([Problem(relative, 1, "tệp", NOT_A_FILE)])
        data = handle.read(cap + 1)
    if len(data) > cap:
        raise ContentError([Problem(relative, 1, "-", TOO_LARGE.format(cap=cap))])
    return data
