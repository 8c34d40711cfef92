"""Text hygiene: the damage seen in PDF extractions and markup that must not reach a page."""

from __future__ import annotations

import re
import unicodedata

from ..content.problems import Problem
from ..content.source import Document
from . import marks
from .schemas import dotted

# Markup in a plain-text field: a tag, a comment or an entity that could hide one.
_MARKUP = re.compile(r"<\s*[/!?a-zA-Z]|&#|&[a-zA-Z]+;")
_INVISIBLE = re.compile("[\u202a-\u202e\u2066-\u2069\u200b-\u200d\u2060\ufeff]")

BIDI = ("có ký tự điều khiển hướng chữ U+{code:04X} ở vị trí {position}: ký tự này đảo thứ tự chữ hiển thị, "
        "hãy xóa (bidi control character)")
ZERO_WIDTH = "có ký tự vô hình U+{code:04X} ở vị trí {position}: hãy xóa (zero-width character)"
ZERO_WIDTH_CODES = frozenset({0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF})  # the rest of _INVISIBLE reorders text
MARKUP = "không được chứa thẻ HTML hay mã ký tự (&#…): chỉ viết chữ thường (markup not allowed)"
REPLACEMENT = "có ký tự hỏng � (U+FFFD): chữ bị mất khi sao chép, hãy gõ lại (replacement character)"
NOT_NFC = "chữ chưa ở dạng dựng sẵn NFC (dấu tách rời): hãy gõ lại bằng bộ gõ Unicode dựng sẵn (not NFC)"
STRAY_MARK = "có dấu thanh đứng lạc chỗ (combining mark): hãy gõ lại chữ bị lỗi (stray combining mark)"


def text_problems(doc: Document, plain_fields: frozenset[str] = frozenset()) -> list[Problem]:
    """U+FFFD, non-NFC and stray combining marks anywhere, then what `safety_problems` refuses."""
    problems = [doc.problem(dotted(path), m) for path, value in _strings(doc.meta, ()) for m in _damage(value)]
    for offset, line in enumerate(doc.body.split("\n")):
        problems += [Problem(doc.path, doc.body_line + offset, "nội dung", m) for m in _damage(line)]
    return problems + safety_problems(doc, plain_fields)


def safety_problems(doc: Document, plain_fields: frozenset[str] = frozenset()) -> list[Problem]:
    """Invisible characters anywhere; markup in the plain-text fields (printed in head tags, feeds, CSV)."""
    problems: list[Problem] = []
    for path, value in _strings(doc.meta, ()):
        key = dotted(path)
        problems += [doc.problem(key, m) for m in _invisible(value)]
        if path and path[0] in plain_fields and _MARKUP.search(value):
            problems.append(doc.problem(key, MARKUP))
    for offset, line in enumerate(doc.body.split("\n")):
        problems += [Problem(doc.path, doc.body_line + offset, "nội dung", m) for m in _invisible(line)]
    return problems


def _invisible(text: str) -> list[str]:
    """Bidi controls reorder what a reader sees (a name can spoof another); zero-width characters hide in ids."""
    found = []
    for match in _INVISIBLE.finditer(text):
        code = ord(match.group())
        template = ZERO_WIDTH if code in ZERO_WIDTH_CODES else BIDI
        found.append(template.format(code=code, position=match.start() + 1))
    return found


def _damage(text: str) -> list[str]:
    found = []
    if "\ufffd" in text:
        found.append(REPLACEMENT)
    if not unicodedata.is_normalized("NFC", text):
        found.append(NOT_NFC)
    elif marks.has_mark(text):  # rare: NFC carries Vietnamese marks precomposed
        if misplaced := marks.misplaced_mark(text):
            found.append(misplaced)
        elif _stray_marks(text):  # a Vietnamese mark NFC could not put on its letter
            found.append(STRAY_MARK)
    return found


def _strings(value, path):
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _strings(item, (*path, index))


def _stray_marks(text: str) -> bool:
    return any(unicodedata.category(ch) == "Mn" for ch in text)
