"""The Content-Security-Policy of the built site, with the hashes of the inline scripts it really has.

Material for MkDocs' base template carries a small inline script (`__md_scope`, whose relative base
differs with a page's depth); our own templates have none (assets/thidua.js). Rather than allowing
'unsafe-inline', the build hashes every inline script it published, so the policy fits the theme's
version in use and fails loudly (a CSP report in the browser test) if a new one appears unhashed.
JSON data blocks (`__config`, JSON-LD) are not run, so they need no hash.
"""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

_INLINE = re.compile(r"<(script)([^>]*)>(.*?)</\1>", re.S | re.I)  # groups: name, attributes, body
_TYPE = re.compile(r"""\btype\s*=\s*["']?([^"'\s>]+)""", re.I)
_SRC = re.compile(r"\bsrc\s*=", re.I)
RUNNABLE_TYPES = {"", "text/javascript", "application/javascript", "module"}

# 'self' everywhere; images also from data: URIs (Material's icons are SVG data URIs in its CSS).
# Styles: Material sets no style attribute and no <style> element in our pages; 'self' is enough.
DIRECTIVES = (
    ("default-src", "'self'"),
    ("img-src", "'self' data:"),
    ("style-src", "'self'"),
    ("font-src", "'self'"),
    ("connect-src", "'self'"),
    ("object-src", "'none'"),
    ("base-uri", "'self'"),
    ("form-action", "'self'"),
    ("frame-ancestors", "'none'"),
)


def inline_scripts(html: str) -> set[str]:
    """The bodies of the inline scripts a browser would run (not JSON or JSON-LD data blocks)."""
    found = set()
    for match in _INLINE.finditer(html):
        attrs = match[2]
        kind = _TYPE.search(attrs)
        if _SRC.search(attrs) or (kind and kind.group(1).lower() not in RUNNABLE_TYPES):
            continue
        found.add(match[3])
    return found


def script_hash(body: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode() + "'"


def site_script_hashes(site_dir: Path) -> list[str]:
    bodies: set[str] = set()
    for page in site_dir.rglob("*.html"):
        bodies |= inline_scripts(page.read_text("utf-8", errors="replace"))
    return sorted(script_hash(body) for body in bodies)


def policy(script_hashes: list[str]) -> str:
    script = " ".join(["'self'", *script_hashes])
    directives = [DIRECTIVES[0], ("script-src", script), *DIRECTIVES[1:]]
    return "; ".join(f"{name} {value}" for name, value in directives)


# The web form (/bien-tap/gui-bai/) gets a policy of its own, for its path only: Decap CMS compiles code at
# run time (its configuration's validator: new Function, hence 'unsafe-eval', with no inline script still),
# injects its component styles ('unsafe-inline' for styles only), shows chosen photos from blob: URLs and
# talks to the forge's API (`origins`, from the form's configuration), nothing else.
FORM_RELAXED = {"script-src": "'self' 'unsafe-eval'", "style-src": "'self' 'unsafe-inline'",
                "img-src": "'self' data: blob:", "connect-src": "'self'"}


def form_policy(origins: dict[str, list[str]]) -> str:
    """`origins`: further sources per directive, e.g. {"connect-src": ["https://api.github.com"]}."""
    values = dict(DIRECTIVES[:1]) | {"script-src": ""} | dict(DIRECTIVES[1:]) | FORM_RELAXED
    for name, extra in origins.items():
        values[name] = " ".join([values[name], *extra])
    return "; ".join(f"{name} {value}" for name, value in values.items())
