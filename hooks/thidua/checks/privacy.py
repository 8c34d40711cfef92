"""Personal data that must not be published: citizen ID numbers, phone numbers, e-mail addresses.

Every text of the front matter and every line of the body is searched; each find is an error on its line.
The number or address is shown masked, so that CI logs do not repeat it in full.
"""

from __future__ import annotations

import re

from ..content.problems import Problem
from ..content.source import Document
from .hygiene import _strings
from .schemas import dotted

# Căn cước công dân: 12 digits, possibly in groups of 3 or 4 separated by a space or a dot.
CITIZEN_ID = re.compile(r"(?<![\w.])\d{3}[ .]?\d{3}[ .]?\d{3}[ .]?\d{3}(?![\w])|(?<![\w.])\d{4}[ .]\d{4}[ .]\d{4}(?!\w)")
# Mobile (0 + 9 digits) and landline (0 + 10 digits) numbers, or +84 without the 0; spaces, dots, hyphens,
# the area code in brackets: (0252) 3822 123.
PHONE = re.compile(r"(?<![\w+(])(?:\+84[ .-]?|\(?0)[235789](?:[ .)-]{0,2}\d){8,9}(?![\w])")
EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[^\W\d_]{2,}(?!\w)")

CITIZEN_ID_MESSAGE = ("có số căn cước công dân “{shown}”: không đăng số giấy tờ cá nhân, hãy xóa số này "
                      "(citizen ID number)")
PHONE_MESSAGE = "có số điện thoại “{shown}”: không đăng số điện thoại cá nhân, hãy xóa số này (phone number)"
EMAIL_MESSAGE = "có địa chỉ thư điện tử “{shown}”: không đăng địa chỉ e-mail cá nhân, hãy xóa (e-mail address)"


def personal_data_problems(doc: Document) -> list[Problem]:
    problems = []
    for path, value in _strings(doc.meta, ()):
        key = dotted(path)
        problems += [doc.problem(key, message) for message in _finds(value)]
    for offset, line in enumerate(doc.body.split("\n")):
        problems += [Problem(doc.path, doc.body_line + offset, "nội dung", message) for message in _finds(line)]
    return problems


def _finds(text: str) -> list[str]:
    found = []
    for match in CITIZEN_ID.finditer(text):
        found.append(CITIZEN_ID_MESSAGE.format(shown=_mask_digits(match.group())))
    rest = CITIZEN_ID.sub(" ", text)
    for match in EMAIL.finditer(rest):
        local, _, domain = match.group().partition("@")
        found.append(EMAIL_MESSAGE.format(shown=f"{local[:1]}…@{domain}"))
    rest = EMAIL.sub(" ", rest)
    for match in PHONE.finditer(rest):
        found.append(PHONE_MESSAGE.format(shown=_mask_digits(match.group())))
    return found


def _mask_digits(text: str) -> str:
    """Keep the first three and the last two digits: enough to find the number, not to use it."""
    digits = [i for i, ch in enumerate(text) if ch.isdigit()]
    hidden = set(digits[3:-2])
    return "".join("•" if i in hidden else ch for i, ch in enumerate(text))
