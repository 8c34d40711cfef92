"""A photo must really be a JPEG, PNG or WebP image (by its content, not its name), small enough to
download on a phone and to decode, and wide enough to look sharp on the exemplar's page.

This is also the one door through which a photo's pixels reach the site: `decode` gives pixels only —
upright, RGB in sRGB (an embedded ICC profile converted, then dropped), over white where transparent —
and no EXIF, GPS, XMP, comment or profile, so no rendition, crop or share card can carry them. The
pixel budget is read from the file's header, before any pixel is decoded. A file is judged once per
content (`judge` keeps its verdict by content hash): twenty stories naming one photo cost one decoding.
"""

from __future__ import annotations

import hashlib
import io
import struct
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from PIL import Image, ImageCms, ImageOps, UnidentifiedImageError

from ..content.files import read_capped
from ..content.problems import WARNING, ContentError, Problem
from ..content.source import Document

MAX_BYTES = 10 * 1024 * 1024
MAX_PIXELS = 40_000_000  # 8000 × 5000; a phone's 12–50 Mpx photo fits once exported, an 88 Mpx "bomb" does not
MIN_WIDTH = 800
EXTENSIONS = {"JPEG": (".jpg", ".jpeg"), "PNG": (".png",), "WEBP": (".webp",)}
NAMES = {"JPEG": "JPEG", "PNG": "PNG", "WEBP": "WebP"}

NOT_AN_IMAGE = ("tệp “{name}” không phải ảnh JPEG, PNG hay WebP (nội dung tệp là {found}): hãy xuất lại ảnh "
                "dạng JPEG (photo is not JPEG, PNG or WebP)")
DAMAGED = "tệp ảnh “{name}” bị hỏng, không mở được: hãy xuất lại ảnh (photo cannot be read)"
TOO_LARGE = ("ảnh “{name}” nặng {size:.1f} MB, tối đa 10 MB: hãy giảm kích thước hoặc chất lượng ảnh "
             "(photo too large)")
TOO_MANY_PIXELS = ("ảnh “{name}” có {width} × {height} điểm ảnh (hơn {millions} triệu), tối đa 40 triệu: hãy "
                   "thu nhỏ ảnh, chẳng hạn còn 4000 × 3000 điểm ảnh, rồi lưu lại (photo has too many pixels)")
TOO_NARROW = ("ảnh “{name}” chỉ rộng {width} px, cần ít nhất {minimum} px: hãy dùng ảnh gốc lớn hơn "
              "(photo too small)")
WRONG_EXTENSION = ("tệp “{name}” là ảnh {kind} nhưng đuôi tên tệp không khớp: hãy đổi đuôi thành {suffix} "
                   "(extension does not match)")

SRGB = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB"))
UNREADABLE = (UnidentifiedImageError, OSError, SyntaxError, ValueError, TypeError, KeyError, IndexError, EOFError,
              Image.DecompressionBombError, Image.DecompressionBombWarning)


class PhotoError(Exception):
    """Not a photo the site can publish; `message` is one of the templates above, `values` fill it but the name."""

    def __init__(self, message: str, **values) -> None:
        super().__init__(message)
        self.message, self.values = message, values

    def text(self, name: str) -> str:
        return self.message.format(name=name, **self.values)


@dataclass(frozen=True)
class Verdict:
    """What judging a photo's bytes found: its format and upright size, or why it cannot be published."""

    kind: str | None
    width: int = 0
    height: int = 0
    error: PhotoError | None = field(default=None, compare=False)


# What a file's first bytes say it is: a format, one of its alternatives, each a list of (offset, bytes).
# Data, so that the web form reads the same signatures (editors/rules.py).
SIGNATURES = {"JPEG": [[(0, b"\xff\xd8\xff")]], "PNG": [[(0, b"\x89PNG\r\n\x1a\n")]],
              "WEBP": [[(0, b"RIFF"), (8, b"WEBP")]]}
# What a refused file is, to say so; "strip": after leading white space (text formats).
OTHER_KINDS = [("GIF", [[(0, b"GIF8")]], False),
               ("SVG/HTML", [[(0, b"<svg")], [(0, b"<?xml")], [(0, b"<!DOCTYPE")], [(0, b"<html")]], True),
               ("PDF", [[(0, b"%PDF")]], False),
               ("HEIC", [[(4, b"ftypheic")], [(4, b"ftypheix")], [(4, b"ftypmif1")]], False)]
EMPTY, UNKNOWN = "rỗng", "không rõ"


def _matches(head: bytes, alternatives) -> bool:
    return any(all(head[at:at + len(part)] == part for at, part in parts) for parts in alternatives)


def sniff(head: bytes) -> str | None:
    """The image format from the first bytes of a file: JPEG, PNG, WEBP or None."""
    return next((kind for kind, alternatives in SIGNATURES.items() if _matches(head, alternatives)), None)


def decode(data: bytes, at_least: int | None = None) -> Image.Image:
    """The photo's pixels and nothing else (see the module's docstring); `PhotoError` if it is no photo within
    budget. With `at_least`, a JPEG is decoded at the smallest scale (1/2, 1/4, 1/8) that keeps both sides at
    least that long — libjpeg still reads every block, so a damaged file fails all the same."""
    return decode_sized(data, at_least)[0]


SIDEWAYS = {5, 6, 7, 8}  # EXIF orientations that turn the photo a quarter


def decode_sized(data: bytes, at_least: int | None = None) -> tuple[Image.Image, tuple[int, int]]:
    """`decode`, and the photo's upright size at full scale (from its header)."""
    with _opened(data) as (image, kind, size):
        if at_least is not None and kind == "JPEG":
            image.draft("RGB", (at_least, at_least))
        profile = image.info.get("icc_profile")
        return _bare(_in_srgb(ImageOps.exif_transpose(image), profile)), size


def upright_size(data: bytes) -> tuple[int, int]:
    """The photo's upright size at full scale, from its header alone: no pixel is decoded (the build plans a
    photo's renditions with it while they are drawn elsewhere)."""
    with _opened(data) as (_, _, size):
        return size


@contextmanager
def _opened(data: bytes) -> Iterator[tuple[Image.Image, str, tuple[int, int]]]:
    """The image opened, its format and upright size read from the header and the pixel budget enforced; a
    failure while the caller decodes is `PhotoError` too."""
    kind = sniff(data[:16])
    if kind is None:
        raise PhotoError(NOT_AN_IMAGE, found=_describe(data[:16]))
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data), formats=[kind]) as image:
                width, height = image.size  # from the header: nothing decoded yet
                if width * height > MAX_PIXELS:
                    raise PhotoError(TOO_MANY_PIXELS, width=width, height=height, millions=width * height // 1_000_000)
                if image.getexif().get(0x0112) in SIDEWAYS:
                    width, height = height, width
                yield image, kind, (width, height)
    except PhotoError:
        raise
    except UNREADABLE:
        raise PhotoError(DAMAGED) from None


def _in_srgb(image: Image.Image, profile: bytes | None) -> Image.Image:
    """RGB in sRGB: transparency over white, an embedded profile converted (an unreadable one ignored)."""
    if image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info):
        rgba = image.convert("RGBA")
        image = Image.new("RGB", rgba.size, (255, 255, 255))
        image.paste(rgba, mask=rgba.getchannel("A"))
    if profile:
        try:
            source = ImageCms.ImageCmsProfile(io.BytesIO(profile))
            return ImageCms.profileToProfile(image, source, SRGB, outputMode="RGB")
        except (ImageCms.PyCMSError, OSError, ValueError, TypeError):
            pass
    return image.convert("RGB")


def _bare(image: Image.Image) -> Image.Image:
    """A new image holding only the pixels: Pillow copies `info` (comment, XMP, profile) from image to image
    and its encoders write what they find there."""
    bare = Image.new("RGB", image.size)
    bare.paste(image)
    return bare


_VERDICTS: dict[str, Verdict] = {}  # by content hash, for this process: check and build share it


def judge(data: bytes) -> Verdict:
    """Decode once per content: the same bytes named by twenty stories (or checked, then built) are judged once.
    A JPEG is decoded at 1/8 scale: every block is read, an eighth of the pixels kept."""
    digest = hashlib.sha256(data).hexdigest()
    if digest not in _VERDICTS:
        kind = sniff(data[:16])
        try:
            _, (width, height) = decode_sized(data, at_least=1)
            _VERDICTS[digest] = Verdict(kind, width, height)
        except PhotoError as err:
            _VERDICTS[digest] = Verdict(kind, error=err)
    return _VERDICTS[digest]


def photo_problems(doc: Document, path: Path) -> list[Problem]:
    name = path.name
    size = path.lstat().st_size
    if size > MAX_BYTES:
        return [doc.problem("photo", TOO_LARGE.format(name=name, size=size / 1024 / 1024))]
    try:  # never through a link, never more than the cap, even if the file changed since lstat
        data = read_capped(path, doc.path, MAX_BYTES)
    except ContentError as err:
        return [doc.problem("photo", err.problems[0].message)]
    verdict = judge(data)
    if verdict.error is not None:
        return [doc.problem("photo", verdict.error.text(name))]
    problems = []
    if verdict.width < MIN_WIDTH:
        problems.append(doc.problem("photo", TOO_NARROW.format(name=name, width=verdict.width, minimum=MIN_WIDTH)))
    if path.suffix.lower() not in EXTENSIONS[verdict.kind]:
        problems.append(doc.problem("photo", WRONG_EXTENSION.format(name=name, kind=NAMES[verdict.kind],
                                                                     suffix=EXTENSIONS[verdict.kind][0]), WARNING))
    return problems


def _describe(head: bytes) -> str:
    if not head:
        return EMPTY
    return next((name for name, alternatives, strip in OTHER_KINDS
                 if _matches(head.lstrip() if strip else head, alternatives)), UNKNOWN)


JPEG_KEPT = {0xC0, 0xC1, 0xC2, 0xC3, 0xC4, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCC, 0xCD, 0xCE, 0xCF, 0xDB, 0xDD,
             0xDA, 0xE0, 0xEE}  # frames, tables, restart interval, scans, JFIF and Adobe's colour transform
PNG_KEPT = {b"IHDR", b"PLTE", b"tRNS", b"IDAT", b"IEND"}
WEBP_KEPT = {b"VP8 ", b"VP8L", b"VP8X", b"ALPH", b"ANIM", b"ANMF"}


def without_metadata(data: bytes) -> bytes:
    """An image published as it is (a picture of docs/ or overrides/) with the same pixels, losslessly, and
    none of its metadata: no EXIF, XMP, comment, profile or text, nothing after its end (a polyglot's tail).
    Where the structure cannot be followed (a damaged or truncated file), what follows is left out too: no
    byte is published that was not understood. A file that is no JPEG, PNG or WebP is returned unchanged."""
    strip = {"JPEG": _jpeg_without, "PNG": _png_without, "WEBP": _webp_without}.get(sniff(data[:16]))
    return strip(data) if strip else data


def _jpeg_without(data: bytes) -> bytes:
    kept, pos = [data[:2]], 2
    try:
        while data[pos] == 0xFF and data[pos + 1] != 0xD9:
            if data[pos + 1] == 0xFF:  # a fill byte before a marker
                pos += 1
                continue
            marker = data[pos + 1]
            if marker == 0x01 or 0xD0 <= marker <= 0xD7:  # markers without a length
                pos += 2
                continue
            end = pos + 2 + struct.unpack(">H", data[pos + 2:pos + 4])[0]
            if marker == 0xDA:  # a scan: its entropy-coded data runs to the next marker but stuffing and restarts
                while not (data[end] == 0xFF and data[end + 1] not in (0x00, *range(0xD0, 0xD8))):
                    end += 1
            if marker in JPEG_KEPT:
                kept.append(data[pos:end])
            pos = end
    except (IndexError, struct.error):  # truncated: what was read, then the end
        pass
    return b"".join(kept) + b"\xff\xd9"


def _png_without(data: bytes) -> bytes:
    kept, pos = [data[:8]], 8
    try:
        while pos + 12 <= len(data):
            length, kind = struct.unpack(">I4s", data[pos:pos + 8])
            if kind == b"IEND":
                break
            if kind in PNG_KEPT and pos + 12 + length <= len(data):
                kept.append(data[pos:pos + 12 + length])
            pos += 12 + length
    except struct.error:
        pass
    return b"".join(kept) + b"\x00\x00\x00\x00IEND\xaeB`\x82"


def _webp_without(data: bytes) -> bytes:
    kept, pos = [], 12
    try:
        while pos + 8 <= min(len(data), 8 + struct.unpack("<I", data[4:8])[0]):
            kind, length = struct.unpack("<4sI", data[pos:pos + 8])
            chunk = data[pos:pos + 8 + length + (length & 1)]
            if kind == b"VP8X":  # its flags announce ICC (0x20), EXIF (0x08) and XMP (0x04): they are gone
                chunk = chunk[:8] + bytes([chunk[8] & ~0x2C & 0xFF]) + chunk[9:]
            if kind in WEBP_KEPT:
                kept.append(chunk)
            pos += 8 + length + (length & 1)
    except (IndexError, struct.error):
        pass
    body = b"WEBP" + b"".join(kept)
    return b"RIFF" + struct.pack("<I", len(body)) + body
