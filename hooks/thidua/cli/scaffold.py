"""`thidua new`: a new exemplar file with every key, short Vietnamese comments and the schema line.

Like Hugo's archetypes: the editor starts from a file whose only errors are the sentences still to write
(`checks/placeholders.py`), then writes the story. Unknown units and movements are refused with the closest id,
before anything is written.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ..checks.placeholders import BODY_HINT, BODY_PLACEHOLDER, SUMMARY_PLACEHOLDER
from ..checks.references import id_for, suggestion
from ..content import templates
from ..content.model import Corpus
from ..content.text import slugify

SCHEMA_LINE = "# yaml-language-server: $schema=../hooks/thidua/schema/exemplar.schema.json"
MAX_ID_LENGTH = 80
FALLBACK_ID = "guong-dien-hinh"
KINDS = {"individual": "cá nhân", "collective": "tập thể"}



class ScaffoldError(ValueError):
    """The answers cannot make a valid exemplar (unknown unit, empty title...): nothing was written."""


@dataclass
class Answers:
    title: str
    kind: str
    name: str
    unit: str
    movements: list[str]
    date: date
    summary: str | None = None
    consent: bool = False


def resolve(value: str, known: dict, what: str, flag: str) -> str:
    """The id of a unit or movement from what the editor typed (an id, or a name such as "Phan Thiết"),
    as `thidua check` maps it (checks/references.py)."""
    meant = id_for(value, known)
    if meant is not None:
        return meant
    message = f"{what} “{value.strip()}” không tồn tại (unknown {flag})"
    raise ScaffoldError(message + suggestion(value, known))


def check_answers(answers: Answers, corpus: Corpus) -> Answers:
    for key in ("title", "name"):
        if not getattr(answers, key).strip():
            raise ScaffoldError(f"{key} không được để trống (empty)")
    if answers.kind not in KINDS:
        raise ScaffoldError("kind chỉ nhận individual (cá nhân) hoặc collective (tập thể)")
    answers.unit = resolve(answers.unit, corpus.units, "đơn vị", "unit")
    if not answers.movements:
        raise ScaffoldError("cần ít nhất một phong trào (--movement) (no movement)")
    resolved = [resolve(m, corpus.movements, "phong trào", "movement") for m in answers.movements]
    answers.movements = list(dict.fromkeys(resolved))
    return answers


def choose_id(title: str, taken: set[str]) -> str:
    """The slug of the title, cut at a word, made unique with -2, -3…"""
    base = slugify(title)
    if len(base) > MAX_ID_LENGTH:
        base = base[:MAX_ID_LENGTH + 1].rsplit("-", 1)[0]
    base = base or FALLBACK_ID
    candidate, number = base, 1
    while candidate in taken:
        number += 1
        candidate = f"{base}-{number}"
    return candidate


def taken_ids(root: Path, corpus: Corpus) -> set[str]:
    """Ids of every exemplar file (valid or not) and every old id kept as an alias."""
    folder = root / "exemplars"
    files = {p.stem for p in folder.iterdir() if p.suffix == ".md"} if folder.is_dir() else set()
    return files | {alias for e in corpus.exemplars.values() for alias in e.aliases}


def render(answers: Answers) -> str:
    """The new file, from the archetype `templates/exemplar.md` (every key, in the order editors read them)."""
    summary = answers.summary.strip() if answers.summary and answers.summary.strip() else SUMMARY_PLACEHOLDER
    return templates.render("exemplar.md", schema_line=SCHEMA_LINE, title=answers.title.strip(), kind=answers.kind,
                            name=answers.name.strip(), unit=answers.unit, movements=answers.movements,
                            date=answers.date.isoformat(), summary=summary, consent=answers.consent,
                            photo_example=f"{FALLBACK_ID}.jpg", body=BODY_PLACEHOLDER, hint=BODY_HINT)


def create(root: Path, answers: Answers, corpus: Corpus) -> Path:
    """Write exemplars/<id>.md; never overwrites a file."""
    answers = check_answers(answers, corpus)
    folder = root / "exemplars"
    folder.mkdir(parents=True, exist_ok=True)
    exemplar_id = choose_id(answers.title, taken_ids(root, corpus))
    path = folder / f"{exemplar_id}.md"
    with path.open("x", encoding="utf-8", newline="\n") as handle:
        handle.write(render(answers))
    return path
