"""`thidua check FILE…`: report only the chosen files, while every reference is checked against everything."""

from __future__ import annotations

from pathlib import Path

from ..content.problems import Problem


class SelectionError(ValueError):
    pass


def resolve_paths(root: Path, paths: list[Path]) -> list[str] | None:
    """Repository-relative POSIX paths (files or folders) from paths given relative to the current folder
    or to the root; None when no path was given (everything is reported)."""
    if not paths:
        return None
    root = root.resolve()
    selected = []
    for given in paths:
        found = next((p.resolve() for p in (given, root / given) if p.exists()), None)
        if found is None:
            raise SelectionError(f"không tìm thấy “{given}” (no such file)")
        if not found.is_relative_to(root):
            raise SelectionError(f"“{given}” nằm ngoài kho nội dung {root} (outside the repository)")
        selected.append(found.relative_to(root).as_posix())
    return selected


def only(problems: list[Problem], selected: list[str] | None) -> list[Problem]:
    if selected is None:
        return problems
    return [p for p in problems if any(p.path == s or s == "." or p.path.startswith(s.rstrip("/") + "/")
                                       for s in selected)]
