"""Reading a content file: UTF-8 text, YAML front matter with the line of every key, Markdown body.

Every way a file can be unreadable becomes a `Problem` naming the file and line, never a traceback.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .files import read_capped
from .problems import ContentError, Problem
from .yaml_core import CoreExplainingLoader, CoreLoader
from .yaml_messages import explain

MAX_FILE_BYTES = 1_000_000
# Markdown takes ~12 µs a character: 100,000 keep a build under seconds (the longest real page has 20,000).
MAX_BODY_CHARS = 100_000
MAX_FRONT_CHARS = 50_000  # front matter needs a few hundred
MAX_LIST_FRONT_CHARS = 900_000  # a decision's list of up to thousands of recipients (~150 characters each)
BODY_TOO_LONG = "nội dung dài {length:,} ký tự, tối đa {limit:,}: hãy rút gọn hoặc tách thành nhiều bài (body too long)"
FRONT_TOO_LONG = ("phần đầu YAML dài {length:,} ký tự, tối đa {limit:,}: các trường chỉ cần vài dòng "
                  "(front matter too long)")
MAX_YAML_DEPTH = 8
MAX_YAML_SCAN_DEPTH = 64  # brackets or indentation beyond this are refused before parsing
DEEP_YAML = "YAML lồng nhau quá sâu: các trường chỉ cần một, hai cấp (YAML nested too deep)"
FENCE = "---"


@dataclass
class Document:
    path: str  # repository-relative, POSIX separators: what editors see
    meta: dict[str, Any]
    body: str
    body_line: int  # 1-based line on which the body starts
    lines: dict[str, int] = field(default_factory=dict)  # "key", "list[0].key" -> line

    def line_of(self, key: str) -> int:
        """Line of a key, else of its nearest parent, else of the opening fence."""
        while key:
            if key in self.lines:
                return self.lines[key]
            key = key.rpartition(".")[0] if "." in key else key.rpartition("[")[0]
        return 1

    @property
    def end_line(self) -> int:
        """The front matter's closing line (a data file's last key): where a missing key can go."""
        return self.body_line - 1 if self.body_line > 1 else max(self.lines.values(), default=1)

    def problem(self, key: str, message: str, severity: str = "error") -> Problem:
        return Problem(self.path, self.line_of(key), key or "-", message, severity)


_RESOLVERS_11 = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


class _MkDocsLoader(yaml.SafeLoader):
    """mkdocs.yml as MkDocs reads it (YAML 1.1), without dates (we parse those with our own messages)."""

    yaml_implicit_resolvers = _RESOLVERS_11


def read_document(path: Path, root: Path, max_front: int = MAX_FRONT_CHARS) -> Document:
    relative = path.relative_to(root).as_posix()
    raw = read_capped(path, relative, MAX_FILE_BYTES)
    text = decode(raw, relative).replace("\r\n", "\n").removeprefix("\ufeff")
    return parse_document(text, relative, max_front)


def read_data(path: Path, root: Path) -> Document:
    """A plain YAML data file (no body), read with the same care as front matter."""
    relative = path.relative_to(root).as_posix()
    text = decode(read_capped(path, relative, MAX_FILE_BYTES), relative).replace("\r\n", "\n").removeprefix("\ufeff")
    meta, key_lines = _load_yaml(text, relative, first_line=1)
    return Document(relative, meta, "", 1, key_lines)


def parse_document(text: str, relative: str, max_front: int = MAX_FRONT_CHARS) -> Document:
    if not text.strip():
        raise _error(relative, 1, "tệp rỗng: cần phần đầu YAML giữa hai dòng --- rồi đến nội dung (empty file)")
    lines = text.split("\n")
    if lines[0].rstrip() != FENCE:
        raise _error(relative, 1, "thiếu phần đầu YAML: dòng đầu tiên phải là --- (missing front matter)")
    closing = next((i for i, line in enumerate(lines[1:], 1) if line.rstrip() in (FENCE, "...")), None)
    if closing is None:
        raise _error(relative, 1, "phần đầu YAML chưa được đóng: thêm một dòng --- sau các trường (unclosed front matter)")
    front = "\n".join(lines[1:closing])
    if len(front) > max_front:
        raise _error(relative, 2, FRONT_TOO_LONG.format(length=len(front), limit=max_front))
    body = "\n".join(lines[closing + 1:])
    if len(body) > MAX_BODY_CHARS:
        raise _error(relative, closing + 2, BODY_TOO_LONG.format(length=len(body), limit=MAX_BODY_CHARS), "nội dung")
    for number, line in enumerate(lines[1:closing], 2):
        if "\t" in line:
            raise _error(relative, number, "có ký tự Tab trong phần đầu YAML: hãy dùng dấu cách (tab in YAML)")
    meta, key_lines = _load_yaml(front, relative, first_line=2)
    return Document(relative, meta, body, closing + 2, key_lines)


def decode(raw: bytes, relative: str) -> str:
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in raw[:200]:  # UTF-16 with or without a BOM
        raise _error(relative, 1, "tệp được lưu bằng UTF-16: hãy lưu lại bằng UTF-8 (file is UTF-16, not UTF-8)")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        byte = raw[err.start]
        raise _error(
            relative, line,
            f"tệp không phải UTF-8 (byte 0x{byte:02X} không hợp lệ; có thể là Windows-1258 hoặc TCVN3): "
            "hãy lưu lại tệp với mã hóa UTF-8 (file is not UTF-8)",
        ) from None


def _load_yaml(front: str, relative: str, first_line: int) -> tuple[dict[str, Any], dict[str, int]]:
    deep = _too_deep_line(front)
    if deep is not None:  # the parsers recurse per level: 3,000 levels would overflow the stack
        raise _error(relative, first_line + deep, DEEP_YAML)
    try:
        loader = CoreLoader(front)  # YAML 1.2, as the web form writes it (yaml_core.py)
        try:
            node = loader.get_single_node()
            if node is None:
                return {}, {}
            if not isinstance(node, yaml.MappingNode):
                raise _error(relative, first_line, "phần đầu YAML phải là danh sách các trường dạng khóa: giá trị "
                                                   "(front matter must be a mapping)")
            key_lines: dict[str, int] = {}
            _Walk(relative, first_line, key_lines).node(node, "", depth=1)
            return loader.construct_document(node), key_lines
        finally:
            loader.dispose()
    except RecursionError:  # a nesting shape the scan above does not foresee
        raise _error(relative, first_line, DEEP_YAML) from None
    except yaml.YAMLError as fast_error:
        raise _explained(_python_error(front) or fast_error, front, relative, first_line) from None


def _too_deep_line(front: str) -> int | None:
    """The 0-based line where brackets or indentation could nest past what any field needs, in one pass.

    A cheap over-estimate (brackets inside quotes count too); the walker below applies the real limit."""
    depth = 0
    for number, line in enumerate(front.split("\n")):
        stripped = line.lstrip(" ")
        markers = 0
        while stripped.startswith(("- ", "? ")):
            stripped, markers = stripped[2:].lstrip(" "), markers + 1
        if len(line) - len(line.lstrip(" ")) + markers > MAX_YAML_SCAN_DEPTH:
            return number
        for ch in line:
            if ch in "[{":
                depth += 1
                if depth > MAX_YAML_SCAN_DEPTH:
                    return number
            elif ch in "]}" and depth:
                depth -= 1
    return None


def _python_error(front: str) -> yaml.YAMLError | None:
    try:
        yaml.load(front, Loader=CoreExplainingLoader)  # noqa: S506 - a SafeLoader subclass; its messages we explain
    except yaml.YAMLError as err:
        return err
    return None


def _explained(err: yaml.YAMLError, front: str, relative: str, first_line: int) -> ContentError:
    if isinstance(err, yaml.reader.ReaderError):
        line = first_line + front[: err.position].count("\n")
        return _error(relative, line, f"có ký tự điều khiển không in được (U+{err.character:04X}): hãy xóa ký tự này "
                                      "(control character)")
    if isinstance(err, yaml.MarkedYAMLError):
        line, message = explain(err)
        return _error(relative, first_line + line, message)
    return _error(relative, first_line, f"lỗi YAML: {err} (YAML error)")


class _Walk:
    """Record the line of every key and list item; refuse duplicate keys, aliases and deep nesting.

    Refusing aliases before construction means an alias bomb is never expanded.
    """

    def __init__(self, relative: str, offset: int, lines: dict[str, int]) -> None:
        self.relative, self.offset, self.lines = relative, offset, lines
        self.seen: set[int] = set()

    def node(self, node: yaml.Node, prefix: str, depth: int) -> None:
        if depth > MAX_YAML_DEPTH:
            raise self.error(node, DEEP_YAML, prefix)
        if isinstance(node, yaml.MappingNode):
            for key_node, value_node in node.value:
                key = f"{prefix}.{key_node.value}" if prefix else str(key_node.value)
                if key in self.lines:
                    raise self.error(key_node, f"trường “{key}” xuất hiện hai lần (duplicate key)", key)
                self.lines[key] = self.line(key_node)
                self.child(value_node, key, depth, key_node)
        elif isinstance(node, yaml.SequenceNode):
            for index, item in enumerate(node.value):
                key = f"{prefix}[{index}]"
                self.lines[key] = self.line(item)
                self.child(item, key, depth, node)  # an alias item carries its anchor's line, not its own

    def child(self, node: yaml.Node, key: str, depth: int, where: yaml.Node) -> None:
        if id(node) in self.seen:  # the composer hands back the anchored node itself for an alias
            raise self.error(where, "không dùng bí danh YAML (*tên): hãy viết đầy đủ giá trị (YAML alias)", key)
        self.seen.add(id(node))
        self.node(node, key, depth + 1)

    def line(self, node: yaml.Node) -> int:
        return self.offset + node.start_mark.line

    def error(self, node: yaml.Node, message: str, key: str) -> ContentError:
        return _error(self.relative, self.line(node), message, field=key or "-")


def _error(relative: str, line: int, message: str, field: str = "-") -> ContentError:
    return ContentError([Problem(relative, line, field, message)])


def read_section(path: Path, section: tuple[str, ...]) -> Document:
    """One section of a YAML file such as mkdocs.yml, with the line of every key below it.

    The file is composed, and only the section constructed: tags elsewhere (MkDocs' `!ENV`) need no
    constructor here.
    """
    relative = path.name
    try:
        node = yaml.compose(path.read_text("utf-8"), Loader=_MkDocsLoader)
    except FileNotFoundError:
        return Document(relative, {}, "", 1)
    except (OSError, UnicodeDecodeError) as err:
        raise _error(relative, 1, f"không đọc được tệp: {err.__class__.__name__} (unreadable)") from None
    except yaml.YAMLError as err:
        raise _explained(err, "", relative, 1) from None
    for key in section:
        node = _value_of(node, key)
    if node is None:
        return Document(relative, {}, "", 1)
    lines: dict[str, int] = {}
    _Walk(relative, 1, lines).node(node, "", depth=1)
    return Document(relative, _MkDocsLoader("").construct_object(node, deep=True), "", 1, lines)


def _value_of(node: yaml.Node | None, key: str) -> yaml.Node | None:
    if not isinstance(node, yaml.MappingNode):
        return None
    return next((value for k, value in node.value if k.value == key), None)
