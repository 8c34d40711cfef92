"""The campaign at a glance for the home page: counts, days left and who has reported.

Plain numbers computed at build time (from the published corpus and the build date); the templates
draw them as inline SVG bar charts, each with the same data as a table.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..content import urls
from ..content.model import Corpus


@dataclass(frozen=True)
class Bar:
    label: str
    value: int
    url: str


@dataclass(frozen=True)
class Chart:
    id: str  # HTML id stem, unique on the page
    title: str
    value_label: str  # what the numbers count, for the table's header
    bars: tuple[Bar, ...]

    @property
    def max_value(self) -> int:
        return max([b.value for b in self.bars] + [1])


@dataclass(frozen=True)
class Countdown:
    deadline: date
    days_left: int  # negative once the deadline has passed

    @property
    def ended(self) -> bool:
        return self.days_left < 0

    @property
    def label(self) -> str:
        if self.ended:
            return "đã kết thúc"
        return "hôm nay là hạn cuối" if self.days_left == 0 else f"còn {self.days_left} ngày"


@dataclass(frozen=True)
class ReportStatus:
    reported: tuple[tuple[str, str, bool], ...]  # (unit name, unit url, on time)
    expected: int  # units that the plan asks to report (every unit but the clusters)

    @property
    def count(self) -> int:
        return len(self.reported)


def campaign_dashboard(corpus: Corpus, as_of: date) -> dict:
    plan = corpus.current_plan
    movements = [m for m in corpus.movements_of(plan.id)]
    per_movement = Chart("theo-phong-trao", "Gương điển hình theo nội dung, phong trào", "Số gương",
                         tuple(Bar(m.short_title, len(corpus.by_movement.get(m.id, [])), urls.movement(m.id))
                               for m in movements))
    localities = corpus.localities
    per_locality = Chart("theo-dia-phuong", "Gương điển hình theo địa phương", "Số gương",
                         tuple(Bar(u.short_name or u.name, len(corpus.by_locality.get(u.id, [])), urls.unit(u.id))
                               for u in localities))
    reporters = sorted((u for u in corpus.units.values() if u.report_for(plan.id)), key=lambda u: u.name)
    reported = tuple((u.name, urls.unit(u.id), u.report_for(plan.id).submitted <= plan.report_deadline)
                     for u in reporters)
    expected = len(corpus.reporting_units)
    return {"charts": (per_movement, per_locality),
            "countdown": Countdown(plan.report_deadline, (plan.report_deadline - as_of).days),
            "reports": ReportStatus(reported, expected), "as_of": as_of}
