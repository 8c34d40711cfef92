"""mkdocs.yml is content too: it arrives by pull request, and the theme prints some of its keys raw.

Checked before MkDocs reads the file, in one linear pass over its YAML events: no anchors or aliases (a
kilobyte of nested aliases makes MkDocs spend half a minute and gigabytes formatting its settings), no
nesting deeper than any setting needs, no impossible date (MkDocs' YAML 1.1 reader turns `2023-02-30` into
a crash). Then every key that reaches a page, a feed or JSON — the site's name, description, author and
copyright, the menu's titles, every text under `extra` — is plain text, checked like a title.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..content.files import read_capped
from ..content.problems import ContentError, Problem
from ..content.source import DEEP_YAML, Document, decode
from ..content.yaml_messages import explain
from . import hygiene, schemas
from .controls import first_control

CONFIG_FILE = "mkdocs.yml"
MAX_CONFIG_BYTES = 200_000  # ours is 3 KB
MAX_DEPTH = 16  # mkdocs.yml needs five levels
PLAIN_KEYS = ("site_name", "site_description", "site_author", "copyright", "repo_name")
PLAIN_SECTIONS = ("extra",)  # every text below them; `nav`: the titles, which are its keys

ALIAS = "không dùng neo và bí danh YAML (&tên, *tên): hãy viết đầy đủ giá trị (YAML anchor or alias)"
IMPOSSIBLE_DATE = "ngày {value} không tồn tại (impossible date)"
RAW = re.compile(r"[<>\"]|&#|&[a-zA-Z][a-zA-Z0-9]*;")
RAW_MESSAGE = ("không được chứa “<”, “>”, dấu ngoặc kép thẳng (\") hay mã ký tự (&…;): giao diện in thẳng giá trị "
               "này vào mã trang; nếu cần ngoặc kép, dùng “ ” (markup not allowed)")
CONTROL = "có ký tự điều khiển không in được (U+{code:04X}): hãy xóa ký tự này (control character)"
NOT_TEXT = "phải là chuỗi chữ (wrong type)"

_TIMESTAMP = next(regexp for resolvers in yaml.SafeLoader.yaml_implicit_resolvers.values()
                  for tag, regexp in resolvers if tag == "tag:yaml.org,2002:timestamp")
_RESOLVER = yaml.resolver.Resolver()  # YAML 1.1's, as MkDocs reads the file
STR = "tag:yaml.org,2002:str"
_NODE_START = (yaml.ScalarEvent, yaml.AliasEvent, yaml.MappingStartEvent, yaml.SequenceStartEvent)


def config_file_problems(root: Path) -> list[Problem]:
    """The plain-text keys' problems; a file MkDocs must not even read raises a `ContentError`."""
    if not (root / CONFIG_FILE).exists() and not (root / CONFIG_FILE).is_symlink():
        return []  # nothing to build; the commands say so themselves
    text = decode(read_capped(root / CONFIG_FILE, CONFIG_FILE, MAX_CONFIG_BYTES), CONFIG_FILE)
    scan = _Scan()
    scan.run(text)
    if scan.refused:
        raise ContentError(scan.refused)
    doc = Document(CONFIG_FILE, scan.texts, "", 1, scan.lines)
    problems = scan.dates + [doc.problem(key, schemas.EMPTY if scan.top[key] in ("", "~", "null") else NOT_TEXT)
                             for key in scan.not_text]
    texts = {key: value for key, value in scan.top.items() if key not in scan.not_text}
    problems += schemas.schema_problems(Document(CONFIG_FILE, texts, "", 1, scan.lines), "site-config")
    problems += hygiene.text_problems(doc)  # damaged text, invisible and bidi characters
    for key, value in scan.texts.items():
        if RAW.search(value):
            problems.append(doc.problem(key, RAW_MESSAGE))
        if (control := first_control(value)) is not None:
            problems.append(doc.problem(key, CONTROL.format(code=ord(control))))
    return sorted(problems)


@dataclass
class _Level:
    mapping: bool
    key: str = ""
    index: int = 0
    expecting_key: bool = True


@dataclass
class _Scan:
    """One pass over the parser's events, keeping the dotted path of the value being read."""

    stack: list[_Level] = field(default_factory=list)
    refused: list[Problem] = field(default_factory=list)  # MkDocs must not read the file at all
    dates: list[Problem] = field(default_factory=list)  # impossible ones, which MkDocs' reader would crash on
    texts: dict[str, str] = field(default_factory=dict)  # "extra.thidua.attribution" -> its text
    top: dict[str, object] = field(default_factory=dict)  # the plain keys' values, for their schema
    lines: dict[str, int] = field(default_factory=dict)
    not_text: list[str] = field(default_factory=list)

    def run(self, text: str) -> None:
        try:
            for event in yaml.parse(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
                if self.event(event):
                    return
        except yaml.reader.ReaderError as err:
            line = text[: err.position].count("\n") + 1
            self.refused.append(Problem(CONFIG_FILE, line, "-", CONTROL.format(code=err.character)))
        except yaml.MarkedYAMLError as err:
            line, message = explain(err)
            if "nesting depth" in (err.problem or ""):  # libyaml's own limit, past ours
                message = DEEP_YAML
            self.refused.append(Problem(CONFIG_FILE, line + 1, "-", message))

    def event(self, event: yaml.Event) -> bool:
        """Take one event; True once the file is refused."""
        if isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            self.stack.pop()
            self.advance()
            return False
        if not isinstance(event, _NODE_START):
            return False
        line = event.start_mark.line + 1
        if isinstance(event, yaml.AliasEvent) or event.anchor is not None:
            self.refused.append(Problem(CONFIG_FILE, line, self.path() or "-", ALIAS))
            return True
        top = self.stack[-1] if self.stack else None
        if top is not None and top.mapping and top.expecting_key:
            self.key(event, top, line)
        elif isinstance(event, yaml.ScalarEvent):
            self.value(event, line)
            self.advance()
        else:
            if len(self.stack) >= MAX_DEPTH:
                self.refused.append(Problem(CONFIG_FILE, line, self.path() or "-", DEEP_YAML))
                return True
            self.lines.setdefault(self.path(), line)
            self.stack.append(_Level(isinstance(event, yaml.MappingStartEvent)))
        return bool(self.refused)

    def key(self, event, level: _Level, line: int) -> None:
        if not isinstance(event, yaml.ScalarEvent):  # a list or mapping as a key: MkDocs refuses it itself
            self.stack.append(_Level(isinstance(event, yaml.MappingStartEvent)))
            level.key, level.expecting_key = "?", False
            return
        if self.stack[0].key == "nav" and len(self.stack) > 1:  # a menu title is a key of `nav`'s items
            item = self.path(self.stack[:-1])
            self.texts[item], self.lines[item] = event.value, line
        level.key, level.expecting_key = event.value, False
        self.lines[self.path()] = line

    def value(self, event: yaml.ScalarEvent, line: int) -> None:
        path = self.path()
        self.lines[path] = line
        plain = event.implicit[0]
        if plain and _TIMESTAMP.match(event.value) and not _is_timestamp(event.value):
            self.dates.append(Problem(CONFIG_FILE, line, path or "-", IMPOSSIBLE_DATE.format(value=event.value)))
        if len(self.stack) == 1 and path in PLAIN_KEYS:
            self.top[path] = event.value
            tag = event.tag if event.tag not in (None, "!") else _RESOLVER.resolve(yaml.ScalarNode, event.value, event.implicit)
            if tag == STR:
                self.texts[path] = event.value
            else:  # MkDocs reads YAML 1.1: `site_author: No` is false, `copyright: 2023` a number
                self.not_text.append(path)
        elif self.stack and self.stack[0].key in PLAIN_SECTIONS and len(self.stack) > 1:
            self.texts[path] = event.value

    def advance(self) -> None:
        """The current mapping now waits for a key; the current list moves to its next item."""
        if self.stack:
            level = self.stack[-1]
            if level.mapping:
                level.expecting_key = True
            else:
                level.index += 1

    def path(self, stack: list[_Level] | None = None) -> str:
        out = ""
        for level in self.stack if stack is None else stack:
            if level.mapping:
                out += f".{level.key}" if out else level.key
            else:
                out += f"[{level.index}]"
        return out


def _is_timestamp(value: str) -> bool:
    try:
        yaml.SafeLoader("").construct_yaml_timestamp(yaml.ScalarNode("tag:yaml.org,2002:timestamp", value))
    except ValueError:
        return False
    return True
