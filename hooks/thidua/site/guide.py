"""The editors' field reference, generated from the exemplar schema at every build so it cannot drift.

The hand-written guide lives in docs/bien-tap/; this module adds the page that describes every field,
read from the schema's titles, descriptions, required keys, enums and lengths, and the ids editors may use.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field

from ..content import urls
from ..content.model import Corpus
from .spec import PageSpec
from ..checks.schemas import load_schema

SLUG_PATTERN = "^[a-z0-9]+(-[a-z0-9]+)*$"
DATE_PATTERN = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
TYPE_LABELS = {"string": "chữ", "array": "danh sách", "object": "nhóm trường", "boolean": "true hoặc false",
               "integer": "số nguyên", "number": "số"}
TITLE = "Các trường của một bài"


@dataclass(frozen=True)
class FieldDoc:
    key: str
    title: str
    description: str
    required: str  # in words: "bắt buộc", "bắt buộc khi có photo", "không bắt buộc"…
    kind: str  # what to write, in words
    rules: list[str] = field(default_factory=list)
    examples: list[str] = field(default_factory=list)
    fields: list["FieldDoc"] = field(default_factory=list)  # the keys of each item of a list of groups

    @property
    def is_required(self) -> bool:
        return self.required.startswith("bắt buộc")


def field_reference(schema: dict) -> list[FieldDoc]:
    required = set(schema.get("required", []))
    when = {needed: trigger for trigger, needs in schema.get("dependentRequired", {}).items() for needed in needs}
    conditional = _conditional(schema)
    docs = []
    for key, spec in schema.get("properties", {}).items():
        if key in required:
            needed = "bắt buộc"
        elif key in when:
            needed = f"bắt buộc khi có {when[key]}"
        elif key in conditional:
            needed = conditional[key]
        else:
            needed = "không bắt buộc"
        docs.append(_describe(key, spec, needed))
    return docs


def _describe(key: str, spec: dict, needed: str) -> FieldDoc:
    items = spec.get("items", {})
    rules = []
    if "enum" in spec:
        rules.append("chỉ nhận: " + ", ".join(map(str, spec["enum"])))
    if "maxLength" in spec:
        rules.append(f"tối đa {spec['maxLength']} ký tự")
    if spec.get("minLength"):
        rules.append("không được để trống")
    if spec.get("minItems"):
        rules.append(f"ít nhất {spec['minItems']} mục")
    if spec.get("uniqueItems"):
        rules.append("không lặp lại mục")
    sub = []
    if items.get("type") == "object":
        inner_required = set(items.get("required", []))
        sub = [_describe(k, s, "bắt buộc" if k in inner_required else "không bắt buộc")
               for k, s in items.get("properties", {}).items()]
    return FieldDoc(key=key, title=spec.get("title", key), description=spec.get("description", ""),
                    required=needed, kind=_kind(spec), rules=rules,
                    examples=[str(e) for e in spec.get("examples", [])], fields=sub)


def _kind(spec: dict) -> str:
    if "enum" in spec:
        return "một trong các giá trị cho sẵn"
    kind = spec.get("type", "")
    if kind == "array":
        return "danh sách " + _kind(spec.get("items", {})).removeprefix("một ") + ", mỗi mục một dòng bắt đầu bằng “- ”"
    pattern = spec.get("pattern")
    if pattern == SLUG_PATTERN:
        return "mã viết thường, không dấu, nối bằng gạch ngang"
    if pattern == DATE_PATTERN:
        return "ngày dạng YYYY-MM-DD"
    if kind == "object":
        return "nhóm trường"
    return TYPE_LABELS.get(kind, kind or "giá trị")


def _conditional(schema: dict) -> dict[str, str]:
    """Keys required by an if/then on another key's value, e.g. consent when kind is individual."""
    condition, then = schema.get("if", {}), schema.get("then", {})
    trigger = next(iter(condition.get("properties", {}).items()), None)
    if not trigger or "const" not in trigger[1]:
        return {}
    key, value = trigger[0], trigger[1]["const"]
    out = {}
    for needed in then.get("required", []):
        const = then.get("properties", {}).get(needed, {}).get("const")
        must = f" và phải là {str(const).lower()}" if const is not None else ""
        out[needed] = f"bắt buộc khi {key} là {value}{must}"
    return out


def guide_pages(corpus: Corpus) -> list[PageSpec]:
    return [PageSpec(
        urls.FIELD_REFERENCE, "main.html", TITLE, "fields", in_nav=True, body=field_reference_markdown(corpus),
        description="Mọi trường trong phần đầu YAML của một bài gương điển hình, lấy trực tiếp từ lược đồ.",
    )]


def field_reference_markdown(corpus: Corpus, schema: dict | None = None) -> str:
    """The page's Markdown: headings with stable anchors (#summary, #ma-don-vi) that the guide links to."""
    fields = field_reference(schema or load_schema("exemplar"))
    units = sorted(corpus.units.values(), key=lambda u: (corpus.unit_types[u.type].order, u.order, u.name))
    movements = sorted(corpus.movements.values(), key=lambda m: (m.plan, m.order))
    out = [
        "Mỗi bài gương điển hình là một tệp `exemplars/<mã>.md`. Phần đầu tệp, giữa hai dòng `---`, gồm các "
        "trường dưới đây. Trang này được tạo tự động từ [lược đồ JSON của bài]"
        f"({urls.relative(urls.FIELD_REFERENCE, urls.schema('exemplar.schema.json'))}) "
        "mà lệnh `thidua check` dùng để kiểm tra, nên luôn khớp với cách kiểm tra.",
        "",
        "Tên trường viết đúng như trong tiêu đề từng mục (chữ thường, tiếng Anh), rồi dấu hai chấm và một dấu cách.",
        "",
        "## Trường bắt buộc {#bat-buoc}",
        "",
    ]
    for f in fields:
        if f.required == "bắt buộc":
            out += _field_markdown(f, 3)
    out += ["## Trường tùy trường hợp và trường tùy chọn {#tuy-chon}", ""]
    for f in fields:
        if f.required != "bắt buộc":
            out += _field_markdown(f, 3)
    out += ["## Mã đơn vị {#ma-don-vi}", "", "| Mã (viết vào `unit`) | Đơn vị | Loại |", "| --- | --- | --- |"]
    out += [f"| `{u.id}` | {_md(u.name)} | {_md(corpus.unit_types[u.type].label)} |" for u in units]
    out += ["", "## Mã phong trào {#ma-phong-trao}", "", "| Mã (viết vào `movements`) | Phong trào |", "| --- | --- |"]
    out += [f"| `{m.id}` | {_md(m.short_title)} |" for m in movements]
    return "\n".join(out) + "\n"


def _field_markdown(f: FieldDoc, level: int, parent: str = "") -> list[str]:
    need = f.required[:1].upper() + f.required[1:]
    anchor = f"{parent}-{f.key}" if parent else f.key
    lines = [f"{'#' * level} `{f.key}` — {_md(f.title)} {{#{anchor}}}", "",
             f"**{_md(need)}** · {_md(f.kind)}" + "".join(f" · {_md(r)}" for r in f.rules), ""]
    if f.description:
        lines += [_md(f.description), ""]
    if f.key == "unit":
        lines += ["Xem [danh sách mã đơn vị](#ma-don-vi).", ""]
    if f.key == "movements":
        lines += ["Xem [danh sách mã phong trào](#ma-phong-trao).", ""]
    if f.examples:
        lines += ["Ví dụ: " + ", ".join(f"`{_md(e)}`" for e in f.examples), ""]
    for sub in f.fields:
        lines += _field_markdown(sub, level + 1, anchor)
    return lines


def _md(text: str) -> str:
    """Plain text safe inside Markdown and tables: no HTML, no table breaks."""
    return html.escape(text, quote=False).replace("|", "\\|").replace("\n", " ")
