"""Story photos: a few widths, WebP and JPEG, no metadata, cached by content, same bytes every time."""

from __future__ import annotations

from PIL import Image
from thidua.readers.images import WIDTHS, process


def photo_with_gps(path, size=(1600, 1000)):
    image = Image.new("RGB", size, (30, 90, 160))
    exif = Image.Exif()
    exif[0x010F] = "Máy ảnh"
    exif.get_ifd(0x8825).update({1: "N", 2: (10.0, 55.0, 0.0)})
    image.save(path, "JPEG", exif=exif.tobytes())
    return path


def test_renditions_have_the_widths_formats_and_proportions(tmp_path):
    photo = process(photo_with_gps(tmp_path / "a.jpg"), tmp_path / "cache")
    assert [v.width for v in photo.variants] == list(WIDTHS)
    assert [v.height for v in photo.variants] == [300, 500, 750]
    for name, cached in photo.files():
        with Image.open(cached) as image:
            assert image.format == ("WEBP" if name.endswith(".webp") else "JPEG")
            assert image.width in WIDTHS or name in {photo.crop_name(c) for c in photo.crops}
    assert photo.name(photo.variants[0], "webp") == "a-480.webp"


def test_crops_for_search_engines_have_exact_ratios_from_the_photo_never_enlarged(tmp_path):
    photo = process(photo_with_gps(tmp_path / "a.jpg"), tmp_path / "cache")  # 1600×1000
    assert [(c.name, c.width, c.height) for c in photo.crops] == [
        ("16x9", 1200, 675), ("4x3", 1200, 900), ("1x1", 1000, 1000)]
    for crop in photo.crops:
        with Image.open(crop.jpeg) as image:
            assert image.size == (crop.width, crop.height) and image.format == "JPEG"
    small = process(photo_with_gps(tmp_path / "small.jpg", (600, 400)), tmp_path / "cache")
    assert [(c.width, c.height) for c in small.crops] == [(592, 333), (532, 399), (400, 400)]


def test_exif_and_gps_never_reach_the_renditions(tmp_path):
    photo = process(photo_with_gps(tmp_path / "a.jpg"), tmp_path / "cache")
    for _, cached in photo.files():
        with Image.open(cached) as image:
            assert not image.getexif() and "exif" not in image.info and "icc_profile" not in image.info
        assert b"Exif" not in cached.read_bytes()


def test_a_small_photo_is_never_enlarged(tmp_path):
    photo = process(photo_with_gps(tmp_path / "small.jpg", (600, 400)), tmp_path / "cache")
    assert [v.width for v in photo.variants] == [480, 600]


def test_a_rebuild_reuses_the_cache_and_the_output_is_deterministic(tmp_path):
    source = photo_with_gps(tmp_path / "a.jpg")
    first = process(source, tmp_path / "cache")
    stamps = {p: p.stat().st_mtime_ns for _, p in first.files()}
    again = process(source, tmp_path / "cache")
    assert {p: p.stat().st_mtime_ns for _, p in again.files()} == stamps  # nothing rewritten
    fresh = process(source, tmp_path / "other-cache")
    assert [p.read_bytes() for _, p in fresh.files()] == [p.read_bytes() for _, p in first.files()]


def test_the_site_publishes_renditions_and_never_the_original(site):
    photo_with_gps(site.root / "exemplars" / "anh-mau.jpg")
    site.exemplar("guong-anh", photo="anh-mau.jpg", photo_alt="Ảnh minh họa", photo_credit="Trang tạo ra")
    story = site.build() / "guong-dien-hinh" / "guong-anh"
    assert sorted(p.name for p in story.iterdir() if p.suffix not in (".html", ".json") and p.name != "anh-chia-se.jpg") == [
        "anh-mau-1200.jpg", "anh-mau-1200.webp", "anh-mau-16x9.jpg", "anh-mau-1x1.jpg", "anh-mau-480.jpg",
        "anh-mau-480.webp", "anh-mau-4x3.jpg", "anh-mau-800.jpg", "anh-mau-800.webp"]
    html = site.page("guong-dien-hinh/guong-anh/")
    assert '<source type="image/webp" srcset="anh-mau-480.webp 480w, anh-mau-800.webp 800w, anh-mau-1200.webp 1200w"' in html
    assert 'width="800" height="500" alt="Ảnh minh họa" loading="eager"' in html
    assert "Ảnh: Trang tạo ra" in html
    assert (site.root / ".cache" / "images").is_dir()
