"""The build's worker processes: none until something needs making, one per core, all gone when closed; they
draw photos and cards while the pages render, and a drawing that fails names its story."""

from __future__ import annotations

import os
import shutil
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from thidua.engine.building import BuildFailed
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

    def after_a_page(draw):
        def drawing(*args):
            waited.append(rendered.wait(timeout=120))
            return draw(*args)
        return drawing

    collapse = minify.collapse  # what the adapter does to each page it has rendered
    monkeypatch.setattr(minify, "collapse", lambda html: rendered.set() or collapse(html))
    monkeypatch.setattr(Workers, "__call__", _threads)
    monkeypatch.setattr(images, "process", after_a_page(images.process))
    monkeypatch.setattr(share_cache, "draw", after_a_page(share_cache.draw))
    assert not (site.root / ".cache").exists()
    built = site.build()
    photos = sorted(built.glob("guong-dien-hinh/*/*-480.webp"))
    assert photos and len(list(built.glob("guong-dien-hinh/*/anh-chia-se.*"))) > len(photos)
    assert len(waited) > len(photos) and all(waited)


def test_a_rendition_that_cannot_be_made_fails_the_build_naming_its_story_and_keeps_the_last_site(site, monkeypatch):
    """Known only after the pages, when the build waits for its workers: still one line naming the story."""
    before = site.build()
    kept = {p.relative_to(before): p.read_bytes() for p in before.rglob("*.html")}
    shutil.rmtree(site.root / ".cache")

    def full_disk(source, cache_dir):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(Workers, "__call__", _threads)
    monkeypatch.setattr(images, "process", full_disk)
    with pytest.raises(BuildFailed) as failed:
        site.build()
    message = str(failed.value)
    assert message.startswith("exemplars/") and ".md:" in message and "No space left on device" in message
    assert "Traceback" not in message and "\n" not in message
    assert {p.relative_to(before): p.read_bytes() for p in before.rglob("*.html")} == kept


def _threads(self):
    """Workers.__call__ with threads for processes: what a test sets up here reaches the drawing."""
    if self.pool is None:
        self.pool = ThreadPoolExecutor(self.size)
    return self.pool
