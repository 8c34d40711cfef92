"""Combining marks where no reader expects them: one that follows no letter, or more than two on one letter.

Whatever their Unicode category (Mn, Mc, Me): a letter followed by 199 enclosing circles (U+20DD) draws an
unbreakable line across every page that prints the title. A Vietnamese letter carries at most two marks
(ệ is e, a circumflex and a dot below), so NFC Vietnamese always passes.
"""

from __future__ import annotations

import functools
import re
import unicodedata

from ..content.problems import Problem
from ..content.source import Document

MAX_MARKS = 2  # on one letter, counting those its precomposed form already carries
MARK_ALONE = ("có dấu kết hợp U+{code:04X} ở vị trí {position} không đứng sau chữ cái nào: hãy xóa dấu này hoặc "
              "gõ lại chữ bị lỗi (combining mark without a letter)")
MARKS_PILED = ("có hơn {limit} dấu chồng lên một chữ (dấu U+{code:04X} ở vị trí {position}): chữ tiếng Việt có "
               "nhiều nhất hai dấu, hãy xóa dấu thừa (combining marks piled up)")


def has_mark(text: str) -> bool:
    """Whether `text` holds any combining mark: most text holds none, and then there is nothing to look at."""
    return _any_mark().search(text) is not None


def misplaced_mark(text: str) -> str | None:
    """The first combining mark that follows no letter or piles up, as a message naming its position."""
    if not has_mark(text):
        return None
    marks = -1  # marks on the current letter; -1: the previous character is not a letter
    for index, ch in enumerate(text):
        category = unicodedata.category(ch)
        if not category.startswith("M"):
            marks = _marks_within(ch) if category.startswith("L") else -1
            continue
        if marks < 0:
            return MARK_ALONE.format(code=ord(ch), position=index + 1)
        marks += 1
        if marks > MAX_MARKS:
            return MARKS_PILED.format(limit=MAX_MARKS, code=ord(ch), position=index + 1)
    return None


def mark_problems(doc: Document, fields: frozenset[str]) -> list[Problem]:
    """The plain-text `fields` of a page's front matter, checked like a story's title."""
    return [doc.problem(key, message) for key in sorted(fields & doc.meta.keys())
            if isinstance(doc.meta[key], str) and (message := misplaced_mark(doc.meta[key]))]


def _marks_within(letter: str) -> int:
    """How many marks a precomposed letter already carries (ệ: two)."""
    decomposed = unicodedata.normalize("NFD", letter)
    return sum(1 for ch in decomposed[1:] if unicodedata.category(ch).startswith("M"))


# Where Unicode puts combining marks: planes 0 and 1, and the variation selectors of plane 14 (planes 2 and 3
# hold ideographs, 4 to 13 nothing yet, 15 and 16 private use). A test compares with every code point.
PLANES_WITH_MARKS = (range(0, 0x20000), range(0xE0000, 0xF0000))


@functools.cache
def _any_mark(planes: tuple[range, ...] = PLANES_WITH_MARKS) -> re.Pattern[str]:
    """One character class of every combining mark this Python's Unicode knows (built once, in C thereafter)."""
    ranges: list[list[int]] = []
    for code in (code for plane in planes for code in plane):
        if unicodedata.category(chr(code)).startswith("M"):
            if ranges and ranges[-1][1] == code - 1:
                ranges[-1][1] = code
            else:
                ranges.append([code, code])
    return re.compile("[" + "".join(f"{re.escape(chr(a))}-{re.escape(chr(b))}" for a, b in ranges) + "]")
