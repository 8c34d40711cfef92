"""A few stories to read next under a story ("Đọc thêm"): from the same unit first, then the same movements,
and when the story is alone in all of them, the site's newest stories: a reader always has somewhere to go.

Each group is already newest first (Corpus.by_unit, by_movement), so only its head is looked at:
the work per story stays the same however many stories the site has.
"""

from __future__ import annotations

from ..content.model import Corpus, Exemplar

RELATED = 3


def related_stories(corpus: Corpus, exemplar: Exemplar, limit: int = RELATED) -> list[Exemplar]:
    groups = [corpus.by_unit.get(exemplar.unit, [])] + [corpus.by_movement.get(m, []) for m in exemplar.movements]
    groups.append(corpus.exemplars_newest_first)
    seen, picked = {exemplar.id}, []
    for group in groups:
        for other in group[:limit + 1]:
            if other.id not in seen and len(picked) < limit:
                seen.add(other.id)
                picked.append(other)
    return picked[:limit]
