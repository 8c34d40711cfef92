"""Story photos for phones: resized at build time, WebP with a JPEG fallback, no metadata.

Every photo becomes the renditions listed in `SPECS`: widths (never wider than the original) and crops to a
fixed size. They are made from one decoding of the original (`checks.photos.decode`: pixels only, upright,
sRGB — no EXIF, GPS, XMP, comment or ICC profile reaches a rendition) and cached under a folder outside the
site, named by the content hash of the original and by the specs, with a small manifest of the photo's
size: a rebuild reuses them without decoding anything. The same input gives the same bytes, so builds are
reproducible.

A build plans every photo at once, from the manifest or else from the file's header (nothing decoded), and
has the workers make what the cache lacks while MkDocs renders the pages (`start`); pages need only the
renditions' names and sizes. The files are waited for (`Drawing.wait`) when the build publishes them, after
the pages.

To add a rendition, add a `Spec` to `SPECS` (say `Spec("3x2", 1200, 800)` for a 3:2 crop): the cache key
changes by itself, the crop is made with the others and listed by `Photo.files()` beside the story as
`<stem>-3x2.jpg` and `.webp`; `Photo.crop("3x2")` gives its files and size.
"""

from __future__ import annotations

import hashlib
import io
import json
import multiprocessing
import os
from collections.abc import Callable
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageOps

from ..checks import photos
from ..content.cache_files import write_whole


@dataclass(frozen=True)
class Spec:
    """One rendition of every photo. Without `height`: the whole photo `width` wide (a narrower photo keeps its
    own width); with it: cropped to exactly width × height, centred a little above the middle, where faces
    usually are. Published beside the story as `<stem>-<name>.<ext>`."""

    name: str
    width: int
    height: int | None = None
    formats: tuple[str, ...] = ("jpeg", "webp")
    ratio: tuple[int, int] | None = None  # instead of a height: the largest crop of this ratio, never enlarged

    @property
    def is_crop(self) -> bool:
        return self.height is not None or self.ratio is not None

    def crop_size(self, width: int, height: int) -> tuple[int, int]:
        """The crop's size for a photo of width × height."""
        if self.ratio is None:
            return self.width, self.height
        across, down = self.ratio
        unit = max(1, min(width // across, height // down, self.width // across))
        return across * unit, down * unit


WIDTHS = (480, 800, 1200)
# Search engines' article images (JSON-LD): 16×9, 4×3 and 1×1, JPEG only, at most 1,200 px wide.
SEARCH_CROPS = tuple(Spec(f"{a}x{b}", 1200, formats=("jpeg",), ratio=(a, b)) for a, b in ((16, 9), (4, 3), (1, 1)))
SPECS = (*(Spec(str(width), width) for width in WIDTHS), *SEARCH_CROPS)
JPEG_QUALITY = 80
WEBP_QUALITY = 75
CENTRE = (0.5, 0.4)
RECIPE = f"v4-{SPECS}-{JPEG_QUALITY}-{WEBP_QUALITY}-{CENTRE}"  # part of the cache key: change it, redo the photos
SUFFIXES = {"jpeg": "jpg", "webp": "webp"}


@dataclass(frozen=True)
class Variant:
    width: int
    height: int
    jpeg: Path  # in the cache
    webp: Path | None
    label: str  # the published name's suffix: the width, or the crop's name


@dataclass(frozen=True)
class Photo:
    """A processed photo: published file names are `<stem>-<label>.<ext>` beside the story."""

    stem: str
    variants: tuple[Variant, ...]  # the widths, narrowest first
    crops: tuple[Variant, ...] = ()
    manifest: Path | None = None  # the cached size of the original
    source: Path | None = None  # the original, in the repository (the share card is cropped from it)
    content: str = ""  # the original's sha256: what the share card is kept by

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

    @property
    def search_crops(self) -> tuple[Variant, ...]:
        """The 16×9, 4×3 and 1×1 crops for search engines, published beside the story."""
        names = {spec.name for spec in SEARCH_CROPS}
        return tuple(crop for crop in self.crops if crop.label in names)

    def crop(self, name: str) -> Variant:
        return next(crop for crop in self.crops if crop.label == name)

    def name(self, variant: Variant, fmt: str) -> str:
        return f"{self.stem}-{variant.label}.{SUFFIXES[fmt]}"

    def files(self) -> list[tuple[str, Path]]:
        """(published name, cached file) for every published rendition."""
        return [(self.name(v, fmt), path) for v in (*self.variants, *self.crops)
                for fmt, path in (("jpeg", v.jpeg), ("webp", v.webp))
                if path is not None]

    def cached(self) -> set[Path]:
        """Every file of the cache this photo uses (what pruning keeps)."""
        files = {path for v in (*self.variants, *self.crops) for path in (v.jpeg, v.webp) if path is not None}
        return files | ({self.manifest} if self.manifest else set())


class PhotoFailed(Exception):
    """Making the renditions of `key`'s photo failed with `error` (raised where the build names the story)."""

    def __init__(self, key: str, error: BaseException) -> None:
        super().__init__(key, error)
        self.key, self.error = key, error


@dataclass(frozen=True)
class Drawing:
    """Renditions being made in the workers, by the first story naming each file."""

    pending: dict[str, Future]

    def wait(self) -> None:
        """Return once every rendition is in the cache; `PhotoFailed` names the story of one that could not be made."""
        for key, future in self.pending.items():
            try:
                future.result()
            except Exception as err:
                raise PhotoFailed(key, err) from err

    def __add__(self, other: Drawing) -> Drawing:
        return Drawing({**self.pending, **other.pending})


def start(sources: dict[str, Path], cache_dir: Path, workers: Callable[[], Executor]) -> tuple[dict[str, Photo], Drawing]:
    """Every story's photo, by key, planned now from its size alone (the cache's manifest, else the file's
    header); what the cache lacks is made in the `workers`' pool (the build's one process per core), each
    distinct file once however many stories name it, while the caller goes on."""
    planned, jobs = {}, {}
    for key, source in sources.items():
        data = Path(source).read_bytes()
        hashes = _hashes(data)
        try:
            size = _read_manifest(_manifest(cache_dir, hashes)) or photos.upright_size(data)
        except photos.PhotoError as err:
            raise PhotoFailed(key, err) from err
        planned[key] = _plan(Path(source), hashes, cache_dir, size)
        if hashes not in jobs and not all(path.exists() for path in planned[key].cached()):
            jobs[hashes] = key
    return planned, Drawing({key: workers().submit(process, sources[key], cache_dir) for key in jobs.values()})


def process_all(sources: dict[str, Path], cache_dir: Path) -> dict[str, Photo]:
    """`start` in a pool of its own, and wait: every rendition is in the cache when it returns."""
    with ProcessPoolExecutor(os.cpu_count() or 1, mp_context=multiprocessing.get_context("spawn")) as pool:
        made, drawing = start(sources, cache_dir, lambda: pool)
        drawing.wait()
    return made


def _hashes(data: bytes) -> tuple[str, str]:
    """The original's content hash (what its share card is kept by), and its renditions' names in the cache
    (the content with the recipe): the bytes are hashed once."""
    content = hashlib.sha256(data).hexdigest()
    return content, hashlib.sha256(f"{content}|{RECIPE}".encode()).hexdigest()[:20]


def _manifest(cache_dir: Path, hashes: tuple[str, str]) -> Path:
    return cache_dir / f"{hashes[1]}.json"


def process(source: Path, cache_dir: Path) -> Photo:
    """The photo's renditions, from the cache when they are there (nothing decoded), else made in one decoding."""
    data = Path(source).read_bytes()
    hashes = _hashes(data)
    size = _read_manifest(_manifest(cache_dir, hashes))
    photo = _plan(Path(source), hashes, cache_dir, size) if size else None
    if photo is None or not all(path.exists() for path in photo.cached()):
        image, size = photos.decode_sized(data, at_least=max(spec.width for spec in SPECS))
        photo = _plan(Path(source), hashes, cache_dir, size)
        _make(image, photo)
        write_whole(photo.manifest, json.dumps({"width": size[0], "height": size[1]}).encode())
    return photo


def _plan(source: Path, hashes: tuple[str, str], cache_dir: Path, size: tuple[int, int]) -> Photo:
    """Which files the photo has, from its size alone."""
    width, height = size
    content, digest = hashes

    def variant(spec: Spec, w: int, h: int, label: str) -> Variant:
        files = {fmt: cache_dir / f"{digest}-{label}.{SUFFIXES[fmt]}" for fmt in spec.formats}
        return Variant(w, h, files["jpeg"], files.get("webp"), label)

    widths = {}
    for spec in SPECS:
        w = min(spec.width, width)
        if not spec.is_crop and w not in widths:
            widths[w] = variant(spec, w, round(height * w / width), str(w))
    crops = tuple(variant(spec, *spec.crop_size(width, height), spec.name) for spec in SPECS if spec.is_crop)
    return Photo(source.stem, tuple(widths[w] for w in sorted(widths)), crops, _manifest(cache_dir, hashes), source,
                 content)


def _make(image: Image.Image, photo: Photo) -> None:
    """Every rendition from the one decoded image (possibly decoded at a reduced scale: see photos.decode)."""
    made = [(v, image if image.size == (v.width, v.height) else image.resize((v.width, v.height), Image.Resampling.LANCZOS))
            for v in photo.variants]
    made += [(c, ImageOps.fit(image, (c.width, c.height), Image.Resampling.LANCZOS, centering=CENTRE)) for c in photo.crops]
    for variant, resized in made:
        _save(variant.jpeg, resized, "JPEG", quality=JPEG_QUALITY, optimize=True, progressive=True)
        if variant.webp is not None:
            _save(variant.webp, resized, "WEBP", quality=WEBP_QUALITY, method=4)


def _read_manifest(manifest: Path) -> tuple[int, int] | None:
    try:
        size = json.loads(manifest.read_bytes())
        return int(size["width"]), int(size["height"])
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _save(path: Path, image: Image.Image, fmt: str, **options) -> None:
    out = io.BytesIO()
    image.save(out, fmt, **options)
    write_whole(path, out.getvalue())
