"""Hostile photos made in the test (nothing stored), and what a published image's bytes carry besides pixels.

`metadata(data)` reads the file's own structure — JPEG markers, PNG chunks, WebP chunks — not what Pillow
chooses to show, so a segment Pillow would ignore is still found.
"""

from __future__ import annotations

import io
import struct
import zlib

from PIL import Image, PngImagePlugin

SCRIPT = b"<script>alert(document.domain)</script>"
XMP = (b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
       b'<rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/" dc:creator="Nguyen Van A, 0912345678"/>'
       b"</rdf:RDF></x:xmpmeta>")
# Payloads of at least four bytes: a shorter one (b"GPS") turns up in compressed pixels by chance.
SECRETS = (b"<script", b"0912345678", b"xmpmeta", b"Exif", b"ICC_PROFILE", b"acsp")

JPEG_ALLOWED = {0xC0, 0xC1, 0xC2, 0xC4, 0xDB, 0xDD, 0xDA, 0xE0}  # frames, tables, scan, JFIF
PNG_ALLOWED = {b"IHDR", b"PLTE", b"tRNS", b"IDAT", b"IEND"}
WEBP_ALLOWED = {b"VP8 ", b"VP8L", b"VP8X", b"ALPH"}


def metadata(data: bytes) -> list[str]:
    """Every segment or chunk of a JPEG, PNG or WebP file that is not pixels or what decoding them needs."""
    if data.startswith(b"\xff\xd8"):
        return _jpeg(data)
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return _png(data)
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return _webp(data)
    raise AssertionError(f"not a JPEG, PNG or WebP file: {data[:16]!r}")


def _jpeg(data: bytes) -> list[str]:
    found, pos = [], 2
    while pos < len(data):
        assert data[pos] == 0xFF, f"no marker at {pos}"
        marker = data[pos + 1]
        if marker == 0xD9:
            break
        length = struct.unpack(">H", data[pos + 2:pos + 4])[0]
        if marker not in JPEG_ALLOWED:
            found.append(f"JPEG marker FF{marker:02X} {data[pos + 4:pos + 4 + min(length - 2, 30)]!r}")
        pos += 2 + length
        if marker == 0xDA:  # entropy-coded data up to the next marker that is not a stuffed byte or a restart
            while not (data[pos] == 0xFF and data[pos + 1] not in (0x00, *range(0xD0, 0xD8))):
                pos += 1
    return found


def _png(data: bytes) -> list[str]:
    found, pos = [], 8
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        if kind not in PNG_ALLOWED:
            found.append(f"PNG chunk {kind.decode('latin-1')}")
        pos += 12 + length
    return found


def _webp(data: bytes) -> list[str]:
    found, pos = [], 12
    while pos < len(data):
        kind, length = struct.unpack("<4sI", data[pos:pos + 8])
        if kind not in WEBP_ALLOWED:
            found.append(f"WebP chunk {kind.decode('latin-1')}")
        if kind == b"VP8X" and data[pos + 8] & 0b101100:  # flags: ICC, EXIF, XMP
            found.append("WebP VP8X announces ICC, EXIF or XMP")
        pos += 8 + length + (length & 1)
    return found


def secrets(data: bytes) -> list[bytes]:
    """The hostile files' payloads that appear anywhere in the bytes."""
    return [secret for secret in SECRETS if secret in data]


def huge_png(width: int = 9400, height: int = 9400) -> bytes:
    """A tiny file (11 KB at 9400 × 9400) that decodes to width × height pixels: 1-bit grey, every row zeros."""
    row = b"\x00" * (1 + (width + 7) // 8)
    return (b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0))
            + _chunk(b"IDAT", zlib.compress(row * height, 9)) + _chunk(b"IEND", b""))


def _chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def swapping_profile() -> bytes:
    """An RGB ICC profile (v2, matrix and gamma 2.2) whose red primary is sRGB's green and green is sRGB's red:
    a pixel stored as pure red means green. A viewer that honours the profile shows green; so must the site."""
    red, green, blue = (0.3851, 0.7169, 0.0971), (0.4361, 0.2225, 0.0139), (0.1431, 0.0606, 0.7141)  # D50
    tags = [(b"wtpt", _xyz((0.9642, 1.0, 0.8249))), (b"rXYZ", _xyz(red)), (b"gXYZ", _xyz(green)),
            (b"bXYZ", _xyz(blue)), (b"rTRC", _curve(2.2)), (b"gTRC", _curve(2.2)), (b"bTRC", _curve(2.2)),
            (b"desc", _desc("swap red and green")), (b"cprt", b"text\0\0\0\0test\0\0\0\0")]
    table_size = 4 + 12 * len(tags)
    offset, table, body = 128 + table_size, b"", b""
    for signature, data in tags:
        data += b"\0" * (-len(data) % 4)
        table += struct.pack(">4sII", signature, offset + len(body), len(data))
        body += data
    size = 128 + table_size + len(body)
    header = struct.pack(">I4sI4s4s4s12s4s4sIIIQI", size, b"lcms", 0x02100000, b"mntr", b"RGB ", b"XYZ ", b"\0" * 12,
                         b"acsp", b"APPL", 0, 0, 0, 0, 0) + _s15((0.9642, 1.0, 0.8249)) + b"\0" * 48
    return header + struct.pack(">I", len(tags)) + table + body


def _s15(values) -> bytes:
    return b"".join(struct.pack(">i", round(v * 65536)) for v in values)


def _xyz(values) -> bytes:
    return b"XYZ \0\0\0\0" + _s15(values)


def _curve(gamma: float) -> bytes:
    return b"curv\0\0\0\0" + struct.pack(">IH", 1, round(gamma * 256))


def _desc(text: str) -> bytes:
    ascii_text = text.encode("ascii") + b"\0"
    return b"desc\0\0\0\0" + struct.pack(">I", len(ascii_text)) + ascii_text + b"\0" * 8 + b"\0\0\0" + b"\0" * 67


def hostile_jpeg(size=(1600, 1000), colour=(200, 60, 40)) -> bytes:
    """A JPEG carrying a comment (COM) with a script — a JPEG/HTML polyglot —, EXIF with GPS, XMP with a phone
    number and an ICC profile."""
    exif = Image.Exif()
    exif[0x010F] = "Máy ảnh"
    exif.get_ifd(0x8825).update({1: "N", 2: (10.0, 55.0, 0.0)})
    out = io.BytesIO()
    Image.new("RGB", size, colour).save(out, "JPEG", comment=SCRIPT, exif=exif.tobytes(), xmp=XMP,
                                        icc_profile=swapping_profile())
    return out.getvalue()


def hostile_png(size=(1600, 1000), colour=(255, 0, 0)) -> bytes:
    """A PNG with the swapping ICC profile (iCCP), XMP (iTXt), a text chunk holding a script and EXIF."""
    info = PngImagePlugin.PngInfo()
    info.add_itxt("XML:com.adobe.xmp", XMP.decode())
    info.add_text("Comment", SCRIPT.decode())
    exif = Image.Exif()
    exif.get_ifd(0x8825).update({1: "N"})
    out = io.BytesIO()
    Image.new("RGB", size, colour).save(out, "PNG", pnginfo=info, icc_profile=swapping_profile(), exif=exif.tobytes())
    return out.getvalue()


def hostile_webp(size=(1600, 1000)) -> bytes:
    exif = Image.Exif()
    exif.get_ifd(0x8825).update({1: "N"})
    out = io.BytesIO()
    Image.new("RGB", size, (30, 90, 160)).save(out, "WEBP", exif=exif.tobytes(), xmp=XMP, icc_profile=swapping_profile())
    return out.getvalue()
