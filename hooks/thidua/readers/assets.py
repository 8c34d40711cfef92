"""Our stylesheet and scripts under content-hashed names, so that a host may cache them for a year.

`assets/thidua.css` is published as `assets/thidua.<10 hex>.css`: a new content is a new name, and
pages always point at the current one. The pattern `name.<8+ hex>.ext` is what the host's long
cache rule matches.
"""

from __future__ import annotations

import hashlib
from pathlib import PurePosixPath

from ..content import urls

STYLESHEET = "assets/thidua.css"
BEHAVIOURS = "assets/thidua.js"  # copy buttons, the search box's loader: no inline script (Content-Security-Policy)
HASHED = (STYLESHEET, BEHAVIOURS, urls.SEARCH_SCRIPT, urls.MENU_SCRIPT)
DIGITS = 10


def hashed_name(path: str, content: bytes) -> str:
    """"assets/thidua.css" with its content → "assets/thidua.<hash>.css"."""
    digest = hashlib.sha256(content).hexdigest()[:DIGITS]
    name = PurePosixPath(path)
    return str(name.with_name(f"{name.stem}.{digest}{name.suffix}"))
