"""Files an editor meant as a story or a content page but that nothing reads: `Bai.MD`, `bai.docx`, a story
in a subfolder. Without a message they would be silently left out of the site."""

from __future__ import annotations

from pathlib import Path

from ..content.problems import Problem

FOLDERS = ("exemplars", "content/plans", "content/movements", "content/units", "content/commendations")
TEXT_SUFFIXES = frozenset({".md", ".markdown", ".mdown", ".txt", ".doc", ".docx", ".odt", ".rtf"})
MESSAGE = ("tệp “{name}” không được đọc: mỗi bài là một tệp đuôi .md (chữ thường) đặt ngay trong {folder}/ "
           "(file not read)")


def stray_problems(root: Path) -> list[Problem]:
    problems = []
    for folder in FOLDERS:
        base = root / folder
        for path in sorted(base.rglob("*")) if base.is_dir() else []:
            read = path.parent == base and path.suffix == ".md"
            if not read and path.suffix.lower() in TEXT_SUFFIXES and path.is_file() and not path.is_symlink():
                problems.append(Problem(path.relative_to(root).as_posix(), 1, "-",
                                        MESSAGE.format(name=path.relative_to(base).as_posix(), folder=folder)))
    return problems
