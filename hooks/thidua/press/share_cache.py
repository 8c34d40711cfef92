"""Share images drawn beside the MkDocs build, in other processes, and kept by what they show.

Drawing a 1200×630 card takes about 5 ms of CPU, a thousand of them five seconds. They are drawn in a
process pool, one worker per core, while MkDocs renders the pages in the main process, and
cached in `.cache/share/` under a hash of their inputs, so a rebuild draws only what changed. The same
inputs give the same bytes, so the cache never changes what a build publishes.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
from collections.abc import Callable
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from ..content.cache_files import link_or_copy, write_whole
from . import share_image

RECIPE = "share-v8"  # part of the cache key: change it when the drawing changes


@dataclass(frozen=True)
class Card:
    title: str
    kicker: str
    footer: str
    sample: bool

    def key(self) -> str:
        return f"card|{self.title}|{self.kicker}|{self.footer}|{self.sample}"


@dataclass(frozen=True)
class FromPhoto:
    photo: Path  # the original: the card does not wait for the photo's renditions
    content: str  # the original's sha256, as the build hashed it once (readers/images.Photo.content)
    sample: bool

    def key(self) -> str:
        return f"photo|{self.content}|{self.sample}"


def draw(image: Card | FromPhoto, target: Path) -> None:
    """Runs in a worker: draw one image and move it into the cache in one step."""
    data = (share_image.card(image.title, image.kicker, image.footer, image.sample) if isinstance(image, Card)
            else share_image.from_photo(image.photo, image.sample))
    write_whole(target, data)


class ShareImages:
    """Start drawing with `start` (on_config); `publish` (on_post_build) waits and places the files."""

    def __init__(self, cache_dir: Path, workers: Callable[[], Executor] | None = None) -> None:
        self.cache_dir = cache_dir
        self.workers = workers  # the build's pool, borrowed (its owner stops it); else one of our own
        self.planned: dict[str, Path] = {}  # site URL -> cached file
        self.pending: list[Future] = []
        self.pool: Executor | None = None

    def start(self, images: dict[str, Card | FromPhoto]) -> None:
        self.cache_dir.mkdir(parents=True, exist_ok=True)
        for url, image in images.items():
            digest = hashlib.sha256(f"{RECIPE}|{image.key()}".encode()).hexdigest()[:24]
            target = self.planned[url] = self.cache_dir / f"{digest}{Path(url).suffix}"
            if not target.exists():
                self.pending.append(self._pool().submit(draw, image, target))

    def publish(self, site_dir: Path) -> None:
        try:
            for future in self.pending:
                future.result()  # a drawing error (a missing font) fails the build here
        finally:
            self.close()
        for url, cached in self.planned.items():
            link_or_copy(cached, site_dir / url)

    def close(self) -> None:
        """Stop our own workers, or what is left of our drawing in borrowed ones; the engine calls this for a
        build that failed before publishing."""
        if self.workers is not None:
            for future in self.pending:
                future.cancel()
        elif self.pool is not None:
            self.pool.shutdown(cancel_futures=True)
        self.pool = None

    def _pool(self) -> Executor:
        if self.pool is None and self.workers is not None:
            self.pool = self.workers()
        if self.pool is None:
            # every core: while the main process renders pages they share the cores, and once it waits for the
            # last cards none stands idle (with one worker fewer, one core did nothing at the end)
            workers = os.cpu_count() or 1
            self.pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"))
        return self.pool
