"""The UI words: the Vietnamese catalogue (`words/vi.yml`) that Python and the templates both read, and an
English one beside it (`words/en.yml`, the English page about the agency): a later English edition is data."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import yaml

WORDS = Path(__file__).resolve().parent.parent / "words"
CATALOGUE = WORDS / "vi.yml"


@cache
def catalogue(language: str = "vi") -> dict[str, Any]:
    return yaml.safe_load((WORDS / f"{language}.yml").read_text("utf-8"))


def word(key: str, *values: object) -> str:
    """The words at a dotted key ("sample.warning"), with `{0}`… filled from `values`."""
    found: Any = catalogue()
    for part in key.split("."):
        found = found[part]
    return found.format(*values) if values else found
