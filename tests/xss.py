"""Finding executable payloads in any output: HTML pages, feeds, JSON and CSV.

Payloads carry MARKER; a payload is "live" when MARKER ends up in a script element, an event handler,
a javascript: URL or an embedding element. Markup inside feeds and JSON strings is parsed as HTML too.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

MARKER = "XSS_MARKER_7f3a"
EMBEDDING = {"iframe", "object", "embed", "frame", "base", "form", "svg", "math", "style"}

PAYLOADS = [
    f"<script>alert('{MARKER}')</script>",
    f"<img src=x onerror=\"alert('{MARKER}')\">",
    f"<svg onload=\"alert('{MARKER}')\"><script>{MARKER}</script></svg>",
    f"<iframe src=\"javascript:alert('{MARKER}')\"></iframe>",
    f"[bấm vào đây](javascript:alert('{MARKER}'))",
    f"[bấm](jav&#x09;ascript:alert('{MARKER}'))",
    f"<a href=\"JaVaScRiPt:alert('{MARKER}')\">x</a>",
    f"<a href=\"data:text/html;base64,{MARKER}\">x</a>",
    f"<p style=\"background:url(javascript:alert('{MARKER}'))\">x</p>",
    f"Đoạn văn {{: onclick=\"alert('{MARKER}')\" }}",
    f"<details open ontoggle=\"alert('{MARKER}')\">x</details>",
    f"<object data=\"{MARKER}.swf\"></object><embed src=\"{MARKER}.swf\">",
    f"<math><mi xlink:href=\"javascript:alert('{MARKER}')\">x</mi></math>",
    f"<!--<script>{MARKER}</script>-->",
    f"<scr<script>ipt>alert('{MARKER}')</scr</script>ipt>",
    f"<form action=\"javascript:alert('{MARKER}')\"><button>x</button></form>",
    f"<base href=\"https://{MARKER}.invalid/\">",
    f"<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert('{MARKER}')\">",
    f"</script><script>alert('{MARKER}')</script>",
]

# Text that is not markup but tries to break out of an attribute or a script block.
BREAKOUTS = [
    f"\" onmouseover=\"alert('{MARKER}')\" x=\"",
    f"' onfocus='alert(`{MARKER}`)' autofocus x='",
]


class _Live(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self.script: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            value = value or ""
            if name.startswith("on") and MARKER in value:
                self.found.append(f"<{tag} {name}>")
            if MARKER in value and value.replace("\t", "").replace("\n", "").strip().lower().startswith(
                    ("javascript:", "data:", "vbscript:")):
                self.found.append(f"<{tag} {name}={value[:40]}>")
        attributes = dict(attrs)
        active = tag in EMBEDDING or (tag == "meta" and "http-equiv" in attributes) or (
            tag == "link" and (attributes.get("rel") or "") in ("stylesheet", "import", "preload"))
        if active and any(MARKER in (v or "") for _, v in attrs):
            self.found.append(f"<{tag}>")
        if tag == "script":
            self.script = [dict(attrs).get("type") or "text/javascript"]

    def handle_endtag(self, tag):
        if tag == "script" and self.script is not None:
            kind, *content = self.script
            if MARKER in "".join(content) and kind != "application/ld+json":
                self.found.append("<script> with the payload")
            self.script = None

    def handle_data(self, data):
        if self.script is not None:
            self.script.append(data)


def live_payloads_in_html(html: str) -> list[str]:
    parser = _Live()
    parser.feed(html)
    parser.close()
    return parser.found


def live_payloads_in_file(path: Path) -> list[str]:
    text = path.read_text("utf-8", errors="replace")
    if MARKER not in text and "XSS" not in text:
        return []
    if path.suffix == ".html":
        return live_payloads_in_html(text) + _ld_json_breakouts(text)
    if path.suffix == ".json":
        return [f for s in _strings(json.loads(text)) for f in live_payloads_in_html(s)]
    if path.suffix == ".xml":
        root = ET.fromstring(text.encode("utf-8"))
        return [f for el in root.iter() for s in [el.text or "", *el.attrib.values()] for f in live_payloads_in_html(s)]
    return live_payloads_in_html(text)


def _ld_json_breakouts(html: str) -> list[str]:
    """JSON-LD may carry the text, but never a closing script tag."""
    found, start = [], 0
    while (start := html.find('<script type="application/ld+json">', start)) != -1:
        end = html.index("</script>", start)
        block = html[start:end]
        if MARKER in block and "<" in block[len('<script type="application/ld+json">'):]:
            found.append("markup inside JSON-LD")
        start = end
    return found


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)
