"""Text hygiene: the damage seen in PDF extractions and markup that must not reach a page."""

from __future__ import annotations

import re
import unicodedata

from ..content.problems import Problem
from ..content.source import Document
from .schemas import dotted

# Markup in a plain-text field: a tag, a comment or an entity that could hide one.
_MARKUP = re.compile(r"<\s*[/!?a-zA-Z]|&#|&[a-zA-Z]+;")
# Link targets, every form Markdown and HTML know. Each pattern is linear: no nested or overlapping
# quantifiers, and an autolink's body stops at the next "<", so 40,000 "<a:" are scanned once.
_INLINE = re.compile(r"\]\(\s*<?([^)\s>]*)")
_REFERENCE = re.compile(r" {0,3}\[[^\]]{1,999}\]:[ \t]*<?([^\s>]*)")
_AUTOLINK = re.compile(r"<([a-zA-Z][a-zA-Z0-9+.-]{1,31}:[^<>\s]*)>")
_ATTRIBUTE = re.compile(r"\b(?:href|src|srcset|action|formaction|poster|data|cite|background)[ \t]*=[ \t]*[\"']?([^\"'\s>]*)",
                        re.IGNORECASE)
_ENTITY = re.compile(r"&[#a-zA-Z]")
_INVISIBLE = re.compile("[\u202a-\u202e\u2066-\u2069\u200b-\u200d\u2060\ufeff]")

NOT_HTTPS = "liên kết “{target}” phải là địa chỉ đầy đủ bắt đầu bằng https:// (link must be a full https:// address)"
NOT_HTTPS_OR_SITE = ("liên kết “{target}” phải là địa chỉ đầy đủ bắt đầu bằng https:// hoặc đường dẫn trong trang "
                     "(link must be https:// or a path inside the site)")
PROTOCOL_RELATIVE = ("liên kết “{target}” bắt đầu bằng // nên có thể dẫn sang trang lạ: hãy viết đầy đủ https://… "
                     "(protocol-relative link)")
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


def link_problems(doc: Document, site_paths: bool = False) -> list[Problem]:
    """Links out are full https:// addresses; `site_paths` also admits paths inside the site (pages, not
    stories, which press agencies copy elsewhere). Other schemes can run code; "//host" leaves the site."""
    problems = []
    for line_number, target in link_targets(doc):
        message = _unsafe_link(target, site_paths)
        if message:
            problems.append(Problem(doc.path, line_number, "nội dung", message.format(target=target[:60])))
    return problems


def link_targets(doc: Document):
    """(line, target) of every link in the body, outside code."""
    fence = ""
    for offset, line in enumerate(doc.body.split("\n")):
        fence = _fence_after(line, fence)
        if fence or line.lstrip().startswith(("```", "~~~")):
            continue  # code is shown, not followed
        line = "".join(line.split("`")[::2])  # nor are code spans
        targets = [m.group(1) for pattern in (_INLINE, _AUTOLINK, _ATTRIBUTE) for m in pattern.finditer(line)]
        if reference := _REFERENCE.match(line):
            targets.append(reference.group(1))
        for target in targets:
            yield doc.body_line + offset, target


def _fence_after(line: str, fence: str) -> str:
    """The fence ("```" or "~~~") still open after `line`, or ""."""
    stripped = line.lstrip()
    if fence:
        return "" if stripped.startswith(fence) else fence
    for marker in ("```", "~~~"):
        if stripped.startswith(marker):
            return marker
    return ""


def _unsafe_link(target: str, site_paths: bool) -> str | None:
    # Browsers ignore tabs, newlines and leading spaces inside a URL, and treat "\" like "/".
    plain = "".join(ch for ch in target if ch > " ").replace("\\", "/").lower()
    if not plain or plain.startswith(("https://", "mailto:", "#")) and "\\" not in target:
        return None
    if plain.startswith("//") or plain.startswith("/") and target.lstrip()[1:2] == "\\":
        return PROTOCOL_RELATIVE
    if site_paths and not _has_scheme(plain) and not _ENTITY.search(plain) and "\\" not in target:
        return None
    return NOT_HTTPS_OR_SITE if site_paths else NOT_HTTPS


def _has_scheme(url: str) -> bool:
    head = url.split("/", 1)[0].split("?", 1)[0].split("#", 1)[0]
    return ":" in head


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
    elif _stray_marks(text):
        found.append(STRAY_MARK)
    return found


def _stray_marks(text: str) -> bool:
    return any(unicodedata.category(ch) == "Mn" for ch in text)


def _strings(value, path):
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _strings(item, (*path, index))
