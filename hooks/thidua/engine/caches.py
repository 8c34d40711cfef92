"""The build's caches (`.cache/images/`, `.cache/share/`): files no build uses any more are removed.

A story edited, renamed or deleted, or a new drawing recipe, leaves its old renditions and cards behind;
the deploy workflow saves `.cache/` between runs, so without pruning it would only ever grow. A file
written since this build began is kept: another build (the preview, say) may have just drawn it.
"""

from __future__ import annotations

import os
from pathlib import Path


def prune(folder: Path, keep: set[Path], started: float) -> int:
    """Delete the files of `folder` not in `keep` and older than `started`; how many went. Paths are compared
    as written (absolute, not resolved): resolving each of a few thousand files cost a warm build half a second."""
    if not folder.is_dir():
        return 0
    here = os.path.abspath(folder)
    kept = {os.path.basename(path) for path in map(os.path.abspath, keep) if os.path.dirname(path) == here}
    gone = 0
    with os.scandir(folder) as entries:
        for entry in entries:
            if entry.name in kept or not entry.is_file(follow_symlinks=False):
                continue
            if entry.stat(follow_symlinks=False).st_mtime < started:
                Path(entry.path).unlink(missing_ok=True)
                gone += 1
    return gone
