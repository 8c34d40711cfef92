"""The hand-written pages in `docs/`: written by the team, but arriving by pull request like any content,
so they pass the same gate as a story body — no invisible characters, bounded size, safe links, plain-text
titles. (Not the spelling checks: the guide quotes damaged text on purpose.)"""

from __future__ import annotations

import posixpath
from pathlib import Path
from urllib.parse import unquote

from ..content import urls
from ..content.files import read_capped
from ..content.problems import ContentError, Problem
from ..content.source import (
    BODY_TOO_LONG,
    FENCE,
    MAX_BODY_CHARS,
    MAX_FILE_BYTES,
    Document,
    decode,
    parse_document,
)
from . import hygiene, marks, reading

DOCS = "docs"
PLAIN_FIELDS = frozenset({"title", "description"})
KNOWN_FIELDS = {"title", "description", "template", "hide"}
TEMPLATES = "overrides"  # a page's `template` must be one of ours: thidua/<name>.html
GENERATED = frozenset({urls.FIELD_REFERENCE + "index.md"})  # the page the build adds among these (editors/guide.py)

UNKNOWN_FIELD = ("trường “{key}” không dùng được trên trang viết tay: chỉ có title, description, template, hide "
                 "(unknown field)")
UNKNOWN_TEMPLATE = "mẫu trang “{value}” không có trong overrides/thidua/ (unknown template)"
MISSING_PAGE = ("liên kết “{target}” trỏ tới trang không có trong docs/: hãy sửa tên tệp .md, hoặc dẫn tới trang "
                "do hệ thống tạo bằng địa chỉ của nó, ví dụ ../phong-trao/ (page not found)")


def docs_problems(root: Path) -> list[Problem]:
    problems: list[Problem] = []
    base, site = root / DOCS, reading.Reading(root)
    for path in sorted(base.rglob("*.md")) if base.is_dir() else []:
        if path.is_symlink() or not path.is_file():
            continue  # reported with its path by the scan for links and special files
        try:
            doc = read_page(path, root)
        except ContentError as err:
            problems += err.problems
            continue
        problems += _front_matter_problems(doc, root)
        problems += hygiene.safety_problems(doc, PLAIN_FIELDS) + marks.mark_problems(doc, PLAIN_FIELDS)
        body, found = reading.judged(doc, story=False, reading=site)
        problems += body + _missing_pages(doc, found, path, base)
    site.render("", story=False)  # mkdocs.yml's Markdown settings, read once for every body: said here, once
    return problems + site.problems


def _missing_pages(doc: Document, found: list[str], path: Path, base: Path) -> list[Problem]:
    """A link to another hand-written page (a .md file, as MkDocs resolves it) must find that page."""
    missing = []
    for target in found:
        page = unquote(target.split("#", 1)[0].split("?", 1)[0])
        if not page.lower().endswith(".md") or "://" in page or page.startswith("/"):
            continue
        relative = posixpath.normpath(posixpath.join(path.parent.relative_to(base).as_posix(), page))
        if relative.startswith("../") or not ((base / relative).is_file() or relative in GENERATED):
            missing.append(target)
    return [Problem(doc.path, line, "nội dung", MISSING_PAGE.format(target=reading.shown(target)))
            for target, line in zip(missing, reading.source_lines(doc, missing))]


def read_page(path: Path, root: Path) -> Document:
    """A page with or without front matter (MkDocs accepts both)."""
    relative = path.relative_to(root).as_posix()
    text = decode(read_capped(path, relative, MAX_FILE_BYTES), relative).replace("\r\n", "\n").removeprefix("\ufeff")
    if text.split("\n", 1)[0].rstrip() != FENCE:
        if len(text) > MAX_BODY_CHARS:
            raise ContentError([Problem(relative, 1, "nội dung", BODY_TOO_LONG.format(length=len(text), limit=MAX_BODY_CHARS))])
        return Document(relative, {}, text, 1)
    return parse_document(text, relative)


def _front_matter_problems(doc: Document, root: Path) -> list[Problem]:
    problems = [doc.problem(str(key), UNKNOWN_FIELD.format(key=key)) for key in doc.meta if key not in KNOWN_FIELDS]
    for key in PLAIN_FIELDS & doc.meta.keys():
        if not isinstance(doc.meta[key], str):
            problems.append(doc.problem(key, "phải là chuỗi chữ (wrong type)"))
    template = doc.meta.get("template")
    if template is not None and not _is_our_template(template, root):
        problems.append(doc.problem("template", UNKNOWN_TEMPLATE.format(value=str(template)[:60])))
    return problems


def _is_our_template(value, root: Path) -> bool:
    if not isinstance(value, str) or not value.startswith("thidua/") or ".." in value or "\\" in value:
        return False
    return (root / TEMPLATES / value).is_file()
