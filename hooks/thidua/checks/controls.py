"""Control characters in a body: invisible, and refused by every XML feed, so the build would fail on them.

The front matter already refuses them (the YAML reader); a body is only Markdown, so it is checked here.
Tab is allowed; line ends were normalised when the file was read.
"""

from __future__ import annotations

import re

from ..content.problems import Problem
from ..content.source import Document

# C0 controls but tab and line feed, DEL, C1 controls, and the two non-characters XML refuses. One class: linear.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ufffe\uffff]")
MESSAGE = "có ký tự điều khiển không in được (U+{code:04X}): hãy xóa ký tự này (control character)"


def control_problems(doc: Document) -> list[Problem]:
    problems = []
    for offset, line in enumerate(doc.body.split("\n")):
        found = _CONTROL.search(line)
        if found:
            problems.append(Problem(doc.path, doc.body_line + offset, "nội dung", MESSAGE.format(code=ord(found.group()))))
    return problems


def first_control(text: str) -> str | None:
    """The first control character in `text`, if any (a value quoted with escapes such as "\\x1b" holds one)."""
    found = _CONTROL.search(text)
    return found.group() if found else None
