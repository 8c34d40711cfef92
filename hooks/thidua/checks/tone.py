"""Old and new tone placement mixed in one file ("hòa" and "hoà"): a warning, not an error.

Only the open syllables ending in oa, oe or uy differ between the two spellings: the old style puts the
tone on the first vowel (hòa, hòe, thúy), the new one on the second (hoà, hoè, thuý). In "qu" the u belongs
to the consonant (quả, quý are the same in both styles), and a closed syllable (hoàng, thuyết) has one
spelling only, so neither is counted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..content.problems import WARNING, Problem
from ..content.source import Document
from .hygiene import _strings
from .schemas import dotted

_TONED = {"a": "àáảãạ", "e": "èéẻẽẹ", "y": "ỳýỷỹỵ", "o": "òóỏõọ", "u": "ùúủũụ"}
_LETTER = r"[^\W\d_]"
# old: tone on o/u, then a bare a/e/y; new: bare o/u, then a toned a/e/y; the syllable ends there.
_OLD = re.compile(rf"(?<!q)(?:[{_TONED['o']}][ae]|[{_TONED['u']}]y)(?!{_LETTER})")
_NEW = re.compile(rf"(?<!q)(?:o[{_TONED['a']}{_TONED['e']}]|u[{_TONED['y']}])(?!{_LETTER})")
_WORD = re.compile(rf"{_LETTER}+")

MESSAGE = ("trộn hai kiểu bỏ dấu: “{old}” (kiểu cũ) và “{new}” (kiểu mới); hãy dùng một kiểu trong cả bài "
           "(mixed tone placement)")


@dataclass(frozen=True)
class _Hit:
    word: str
    line: int
    field: str


def tone_problems(doc: Document) -> list[Problem]:
    old, new = [], []
    for line, field, text in _texts(doc):
        lower = text.lower()
        for word in _WORD.finditer(lower):
            if _OLD.search(word.group()):
                old.append(_Hit(word.group(), line, field))
            elif _NEW.search(word.group()):
                new.append(_Hit(word.group(), line, field))
    if not old or not new:
        return []
    # Point at the first word of the less used style: that is most likely the one to change.
    if len(old) != len(new):
        hit = (old if len(old) < len(new) else new)[0]
    else:
        hit = max(old[0], new[0], key=lambda h: h.line)
    return [Problem(doc.path, hit.line, hit.field, MESSAGE.format(old=old[0].word, new=new[0].word), WARNING)]


def _texts(doc: Document):
    for path, value in _strings(doc.meta, ()):
        key = dotted(path)
        yield doc.line_of(key), key, value
    for offset, line in enumerate(doc.body.split("\n")):
        yield doc.body_line + offset, "nội dung", line

