"""A photo must really be a JPEG, PNG or WebP image (by its content, not its name), small enough to
download on a phone and wide enough to look sharp on the exemplar's page."""

from __future__ import annotations

import io
import warnings
from pathlib import Path

from PIL import Image, ImageOps, UnidentifiedImageError

from ..content.files import read_capped
from ..content.problems import WARNING, ContentError, Problem
from ..content.source import Document

MAX_BYTES = 10 * 1024 * 1024
MIN_WIDTH = 800
EXTENSIONS = {"JPEG": (".jpg", ".jpeg"), "PNG": (".png",), "WEBP": (".webp",)}
NAMES = {"JPEG": "JPEG", "PNG": "PNG", "WEBP": "WebP"}

NOT_AN_IMAGE = ("tệp “{name}” không phải ảnh JPEG, PNG hay WebP (nội dung tệp là {found}): hãy xuất lại ảnh "
                "dạng JPEG (photo is not JPEG, PNG or WebP)")
DAMAGED = "tệp ảnh “{name}” bị hỏng, không mở được: hãy xuất lại ảnh (photo cannot be read)"
TOO_LARGE = ("ảnh “{name}” nặng {size:.1f} MB, tối đa 10 MB: hãy giảm kích thước hoặc chất lượng ảnh "
             "(photo too large)")
TOO_NARROW = ("ảnh “{name}” chỉ rộng {width} px, cần ít nhất {minimum} px: hãy dùng ảnh gốc lớn hơn "
              "(photo too small)")
WRONG_EXTENSION = ("tệp “{name}” là ảnh {kind} nhưng đuôi tên tệp không khớp: hãy đổi đuôi thành {suffix} "
                   "(extension does not match)")


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


def photo_problems(doc: Document, path: Path) -> list[Problem]:
    name = path.name
    size = path.lstat().st_size
    if size > MAX_BYTES:
        return [doc.problem("photo", TOO_LARGE.format(name=name, size=size / 1024 / 1024))]
    try:  # never through a link, never more than the cap, even if the file changed since lstat
        data = read_capped(path, doc.path, MAX_BYTES)
    except ContentError as err:
        return [doc.problem("photo", err.problems[0].message)]
    head = data[:16]
    kind = sniff(head)
    if kind is None:
        return [doc.problem("photo", NOT_AN_IMAGE.format(name=name, found=_describe(head)))]
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data), formats=[kind]) as image:
                # Decode every pixel and turn it as the build does (readers/images.py): verify() reads no
                # pixels, so a truncated file would pass here and fail the build.
                width = ImageOps.exif_transpose(image).convert("RGB").width
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, TypeError, KeyError, IndexError,
            EOFError, Image.DecompressionBombError, Image.DecompressionBombWarning):
        return [doc.problem("photo", DAMAGED.format(name=name))]
    problems = []
    if width < MIN_WIDTH:
        problems.append(doc.problem("photo", TOO_NARROW.format(name=name, width=width, minimum=MIN_WIDTH)))
    if path.suffix.lower() not in EXTENSIONS[kind]:
        problems.append(doc.problem("photo", WRONG_EXTENSION.format(name=name, kind=NAMES[kind],
                                                                     suffix=EXTENSIONS[kind][0]), WARNING))
    return problems


def _describe(head: bytes) -> str:
    if not head:
        return EMPTY
    return next((name for name, alternatives, strip in OTHER_KINDS
                 if _matches(head.lstrip() if strip else head, alternatives)), UNKNOWN)
