"""The build's worker processes: one per core, started the first time something needs drawing.

Photos not yet cached and share cards not yet cached are made here, on every core, while the main process
checks, renders and writes (the photos first: pages need their sizes). A warm build, with everything in
`.cache/`, never starts a process. `spawn`, not `fork`: a forked copy of a build holding MkDocs' state and
threads is neither cheap nor safe.
"""

from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor


class Workers:
    """Call it for the pool (started on the first call, again after `close`); `close` stops its processes."""

    def __init__(self) -> None:
        self.pool: ProcessPoolExecutor | None = None

    def __call__(self) -> ProcessPoolExecutor:
        if self.pool is None:
            self.pool = ProcessPoolExecutor(os.cpu_count() or 1, mp_context=multiprocessing.get_context("spawn"))
        return self.pool

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(cancel_futures=True)
            self.pool = None
