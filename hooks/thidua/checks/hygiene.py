"""Text hygiene: the damage seen in PDF extractions and markup that must not reach a page."""

from __future__ import annotations

import re
import unicodedata

from ..content.problems import Problem
from ..content.source import Document
from .schemas import dotted

# Markup in a plain-text field: a tag, a comment or an entity that could hide one.
_MARKUP = re.compile(r"<\s*[/!?a-zA-Z]|&#|&[a-zA-Z]+;")
# Link targets in a story: Markdown links and images, autolinks, href/src attributes.
_LINK = re.compile(r"\]\(\s*<?([^)\s>]*)|<((?:[a-zA-Z][a-zA-Z0-9+.-]*):[^>\s]*)>|(?:href|src)\s*=\s*[\"']?([^\"'\s>]*)")
_SAFE_LINK = re.compile(r"^(https?://|mailto:|#)", re.IGNORECASE)


def text_problems(doc: Document, plain_fields: frozenset[str] = frozenset()) -> list[Problem]:
    """U+FFFD, non-NFC and stray combining marks anywhere; markup in the plain-text fields."""
    problems: list[Problem] = []
    for path, value in _strings(doc.meta, ()):
        key = dotted(path)
        problems += [doc.problem(key, m) for m in _damage(value)]
        if path and path[0] in plain_fields and _MARKUP.search(value):
            problems.append(doc.problem(key, "không được chứa thẻ HTML hay mã ký tự (&#…): chỉ viết chữ thường (markup not allowed)"))
    for offset, line in enumerate(doc.body.split("\n")):
        problems += [Problem(doc.path, doc.body_line + offset, "nội dung", m) for m in _damage(line)]
    return problems


def link_problems(doc: Document) -> list[Problem]:
    """Stories link out with full addresses only: relative paths break and other schemes can run code."""
    problems = []
    for offset, line in enumerate(doc.body.split("\n")):
        for match in _LINK.finditer(line):
            target = next(group for group in match.groups() if group is not None)
            if target and not _SAFE_LINK.match(target):
                problems.append(Problem(doc.path, doc.body_line + offset, "nội dung",
                                        f"liên kết “{target[:60]}” phải là địa chỉ đầy đủ bắt đầu bằng https:// "
                                        "(link must be a full https:// address)"))
    return problems


def _damage(text: str) -> list[str]:
    found = []
    if "\ufffd" in text:
        found.append("có ký tự hỏng � (U+FFFD): chữ bị mất khi sao chép, hãy gõ lại (replacement character)")
    if not unicodedata.is_normalized("NFC", text):
        found.append("chữ chưa ở dạng dựng sẵn NFC (dấu tách rời): hãy gõ lại bằng bộ gõ Unicode dựng sẵn (not NFC)")
    elif _stray_marks(text):
        found.append("có dấu thanh đứng lạc chỗ (combining mark): hãy gõ lại chữ bị lỗi (stray combining mark)")
    return found


def _stray_marks(text: str) -> bool:
    return any(unicodedata.category(ch) == "Mn" for ch in text)


def _strings(value, path):
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _strings(item, (*path, index))
