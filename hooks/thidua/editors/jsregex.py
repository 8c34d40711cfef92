"""The checker's regular expressions, written for the browser with the same meaning.

Python's `\\w`, `\\d`, `\\s` and `\\b` are Unicode-aware on `str`; JavaScript's are ASCII-only, even with the
`u` flag. So the checker's own patterns are translated, not copied: each class escape becomes the Unicode
property class it means in Python (`\\w`: letters, numbers and "_"; `\\d`: decimal digits; `\\s`: what
`str.isspace` accepts), and `[^\\W…]` becomes "a word character that is none of …". Anything this
translator does not know is refused at build time, so a new construct in the checker cannot silently mean
something else in the form (tests/editors/test_rules.py runs both on the same strings).
"""

from __future__ import annotations

import re
import sys

WORD = r"\p{L}\p{N}_"
DIGIT = r"\p{Nd}"
# Python's \s: every character str.isspace() accepts (the separators \x1c-\x1f included; not U+FEFF).
SPACES = "".join(f"\\u{{{code:x}}}" for code in range(sys.maxunicode + 1) if chr(code).isspace())
BOUNDARY = f"(?:(?<![{WORD}])(?=[{WORD}])|(?<=[{WORD}])(?![{WORD}]))"
NOT_BOUNDARY = f"(?:(?<=[{WORD}])(?=[{WORD}])|(?<![{WORD}])(?![{WORD}]))"

OUTSIDE = {"w": f"[{WORD}]", "W": f"[^{WORD}]", "d": DIGIT, "D": r"\P{Nd}", "s": f"[{SPACES}]",
           "S": f"[^{SPACES}]", "b": BOUNDARY, "B": NOT_BOUNDARY}
INSIDE = {"w": WORD, "d": DIGIT, "s": SPACES}
PLAIN_ESCAPES = set("\\.^$|?*+()[]{}/nrtfv")  # the same in both languages (with the u flag)
FLAGS = {re.IGNORECASE: "i"}
KNOWN_FLAGS = re.IGNORECASE | re.UNICODE


class UntranslatableRegex(ValueError):
    """A construct whose meaning differs between Python and JavaScript and that we do not translate."""


def to_js(pattern: re.Pattern | str, flags: int = 0) -> dict:
    """{"source": …, "flags": …} for `new RegExp(source, flags)` that finds what `pattern` finds."""
    if isinstance(pattern, re.Pattern):
        pattern, flags = pattern.pattern, pattern.flags
    if flags & ~KNOWN_FLAGS:
        raise UntranslatableRegex(f"flags {flags!r} in {pattern!r}")
    js_flags = "u" + "".join(letter for flag, letter in FLAGS.items() if flags & flag)
    return {"source": _translate(pattern), "flags": js_flags}


def _translate(pattern: str) -> str:
    out, i = [], 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            out.append(_escape(pattern, i, OUTSIDE))
            i += 2
        elif ch == "[":
            end = _class_end(pattern, i)
            out.append(_character_class(pattern[i + 1:end]))
            i = end + 1
        elif pattern.startswith("(?P", i) or pattern.startswith("(?#", i):
            raise UntranslatableRegex(f"named group or comment in {pattern!r}")
        else:
            out.append(_literal(ch))
            i += 1
    return "".join(out)


def _escape(pattern: str, i: int, table: dict) -> str:
    letter = pattern[i + 1:i + 2]
    if letter in table:
        return table[letter]
    if letter in PLAIN_ESCAPES or letter == "-" and table is INSIDE:
        return "\\" + letter
    if letter and not letter.isalnum() and letter != "_":  # Python: "\\\"" is the character itself
        return _literal(letter)
    raise UntranslatableRegex(f"escape \\{letter} in {pattern!r}")


def _class_end(pattern: str, start: int) -> int:
    i = start + 1
    if pattern[i:i + 1] == "^":
        i += 1
    if pattern[i:i + 1] == "]":  # a "]" first is a literal in Python, an empty class in JavaScript
        raise UntranslatableRegex(f"class starting with ] in {pattern!r}")
    while i < len(pattern):
        if pattern[i] == "\\":
            i += 2
            continue
        if pattern[i] == "[":
            raise UntranslatableRegex(f"nested [ in a class in {pattern!r}")
        if pattern[i] == "]":
            return i
        i += 1
    raise UntranslatableRegex(f"unclosed class in {pattern!r}")


def _character_class(body: str) -> str:
    negated = body.startswith("^")
    body = body[1:] if negated else body
    if negated and body.startswith("\\W"):  # [^\W…]: a word character that is none of …
        rest = _class_members(body[2:])
        return f"(?:(?![{rest}])[{WORD}])" if rest else f"[{WORD}]"
    if "\\W" in body or "\\D" in body or "\\S" in body:
        raise UntranslatableRegex(f"negated escape inside a class [{body}]")
    return f"[{'^' if negated else ''}{_class_members(body)}]"


def _class_members(body: str) -> str:
    out, i = [], 0
    while i < len(body):
        if body[i] == "\\":
            out.append(_escape(body, i, INSIDE))
            i += 2
        else:
            out.append(_literal(body[i]))
            i += 1
    return "".join(out)


def _literal(ch: str) -> str:
    """Characters written as \\u{…} when they are not plain printable ASCII (controls, marks, bidi)."""
    if " " <= ch <= "~":
        return "\\/" if ch == "/" else ch
    return f"\\u{{{ord(ch):x}}}"
