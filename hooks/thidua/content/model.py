"""The content model: plain dataclasses, no I/O and no MkDocs; labels come from the UI words."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time
from functools import cached_property

from .moments import moment
from .words import word

INDIVIDUAL = "individual"
COLLECTIVE = "collective"
KIND_LABELS = {INDIVIDUAL: word("kind.individual"), COLLECTIVE: word("kind.collective")}
SAMPLE_LABEL = word("sample.label")
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
    kind: str  # an id of content/movement-kinds.yml
    order: int
    asks: str  # Markdown: what the plan asks under this movement
    parent: str | None = None
    plan_section: str | None = None  # anchor on the plan page
    media_topics: tuple[str, ...] = ()  # IPTC Media Topic codes ("medtop:11000000"), for ninjs subjects


@dataclass(frozen=True)
class MovementKind:
    id: str
    label: str
    order: int


@dataclass(frozen=True)
class Grouping:
    """A further way to group stories (e.g. "lĩnh vực"), declared in content/groupings.yml."""

    id: str
    label: str
    field: str  # the front-matter key in which a story names its terms
    terms: dict[str, str]  # term id -> label, in the file's order
    order: int
    description: str = ""


@dataclass(frozen=True)
class UnitType:
    id: str
    label: str
    plural: str
    order: int
    locality: bool = False  # an administrative area: its page gathers the stories of the units located in it
    reports: bool = True  # units of this type report on each plan


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
    groups: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (grouping id, term ids) for content/groupings.yml

    def terms_of(self, grouping_id: str) -> tuple[str, ...]:
        return dict(self.groups).get(grouping_id, ())

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
    def version(self) -> int:
        """1 for the story as first published, plus one for each correction."""
        return 1 + len(self.corrections)

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
    movement_kinds: dict[str, MovementKind] = field(default_factory=dict)
    groupings: dict[str, Grouping] = field(default_factory=dict)
    commendations: dict = field(default_factory=dict)  # id -> commendations.Commendation (consultations, decisions)

    def published(self, as_of: date) -> Corpus:
        """The corpus as readers may see it on `as_of`: embargoed stories and documents are simply absent."""
        visible = {k: e for k, e in self.exemplars.items() if e.date <= as_of}
        documents = {k: c for k, c in self.commendations.items() if c.date <= as_of}
        return replace(self, exemplars=visible, commendations=documents)

    @cached_property
    def commendations_newest_first(self) -> list:
        return sorted(self.commendations.values(), key=lambda c: (c.date, c.id), reverse=True)

    @cached_property
    def commendations_by_unit(self) -> dict[str, list]:
        """The documents naming a unit's collectives or people, newest first, each once per unit."""
        groups: dict[str, list] = defaultdict(list)
        for document in self.commendations_newest_first:
            for unit_id in dict.fromkeys(r.unit for r in document.recipients):
                groups[unit_id].append(document)
        return dict(groups)

    def commendations_of_unit(self, unit_id: str) -> list:
        """What a unit's page lists: a locality gathers the documents naming the units located in it."""
        if not self.is_locality(self.units[unit_id]):
            return self.commendations_by_unit.get(unit_id, [])
        ids = {unit_id} | {u.id for u in self.units.values() if u.locality == unit_id}
        named = {c.id for u in ids for c in self.commendations_by_unit.get(u, [])}
        return [c for c in self.commendations_newest_first if c.id in named]

    @cached_property
    def decisions_by_exemplar(self) -> dict[str, list]:
        """The decisions that name a story's people (a recipient's `exemplar`), newest first."""
        groups: dict[str, list] = defaultdict(list)
        for document in self.commendations_newest_first:
            if document.is_decision:
                for exemplar_id in dict.fromkeys(r.exemplar for r in document.recipients if r.exemplar):
                    groups[exemplar_id].append(document)
        return dict(groups)

    def decisions_of_plan(self, plan_id: str) -> list:
        return [c for c in self.commendations_newest_first if c.is_decision and c.plan == plan_id]

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

    def by_term(self, grouping_id: str) -> dict[str, list[Exemplar]]:
        """The stories of each term of a grouping, newest first (computed once per grouping)."""
        cache = self.__dict__.setdefault("_by_term", {})
        if grouping_id not in cache:
            cache[grouping_id] = self._group(lambda e: e.terms_of(grouping_id))
        return cache[grouping_id]

    def stories_of_unit(self, unit_id: str) -> list[Exemplar]:
        """What a unit's page and feeds list: a locality gathers the stories of every unit located there."""
        if self.is_locality(self.units[unit_id]):
            return self.by_locality.get(unit_id, [])
        return self.by_unit.get(unit_id, [])

    def is_locality(self, unit: Unit) -> bool:
        return self.unit_types[unit.type].locality if unit.type in self.unit_types else False

    def locality_of(self, unit: Unit) -> str | None:
        return unit.id if self.is_locality(unit) else unit.locality

    def locality(self, unit: Unit) -> Unit | None:
        """The locality a unit belongs to (itself for a locality), if any."""
        return self.units.get(self.locality_of(unit) or "")

    @property
    def localities(self) -> list[Unit]:
        return sorted((u for u in self.units.values() if self.is_locality(u)), key=lambda u: (u.order, u.id))

    @property
    def reporting_units(self) -> list[Unit]:
        return [u for u in self.units.values() if u.type not in self.unit_types or self.unit_types[u.type].reports]

    def movement_key(self, movement: Movement) -> tuple:
        """Movements in the order of their kinds (contents of the plan first), then their own order."""
        kind = self.movement_kinds.get(movement.kind)
        return (movement.plan, kind.order if kind else len(self.movement_kinds), movement.order)

    def movements_of(self, plan_id: str) -> list[Movement]:
        return sorted((m for m in self.movements.values() if m.plan == plan_id), key=self.movement_key)

    def children_of(self, movement_id: str) -> list[Movement]:
        return sorted((m for m in self.movements.values() if m.parent == movement_id), key=lambda m: m.order)

    def units_by_type(self) -> list[tuple[UnitType, list[Unit]]]:
        ordered = sorted(self.unit_types.values(), key=lambda t: t.order)
        return [(t, sorted((u for u in self.units.values() if u.type == t.id), key=lambda u: (u.order, u.id)))
                for t in ordered]

    def movements_of_unit(self, unit_id: str) -> list[Movement]:
        ids = {m for e in self.by_unit.get(unit_id, []) for m in e.movements}
        return sorted((self.movements[m] for m in ids), key=self.movement_key)

    def units_of_movement(self, movement_id: str) -> list[Unit]:
        ids = {e.unit for e in self.by_movement.get(movement_id, [])}
        return sorted((self.units[u] for u in ids), key=lambda u: u.name)

    @property
    def current_plan(self) -> Plan:
        """The newest campaign: the one the home page, dashboard and site card are about."""
        return max(self.plans.values(), key=lambda p: (p.period_end, p.id))

    @property
    def plans_newest_first(self) -> list[Plan]:
        current = self.current_plan
        return [current, *sorted((p for p in self.plans.values() if p is not current),
                                 key=lambda p: (p.period_start, p.id), reverse=True)]
