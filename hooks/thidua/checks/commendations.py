"""content/commendations/<id>.md: consultations on proposed awards and commendation decisions, checked.

The schema says what each field looks like; here the ids are resolved against the content (with the
closest id when one is unknown), dates must exist, a consultation must leave the public enough working
days to comment, and a recipient may not be listed twice. Every check is one pass over the recipients:
a decision may name thousands of people.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ..content.commendations import CONSULTATION, Commendation, Contact, Recipient
from ..content.model import Corpus
from ..content.problems import ContentError, Problem
from ..content.source import MAX_LIST_FRONT_CHARS, Document, read_section
from ..content.text import did_you_mean, fold, format_date
from ..content.words import word
from ..content.working_days import after_working_days, count_working_days, holidays_between
from . import controls, dates, hygiene, privacy, reading, schemas

SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
FOLDER = "content/commendations"
MAX_FRONT = MAX_LIST_FRONT_CHARS
SCHEMA = "commendation"
WORKING_DAYS_SETTING = "consultation_working_days"
DEFAULT_WORKING_DAYS = 10  # Nghị định 98/2023/NĐ-CP: the list is published for at least ten working days
SUGGESTIONS = 20  # unknown ids given a "did you mean": difflib is not free, and one is enough to see the pattern
NOT_PERSONAL = frozenset({"contact"})  # the office that receives comments publishes its own e-mail and phone


@dataclass
class Built:
    value: Commendation | None
    problems: list[Problem]


def working_days_setting(root: Path) -> int:
    """extra.thidua.consultation_working_days of mkdocs.yml; its shape is the settings schema's to refuse."""
    try:
        value = read_section(root / "mkdocs.yml", ("extra", "thidua")).meta.get(WORKING_DAYS_SETTING)
    except (ContentError, AttributeError):
        return DEFAULT_WORKING_DAYS
    return value if isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= 60 else DEFAULT_WORKING_DAYS


def builder(corpus: Corpus, root: Path):
    """What the loader calls on each file of content/commendations/, with the setting read once."""
    working_days = working_days_setting(root)
    return lambda doc: commendation(doc, corpus, working_days)


def commendation(doc: Document, corpus: Corpus, working_days: int = DEFAULT_WORKING_DAYS) -> Built:
    problems = (schemas.schema_problems(doc, SCHEMA) + hygiene.text_problems(doc, frozenset(map(str, doc.meta)))
                + controls.control_problems(doc) + reading.body_problems(doc, story=True)  # feeds copy its links
                + _personal_data(doc))
    m = doc.meta
    references = _References(doc)
    references.check("plan", m.get("plan"), corpus.plans, "kế hoạch")
    recipients = m["recipients"] if isinstance(m.get("recipients"), list) else []
    seen: dict[tuple, int] = {}
    for i, r in enumerate(recipients):
        if not isinstance(r, dict):
            continue
        references.check(f"recipients[{i}].unit", r.get("unit"), corpus.units, "đơn vị")
        references.check(f"recipients[{i}].exemplar", r.get("exemplar"), corpus.exemplars, "bài gương điển hình")
        if isinstance(r.get("name"), str):
            key = (r.get("kind"), " ".join(fold(r["name"]).split()), r.get("unit"))
            if key in seen:
                problems.append(doc.problem(f"recipients[{i}].name", word("commendations.duplicate_recipient").format(
                    name=r["name"], unit=r.get("unit"), first=seen[key] + 1)))
            seen.setdefault(key, i)
    problems += references.problems
    published = dates.real_date(doc, "date", m.get("date"), problems)
    until = dates.real_date(doc, "comment_until", m.get("comment_until"), problems)
    if m.get("type") == CONSULTATION and published and until:
        problems += _window(doc, published, until, working_days)
    if any(p.is_error for p in problems):
        return Built(None, problems)
    contact = m.get("contact")
    return Built(Commendation(
        id=Path(doc.path).stem, type=m["type"], title=m["title"], plan=m["plan"], date=published, issuer=m["issuer"],
        award=m["award"], body=doc.body, source=doc.path,
        recipients=tuple(Recipient(r["kind"], r["name"], r["unit"], r.get("position", ""), r.get("exemplar"),
                                   r.get("achievement", "")) for r in recipients),
        number=m.get("number", ""), signer=m.get("signer", ""), comment_until=until,
        contact=Contact(**contact) if contact else None, sample=m.get("sample", False),
    ), problems)


def _window(doc: Document, published: date, until: date, needed: int) -> list[Problem]:
    """The public has at least `needed` working days to comment, counted from the day after publication."""
    if until <= published:
        return [doc.problem("comment_until", word("commendations.until_before_date").format(
            until=format_date(until), date=format_date(published)))]
    count = count_working_days(published, until, needed)
    if count >= needed:
        return []
    first = after_working_days(published, needed)
    return [doc.problem("comment_until", word("commendations.working_days").format(
        start=format_date(published), end=format_date(until), count=count, needed=needed,
        holidays=holidays_between(published, until), first=format_date(first) if first else "-"))]


class _References:
    """Ids resolved against the content; only the first few unknown ones get a suggestion."""

    def __init__(self, doc: Document) -> None:
        self.doc, self.problems, self.suggested = doc, [], 0

    def check(self, key: str, value, known: dict, what: str) -> None:
        if not isinstance(value, str) or value in known or not SLUG.match(value):
            return  # absent or malformed values are the schema's
        hint = ""
        if self.suggested < SUGGESTIONS:
            self.suggested += 1
            hint = did_you_mean(value, known)
        field = key.rsplit(".", 1)[-1]
        self.problems.append(self.doc.problem(key, f"{what} “{value}” không tồn tại (unknown {field}){hint}"))


def _personal_data(doc: Document) -> list[Problem]:
    """The guards every story has (no ID or phone numbers, no e-mail), except for the office's own contact."""
    public = {key: value for key, value in doc.meta.items() if key not in NOT_PERSONAL}
    return privacy.personal_data_problems(Document(doc.path, public, doc.body, doc.body_line, doc.lines))


