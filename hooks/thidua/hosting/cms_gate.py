"""The form's last gate: a story reaches the published branch only if `thidua check` would accept it there.

The real checker reads a copy of content/ and exemplars/ as they would be after the change (the story with
its photos, beside every other story and the taxonomies), and judges the stories the change touches: a
written or renamed story, and every story whose photo the change writes or removes. Problems of stories the
change does not touch are not this change's to fix, so they do not hold it back.
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath

from ..checks.loader import load
from ..content.problems import ContentError, Problem
from ..content.source import read_document


def refusals(snapshot: Path, changed: set[str]) -> list[Problem]:
    """The checker's errors about the stories `changed` touches, in the copy at `snapshot`."""
    photos = {PurePosixPath(path).name for path in changed if not path.endswith(".md")}
    touched = set(changed) | {f"exemplars/{story.name}" for story in (snapshot / "exemplars").glob("*.md")
                              if photos and _photo_of(story, snapshot) in photos}
    return [problem for problem in load(snapshot).errors if problem.path in touched]


def _photo_of(story: Path, root: Path) -> str | None:
    try:
        meta = read_document(story, root).meta
    except (ContentError, OSError):
        return None  # the checker says what is wrong with it, if the change touches it
    return str(meta.get("photo")) if isinstance(meta, dict) else None
