"""Whitespace between tags, collapsed: Material's templates indent every line, a sixth of a page's bytes.

Runs of blank space containing a line break become one line break, which a browser renders exactly as
before (HTML collapses white space), except inside pre, textarea, script and style elements, kept byte
for byte (so the inline scripts keep the hashes the CSP lists).

Material's base.html also prints, outside any block a theme can override, a drawer and a search toggle, an
overlay, empty skip and announcement slots and a dialog, all driven by its script: on a page that does
not load that script (most of ours, see main.html) they do nothing and are dropped, 0.4 KB a page.
"""

from __future__ import annotations

import re

_KEPT = re.compile(r"(<(pre|textarea|script|style)\b.*?</\2\s*>)", re.S | re.I)
_BLANK_LINES = re.compile(r"[ \t\r\n]*\n[ \t\r\n]*")
MATERIAL_SCRIPT = "assets/javascripts/bundle."
_IDLE_MATERIAL = re.compile(
    r'<input class="md-toggle" data-md-toggle="(?:drawer|search)" type="checkbox" id="__(?:drawer|search)" autocomplete="off">\n'
    r'|<label class="md-overlay" for="__drawer"></label>\n'
    r'|<div data-md-component="(?:skip|announce)">\n</div>\n'
    r'|<div class="md-dialog" data-md-component="dialog">\n<div class="md-dialog__inner md-typeset"></div>\n</div>\n')


def collapse(html: str) -> str:
    idle = MATERIAL_SCRIPT not in html
    parts = _KEPT.split(html)  # [text, kept block, its tag name, text, …]
    return "".join(_between_tags(part, idle) if index % 3 == 0 else part
                   for index, part in enumerate(parts) if index % 3 != 2)


def _between_tags(text: str, material_idle: bool) -> str:
    text = _BLANK_LINES.sub("\n", text)
    return _IDLE_MATERIAL.sub("", text) if material_idle else text
