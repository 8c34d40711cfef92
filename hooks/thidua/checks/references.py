"""References between content (a story's unit and movements, a movement's plan…), and the id an editor meant.

Editors write names where ids belong (`unit: Hàm Thuận Nam`): `id_for` finds the id they meant, the one way
`thidua new` and `thidua check` both map what was typed to an id.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..content import urls
from ..content.model import Corpus
from ..content.problems import Problem
from ..content.source import Document
from ..content.text import did_you_mean, slugify
from ..content.words import word

SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
_NAMES = ("name", "short_name", "title", "short_title")  # what a unit or a movement is called


def id_for(value: str, known: dict) -> str | None:
    """The id `value` means: the id itself, the id typed with capitals or diacritics ("Phan Thiết"), or the
    name or short name of a unit or movement ("Các sở, ban, ngành tỉnh"); None when it names nothing known."""
    value = value.strip()
    slug = slugify(value)
    if value in known or slug in known:
        return value if value in known else slug
    for item_id, item in known.items():
        if slug in {slugify(name) for name in (getattr(item, a, None) for a in _NAMES) if isinstance(name, str)}:
            return item_id
    return None


def kind_for(value: str) -> str | None:
    """The kind `value` means: "individual", "collective", or their Vietnamese words ("tập thể", "Cá nhân")."""
    by_words = {words: kind for kind, words in urls.KIND_SLUGS.items()}  # the words are the kinds' addresses
    value = value.strip()
    return value if value in urls.KIND_SLUGS else by_words.get(slugify(value))


def suggestion(value: str, known: dict) -> str:
    """"; có phải ý bạn là “id”?" for what `value` means or, failing that, the closest id; "" when none is close."""
    meant = id_for(value, known)
    return f"; {word('did_you_mean', meant)}" if meant else did_you_mean(slugify(value) or value, known)


def reference_problems(doc: Document, key: str, value, known: dict, what: str) -> list[Problem]:
    """An id that names nothing known, with the closest one; absent or malformed values are the schema's."""
    if not isinstance(value, str) or not SLUG.match(value) or value in known:
        return []
    message = f"{what} “{value}” không tồn tại (unknown {key.split('[')[0]})"
    return [doc.problem(key, message + did_you_mean(value, known))]


def with_suggested_ids(problems: list[Problem], doc: Document, corpus: Corpus) -> list[Problem]:
    """The schema's "not an id" for a story's unit or movement, with the id its name means; its "wrong kind"
    for `kind: tập thể`, with the kind."""
    values = {"unit": (doc.meta.get("unit"), corpus.units), "kind": (doc.meta.get("kind"), dict.fromkeys(urls.KIND_SLUGS))}
    movements = doc.meta.get("movements")
    for i, movement in enumerate(movements if isinstance(movements, list) else []):
        values[f"movements[{i}]"] = (movement, corpus.movements)
    out = []
    for problem in problems:
        value, known = values.get(problem.field, (None, {}))
        if problem.field == "kind" and isinstance(value, str) and kind_for(value):
            problem = replace(problem, message=f"{problem.message}; {word('did_you_mean', kind_for(value))}")
        elif isinstance(value, str) and not SLUG.match(value) and problem.path == doc.path:
            problem = replace(problem, message=problem.message + suggestion(value, known))
        out.append(problem)
    return out
