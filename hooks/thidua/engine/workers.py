"""The build's worker processes: one per core, started the first time something needs drawing.

Photo renditions and share cards not yet cached are made here, on every core, while the main process
renders and writes the pages (pages need only a photo's size, read from its header); the build waits for
them when it publishes them, after the pages. A warm build, with everything in `.cache/`, never starts a
process; a build without any `.cache/` (a fresh clone, CI) starts them at once, so that starting them (about
a second) overlaps with reading the content. `spawn`, not `fork`: a forked copy of a build holding MkDocs'
state and threads is neither cheap nor safe.
"""

from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import Executor, Future, ProcessPoolExecutor


class Workers:
    """Call it for the pool (started on the first call, again after `close`); `close` stops its processes."""

    def __init__(self) -> None:
        self.pool: ProcessPoolExecutor | None = None
        self.size = os.cpu_count() or 1

    def __call__(self) -> ProcessPoolExecutor:
        if self.pool is None:
            self.pool = ProcessPoolExecutor(self.size, mp_context=multiprocessing.get_context("spawn"))
        return self.pool

    def start(self) -> None:
        """Start every process now and have it import what drawing needs, without waiting for it."""
        pool = self()
        for _ in range(self.size):
            pool.submit(_ready)

    def close(self, wait: bool = True) -> None:
        """Stop the processes; without `wait`, return at once and let them finish what they are doing (a build
        that failed reports its error without waiting for them)."""
        if self.pool is not None:
            self.pool.shutdown(wait=wait, cancel_futures=True)
            self.pool = None


class AtOnce(Executor):
    """Runs each job as it is submitted, in this process: for the preview, which waits for a saved story's
    photo straight away, where starting a process would cost it a second."""

    def submit(self, fn, /, *args, **kwargs) -> Future:
        future: Future = Future()
        try:
            future.set_result(fn(*args, **kwargs))
        except Exception as err:  # noqa: BLE001 - handed to whoever waits, as a pool would
            future.set_exception(err)
        return future


def _ready() -> None:
    """Runs in a worker: import the modules photos and cards are made with before the first one comes."""
    from ..press import share_image  # noqa: F401
    from ..readers import images  # noqa: F401
