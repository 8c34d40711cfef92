"""The JSON Schemas that are the contract for front matter, and their errors in plain Vietnamese."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError

from ..content.problems import Problem
from ..content.source import Document
from ..content.text import did_you_mean
from . import dates

TYPE_NAMES = {"string": "chuỗi chữ", "array": "danh sách", "object": "nhóm trường", "boolean": "true hoặc false",
              "integer": "số nguyên", "number": "số"}


SCHEMA_DIR = Path(__file__).parent.parent / "schema"


@cache
def load_schema(name: str) -> dict:
    return json.loads((SCHEMA_DIR / f"{name}.schema.json").read_text("utf-8"))


@cache
def _validator(name: str) -> Draft202012Validator:
    return Draft202012Validator(load_schema(name))


MAX_ITEMS = 100  # items in any front-matter list; longer lists are refused before the schema runs

EMPTY = "đang để trống: hãy viết giá trị sau dấu hai chấm, hoặc xóa cả dòng nếu không cần trường này (empty)"
TOO_MANY_ITEMS = "danh sách có {count:,} mục, tối đa {limit} mục (too many items)"


def schema_problems(doc: Document, name: str, extra_properties: dict | None = None) -> list[Problem]:
    """Problems of `doc` against a schema; `extra_properties` adds keys declared by content (groupings).

    Lists over MAX_ITEMS are refused first, since `uniqueItems` compares every pair; a list that asks no
    uniqueness (a decision's recipients) may declare its own, larger `maxItems`."""
    properties = load_schema(name).get("properties", {})
    oversized = [doc.problem(str(key), TOO_MANY_ITEMS.format(count=len(value), limit=limit))
                 for key, value in doc.meta.items()
                 if isinstance(value, list) and len(value) > (limit := _item_limit(properties.get(key)))]
    if oversized:
        return oversized
    validator = _extended(name, json.dumps(extra_properties, sort_keys=True)) if extra_properties else _validator(name)
    errors = sorted(validator.iter_errors(doc.meta), key=lambda e: list(map(str, e.absolute_path)))
    order = list(validator.schema.get("properties", {}))
    return [p for error in errors for p in _explain(doc, error, order)]


def _item_limit(spec) -> int:
    spec = spec if isinstance(spec, dict) else {}
    return MAX_ITEMS if spec.get("uniqueItems") else spec.get("maxItems", MAX_ITEMS)


def extended_schema(name: str, extra_properties: dict) -> dict:
    schema = load_schema(name)
    return {**schema, "properties": {**schema["properties"], **extra_properties}}


@cache
def _extended(name: str, extra_json: str) -> Draft202012Validator:
    return Draft202012Validator(extended_schema(name, json.loads(extra_json)))


def dotted(path) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _explain(doc: Document, error: ValidationError, order: list[str]) -> list[Problem]:
    """`order`: the top-level keys in the schema's order, which is `thidua new`'s."""
    where = dotted(error.absolute_path)
    schema = error.schema if isinstance(error.schema, dict) else {}
    kind = error.validator
    if kind == "required":
        missing = [k for k in error.validator_value if k not in error.instance]
        explained = schema.get("x-required", {})
        return [_missing(doc, where, k, error.instance, list(schema.get("properties", {})) if where else order,
                         explained.get(k, f"thiếu trường bắt buộc “{k}” (missing required field)")) for k in missing]
    if kind == "dependentRequired":  # said at the key that requires them
        prefix = f"{where}." if where else ""
        return [Problem(doc.path, doc.line_of(f"{prefix}{trigger}"), f"{prefix}{needed}",
                        f"có “{trigger}” thì phải có “{needed}” (required with {trigger})")
                for trigger, needs in error.validator_value.items() if trigger in error.instance
                for needed in needs if needed not in error.instance]
    if error.instance is None:  # `photo_alt:` with nothing after it
        return [doc.problem(where, EMPTY)]
    if "x-message" in schema and schema.get("pattern") == dates.ISO_PATTERN and isinstance(error.instance, str):
        return [doc.problem(where, schema["x-message"] + dates.rewrite_hint(error.instance))]
    if kind == "additionalProperties":
        known = list(schema.get("properties", {}))
        return [doc.problem(f"{where}.{k}" if where else k, _unknown_key(k, known))
                for k in error.instance if k not in known]
    if kind in ("if", "then"):
        return []  # the nested errors of the `then` branch are reported on their own
    if "x-message" in schema and kind != "maxLength":  # the message explains the form, not the length
        return [doc.problem(where, schema["x-message"])]
    return [doc.problem(where, _generic(error))]


def _missing(doc: Document, parent: str, key: str, instance, order: list[str], message: str) -> Problem:
    """A missing key, at the line where it belongs: that of the first key after it (in `order`) the file has, else
    the end of the front matter (of its group, for a nested key)."""
    prefix = f"{parent}." if parent else ""
    following = order[order.index(key) + 1:] if key in order else []
    line = next((doc.lines[f"{prefix}{k}"] for k in following if isinstance(instance, dict) and k in instance
                 and f"{prefix}{k}" in doc.lines), None)
    if line is None:
        line = doc.line_of(parent) if parent else doc.end_line
    return Problem(doc.path, line, f"{prefix}{key}", message)


def _unknown_key(key: str, known: list[str]) -> str:
    message = f"trường “{key}” không có trong mẫu (unknown field)"
    return message + did_you_mean(str(key), known, cutoff=0.6)


def _generic(error: ValidationError) -> str:
    value = error.validator_value
    match error.validator:
        case "type":
            expected = " hoặc ".join(TYPE_NAMES.get(t, t) for t in ([value] if isinstance(value, str) else value))
            return f"phải là {expected} (wrong type)"
        case "enum":
            return "chỉ nhận một trong: " + ", ".join(map(str, value)) + " (not allowed)"
        case "const":
            return f"phải là {json.dumps(value, ensure_ascii=False)} (wrong value)"
        case "maxLength":
            return f"dài {len(error.instance)} ký tự, tối đa {value} (too long)"
        case "minLength":
            return "không được để trống (empty)"
        case "minItems":
            return f"cần ít nhất {value} mục (too few items)"
        case "uniqueItems":
            return "có mục bị lặp lại (duplicate items)"
        case "minimum":
            return f"phải từ {value} trở lên (too small)"
        case "pattern":
            return "giá trị không đúng dạng (bad format)"
    return f"giá trị không hợp lệ: {error.message}"
