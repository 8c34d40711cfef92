"""The picture social networks show for a page (og:image), 1200×630, drawn at build time with Pillow.

A story with a photo gets its photo cropped to 1200×630 (JPEG, from the original, drawn beside its
renditions rather than after them); one
without gets a card with its title, drawn with DejaVu Sans from Debian's fonts-dejavu-core (it has every
Vietnamese letter). A card is drawn straight into a palette of its three flat colours, so it is a 2-bit PNG
with nothing to quantize; the sample badge is white with red letters so that sample cards, like real ones,
need no other colour. Letters are drawn whole or not at all (a pixel is ink from half covered): networks
show the card at 500–600 px wide, and that scaling smooths their edges as anti-aliasing would, while the
card is a sixth smaller (4.9 KB instead of 5.9 for the same title; 1 KB a story). Encoders were chosen by measured cost per byte saved (`scripts/card_encoders.py`, table
in its docstring): zlib's run-length strategy costs about 1 ms a card for 5–6 KB, where oxipng at level 2
costs 60 ms more for 1 KB less, and the earlier octree-and-oxipng card took 95 ms in all. Nothing is fetched; no file carries a timestamp or metadata, so the same
story gives the same bytes.
"""

from __future__ import annotations

import io
import zlib
from functools import cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont, ImageOps

from ..checks import photos
from ..content.model import SAMPLE_LABEL

SIZE = (1200, 630)
FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
FONT_BOLD = FONT_DIR / "DejaVuSans-Bold.ttf"
FONT_REGULAR = FONT_DIR / "DejaVuSans.ttf"
RED, DARK_RED, WHITE = (163, 21, 21), (127, 0, 0), (255, 255, 255)
PALETTE = (RED, DARK_RED, WHITE)  # indices 0–2: up to four entries make a 2-bit PNG
BACKGROUND, BAND, INK = range(3)
INK_FROM = 128  # coverage (of 255) from which a pixel is a letter's: half
MARGIN = 72
PNG_OPTIONS = {"compress_level": 9, "compress_type": zlib.Z_RLE}  # see scripts/card_encoders.py
JPEG_QUALITY = 85


class FontMissing(RuntimeError):
    pass


@cache  # loading a face reads and parses the font file: once per size is enough
def _font(path: Path, size: int) -> ImageFont.FreeTypeFont:
    if not path.is_file():
        raise FontMissing(f"thiếu phông {path}: cài gói Debian fonts-dejavu-core (scripts/install-system-deps.sh)")
    return ImageFont.truetype(str(path), size)


def png(card_image: Image.Image) -> bytes:
    """A palette card as PNG: IHDR, PLTE, IDAT, IEND and nothing else."""
    out = io.BytesIO()
    card_image.save(out, "PNG", **PNG_OPTIONS)
    return out.getvalue()


def from_photo(photo: Path, sample: bool = False) -> bytes:
    """The photo cropped to 1200×630, centred as readers/images.py centres its crops; a sample's photo carries
    the "Nội dung mẫu" badge too. Decoded through the gate (checks/photos.py), so whatever the file holds
    besides pixels is left behind; a large JPEG at a reduced scale that still covers the card."""
    image = photos.decode(Path(photo).read_bytes(), at_least=SIZE[0])
    if image.size != SIZE:
        image = ImageOps.fit(image, SIZE, Image.Resampling.LANCZOS, centering=(0.5, 0.4))
    if sample:
        badge = _badge_image()
        shape = Image.new("L", badge.size)  # the label's rounded corners, not the card's red around them
        ImageDraw.Draw(shape).rounded_rectangle([0, 0, badge.width - 1, badge.height - 1], radius=8, fill=255)
        image.paste(badge.convert("RGB"), (MARGIN // 2, MARGIN // 2), shape)
    return _jpeg(image)


def _jpeg(image: Image.Image) -> bytes:
    out = io.BytesIO()
    image.save(out, "JPEG", quality=JPEG_QUALITY)  # optimize=True doubles the time for ~5 % fewer bytes
    return out.getvalue()


def wrap(text: str, font: ImageFont.FreeTypeFont, width: int) -> list[str]:
    lines, line = [], ""
    for word in text.split():
        candidate = f"{line} {word}".strip()
        if line and font.getlength(candidate) > width:
            lines.append(line)
            line = word
        else:
            line = candidate
    return [*lines, line] if line else lines


def card(title: str, kicker: str, footer: str, sample: bool) -> bytes:
    """A plain card: the kicker if any, the title wrapped on at most five lines and centred in the room left,
    the site's name at the foot."""
    base, y = _card_base(kicker, footer, sample)
    image = base.copy()
    height = SIZE[1] - 110 - y - 24  # above the footer band, with a gap
    size = 58
    while True:
        title_font = _font(FONT_BOLD, size)
        lines = wrap(title, title_font, SIZE[0] - 2 * MARGIN)
        line_height = int(size * 1.25)
        if (len(lines) * line_height <= height) or size <= 34:
            break
        size -= 4
    room = height // line_height
    if len(lines) > room:
        lines = lines[:room]
        lines[-1] = lines[-1].rstrip(".,;:") + " …"
    top = (height - len(lines) * line_height) // 2  # a short title does not leave the card's lower half empty
    _text(image, (0, y), [(MARGIN, top + n * line_height, line) for n, line in enumerate(lines)], title_font,
          (SIZE[0], height))
    return png(image)


def _text(image: Image.Image, origin: tuple[int, int], lines: list[tuple[int, int, str]],
          font: ImageFont.FreeTypeFont, size: tuple[int, int]) -> None:
    """Draw lines of text in INK on a palette image: a pixel at least half covered is ink, any other the ground."""
    coverage = Image.new("L", size)
    draw = ImageDraw.Draw(coverage)
    for x, y, text in lines:
        draw.text((x, y), text, font=font, fill=255)
    image.paste(INK, (*origin, origin[0] + size[0], origin[1] + size[1]), coverage.point(_at_least(INK_FROM), "1"))


@cache
def _at_least(threshold: int) -> tuple[int, ...]:
    return tuple(255 if value >= threshold else 0 for value in range(256))


def _palette_image(size: tuple[int, int], ground: int) -> Image.Image:
    image = Image.new("P", size, ground)
    image.putpalette([channel for colour in PALETTE for channel in colour])
    return image


@cache
def _badge_image() -> Image.Image:
    """“Nội dung mẫu”: red letters on a white label."""
    font = _font(FONT_BOLD, 34)
    size = (int(font.getlength(SAMPLE_LABEL)) + 36, 56)
    badge = _palette_image(size, BACKGROUND)
    ImageDraw.Draw(badge).rounded_rectangle([0, 0, size[0] - 1, size[1] - 1], radius=8, fill=INK)
    coverage = Image.new("L", size)
    ImageDraw.Draw(coverage).text((18, 8), SAMPLE_LABEL, font=font, fill=255)
    badge.paste(BACKGROUND, (0, 0, *size), coverage.point(_at_least(INK_FROM), "1"))
    return badge


@cache  # every card of a build shares its background, badge, kicker and footer: drawn once
def _card_base(kicker: str, footer: str, sample: bool) -> tuple[Image.Image, int]:
    """The card without its title, and the height at which the title starts."""
    image = _palette_image(SIZE, BACKGROUND)
    ImageDraw.Draw(image).rectangle([0, SIZE[1] - 110, SIZE[0], SIZE[1]], fill=BAND)
    y = MARGIN
    if sample:
        image.paste(_badge_image(), (MARGIN, y))
        y += 80
    if kicker:
        font = _font(FONT_REGULAR, 30)
        _text(image, (0, y), [(MARGIN, 0, kicker.upper())], font, (SIZE[0], 48))
        y += 56
    _text(image, (0, SIZE[1] - 78), [(MARGIN, 0, footer)], _font(FONT_REGULAR, 32), (SIZE[0], 48))
    return image, y


LOGO_SIZE = 512  # square, as search engines ask for a publisher's logo


def logo(short_name: str) -> bytes:
    """The site's square mark, in the cards' colours and font: the short name centred on the red ground
    over the dark band, so a publisher's logo is the site's own, not its 1200×630 share card."""
    image = Image.new("RGB", (LOGO_SIZE, LOGO_SIZE), RED)
    draw = ImageDraw.Draw(image)
    draw.rectangle([0, LOGO_SIZE - 96, LOGO_SIZE, LOGO_SIZE], fill=DARK_RED)
    size = 120
    while size > 40:
        font = _font(FONT_BOLD, size)
        lines = wrap(short_name, font, LOGO_SIZE - 80)
        if len(lines) <= 3 and all(font.getlength(line) <= LOGO_SIZE - 80 for line in lines):
            break
        size -= 8
    line_height = int(size * 1.2)
    y = (LOGO_SIZE - 96 - len(lines) * line_height) // 2
    for line in lines:
        draw.text(((LOGO_SIZE - font.getlength(line)) / 2, y), line, font=font, fill=WHITE)
        y += line_height
    return png(image.quantize(colors=16))  # antialiased letters on two grounds: a few shades are enough
