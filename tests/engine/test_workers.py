"""The build's worker processes: none until something needs making, one per core, all gone when closed."""

from __future__ import annotations

import os

from thidua.engine.workers import Workers


def test_workers_start_when_asked_one_per_core_and_stop_when_closed():
    workers = Workers()
    assert workers.pool is None  # nothing asked for: no process
    workers.start()
    pool = workers()
    assert pool is workers() and workers.size == (os.cpu_count() or 1)
    assert pool.submit(os.getpid).result() != os.getpid()  # really another process
    processes = list(pool._processes.values())
    workers.close()
    assert workers.pool is None and all(not process.is_alive() for process in processes)
    assert workers() is not pool  # asked again (the preview's next save): a new pool
    workers.close()
