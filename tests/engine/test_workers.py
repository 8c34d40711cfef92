"""The build's worker processes: none until something needs making, one per core, all gone when closed."""

from __future__ import annotations

import os
import threading
from concurrent.futures import ThreadPoolExecutor

from thidua.engine.workers import Workers
from thidua.hosting import minify
from thidua.press import share_cache
from thidua.readers import images


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


def test_photos_and_cards_are_drawn_while_the_pages_render(site, monkeypatch):
    """A cold build: each rendition and card waits, in its worker, until MkDocs has rendered a page. Had the
    build drawn them before the pages, or had a page waited for them, it would never finish. (Threads stand in
    for the processes so that the wait can be set up from here.)"""
    rendered, waited = threading.Event(), []

    def threads(self):
        if self.pool is None:
            self.pool = ThreadPoolExecutor(self.size)
        return self.pool

    def after_a_page(draw):
        def drawing(*args):
            waited.append(rendered.wait(timeout=120))
            return draw(*args)
        return drawing

    collapse = minify.collapse  # what the adapter does to each page it has rendered
    monkeypatch.setattr(minify, "collapse", lambda html: rendered.set() or collapse(html))
    monkeypatch.setattr(Workers, "__call__", threads)
    monkeypatch.setattr(images, "process", after_a_page(images.process))
    monkeypatch.setattr(share_cache, "draw", after_a_page(share_cache.draw))
    assert not (site.root / ".cache").exists()
    built = site.build()
    photos = sorted(built.glob("guong-dien-hinh/*/*-480.webp"))
    assert photos and len(list(built.glob("guong-dien-hinh/*/anh-chia-se.*"))) > len(photos)
    assert len(waited) > len(photos) and all(waited)
