"""Sentences left over from `thidua new` that the editor has not replaced yet: a warning."""

from __future__ import annotations

from ..problems import WARNING, Problem
from ..scaffold import PLACEHOLDERS
from ..source import Document

MESSAGE = "còn câu mẫu của thidua new chưa được thay: hãy viết nội dung thật (placeholder text)"


def placeholder_problems(doc: Document) -> list[Problem]:
    problems = []
    summary = doc.meta.get("summary")
    if isinstance(summary, str) and summary.strip() in PLACEHOLDERS:
        problems.append(doc.problem("summary", MESSAGE, WARNING))
    for offset, line in enumerate(doc.body.split("\n")):
        if line.strip() in PLACEHOLDERS:
            problems.append(Problem(doc.path, doc.body_line + offset, "nội dung", MESSAGE, WARNING))
    return problems
