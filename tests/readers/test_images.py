"""Story photos: a few widths and crops, WebP and JPEG, no metadata, cached by content, same bytes every time."""

from __future__ import annotations

import io
from concurrent.futures import Executor, Future

import pytest
from image_bytes import hostile_jpeg, hostile_png, hostile_webp, metadata, secrets
from PIL import Image
from thidua.checks import photos
from thidua.readers.images import WIDTHS, process, process_all, start


class Later(Executor):
    """Keeps the jobs submitted until `run`."""

    def __init__(self) -> None:
        self.jobs = []

    def submit(self, fn, /, *args, **kwargs) -> Future:
        self.jobs.append((future := Future(), fn, args, kwargs))
        return future

    def run(self) -> None:
        for future, fn, args, kwargs in self.jobs:
            future.set_result(fn(*args, **kwargs))


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
            assert image.width in WIDTHS or name in {photo.name(c, "jpeg") for c in photo.search_crops}
    assert photo.name(photo.variants[0], "webp") == "a-480.webp"


def test_crops_for_search_engines_have_exact_ratios_from_the_photo_never_enlarged(tmp_path):
    photo = process(photo_with_gps(tmp_path / "a.jpg"), tmp_path / "cache")  # 1600×1000
    assert [(c.label, c.width, c.height) for c in photo.search_crops] == [
        ("16x9", 1200, 675), ("4x3", 1200, 900), ("1x1", 1000, 1000)]
    for crop in photo.search_crops:
        with Image.open(crop.jpeg) as image:
            assert image.size == (crop.width, crop.height) and image.format == "JPEG"
    small = process(photo_with_gps(tmp_path / "small.jpg", (600, 400)), tmp_path / "cache")
    assert [(c.width, c.height) for c in small.search_crops] == [(592, 333), (532, 399), (400, 400)]


def test_exif_and_gps_never_reach_the_renditions(tmp_path):
    photo = process(photo_with_gps(tmp_path / "a.jpg"), tmp_path / "cache")
    for _, cached in photo.files():
        with Image.open(cached) as image:
            assert not image.getexif() and "exif" not in image.info and "icc_profile" not in image.info
        assert b"Exif" not in cached.read_bytes()


@pytest.mark.parametrize("make, name", [(hostile_jpeg, "a.jpg"), (hostile_png, "a.png"), (hostile_webp, "a.webp")])
def test_no_comment_exif_gps_xmp_or_profile_reaches_any_rendition_or_crop(tmp_path, make, name):
    """A JPEG/HTML polyglot's script in a COM segment, EXIF with GPS, XMP naming a phone, an ICC profile:
    read back from the bytes written, segment by segment."""
    source = tmp_path / name
    source.write_bytes(make())
    assert metadata(source.read_bytes())  # the file does carry them
    photo = process(source, tmp_path / "cache")
    written = [v.jpeg for v in (*photo.variants, *photo.crops)] + [v.webp for v in photo.variants]
    assert len(written) == 9  # three widths in two formats and three crops for search engines
    for path in written:
        data = path.read_bytes()
        assert (path.name, metadata(data), secrets(data)) == (path.name, [], [])


def test_a_profile_is_converted_to_srgb_then_dropped(tmp_path):
    """The file's pixels are pure red in a profile whose red is sRGB's green: it is a green photo."""
    source = tmp_path / "a.png"
    source.write_bytes(hostile_png(colour=(255, 0, 0)))
    photo = process(source, tmp_path / "cache")
    for path in (photo.smallest.jpeg, photo.smallest.webp, photo.crop("16x9").jpeg):
        with Image.open(path) as image:
            red, green, blue = image.convert("RGB").getpixel((50, 50))
            assert green > 200 and red < 60 and blue < 60, (path.name, red, green, blue)
            assert "icc_profile" not in image.info


def test_the_share_card_is_the_photo_cropped_to_1200_by_630_from_the_original(tmp_path):
    """Drawn from the original, not from a rendition, so that it need not wait for the renditions."""
    from thidua.press import share_image

    for size in ((900, 1400), (4000, 3000)):
        card = share_image.from_photo(photo_with_gps(tmp_path / "a.jpg", size))
        with Image.open(io.BytesIO(card)) as image:
            assert (image.format, image.size) == ("JPEG", (1200, 630)) and not image.getexif()


def test_a_cached_photo_is_not_decoded_again(tmp_path, monkeypatch):
    source = photo_with_gps(tmp_path / "a.jpg")
    first = process(source, tmp_path / "cache")
    monkeypatch.setattr(photos, "decode_sized", lambda *args, **kw: pytest.fail("decoded a cached photo"))
    assert process(source, tmp_path / "cache") == first


def test_every_story_gets_its_photo_and_one_file_is_made_once(tmp_path):
    """Made in worker processes, one per core; two stories naming one file (or a copy) share its renditions."""
    a, b = photo_with_gps(tmp_path / "a.jpg"), photo_with_gps(tmp_path / "b.jpg", (1000, 1000))
    (tmp_path / "copy.jpg").write_bytes(a.read_bytes())
    made = process_all({"one": a, "two": b, "three": a, "four": tmp_path / "copy.jpg"}, tmp_path / "cache")
    assert list(made) == ["one", "two", "three", "four"]
    assert made["one"] == made["three"] and made["four"].stem == "copy"
    assert made["four"].files()[0][1] == made["one"].files()[0][1]  # the same cached file
    assert made["two"].variants[-1].height == 1000
    assert len(list((tmp_path / "cache").glob("*.json"))) == 2


@pytest.mark.parametrize("orientation", [1, 6, 8])
def test_a_photo_planned_from_its_header_is_the_photo_its_decoding_makes(tmp_path, orientation):
    """The build plans a photo's renditions before they are made (pages need their names and sizes): the plan
    from the header, a sideways EXIF orientation included, is what decoding the photo then makes."""
    source = tmp_path / "a.jpg"
    image = Image.new("RGB", (1600, 1000), (30, 90, 160))
    exif = Image.Exif()
    exif[0x0112] = orientation
    image.save(source, "JPEG", exif=exif.tobytes())
    later = Later()
    planned, drawing = start({"a": source}, tmp_path / "cache", lambda: later)
    assert not (tmp_path / "cache").exists()  # planned, nothing made yet
    later.run()
    drawing.wait()
    assert planned["a"] == process(source, tmp_path / "cache")
    assert planned["a"].width == (1000 if orientation != 1 else 1200)


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


def test_a_hostile_photo_is_published_as_pixels_only_in_every_rendition_and_the_share_image(site):
    """Built for real: every image file the site publishes, read back from site/, carries no metadata — the
    pictures of docs/ and overrides/ too, stripped losslessly (same pixels), a polyglot's HTML tail dropped."""
    (site.root / "exemplars" / "anh-doc.jpg").write_bytes(hostile_jpeg())
    pictures = {"docs/bien-tap/anh/doc.jpg": hostile_jpeg() + b"<html><script>alert(1)</script>",
                "docs/bien-tap/anh/doc.png": hostile_png(), "overrides/doc.webp": hostile_webp()}
    for path, data in pictures.items():
        (site.root / path).write_bytes(data)
    site.exemplar("guong-anh-doc", photo="anh-doc.jpg", photo_alt="Ảnh minh họa", photo_credit="Trang tạo ra")
    built = site.build()
    story = built / "guong-dien-hinh" / "guong-anh-doc"
    published = sorted(p for p in story.iterdir() if p.suffix in (".jpg", ".webp", ".png"))
    assert [p.name for p in published] == ["anh-chia-se.jpg", "anh-doc-1200.jpg", "anh-doc-1200.webp",
                                           "anh-doc-16x9.jpg", "anh-doc-1x1.jpg", "anh-doc-480.jpg", "anh-doc-480.webp", "anh-doc-4x3.jpg", "anh-doc-800.jpg", "anh-doc-800.webp"]
    images = [p for p in built.rglob("*") if p.suffix in (".jpg", ".jpeg", ".webp", ".png")]
    assert len(images) > len(published)  # the other stories' photos and cards, the site's card
    for path in images:
        data = path.read_bytes()
        assert (path.relative_to(built).as_posix(), metadata(data), secrets(data)) == (
            path.relative_to(built).as_posix(), [], [])
    assert not (story / "anh-doc.jpg").exists()
    for path, data in pictures.items():
        published = built / path.removeprefix("docs/").removeprefix("overrides/")
        with Image.open(io.BytesIO(data)) as original, Image.open(published) as stripped:
            assert original.convert("RGB").tobytes() == stripped.convert("RGB").tobytes()
