"""The form's last gate: a change reaches the published branch only if `thidua check` would let it.

The real checker reads copies of content/ and exemplars/ as they are and as they would be after the change
(the story with its photos, beside every other story and the taxonomies). The change is refused when a file
it writes has an error, or when it brings an error anywhere else: a photo replaced by one too small for the
story that shows it, a photo removed, an id another story already uses. Errors that were there before and
that the change does not touch are not this change's to fix, so they do not hold it back.
"""

from __future__ import annotations

from pathlib import Path

from ..checks.loader import load
from ..content.problems import Problem


def errors(snapshot: Path) -> frozenset[Problem]:
    return frozenset(load(snapshot).errors)


def refusals(before: frozenset[Problem], after: Path, changed: set[str]) -> list[Problem]:
    """The checker's errors in the copy at `after` that are in a changed file or were not in `before`."""
    return sorted(p for p in errors(after) if p.path in changed or p not in before)
