"""The content model: plain dataclasses, no I/O and no MkDocs."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time
from functools import cached_property

from .moments import moment

INDIVIDUAL = "individual"
COLLECTIVE = "collective"
KIND_LABELS = {INDIVIDUAL: "Cá nhân", COLLECTIVE: "Tập thể"}
LOCALITY_TYPE = "dia-phuong"
SAMPLE_LABEL = "Nội dung mẫu"
SAMPLE_PREFIX = f"[{SAMPLE_LABEL}] "


@dataclass(frozen=True)
class Directive:
    number: str
    date: date
    issuer: str
    subject: str


@dataclass(frozen=True)
class Anniversary:
    name: str
    origin: date
    date: date


@dataclass(frozen=True)
class Plan:
    id: str
    title: str
    short_title: str
    issuer: str
    signer_name: str
    signer_title: str
    period_start: date
    period_end: date
    period_label: str
    report_deadline: date
    report_to: str
    report_via: str
    directives: tuple[Directive, ...]
    anniversaries: tuple[Anniversary, ...]
    recipients: tuple[str, ...]
    body: str
    issuer_short: str = ""


@dataclass(frozen=True)
class Movement:
    id: str
    title: str
    short_title: str
    plan: str
    kind: str  # "noi-dung" (a content of section II) or "phong-trao" (a named movement)
    order: int
    asks: str  # Markdown: what the plan asks under this movement
    parent: str | None = None
    plan_section: str | None = None  # anchor on the plan page
    media_topics: tuple[str, ...] = ()  # IPTC Media Topic codes ("medtop:11000000"), for ninjs subjects


@dataclass(frozen=True)
class UnitType:
    id: str
    label: str
    plural: str
    order: int


@dataclass(frozen=True)
class Report:
    plan: str
    submitted: date
    text: str


@dataclass(frozen=True)
class Unit:
    id: str
    name: str
    short_name: str
    type: str
    order: int
    description: str = ""
    locality: str | None = None
    cluster: str | None = None
    reports: tuple[Report, ...] = ()

    def report_for(self, plan_id: str) -> Report | None:
        return next((r for r in self.reports if r.plan == plan_id), None)


@dataclass(frozen=True)
class Correction:
    date: date
    note: str
    time: time | None = None  # needed when the correction is made on the day of publication

    @property
    def at(self) -> datetime:
        return moment(self.date, self.time)


@dataclass(frozen=True)
class Exemplar:
    id: str
    title: str
    kind: str
    name: str
    unit: str
    movements: tuple[str, ...]
    date: date
    summary: str
    body: str
    source: str  # repository-relative path of the Markdown file
    award: str | None = None
    photo: str | None = None  # repository-relative path
    photo_alt: str | None = None
    photo_credit: str | None = None
    consent: bool = False
    updated: date | None = None
    corrections: tuple[Correction, ...] = ()
    sample: bool = False
    aliases: tuple[str, ...] = ()  # former ids, oldest first
    time: time | None = None  # time of day of publication, Vietnam time

    @property
    def first_id(self) -> str:
        """The id the story was first published under: its identity in feeds and ninjs never changes."""
        return self.aliases[0] if self.aliases else self.id

    @property
    def published_at(self) -> datetime:
        return moment(self.date, self.time)

    @property
    def modified_at(self) -> datetime:
        """The latest of publication, `updated` and every correction: a same-day correction counts."""
        updated = moment(self.updated) if self.updated else self.published_at
        return max([self.published_at, updated, *(c.at for c in self.corrections)])

    @property
    def display_title(self) -> str:
        """The headline everywhere it is shown or syndicated: samples say so before anything else."""
        return f"{SAMPLE_PREFIX}{self.title}" if self.sample else self.title

    @property
    def kind_label(self) -> str:
        return KIND_LABELS[self.kind]

    @property
    def last_modified(self) -> date:
        return max([self.date, self.updated or self.date, *(c.date for c in self.corrections)])


def newest_first(exemplars) -> list[Exemplar]:
    return sorted(exemplars, key=lambda e: (e.published_at, e.id), reverse=True)


@dataclass
class Corpus:
    """Everything the site shows, with the lookups every generator needs, computed once."""

    plans: dict[str, Plan]
    movements: dict[str, Movement]
    unit_types: dict[str, UnitType]
    units: dict[str, Unit]
    exemplars: dict[str, Exemplar] = field(default_factory=dict)

    def published(self, as_of: date) -> Corpus:
        """The corpus as readers may see it on `as_of`: embargoed stories are simply absent."""
        visible = {k: e for k, e in self.exemplars.items() if e.date <= as_of}
        return replace(self, exemplars=visible)

    @cached_property
    def exemplars_newest_first(self) -> list[Exemplar]:
        return newest_first(self.exemplars.values())

    @cached_property
    def by_movement(self) -> dict[str, list[Exemplar]]:
        return self._group(lambda e: e.movements)

    @cached_property
    def by_unit(self) -> dict[str, list[Exemplar]]:
        return self._group(lambda e: [e.unit])

    @cached_property
    def by_locality(self) -> dict[str, list[Exemplar]]:
        return self._group(lambda e: [loc] if (loc := self.locality_of(self.units[e.unit])) else [])

    def _group(self, keys_of) -> dict[str, list[Exemplar]]:
        groups: dict[str, list[Exemplar]] = defaultdict(list)
        for exemplar in self.exemplars_newest_first:
            for key in keys_of(exemplar):
                groups[key].append(exemplar)
        return dict(groups)

    def stories_of_unit(self, unit_id: str) -> list[Exemplar]:
        """What a unit's page and feeds list: a locality gathers the stories of every unit located there."""
        if self.units[unit_id].type == LOCALITY_TYPE:
            return self.by_locality.get(unit_id, [])
        return self.by_unit.get(unit_id, [])

    def locality_of(self, unit: Unit) -> str | None:
        return unit.id if unit.type == LOCALITY_TYPE else unit.locality

    def movements_of(self, plan_id: str) -> list[Movement]:
        return sorted((m for m in self.movements.values() if m.plan == plan_id), key=lambda m: (m.kind != "noi-dung", m.order))

    def children_of(self, movement_id: str) -> list[Movement]:
        return sorted((m for m in self.movements.values() if m.parent == movement_id), key=lambda m: m.order)

    def units_by_type(self) -> list[tuple[UnitType, list[Unit]]]:
        ordered = sorted(self.unit_types.values(), key=lambda t: t.order)
        return [(t, sorted((u for u in self.units.values() if u.type == t.id), key=lambda u: (u.order, u.id)))
                for t in ordered]

    def movements_of_unit(self, unit_id: str) -> list[Movement]:
        ids = {m for e in self.by_unit.get(unit_id, []) for m in e.movements}
        return sorted((self.movements[m] for m in ids), key=lambda m: (m.plan, m.kind != "noi-dung", m.order))

    def units_of_movement(self, movement_id: str) -> list[Unit]:
        ids = {e.unit for e in self.by_movement.get(movement_id, [])}
        return sorted((self.units[u] for u in ids), key=lambda u: u.name)

    @property
    def current_plan(self) -> Plan:
        return max(self.plans.values(), key=lambda p: (p.period_end, p.id))
