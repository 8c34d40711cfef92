"""Site settings from `extra.thidua` in mkdocs.yml, with the build date that decides the embargo."""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from .pages import DEFAULT_PAGE_SIZE

AS_OF_ENV = "THIDUA_AS_OF"


@dataclass(frozen=True)
class Settings:
    root: Path
    site_url: str
    as_of: date
    page_size: int = DEFAULT_PAGE_SIZE


class SettingsError(ValueError):
    pass


def settings_from(extra: dict, root: Path, site_url: str) -> Settings:
    raw = os.environ.get(AS_OF_ENV) or extra.get("as_of")
    return Settings(root=root, site_url=site_url, as_of=parse_as_of(raw),
                    page_size=int(extra.get("page_size", DEFAULT_PAGE_SIZE)))


def parse_as_of(raw) -> date:
    """The build's date: a story dated after it is embargoed. Today unless fixed for reproducibility."""
    if raw in (None, ""):
        return date.today()
    if isinstance(raw, date):
        return raw
    try:
        return date.fromisoformat(str(raw))
    except ValueError:
        raise SettingsError(f"ngày build “{raw}” không hợp lệ: dùng dạng YYYY-MM-DD") from None
