"""Story photos for phones: resized at build time, WebP with a JPEG fallback, metadata stripped.

Each photo becomes a few widths (never wider than the original) in two formats. The results are cached
under a folder outside the site, named by the content hash of the original and by these settings, so a
rebuild reuses them. Pillow writes no EXIF, GPS or ICC data unless asked to, and the same input gives
the same bytes, so builds are reproducible.
"""

from __future__ import annotations

import hashlib
import io
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageOps

WIDTHS = (480, 800, 1200)
# Crops for search engines' article images (16×9, 4×3, 1×1), centred, JPEG only, at most CROP_WIDTH wide.
CROPS = (("16x9", 16, 9), ("4x3", 4, 3), ("1x1", 1, 1))
CROP_WIDTH = 1200
JPEG_QUALITY = 80
WEBP_QUALITY = 75
RECIPE = f"v1-{WIDTHS}-{JPEG_QUALITY}-{WEBP_QUALITY}"  # part of the cache key: change it, redo the photos


@dataclass(frozen=True)
class Variant:
    width: int
    height: int
    jpeg: Path  # in the cache
    webp: Path


@dataclass(frozen=True)
class Crop:
    name: str  # "16x9", "4x3", "1x1"
    width: int
    height: int
    jpeg: Path  # in the cache


@dataclass(frozen=True)
class Photo:
    """A processed photo: published file names are `<stem>-<width>.<ext>` beside the story."""

    stem: str
    variants: tuple[Variant, ...]
    crops: tuple[Crop, ...] = ()

    @property
    def width(self) -> int:
        return self.variants[-1].width

    @property
    def height(self) -> int:
        return self.variants[-1].height

    @property
    def fallback(self) -> Variant:
        """The JPEG an old browser gets: the middle width."""
        return self.variants[len(self.variants) // 2]

    @property
    def smallest(self) -> Variant:
        return self.variants[0]

    def up_to(self, max_width: int | None) -> tuple[Variant, ...]:
        """The renditions no wider than max_width (at least the smallest one); all when None."""
        if max_width is None:
            return self.variants
        return tuple(v for v in self.variants if v.width <= max_width) or self.variants[:1]

    def name(self, variant: Variant, fmt: str) -> str:
        return f"{self.stem}-{variant.width}.{'webp' if fmt == 'webp' else 'jpg'}"

    def crop_name(self, crop: Crop) -> str:
        return f"{self.stem}-{crop.name}.jpg"

    def files(self) -> list[tuple[str, Path]]:
        """(published name, cached file) for every rendition and crop."""
        return ([(self.name(v, fmt), getattr(v, fmt)) for v in self.variants for fmt in ("jpeg", "webp")]
                + [(self.crop_name(c), c.jpeg) for c in self.crops])


def process(source: Path, cache_dir: Path) -> Photo:
    data = Path(source).read_bytes()
    digest = hashlib.sha256(data + RECIPE.encode()).hexdigest()[:20]
    stem = Path(source).stem
    with Image.open(io.BytesIO(data)) as opened:
        image = ImageOps.exif_transpose(opened).convert("RGB")
    widths = sorted({min(w, image.width) for w in WIDTHS})
    variants = []
    for width in widths:
        height = round(image.height * width / image.width)
        jpeg = cache_dir / f"{digest}-{width}.jpg"
        webp = cache_dir / f"{digest}-{width}.webp"
        if not (jpeg.exists() and webp.exists()):
            resized = image if width == image.width else image.resize((width, height), Image.Resampling.LANCZOS)
            _write(jpeg, resized, "JPEG", quality=JPEG_QUALITY, optimize=True, progressive=True)
            _write(webp, resized, "WEBP", quality=WEBP_QUALITY, method=4)
        variants.append(Variant(width, height, jpeg, webp))
    return Photo(stem, tuple(variants), tuple(_crop(image, digest, cache_dir, *crop) for crop in CROPS))


def _crop(image: Image.Image, digest: str, cache_dir: Path, name: str, across: int, down: int) -> Crop:
    """The largest centred crop of exactly that ratio, no wider than CROP_WIDTH (never enlarged)."""
    unit = max(1, min(image.width // across, image.height // down, CROP_WIDTH // across))
    width, height = across * unit, down * unit
    jpeg = cache_dir / f"{digest}-{name}.jpg"
    if not jpeg.exists():
        fitted = ImageOps.fit(image, (width, height), Image.Resampling.LANCZOS)
        _write(jpeg, fitted, "JPEG", quality=JPEG_QUALITY, optimize=True, progressive=True)
    return Crop(name, width, height, jpeg)


def _write(path: Path, image: Image.Image, fmt: str, **options) -> None:
    """Write atomically, so an interrupted build never leaves a half photo in the cache."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".part")
    try:
        with os.fdopen(fd, "wb") as out:
            image.save(out, fmt, **options)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
