"""The editors' field reference, generated from the exemplar schema at every build so it cannot drift.

The hand-written guide lives in docs/bien-tap/; this module adds the page that describes every field,
read from the schema's titles, descriptions, required keys, enums and lengths, and the ids editors may use.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..checks.loader import grouping_properties
from ..checks.schemas import extended_schema, load_schema
from ..content import templates, urls
from ..content.model import Corpus
from ..site.spec import PageSpec

SLUG_PATTERN = "^[a-z0-9]+(-[a-z0-9]+)*$"
DATE_PATTERN = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
TIME_PATTERN = "^([01][0-9]|2[0-3]):[0-5][0-9]$"
TYPE_LABELS = {"string": "chữ", "array": "danh sách", "object": "nhóm trường", "boolean": "true hoặc false",
               "integer": "số nguyên", "number": "số"}
TITLE = "Các trường của một bài"
COMMENDATION_TITLE = "Các trường của văn bản khen thưởng"


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
    def required_label(self) -> str:
        return self.required[:1].upper() + self.required[1:]

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
    if spec.get("maxItems"):
        rules.append(f"tối đa {spec['maxItems']:,} mục".replace(",", "."))
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
    """Keys required by an if/then on another key's value, e.g. consent when kind is individual; the
    commendation schema has one if/then per type of document, under allOf."""
    out = {}
    for part in [schema, *schema.get("allOf", [])]:
        out.update(_one_conditional(part))
    return out


def _one_conditional(schema: dict) -> dict[str, str]:
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


def guide_pages(corpus: Corpus, working_days: int = 10) -> list[PageSpec]:
    return [PageSpec(
        urls.FIELD_REFERENCE, "main.html", TITLE, "fields", in_nav=True, body=field_reference_markdown(corpus),
        description="Mọi trường trong phần đầu YAML của một bài gương điển hình, lấy trực tiếp từ lược đồ.",
    ), PageSpec(
        urls.COMMENDATION_FIELDS, "main.html", COMMENDATION_TITLE, "fields",
        body=commendation_fields_markdown(corpus, working_days),
        description="Mọi trường của một thông báo lấy ý kiến hay quyết định khen thưởng, lấy trực tiếp từ lược đồ.",
    )]


def commendation_fields_markdown(corpus: Corpus, working_days: int) -> str:
    units = sorted(corpus.units.values(), key=lambda u: (corpus.unit_types[u.type].order, u.order, u.name))
    return templates.render("commendation-fields.md", fields=field_reference(load_schema("commendation")),
                            units=units, working_days=working_days,
                            schema_url=urls.relative(urls.COMMENDATION_FIELDS, urls.schema("commendation.schema.json")))


def field_reference_markdown(corpus: Corpus, schema: dict | None = None) -> str:
    """The page's Markdown: headings with stable anchors (#summary, #ma-don-vi) that the guide links to."""
    units = sorted(corpus.units.values(), key=lambda u: (corpus.unit_types[u.type].order, u.order, u.name))
    movements = sorted(corpus.movements.values(), key=lambda m: (m.plan, m.order))
    schema = schema or extended_schema("exemplar", grouping_properties(corpus))
    return templates.render("fields.md", fields=field_reference(schema), units=units,
                            unit_types=corpus.unit_types, movements=movements,
                            schema_url=urls.relative(urls.FIELD_REFERENCE, urls.schema("exemplar.schema.json")),
                            # a link between Markdown pages names the page's source file, which MkDocs checks
                            commendation_fields_url=urls.relative(urls.FIELD_REFERENCE, urls.COMMENDATION_FIELDS) + "index.md")
