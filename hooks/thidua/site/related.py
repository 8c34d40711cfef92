"""A few stories to read next under a story ("Đọc thêm"): from the same unit first, then the newest of the same
movements. Never the site's newest: every story page would then change with each new story (and the preview
would render them all again).

Each group is already newest first (Corpus.by_unit, by_movement), so only its head is looked at:
the work per story stays the same however many stories the site has.
"""

from __future__ import annotations

from ..content.model import Corpus, Exemplar

RELATED = 3


def related_stories(corpus: Corpus, exemplar: Exemplar, limit: int = RELATED) -> list[Exemplar]:
    groups = [corpus.by_unit.get(exemplar.unit, [])] + [corpus.by_movement.get(m, []) for m in exemplar.movements]
    seen, picked = {exemplar.id}, []
    for group in groups:
        for other in group[:limit + 1]:
            if other.id not in seen:
                seen.add(other.id)
                picked.append(other)
    return picked[:limit]
