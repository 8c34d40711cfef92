"""A story dated outside the period of its movements' plan: a warning, not an error, since stories after a
campaign (its results, its awards) are legitimate; the date may still be a typing slip (2013 for 2023)."""

from __future__ import annotations

from datetime import date

from ..content.model import Corpus
from ..content.problems import WARNING, Problem
from ..content.source import Document
from ..content.text import format_date

OUTSIDE = ("ngày đăng {day} nằm ngoài thời gian của {plan} (từ {start} đến {end}): bài sau đợt thi đua, như bài "
           "tổng kết, vẫn được đăng; nếu gõ nhầm ngày, hãy sửa (outside the plan's period)")


def period_problems(doc: Document, published: date | None, corpus: Corpus) -> list[Problem]:
    """A warning when `published` falls in the period of none of the plans the story's movements belong to."""
    movements = doc.meta.get("movements")
    plans = {corpus.movements[m].plan for m in movements if isinstance(m, str) and m in corpus.movements} \
        if isinstance(movements, list) and published else set()
    periods = [corpus.plans[p] for p in sorted(plans) if p in corpus.plans]
    if not periods or any(plan.period_start <= published <= plan.period_end for plan in periods):
        return []
    plan = periods[0]
    return [doc.problem("date", OUTSIDE.format(day=format_date(published), plan=f"“{plan.short_title}”",
                                               start=format_date(plan.period_start), end=format_date(plan.period_end)),
                        WARNING)]
