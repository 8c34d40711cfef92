"""Site settings from `extra.thidua` in mkdocs.yml, with the build date that decides the embargo."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import yaml

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
    press_contact: PressContact = field(default_factory=lambda: PressContact())


@dataclass(frozen=True)
class PressContact:
    """Who the press writes or calls (the press page); the sample config ships placeholders."""

    email: str = ""
    phone: str = ""
    address: str = ""

    def placeholders(self) -> list[str]:
        """The fields still empty or holding a sample value (".example", "XXX", "mẫu")."""
        return [name for name in ("email", "phone", "address")
                if not getattr(self, name).strip() or PLACEHOLDER.search(getattr(self, name))]


PLACEHOLDER = re.compile(r"\.example\b|XXX|\bmẫu\b", re.IGNORECASE)


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
                    press_contact=_press_contact(extra.get("press_contact")))


def _press_contact(raw) -> PressContact:
    if raw is None:
        return PressContact()
    if not (isinstance(raw, dict) and all(isinstance(raw.get(k, ""), str) for k in ("email", "phone", "address"))):
        raise SettingsError("extra.thidua.press_contact cần email, phone, address (chuỗi chữ)")
    return PressContact(raw.get("email", ""), raw.get("phone", ""), raw.get("address", ""))


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


def press_contact_warnings(root: Path) -> list[str]:
    """One line per press contact field still a placeholder, for the CLI to print after a build.

    Not MkDocs' logger: a strict build fails on any logged warning, and a sample config must build."""
    try:
        config = yaml.safe_load((root / "mkdocs.yml").read_text("utf-8")) or {}
        contact = _press_contact(((config.get("extra") or {}).get("thidua") or {}).get("press_contact"))
    except (OSError, yaml.YAMLError, SettingsError, AttributeError):
        return []  # the build itself reports a broken config
    return [f"mkdocs.yml: extra.thidua.press_contact.{name}: còn để trống hoặc là giá trị mẫu; trang Báo chí "
            "cần liên hệ thật (placeholder)" for name in contact.placeholders()]
