"""Full-text search for readers on phones: a small sharded index written into the built site.

Why our own: Pagefind 1.5 (measured, see README) needs 286 KB for the first query "thi đua" at 10,000
stories and 368 KB for "thi dua", over the 300 KB budget, because the posting lists of Vietnamese's
most common syllables carry word positions and share chunks with their neighbours; and it folds
combining accents but not "đ", so "thi dua" does not find "thi đua" without extra searches.

This index is built from the published corpus, not from HTML, and holds only what finds a story:
title, name, lede, unit (and its locality), movements, award, with weights. Every word is folded (NFD,
accents dropped, đ→d, lower case), at build time here and at query time in `thidua-search.js`, so
"ham thuan bac" finds "Hàm Thuận Bắc" and "hoa" finds "hoà" and "hòa".

Layout under /tim-kiem/chi-muc/ (all JSON, served compressed by any static host):
- `tu/<first letter>.json`: {word: number of stories} for the words starting with that letter, to
  complete the last word the reader is typing;
- `w/<word>.json`: [story numbers as gaps, weights], the stories containing the word;
- `d/<n>.json`: one story's URL, title, name, kind, unit and lede, fetched only for the results shown.
A first query for two common words fetches two small vocabulary files, two posting lists and a few
stories: tens of kilobytes, whatever the number of stories.
"""

from __future__ import annotations

import json
import re
import shutil
from collections import defaultdict
from pathlib import Path

from ..content import urls
from ..content.cache_files import Kept
from ..content.model import Corpus, Exemplar
from ..content.text import fold

FIELD_WEIGHTS = {"title": 10, "name": 9, "lede": 6, "unit": 5, "award": 3, "movements": 3}
MAX_WORD = 40  # longer "words" are not words a reader types
_WORD = re.compile(r"[a-z0-9]+")


def words(text: str) -> list[str]:
    return [w for w in _WORD.findall(fold(text)) if len(w) <= MAX_WORD]


def story_fields(corpus: Corpus, exemplar: Exemplar) -> dict[str, str]:
    unit = corpus.units[exemplar.unit]
    locality = corpus.locality(unit)
    places = [unit.name] + ([locality.name] if locality and locality.id != unit.id else [])
    movements = [corpus.movements[m] for m in exemplar.movements if m in corpus.movements]
    return {"title": exemplar.title, "name": exemplar.name, "lede": exemplar.summary, "unit": " ".join(places),
            "award": exemplar.award or "", "movements": " ".join(f"{m.title} {m.short_title}" for m in movements)}


def build_index(corpus: Corpus) -> tuple[list[dict], dict[str, list[tuple[int, int]]]]:
    """(stories, postings): stories newest first; postings word -> [(story number, weight)] ascending."""
    stories, postings = [], defaultdict(list)
    for number, exemplar in enumerate(corpus.exemplars_newest_first):
        fields = story_fields(corpus, exemplar)
        weights: dict[str, int] = {}
        for field, text in fields.items():
            for word in words(text):
                weights[word] = max(weights.get(word, 0), FIELD_WEIGHTS[field])
        for word, weight in weights.items():
            postings[word].append((number, weight))
        unit = corpus.units[exemplar.unit]
        stories.append({"u": urls.exemplar(exemplar.id), "t": exemplar.title, "n": exemplar.name, "k": exemplar.kind_label,
                        "d": unit.name, "l": exemplar.summary, **({"s": 1} if exemplar.sample else {})})
    return stories, dict(postings)


def write_index(corpus: Corpus, site_dir: Path, kept: Kept) -> Path:
    """Write the index into the built site, its files linked from `kept`; returns its folder."""
    out = Path(site_dir) / urls.SEARCH_INDEX
    if out.exists():
        shutil.rmtree(out)
    for sub in ("tu", "w", "d"):
        (out / sub).mkdir(parents=True)
    stories, postings = build_index(corpus)

    def dump(path: Path, data) -> None:
        kept.publish(json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8"), path)

    for number, story in enumerate(stories):
        dump(out / "d" / f"{number}.json", story)
    vocabulary: dict[str, dict[str, int]] = defaultdict(dict)
    for word, entries in postings.items():
        vocabulary[word[0]][word] = len(entries)
        gaps, previous = [], -1
        for number, _ in entries:
            gaps.append(number - previous)
            previous = number
        dump(out / "w" / f"{word}.json", [gaps, [weight for _, weight in entries]])
    for letter, counts in vocabulary.items():
        dump(out / "tu" / f"{letter}.json", dict(sorted(counts.items())))
    dump(out / "meta.json", {"stories": len(stories), "letters": sorted(vocabulary)})
    return out
