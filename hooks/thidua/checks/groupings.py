"""Further groupings of stories (content/groupings.yml) take an address and a form field: neither may be one the
site already has. A grouping named like a hand-written page would silently replace it; a field named like one of
the story's would give the web form two fields of that name."""

from __future__ import annotations

from pathlib import Path

from ..content import urls
from ..content.problems import Problem
from ..content.source import Document
from . import schemas

DOCS = "docs"
FORM_BODY = "body"  # the web form's field for the story itself (Decap CMS's name for a file's body)
ADDRESS_TAKEN = "“{taken}” đã là địa chỉ /{taken}/ của trang: hãy chọn mã khác (name taken)"
FIELD_TAKEN = "trường “{taken}” đã có trong mỗi bài: hãy chọn tên trường khác, ví dụ {example} (name taken)"


def taken_addresses(root: Path) -> frozenset[str]:
    """The first segment of every address the site publishes without groupings: its sections and files
    (`urls.TOP_LEVEL`) and the hand-written pages and folders of docs/ (`gioi-thieu.md` is /gioi-thieu/)."""
    base = root / DOCS
    docs = {path.stem if path.suffix == ".md" else path.name for path in base.iterdir()} if base.is_dir() else set()
    return urls.TOP_LEVEL | (docs - {"index"})


def taken_fields() -> frozenset[str]:
    """Every field the form already shows: the story's keys (the exemplar schema) and its body."""
    return frozenset(schemas.load_schema("exemplar")["properties"]) | {FORM_BODY}


def collision_problems(doc: Document, root: Path) -> list[Problem]:
    """A problem per grouping whose id or field is the site's already (`doc` is a valid groupings.yml).

    Terms need no such rule: a grouping's own page has no feeds or pages beside them."""
    problems, addresses, fields = [], taken_addresses(root), set(taken_fields())
    for key, value in doc.meta.items():
        if key in addresses:
            problems.append(doc.problem(key, ADDRESS_TAKEN.format(taken=key)))
        field = value["field"]
        if field in fields:
            example = f"{key.replace('-', '_')}_nhom" if key.replace("-", "_") in fields else key.replace("-", "_")
            problems.append(doc.problem(f"{key}.field", FIELD_TAKEN.format(taken=field, example=example)))
        fields.add(field)  # two groupings may not share a field either
    return problems
