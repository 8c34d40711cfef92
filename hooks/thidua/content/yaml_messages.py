"""PyYAML's errors told in plain Vietnamese, at the line the editor has to change."""

from __future__ import annotations

import re

import yaml

# (start of PyYAML's problem, its context or None, use the context's line, what to say)
_EXPLAINED = (
    ("found unexpected end of stream", "while scanning a quoted scalar", True,
     "thiếu dấu ngoặc kép đóng: giá trị mở ngoặc ở dòng này chưa được đóng"),
    ("mapping values are not allowed here", None, False,
     "dấu hai chấm “:” không đúng chỗ: nếu giá trị có dấu hai chấm, hãy đặt cả giá trị trong ngoặc kép; "
     "nếu không, hãy kiểm tra thụt lề"),
    ("expected ',' or ']'", None, True, "danh sách mở bằng “[” chưa được đóng bằng “]”"),
    ("expected ',' or '}'", None, True, "nhóm mở bằng “{” chưa được đóng bằng “}”"),
    ("could not find expected ':'", None, True, "thiếu dấu hai chấm “:” sau tên trường"),
    ("expected <block end>", None, False,
     "thụt lề không khớp với dòng trên, hoặc có chữ thừa sau dấu ngoặc kép đóng"),
    ("did not find expected key", None, False, "thụt lề không khớp với dòng trên"),
    ("did not find expected '-' indicator", None, False, "thụt lề của danh sách không khớp: mỗi mục bắt đầu bằng “- ” thẳng hàng"),
    ("expected the node content", None, False, "thiếu giá trị, hoặc có dấu ngoặc thừa"),
    ("found unhashable key", None, False, "tên trường phải là một chữ, không phải danh sách hay nhóm"),
    ("found unknown escape character", None, False, "có dấu “\\” không hợp lệ trong ngoặc kép: hãy bỏ dấu này hoặc dùng ngoặc đơn"),
)


_CANNOT_START = re.compile(r"found character '(.+)' that cannot start any token")


def explain(err: yaml.MarkedYAMLError) -> tuple[int, str]:
    """(0-based line within the YAML, message)."""
    problem = err.problem or ""
    problem_line = err.problem_mark.line if err.problem_mark else 0
    context_line = err.context_mark.line if err.context_mark else problem_line
    english = problem or err.context or "syntax error"
    for start, context, at_context, said in _EXPLAINED:
        if problem.startswith(start) and (context is None or err.context == context):
            return (context_line if at_context else problem_line), _message(said, english)
    if match := _CANNOT_START.match(problem):
        return problem_line, _message(
            f"giá trị không được bắt đầu bằng ký tự “{match.group(1)}”: hãy đặt cả giá trị trong ngoặc kép", english)
    return problem_line, _message("cú pháp không hợp lệ", english)


def _message(said: str, english: str) -> str:
    return f"lỗi cú pháp YAML: {said} (YAML syntax error: {english})"
