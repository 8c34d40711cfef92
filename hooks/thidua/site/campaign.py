"""Where the campaign stands on the build date, for the home page: before, running or ended.

Before it starts the page counts down to the start; while it runs, to the report deadline, with the
reporting progress; once it has ended it shows what it produced (stories, awards, units that took
part and reported) instead of counters that can no longer move.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..content.model import Corpus, Exemplar, Plan

BEFORE, RUNNING, ENDED = "truoc", "dang-dien-ra", "da-ket-thuc"
PHASE_LABELS = {BEFORE: "Sắp bắt đầu", RUNNING: "Đang diễn ra", ENDED: "Đã kết thúc"}
FEATURED = 2


@dataclass(frozen=True)
class Phase:
    id: str  # BEFORE, RUNNING or ENDED; also the CSS modifier
    days_to_start: int  # negative once started

    @property
    def label(self) -> str:
        return PHASE_LABELS[self.id]

    @property
    def running(self) -> bool:
        return self.id == RUNNING

    @property
    def ended(self) -> bool:
        return self.id == ENDED

    @property
    def before(self) -> bool:
        return self.id == BEFORE


def phase_of(plan: Plan, as_of: date) -> Phase:
    if as_of < plan.period_start:
        state = BEFORE
    elif as_of <= plan.period_end:
        state = RUNNING
    else:
        state = ENDED
    return Phase(state, (plan.period_start - as_of).days)


@dataclass(frozen=True)
class Results:
    stories: int
    awarded: int  # recipients of the plan's commendation decisions: one source, not the stories' text
    units_with_stories: int  # units whose own stories were published
    movements_with_stories: int
    reported: int
    on_time: int


def results_of(corpus: Corpus, plan: Plan) -> Results:
    movements = {m.id for m in corpus.movements_of(plan.id)}
    reports = [u.report_for(plan.id) for u in corpus.units.values()]
    reports = [r for r in reports if r is not None]
    return Results(
        stories=len(corpus.exemplars), awarded=sum(len(d.recipients) for d in corpus.decisions_of_plan(plan.id)),
        units_with_stories=len(corpus.by_unit), movements_with_stories=len(movements & set(corpus.by_movement)),
        reported=len(reports), on_time=sum(1 for r in reports if r.submitted <= plan.report_deadline))


def featured_stories(corpus: Corpus, photos, limit: int = FEATURED) -> list[Exemplar]:
    """Stories with a photo for the top of the home page: awarded ones first, then the newest."""
    with_photo = [e for e in corpus.exemplars_newest_first if e.id in photos]
    return sorted(with_photo, key=lambda e: not e.award)[:limit]
