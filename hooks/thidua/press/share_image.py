"""The picture social networks show for a page (og:image), 1200×630, drawn at build time with Pillow.

A story with a photo gets its photo cropped to 1200×630 (JPEG); one without gets a card with its title,
drawn with DejaVu Sans from Debian's fonts-dejavu-core (it has every Vietnamese letter). A card is four
flat colours and anti-aliased text, so it is a 5-colour PNG (octree picks the flat colours and one shade
for letter edges) compressed by oxipng. Measured on four titles: 4.9–10.4 KB, against 5.4–11.9 KB with 8
median-cut colours and oxipng, 7.2–15 KB with 8 colours and Pillow's own compression (4 colours: no shade
left, jagged letters), 70–99 KB as a quality-85 JPEG and 22–32 KB as a quality-50 WebP, with crisper
letters than either. Nothing is fetched; neither file carries a timestamp, so the same story gives the
same bytes.
"""

from __future__ import annotations

import io
from functools import cache
from pathlib import Path

import oxipng
from PIL import Image, ImageDraw, ImageFont, ImageOps

from ..content.model import SAMPLE_LABEL

SIZE = (1200, 630)
FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
FONT_BOLD = FONT_DIR / "DejaVuSans-Bold.ttf"
FONT_REGULAR = FONT_DIR / "DejaVuSans.ttf"
RED, DARK_RED, WHITE, AMBER = (163, 21, 21), (127, 0, 0), (255, 255, 255), (122, 75, 0)
MARGIN = 72


class FontMissing(RuntimeError):
    pass


@cache  # loading a face reads and parses the font file: once per size is enough
def _font(path: Path, size: int) -> ImageFont.FreeTypeFont:
    if not path.is_file():
        raise FontMissing(f"thiếu phông {path}: cài gói Debian fonts-dejavu-core (scripts/install-system-deps.sh)")
    return ImageFont.truetype(str(path), size)


def _jpeg(image: Image.Image) -> bytes:
    out = io.BytesIO()
    image.convert("RGB").save(out, "JPEG", quality=85)  # optimize=True doubles the time for ~5 % fewer bytes
    return out.getvalue()


CARD_COLOURS = 5  # the card's four flat colours and one shade for smooth letter edges


def _png(image: Image.Image) -> bytes:
    out = io.BytesIO()
    image.quantize(CARD_COLOURS, method=Image.Quantize.FASTOCTREE, dither=Image.Dither.NONE).save(
        out, "PNG", compress_level=1)  # oxipng recompresses: Pillow's best effort would be wasted time
    return oxipng.optimize_from_memory(out.getvalue(), level=2)


def from_photo(photo: Path, sample: bool = False) -> bytes:
    """The photo cropped to 1200×630; a sample's photo carries the "Nội dung mẫu" badge too."""
    with Image.open(photo) as source:
        image = ImageOps.fit(ImageOps.exif_transpose(source).convert("RGB"), SIZE, Image.Resampling.LANCZOS,
                             centering=(0.5, 0.4))
    if sample:
        _badge(ImageDraw.Draw(image), MARGIN // 2, MARGIN // 2)
    return _jpeg(image)


def _badge(draw: ImageDraw.ImageDraw, x: int, y: int) -> None:
    font = _font(FONT_BOLD, 34)
    draw.rounded_rectangle([x, y, x + font.getlength(SAMPLE_LABEL) + 36, y + 56], radius=8, fill=AMBER)
    draw.text((x + 18, y + 8), SAMPLE_LABEL, font=font, fill=WHITE)


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
    image, y = _card_base(kicker, footer, sample)
    image = image.copy()
    draw = ImageDraw.Draw(image)
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
    y += (height - len(lines) * line_height) // 2  # a short title does not leave the card's lower half empty
    for line in lines:
        draw.text((MARGIN, y), line, font=title_font, fill=WHITE)
        y += line_height
    return _png(image)


@cache  # every card of a build shares its background, badge, kicker and footer: drawn once
def _card_base(kicker: str, footer: str, sample: bool) -> tuple[Image.Image, int]:
    """The card without its title, and the height at which the title starts."""
    image = Image.new("RGB", SIZE, RED)
    draw = ImageDraw.Draw(image)
    draw.rectangle([0, SIZE[1] - 110, SIZE[0], SIZE[1]], fill=DARK_RED)
    y = MARGIN
    if sample:
        _badge(draw, MARGIN, y)
        y += 80
    if kicker:
        draw.text((MARGIN, y), kicker.upper(), font=_font(FONT_REGULAR, 30), fill=WHITE)
        y += 56
    draw.text((MARGIN, SIZE[1] - 78), footer, font=_font(FONT_REGULAR, 32), fill=WHITE)
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
    return _png(image)
