"""Consultations on proposed awards and commendation decisions: the campaign's end, as content.

A consultation (lấy ý kiến nhân dân) publishes who is proposed for an award and until when the public may
comment; a decision (quyết định khen thưởng) announces who received it. Both list their recipients, each
named with a unit and, when a story tells of them, that story. Plain dataclasses, no I/O.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from .model import KIND_LABELS, SAMPLE_PREFIX
from .moments import moment
from .words import word

CONSULTATION = "consultation"
DECISION = "decision"
TYPE_LABELS = {CONSULTATION: word("commendations.type.consultation"), DECISION: word("commendations.type.decision")}


@dataclass(frozen=True)
class Recipient:
    kind: str  # model.INDIVIDUAL or model.COLLECTIVE
    name: str
    unit: str  # a unit id
    position: str = ""
    exemplar: str | None = None  # the id of a story that tells of them
    achievement: str = ""

    @property
    def kind_label(self) -> str:
        return KIND_LABELS[self.kind]


@dataclass(frozen=True)
class Contact:
    """Where the public sends comments on a consultation: an office, never a person's own line."""

    email: str = ""
    phone: str = ""
    address: str = ""


@dataclass(frozen=True)
class Commendation:
    id: str
    type: str  # CONSULTATION or DECISION
    title: str
    plan: str
    date: date  # publication; a decision's signing date
    issuer: str
    award: str
    recipients: tuple[Recipient, ...]
    body: str
    source: str  # repository-relative path of the Markdown file
    number: str = ""  # decisions: "123/QĐ-UBND"
    signer: str = ""  # decisions
    comment_until: date | None = None  # consultations: the last day for comments
    contact: Contact | None = None  # consultations
    sample: bool = False

    @property
    def is_decision(self) -> bool:
        return self.type == DECISION

    @property
    def is_consultation(self) -> bool:
        return self.type == CONSULTATION

    @property
    def type_label(self) -> str:
        return TYPE_LABELS[self.type]

    @property
    def display_title(self) -> str:
        return f"{SAMPLE_PREFIX}{self.title}" if self.sample else self.title

    @property
    def first_id(self) -> str:
        return self.id

    @property
    def published_at(self) -> datetime:
        return moment(self.date)

    # A document is never corrected in place (a new decision replaces it): one version, under one name, which the
    # feeds order by when it reached the site as they order a story's (press/versions.py reads these).
    aliases = ()
    corrections = ()
    updated = None
    version = 1

    @property
    def modified_at(self) -> datetime:
        return self.published_at

    def days_left(self, as_of: date) -> int:
        """Days until the last day for comments, that day included in "còn N ngày"; negative once closed."""
        return (self.comment_until - as_of).days if self.comment_until else -1

    def open_on(self, as_of: date) -> bool:
        return self.is_consultation and self.days_left(as_of) >= 0

    def deadline_label(self, as_of: date) -> str:
        """The deadline in words on the build date."""
        days = self.days_left(as_of)
        if days < 0:
            return word("commendations.closed")
        return word("commendations.last_day") if days == 0 else word("commendations.days_left", days)

    def names(self, unit_ids) -> list[Recipient]:
        """The recipients who belong to one of `unit_ids`."""
        return [r for r in self.recipients if r.unit in unit_ids]


def newest_first(documents) -> list[Commendation]:
    return sorted(documents, key=lambda c: (c.date, c.id), reverse=True)


def listing_order(documents, as_of: date) -> list[Commendation]:
    """/khen-thuong/: open consultations first (the nearest deadline first), then everything else, newest first."""
    open_ = sorted((c for c in documents if c.open_on(as_of)), key=lambda c: (c.comment_until, c.id))
    return open_ + [c for c in newest_first(documents) if not c.open_on(as_of)]
