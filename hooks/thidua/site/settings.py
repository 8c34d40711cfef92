"""Site settings from `extra.thidua` in mkdocs.yml, with the build date that decides the embargo."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from .spec import DEFAULT_PAGE_SIZE

AS_OF_ENV = "THIDUA_AS_OF"


@dataclass(frozen=True)
class Settings:
    root: Path
    site_url: str
    as_of: date
    page_size: int = DEFAULT_PAGE_SIZE
    licence: Licence = field(default_factory=lambda: DEFAULT_LICENCE)
    attribution: str = ""  # "Nguồn: <attribution> — <link>"; the site's name when empty
    short_name: str = ""  # the header's name on phones; the site's name when empty


@dataclass(frozen=True)
class Licence:
    name: str
    url: str


DEFAULT_LICENCE = Licence("CC BY 4.0", "https://creativecommons.org/licenses/by/4.0/deed.vi")


class SettingsError(ValueError):
    pass


def settings_from(extra: dict, root: Path, site_url: str) -> Settings:
    raw = os.environ.get(AS_OF_ENV) or extra.get("as_of")
    return Settings(root=root, site_url=site_url, as_of=parse_as_of(raw),
                    page_size=int(extra.get("page_size", DEFAULT_PAGE_SIZE)),
                    licence=_licence(extra.get("licence")), attribution=str(extra.get("attribution") or ""),
                    short_name=str(extra.get("short_name") or ""))


def _licence(raw) -> Licence:
    if raw is None:
        return DEFAULT_LICENCE
    if not (isinstance(raw, dict) and isinstance(raw.get("name"), str) and isinstance(raw.get("url"), str)
            and raw["url"].startswith(("https://", "http://"))):
        raise SettingsError("extra.thidua.licence cần name (tên giấy phép) và url (địa chỉ http/https)")
    return Licence(raw["name"], raw["url"])


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
