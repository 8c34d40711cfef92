"""The UI words: one Vietnamese catalogue (`words/vi.yml`) that Python and the templates both read."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import yaml

CATALOGUE = Path(__file__).resolve().parent.parent / "words" / "vi.yml"


@cache
def catalogue() -> dict[str, Any]:
    return yaml.safe_load(CATALOGUE.read_text("utf-8"))


def word(key: str, *values: object) -> str:
    """The words at a dotted key ("sample.warning"), with `{0}`… filled from `values`."""
    found: Any = catalogue()
    for part in key.split("."):
        found = found[part]
    return found.format(*values) if values else found
