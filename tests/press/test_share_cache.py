"""Share images are drawn in worker processes, kept by content, and published into the site."""

import hashlib

from support import REPO
from thidua.press.share_cache import Card, FromPhoto, ShareImages

PHOTO = REPO / "exemplars" / "to-tu-quan-mau-duong-lang-xanh.jpg"


def test_images_are_drawn_once_and_reused_by_the_next_build(tmp_path):
    cache = tmp_path / "cache"
    images = {"a/anh-chia-se.png": Card("Tiêu đề thử", "Gương điển hình", "Trang", True),
              "b/anh-chia-se.jpg": FromPhoto(PHOTO, hashlib.sha256(PHOTO.read_bytes()).hexdigest(), False)}
    first = ShareImages(cache)
    first.start(images)
    first.publish(tmp_path / "site1")
    drawn = {p.name: p.stat().st_mtime_ns for p in cache.iterdir()}
    assert len(drawn) == 2 and (tmp_path / "site1" / "a" / "anh-chia-se.png").read_bytes()[:4] == b"\x89PNG"
    assert (tmp_path / "site1" / "b" / "anh-chia-se.jpg").read_bytes()[:2] == b"\xff\xd8"
    second = ShareImages(cache)
    second.start(images)
    assert second.pending == [] and second.pool is None  # nothing to draw again
    second.publish(tmp_path / "site2")
    assert {p.name: p.stat().st_mtime_ns for p in cache.iterdir()} == drawn
    assert (tmp_path / "site2" / "b" / "anh-chia-se.jpg").read_bytes() == (tmp_path / "site1" / "b" / "anh-chia-se.jpg").read_bytes()


def test_a_changed_title_draws_a_new_card(tmp_path):
    cache = tmp_path / "cache"
    for title in ("Một", "Hai"):
        images = ShareImages(cache)
        images.start({"x.png": Card(title, "k", "f", False)})
        images.publish(tmp_path / "site")
    assert len(list(cache.glob("*.png"))) == 2


def test_closing_stops_the_workers_of_an_unfinished_build(tmp_path):
    images = ShareImages(tmp_path / "cache")
    images.start({"x.jpg": Card("Tiêu đề", "k", "f", False)})
    assert images.pool is not None
    images.close()
    assert images.pool is None
