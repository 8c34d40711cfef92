"""Limits on a Markdown body, checked in one pass before Markdown ever sees it.

Python-Markdown and the HTML parser inside it slow down with the square of some shapes (a line of
40,000 unclosed `<a:`, 20,000 nested `[`) or recurse once per level (`- ` repeated 10,000 times, 331
divs with markdown="1" one inside another, 993 `*a ` opening emphasis in one paragraph).
No real page comes near these limits; a hostile file is refused with the limit it broke.
"""

from __future__ import annotations

import re

from ..content.problems import Problem
from ..content.source import Document

MAX_LINE = 10_000  # characters in one line
MAX_NESTING = 10  # lists and quotes inside one another
MAX_BRACKETS = 20  # `[` or `(` open at once inside a paragraph: Markdown scans to the match of each
MAX_UNCLOSED_TAGS = 100  # `<` starting a tag with no `>` since the previous one
MAX_TAGS = 1_000  # raw HTML tags in a body: each costs Markdown's HTML parser ~0.1 ms
MAX_HEADINGS = 300  # the table of contents makes ids unique by trying _1, _2, …: the square of the count
MAX_HTML_NESTING = 20  # raw HTML blocks open inside one another (md_in_html recurses into each)
MAX_EMPHASIS = 20  # `*` or `_` opening emphasis, not yet closed, inside a paragraph (each level recurses)
# The block-level elements Python-Markdown parses one inside another (not those whose end tag may be left out,
# p, li, td…, and not void ones): inline elements stay text to it and cost no level.
_BLOCKS = frozenset("address article aside blockquote details div dl fieldset figcaption figure footer form h1 h2 "
                    "h3 h4 h5 h6 header hgroup main menu nav ol pre section table ul canvas body group html iframe "
                    "legend math map noscript output object progress script style summary textarea video".split())

# The characters the counts above follow; "<" only where it can open a tag. Linear: one class, no repeats.
_SIGNIFICANT = re.compile(r"[\[\]()>]|<(?=[A-Za-z/!?])|\*+|_+")
_TAG_NAME = re.compile(r"/?([A-Za-z][A-Za-z0-9-]{0,30})")

LINE_TOO_LONG = "dòng dài {length:,} ký tự, tối đa {limit:,}: hãy xuống dòng giữa các đoạn (line too long)"
TOO_DEEP = ("danh sách hoặc trích dẫn lồng nhau {depth} cấp, tối đa {limit} cấp: hãy viết phẳng hơn "
            "(lists or quotes nested too deep)")
TOO_MANY_BRACKETS = ("có hơn {limit} dấu ngoặc vuông “[” mở liền nhau chưa đóng: hãy xóa bớt "
                     "(too many open brackets)")
TOO_MANY_TAGS_IN_ALL = "có hơn {limit:,} thẻ HTML trong bài: hãy viết bằng Markdown thay cho thẻ (too many HTML tags)"
TOO_MANY_HEADINGS = "có hơn {limit} tiêu đề (dòng bắt đầu bằng #): hãy tách thành nhiều bài (too many headings)"
TOO_MANY_PARENTHESES = ("có hơn {limit} dấu ngoặc đơn “(” mở chưa đóng trong một đoạn: hãy xóa bớt hoặc đóng lại "
                        "(too many open parentheses)")
TOO_DEEP_HTML = ("thẻ HTML lồng nhau {depth} cấp, tối đa {limit} cấp: hãy viết phẳng hơn, hoặc đóng mỗi thẻ "
                 "bằng </…> (HTML nested too deep)")
TOO_DEEP_EMPHASIS = ("có hơn {limit} dấu nhấn “*” hoặc “_” mở chưa đóng trong một đoạn: hãy đóng lại hoặc xóa bớt "
                     "(emphasis nested too deep)")
TOO_MANY_TAGS = ("có hơn {limit} dấu “<” mở thẻ mà không có “>” đóng: hãy xóa bớt hoặc viết &lt; "
                 "(too many unclosed tags)")


def body_problems(doc: Document) -> list[Problem]:
    """The first breach of each limit, with its line: one message per limit is enough to act on."""
    found: dict[str, Problem] = {}

    def breach(kind: str, offset: int, message: str) -> None:
        found.setdefault(kind, Problem(doc.path, doc.body_line + offset, "nội dung", message))

    brackets = parentheses = unclosed = headings = tags = elements = emphasis = pending = 0
    for offset, line in enumerate(doc.body.split("\n")):
        stripped = line.strip()
        if stripped.startswith("#") or stripped and stripped.strip("=-") == "":  # ATX or setext (underlined)
            headings += 1
            if headings > MAX_HEADINGS:
                breach("headings", offset, TOO_MANY_HEADINGS.format(limit=MAX_HEADINGS))
        if len(line) > MAX_LINE:
            breach("line", offset, LINE_TOO_LONG.format(length=len(line), limit=MAX_LINE))
        depth = nesting(line)
        if depth > MAX_NESTING:
            breach("nesting", offset, TOO_DEEP.format(depth=depth, limit=MAX_NESTING))
        if not stripped:
            brackets = parentheses = emphasis = 0  # a blank line ends the paragraph: Markdown never matches across it
        for match in _SIGNIFICANT.finditer(line):
            ch = match.group()
            if ch[0] in "*_":
                emphasis = max(emphasis + _emphasis_step(line, match.start(), match.end()), 0)
                if emphasis > MAX_EMPHASIS:
                    breach("emphasis", offset, TOO_DEEP_EMPHASIS.format(limit=MAX_EMPHASIS))
            elif ch == "[":
                brackets += 1
                if brackets > MAX_BRACKETS:
                    breach("brackets", offset, TOO_MANY_BRACKETS.format(limit=MAX_BRACKETS))
            elif ch == "]":
                brackets = max(brackets - 1, 0)
            elif ch == "(":
                parentheses += 1
                if parentheses > MAX_BRACKETS:
                    breach("parentheses", offset, TOO_MANY_PARENTHESES.format(limit=MAX_BRACKETS))
            elif ch == ")":
                parentheses = max(parentheses - 1, 0)
            elif ch == ">":  # the tag is complete: the block it names opens or closes
                unclosed, elements, pending = 0, max(elements + pending, 0), 0
                if elements > MAX_HTML_NESTING:
                    breach("elements", offset, TOO_DEEP_HTML.format(depth=elements, limit=MAX_HTML_NESTING))
            else:  # "<" followed by what starts a tag
                unclosed, tags, pending = unclosed + 1, tags + 1, _block_step(line, match.end())
                if tags > MAX_TAGS:
                    breach("all tags", offset, TOO_MANY_TAGS_IN_ALL.format(limit=MAX_TAGS))
                if unclosed > MAX_UNCLOSED_TAGS:
                    breach("tags", offset, TOO_MANY_TAGS.format(limit=MAX_UNCLOSED_TAGS))
    return list(found.values())


def _block_step(line: str, start: int) -> int:
    """+1 for a tag that opens a block, -1 for one that closes it, else 0."""
    name = _TAG_NAME.match(line, start)
    if name is None or name.group(1).lower() not in _BLOCKS:
        return 0
    return -1 if line[start] == "/" else 1


def _emphasis_step(line: str, start: int, end: int) -> int:
    """A run of `*` or `_` before a word opens as many levels as it is long, after one it closes them;
    inside a word, or alone between spaces, it does neither."""
    before, after = line[start - 1:start], line[end:end + 1]
    opens = after.strip() != "" and (not before.strip() or not before.isalnum())
    closes = before.strip() != "" and (not after.strip() or not after.isalnum())
    return (end - start) * (opens - closes)


def nesting(line: str) -> int:
    """How deep a line sits: indentation (four spaces a level, as Markdown nests) plus the list and quote
    markers that start it (`- `, `* `, `+ `, `1. `, `>`)."""
    position, width = 0, 0
    while position < len(line) and line[position] in " \t":
        width += 4 if line[position] == "\t" else 1
        position += 1
    depth = width // 4
    while position < len(line):
        ch = line[position]
        if ch == ">":
            position += 1
        elif ch in "-*+" and line[position + 1:position + 2] in (" ", ""):
            position += 2
        elif ch.isdigit():
            end = position
            while end < len(line) and end - position < 9 and line[end].isdigit():
                end += 1
            if line[end:end + 2] not in (". ", ") ") and line[end:] not in (".", ")"):
                break
            position = end + 2
        else:
            break
        depth += 1
        while position < len(line) and line[position] == " ":
            position += 1
    return depth
