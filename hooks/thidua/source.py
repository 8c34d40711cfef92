"""Reading a content file: UTF-8 text, YAML front matter with the line of every key, Markdown body.

Every way a file can be unreadable becomes a `Problem` naming the file and line, never a traceback.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .problems import ContentError, Problem
from .yaml_messages import Refused, explain

MAX_FILE_BYTES = 1_000_000
MAX_YAML_DEPTH = 12
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

    def problem(self, key: str, message: str, severity: str = "error") -> Problem:
        return Problem(self.path, self.line_of(key), key or "-", message, severity)


class _StrictLoader(yaml.SafeLoader):
    """Safe YAML without dates (we parse those with our own messages), aliases or deep nesting."""

    yaml_implicit_resolvers = {
        first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self.depth = 0

    def compose_node(self, parent, index):  # noqa: ANN001 - PyYAML's signature
        if self.check_event(yaml.AliasEvent):
            mark = self.peek_event().start_mark
            raise Refused(None, None, "không dùng bí danh YAML (*tên): hãy viết đầy đủ giá trị (YAML alias)", mark)
        self.depth += 1
        if self.depth > MAX_YAML_DEPTH:
            mark = self.peek_event().start_mark
            raise Refused(None, None, "YAML lồng nhau quá sâu: các trường chỉ cần một, hai cấp (YAML nested too deep)", mark)
        try:
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1


def read_document(path: Path, root: Path) -> Document:
    relative = path.relative_to(root).as_posix()
    raw = path.read_bytes()
    if len(raw) > MAX_FILE_BYTES:
        raise _error(relative, 1, f"tệp quá lớn ({len(raw):,} byte, tối đa {MAX_FILE_BYTES:,}) (file too large)")
    text = _decode(raw, relative).replace("\r\n", "\n").removeprefix("\ufeff")
    return parse_document(text, relative)


def read_data(path: Path, root: Path) -> Document:
    """A plain YAML data file (no body), read with the same care as front matter."""
    relative = path.relative_to(root).as_posix()
    text = _decode(path.read_bytes(), relative).replace("\r\n", "\n").removeprefix("\ufeff")
    meta, key_lines = _load_yaml(text, relative, first_line=1)
    return Document(relative, meta, "", 1, key_lines)


def parse_document(text: str, relative: str) -> Document:
    if not text.strip():
        raise _error(relative, 1, "tệp rỗng: cần phần đầu YAML giữa hai dòng --- rồi đến nội dung (empty file)")
    lines = text.split("\n")
    if lines[0].rstrip() != FENCE:
        raise _error(relative, 1, "thiếu phần đầu YAML: dòng đầu tiên phải là --- (missing front matter)")
    closing = next((i for i, line in enumerate(lines[1:], 1) if line.rstrip() in (FENCE, "...")), None)
    if closing is None:
        raise _error(relative, 1, "phần đầu YAML chưa được đóng: thêm một dòng --- sau các trường (unclosed front matter)")
    front = "\n".join(lines[1:closing])
    for number, line in enumerate(lines[1:closing], 2):
        if "\t" in line:
            raise _error(relative, number, "có ký tự Tab trong phần đầu YAML: hãy dùng dấu cách (tab in YAML)")
    meta, key_lines = _load_yaml(front, relative, first_line=2)
    body = "\n".join(lines[closing + 1:])
    return Document(relative, meta, body, closing + 2, key_lines)


def _decode(raw: bytes, relative: str) -> str:
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
    loader = None
    try:
        loader = _StrictLoader(front)  # PyYAML's reader refuses control characters here already
        node = loader.get_single_node()
        if node is None:
            return {}, {}
        if not isinstance(node, yaml.MappingNode):
            raise _error(relative, first_line, "phần đầu YAML phải là danh sách các trường dạng khóa: giá trị (front matter must be a mapping)")
        key_lines: dict[str, int] = {}
        _collect_lines(node, "", key_lines, first_line, relative)
        return loader.construct_document(node), key_lines
    except yaml.MarkedYAMLError as err:
        line, message = explain(err)
        raise _error(relative, first_line + line, message) from None
    except yaml.reader.ReaderError as err:
        line = first_line + front[: err.position].count("\n")
        raise _error(relative, line, f"có ký tự điều khiển không in được (U+{err.character:04X}): hãy xóa ký tự này "
                                     "(control character)") from None
    except yaml.YAMLError as err:
        raise _error(relative, first_line, f"lỗi YAML: {err} (YAML error)") from None
    finally:
        if loader is not None:
            loader.dispose()


def _collect_lines(node: yaml.Node, prefix: str, out: dict[str, int], offset: int, relative: str) -> None:
    """Record the line of every mapping key and list item, refusing duplicate keys."""
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            key = f"{prefix}.{key_node.value}" if prefix else str(key_node.value)
            if key in out:
                raise _error(relative, offset + key_node.start_mark.line,
                             f"trường “{key}” xuất hiện hai lần (duplicate key)", field=key)
            out[key] = offset + key_node.start_mark.line
            _collect_lines(value_node, key, out, offset, relative)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            key = f"{prefix}[{index}]"
            out[key] = offset + item.start_mark.line
            _collect_lines(item, key, out, offset, relative)


def _error(relative: str, line: int, message: str, field: str = "-") -> ContentError:
    return ContentError([Problem(relative, line, field, message)])
