"""Likely duplicates: two exemplars about the same name in the same unit, often one story sent twice."""

from __future__ import annotations

import re
from collections import defaultdict

from ..content.model import Corpus
from ..content.problems import WARNING, Problem
from ..content.source import Document
from ..content.text import fold

MESSAGE = ("có thể trùng với bài “{other}” (cùng tên “{name}” và đơn vị “{unit}”): nếu là cùng một câu "
           "chuyện, hãy sửa bài cũ thay vì gửi bài mới (possible duplicate)")


def duplicate_problems(corpus: Corpus, documents: dict[str, Document]) -> list[Problem]:
    groups = defaultdict(list)
    for exemplar in corpus.exemplars.values():
        groups[(_key(exemplar.name), exemplar.unit)].append(exemplar)
    problems = []
    for same in groups.values():
        for exemplar in same:
            doc = documents[f"exemplars/{exemplar.id}"]
            for other in same:
                if other is not exemplar:
                    problems.append(doc.problem("name", MESSAGE.format(other=other.source, name=exemplar.name,
                                                                       unit=exemplar.unit), WARNING))
    return problems


def _key(name: str) -> str:
    """Names compared without case, diacritics (hòa/hoà, typed without accents) or extra spaces."""
    return re.sub(r"\s+", " ", fold(name)).strip()
