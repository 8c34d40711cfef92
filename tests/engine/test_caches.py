"""The build's caches keep what the site uses and lose the rest, so `.cache/` (saved between deploy runs)
does not grow with every edited story or new drawing recipe."""

from __future__ import annotations

import hashlib
import os
import time

import pytest
from thidua.engine import caches

LONG_AGO = time.time() - 86_400


def _old(path, text="x"):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    os.utime(path, (LONG_AGO, LONG_AGO))
    return path


def test_a_file_no_build_uses_goes_one_in_use_or_just_written_stays(tmp_path):
    used, stale = _old(tmp_path / "a.png"), _old(tmp_path / "b.png")
    fresh = tmp_path / "c.png"
    fresh.write_text("drawn by another build a moment ago")
    assert caches.prune(tmp_path, {used}, started=time.time() - 60) == 1
    assert used.exists() and fresh.exists() and not stale.exists()
    assert caches.prune(tmp_path / "none", set(), time.time()) == 0  # no cache yet: nothing to do


def test_a_build_prunes_the_cards_and_renditions_of_stories_that_are_gone(site):
    site.build()
    share, renditions = site.root / ".cache" / "share", site.root / ".cache" / "images"
    cards, photos = set(share.iterdir()), set(renditions.iterdir())
    assert cards and photos  # the sample content has stories with and without a photo
    stale_card, stale_photo = _old(share / "0123456789abcdef01234567.png"), _old(renditions / "0123abcd-800.jpg")
    for kept in cards | photos:
        os.utime(kept, (LONG_AGO, LONG_AGO))
    site.build()
    assert not stale_card.exists() and not stale_photo.exists()
    assert set(share.iterdir()) == cards and set(renditions.iterdir()) == photos  # reused, none redrawn


def test_a_warm_build_decodes_no_photo_draws_no_card_and_starts_no_process(site, monkeypatch):
    from thidua.checks import photos
    from thidua.engine.workers import Workers

    first = site.build()
    published = {p.relative_to(first): p.read_bytes() for p in first.rglob("*") if p.suffix in (".jpg", ".webp", ".png")}
    monkeypatch.setattr(Workers, "__call__", lambda self: pytest.fail("a worker process was started"))
    monkeypatch.setattr(photos, "_VERDICTS", {})  # a new process: the check judges each photo once, at 1/8 scale
    decoded = []
    real = photos.decode_sized
    monkeypatch.setattr(photos, "decode_sized", lambda data, at_least=None: decoded.append(at_least) or real(data, at_least))
    again = site.build()
    assert decoded and set(decoded) == {1}  # only the check's reduced decoding; no rendition made again
    assert {p.relative_to(again): p.read_bytes() for p in again.rglob("*") if p.suffix in (".jpg", ".webp", ".png")} == published


def test_a_warm_build_renders_no_story_again_and_publishes_the_same_bytes(site, monkeypatch):
    from collections import OrderedDict

    import markdown
    from thidua.checks import rendering

    site.exemplar("doc-them", body="Đoạn một của câu chuyện.\n\n## Kết quả\n\nĐoạn hai, có [nguồn](https://example.org/).")
    first = site.build()
    published = {p.relative_to(first): p.read_bytes() for p in first.rglob("*") if p.is_file()}
    monkeypatch.setattr(rendering, "_RENDERED", OrderedDict())  # a new process: only .cache/ remembers
    converted = []
    real = markdown.Markdown.convert
    monkeypatch.setattr(markdown.Markdown, "convert", lambda md, text: converted.append(text) or real(md, text))
    again = site.build()
    assert converted and not any("Đoạn một của câu chuyện." in text for text in converted)
    assert {p.relative_to(again): p.read_bytes() for p in again.rglob("*") if p.is_file()} == published


def test_a_warm_build_links_its_ninjs_feeds_and_search_index_from_the_cache(site):
    """Written once, then linked by every build whose bytes are the same; files no build uses go."""
    site.build()
    stale = _old(site.root / ".cache" / "published" / ("0" * 32))
    again = site.build()
    published = site.root / ".cache" / "published"
    for url in ("feed.xml", "tim-kiem/chi-muc/meta.json", "guong-dien-hinh/doi-tuan-tra-mau-dao-phu-quy/ninjs.json"):
        assert (again / url).stat().st_nlink >= 2, url
        assert (published / hashlib.sha256((again / url).read_bytes()).hexdigest()[:32]).samefile(again / url)
    assert not stale.exists()
