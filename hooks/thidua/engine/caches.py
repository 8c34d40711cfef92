"""The build's caches (`.cache/images/`, `.cache/share/`): files no build uses any more are removed.

A story edited, renamed or deleted, or a new drawing recipe, leaves its old renditions and cards behind;
the deploy workflow saves `.cache/` between runs, so without pruning it would only ever grow. A file
written since this build began is kept: another build (the preview, say) may have just drawn it.
"""

from __future__ import annotations

from pathlib import Path


def prune(folder: Path, keep: set[Path], started: float) -> int:
    """Delete the files of `folder` not in `keep` and older than `started`; how many went."""
    if not folder.is_dir():
        return 0
    kept = {path.resolve() for path in keep}
    gone = 0
    for path in folder.iterdir():
        if path.is_file() and not path.is_symlink() and path.resolve() not in kept and path.stat().st_mtime < started:
            path.unlink(missing_ok=True)
            gone += 1
    return gone
