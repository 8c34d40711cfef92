"""Site settings from `extra.thidua` in mkdocs.yml, with the build date that decides the embargo."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from ..checks.schemas import schema_problems
from ..checks.site_config import IMPOSSIBLE_DATE, config_file_problems
from ..content.problems import ContentError, Problem
from ..content.source import Document, read_section
from .spec import DEFAULT_PAGE_SIZE

CONFIG_FILE = "mkdocs.yml"
SECTION = "extra.thidua"


@dataclass(frozen=True)
class Settings:
    root: Path
    site_url: str
    as_of: date
    page_size: int = DEFAULT_PAGE_SIZE
    licence: Licence = field(default_factory=lambda: DEFAULT_LICENCE)
    attribution: str = ""  # "Nguồn: <attribution> — <link>"; the site's name when empty
    short_name: str = ""  # the header's name on phones; the site's name when empty
    press_contact: PressContact = field(default_factory=lambda: PressContact())
    agency: Agency = field(default_factory=lambda: Agency())
    related_agencies: tuple[Link, ...] = ()


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


@dataclass(frozen=True)
class Agency:
    """The agency responsible for the site (every page's footer, the feedback, accessibility and English pages)."""

    name: str = ""
    address: str = ""
    phone: str = ""
    email: str = ""

    def placeholders(self) -> list[str]:
        return [name for name in ("name", "address", "phone", "email")
                if not getattr(self, name).strip() or PLACEHOLDER.search(getattr(self, name))]


@dataclass(frozen=True)
class Link:
    name: str
    url: str


PLACEHOLDER = re.compile(r"\.example\b|XXX|\bmẫu\b", re.IGNORECASE)


@dataclass(frozen=True)
class Licence:
    name: str
    url: str


DEFAULT_LICENCE = Licence("CC BY 4.0", "https://creativecommons.org/licenses/by/4.0/deed.vi")


class SettingsError(ValueError):
    pass


def settings_from(extra: dict, root: Path, site_url: str) -> Settings:
    """`extra.thidua` of mkdocs.yml, checked against its schema like content: `mkdocs.yml:line: key: message`.

    `as_of` is the build date the engine was given (thidua build --as-of), else mkdocs.yml's, else today."""
    try:
        doc = read_section(root / CONFIG_FILE, ("extra", "thidua"))
    except ContentError as err:
        raise SettingsError(str(err)) from None
    doc.meta = _plain(extra)
    problems = settings_problems(doc)
    if problems:
        raise SettingsError("\n".join(map(str, problems)))
    extra = doc.meta
    licence = extra.get("licence")
    return Settings(root=root, site_url=site_url, as_of=parse_as_of(extra.get("as_of")),
                    page_size=extra.get("page_size", DEFAULT_PAGE_SIZE),
                    licence=Licence(licence["name"], licence["url"]) if licence else DEFAULT_LICENCE,
                    attribution=extra.get("attribution", ""), short_name=extra.get("short_name", ""),
                    press_contact=PressContact(**extra.get("press_contact", {})),
                    agency=Agency(**extra.get("agency", {})),
                    related_agencies=tuple(Link(**link) for link in extra.get("related_agencies", [])))


def contact_warnings(root: Path) -> list[str]:
    """One line per contact field still a placeholder (the press contact, the responsible agency), for the CLI
    to print after a build.

    Not MkDocs' logger: a strict build fails on any logged warning, and a sample config must build."""
    try:
        doc = read_section(root / CONFIG_FILE, ("extra", "thidua"))
    except ContentError:
        return []  # the build itself reports a broken config
    meta = doc.meta if isinstance(doc.meta, dict) else {}
    warnings = []
    for key, kind, why in (("press_contact", PressContact, "trang Báo chí cần liên hệ thật"),
                           ("agency", Agency, "chân mọi trang cần tên và liên hệ thật của cơ quan chịu trách nhiệm")):
        raw = meta.get(key)
        fields = kind.__dataclass_fields__
        found = kind(**{k: v for k, v in raw.items() if k in fields and isinstance(v, str)}) if isinstance(raw, dict) else kind()
        warnings += [f"{CONFIG_FILE}:{doc.line_of(f'{key}.{name}')}: "
                     f"{SECTION}.{key}.{name}: còn để trống hoặc là giá trị mẫu; {why} (placeholder)"
                     for name in found.placeholders()]
    return warnings


def config_problems(root: Path) -> list[Problem]:
    """What `thidua check` says of mkdocs.yml, and what `thidua build` refuses before MkDocs reads the file:
    its plain-text keys (checks/site_config.py), then its settings."""
    try:
        problems = config_file_problems(root)
        doc = read_section(root / CONFIG_FILE, ("extra", "thidua"))
    except ContentError as err:
        return err.problems
    doc.meta = _plain(doc.meta)
    return sorted(set(problems + settings_problems(doc)))  # an impossible as_of is said by both


def settings_problems(doc: Document) -> list[Problem]:
    if not isinstance(doc.meta, dict):
        return [Problem(CONFIG_FILE, 1, SECTION, "phải là nhóm trường dạng khóa: giá trị (must be a mapping)")]
    problems = schema_problems(doc, "settings")
    as_of = doc.meta.get("as_of")
    if not problems and isinstance(as_of, str) and as_of:
        try:
            date.fromisoformat(as_of)
        except ValueError:
            problems.append(doc.problem("as_of", IMPOSSIBLE_DATE.format(value=as_of)))
    return sorted(replace(p, field=f"{SECTION}.{p.field}" if p.field != "-" else SECTION) for p in problems)


def _plain(extra):
    """YAML reads `as_of: 2023-12-31` as a date; the schema speaks of text."""
    if not isinstance(extra, dict):
        return extra if extra is not None else {}
    return {key: value.isoformat() if isinstance(value, date) else value for key, value in extra.items()}


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
