"""Sentences left over from `thidua new` that the editor has not replaced yet.

An error: an unedited scaffold would otherwise be published in pages and feeds. Only a sample story
(`sample: true`, never about real people) may keep them, with a warning.
"""

from __future__ import annotations

from ..content.problems import ERROR, WARNING, Problem
from ..content.source import Document

SUMMARY_PLACEHOLDER = "Viết tóm tắt một, hai câu về gương điển hình ở đây (tối đa 300 ký tự)."
BODY_PLACEHOLDER = "Viết câu chuyện ở đây: ai, đã làm gì, ở đâu, khi nào và kết quả ra sao."
BODY_HINT = ("Mỗi đoạn cách nhau một dòng trống. Không ghi số căn cước, số điện thoại hay địa chỉ thư điện tử "
             "của ai.")
PLACEHOLDERS = (SUMMARY_PLACEHOLDER, BODY_PLACEHOLDER, BODY_HINT)
MESSAGE = "còn câu mẫu của thidua new chưa được thay: hãy viết nội dung thật (placeholder text)"


def placeholder_problems(doc: Document) -> list[Problem]:
    severity = WARNING if doc.meta.get("sample") is True else ERROR
    problems = []
    summary = doc.meta.get("summary")
    if isinstance(summary, str) and summary.strip() in PLACEHOLDERS:
        problems.append(doc.problem("summary", MESSAGE, severity))
    for offset, line in enumerate(doc.body.split("\n")):
        if line.strip() in PLACEHOLDERS:
            problems.append(Problem(doc.path, doc.body_line + offset, "nội dung", MESSAGE, severity))
    return problems
