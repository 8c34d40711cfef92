"""Sentences left over from `thidua new` that the editor has not replaced yet: a warning."""

from __future__ import annotations

from ..content.problems import WARNING, Problem
from ..content.source import Document

SUMMARY_PLACEHOLDER = "Viết tóm tắt một, hai câu về gương điển hình ở đây (tối đa 300 ký tự)."
BODY_PLACEHOLDER = "Viết câu chuyện ở đây: ai, đã làm gì, ở đâu, khi nào và kết quả ra sao."
PLACEHOLDERS = (SUMMARY_PLACEHOLDER, BODY_PLACEHOLDER)
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
