"""When a hand-written file last changed, from git: the sitemap's `lastmod` for pages like /bao-chi/."""

from __future__ import annotations

import subprocess
from datetime import date
from pathlib import Path


def commit_date(root: Path, relative: str) -> date | None:
    """The date of the last commit touching `relative`, or None outside git or for an uncommitted file."""
    try:
        result = subprocess.run(["git", "log", "-1", "--format=%cs", "--", relative], cwd=root,
                                capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.TimeoutExpired):
        return None
    try:
        return date.fromisoformat(result.stdout.strip()) if result.returncode == 0 else None
    except ValueError:
        return None
