"""The press modules on their own, without a build: escaping, limits, images, settings, links."""

from __future__ import annotations

import io
import json
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest
from image_bytes import hostile_jpeg, metadata, secrets
from PIL import Image, ImageChops
from support import REPO
from thidua.checks.loader import load_corpus
from thidua.checks.rendering import story_renderer
from thidua.press import feeds, share_image
from thidua.press.catalog import _cell
from thidua.press.structured_data import script_json
from thidua.site.settings import DEFAULT_LICENCE, SettingsError, settings_from
from thidua.site.stories import html_to_text, render_stories

SITE_URL = "https://thidua.binhthuan.example/"


def test_json_ld_cannot_end_its_script_element_and_still_means_the_same():
    data = {"headline": "</script><script>alert(1)</script> <!-- & \u2028"}
    text = script_json(data)
    assert "<" not in text and ">" not in text and "&" not in text and "\u2028" not in text
    assert json.loads(text) == data


def test_the_site_feed_holds_the_fifty_newest_stories_a_movement_s_ten():
    corpus = load_corpus(REPO)
    template = corpus.exemplars_newest_first[0]
    many = {f"bai-{n}": replace(template, id=f"bai-{n}", date=date(2023, 8, 1) + timedelta(days=n), updated=None,
                                corrections=(), aliases=()) for n in range(60)}
    corpus = replace(corpus, exemplars=many)
    stories = render_stories(corpus, {}, SITE_URL, story_renderer(["toc"], {"toc": {"permalink": True}}))
    site_feed = feeds.site_feeds(corpus, stories, "Trang")[0]
    assert len(site_feed.stories) == feeds.MAX_ENTRIES == 50
    movement_feed = next(f for f in feeds.site_feeds(corpus, stories, "Trang") if f.group == "movement" and f.stories)
    assert len(movement_feed.stories) == feeds.TOPIC_ENTRIES == 10
    assert [s.exemplar.id for s in site_feed.stories] == [f"bai-{n}" for n in range(59, 9, -1)]
    assert feeds.feed_updated(site_feed.entries, None).date() == date(2023, 8, 1) + timedelta(days=59)
    assert "¶" not in stories["bai-1"].html  # heading permalinks mean nothing off-site


def test_plain_text_keeps_paragraphs_and_list_items():
    text = html_to_text("<p>Một &amp; hai</p><ul><li>a</li><li>b</li></ul><h4>Tiêu đề</h4><p>Ba<br>bốn</p>")
    assert text == "Một & hai\n\n- a\n- b\n\nTiêu đề\n\nBa\nbốn"


def test_spreadsheet_formulas_from_content_stay_text():
    assert _cell("=HYPERLINK(\"http://x\")") == "'=HYPERLINK(\"http://x\")"
    assert _cell("+1") == "'+1" and _cell("Bình thường") == "Bình thường"


def test_the_licence_defaults_to_cc_by_and_a_broken_one_is_refused(tmp_path):
    assert settings_from({}, tmp_path, SITE_URL).licence == DEFAULT_LICENCE
    assert DEFAULT_LICENCE.name == "CC BY 4.0"
    custom = settings_from({"licence": {"name": "CC BY-SA 4.0", "url": "https://creativecommons.org/licenses/by-sa/4.0/"},
                            "attribution": "Báo Bình Thuận"}, tmp_path, SITE_URL)
    assert custom.licence.name == "CC BY-SA 4.0" and custom.attribution == "Báo Bình Thuận"
    with pytest.raises(SettingsError):
        settings_from({"licence": {"name": "CC BY"}}, tmp_path, SITE_URL)


def _image(data: bytes) -> Image.Image:
    return Image.open(io.BytesIO(data)).convert("RGB")


def test_a_card_is_1200_by_630_reproducible_and_marks_samples():
    title = "Tổ tự quản giữ đường làng xanh, sạch, sáng — một tiêu đề rất dài để phải xuống dòng nhiều lần"
    first = share_image.card(title, "Gương điển hình", "Thi đua nước rút Bình Thuận 2023", sample=True)
    assert first == share_image.card(title, "Gương điển hình", "Thi đua nước rút Bình Thuận 2023", sample=True)
    plain = share_image.card(title, "Gương điển hình", "Thi đua nước rút Bình Thuận 2023", sample=False)
    assert _image(first).size == (1200, 630)
    assert ImageChops.difference(_image(first), _image(plain)).getbbox() is not None


def test_a_card_is_a_2_bit_png_of_three_colours_with_nothing_but_pixels():
    """Samples too: the badge is drawn in the card's own colours, so no other colour makes it a 4-bit PNG; letters
    are whole pixels of ink (the scaling a network applies smooths them)."""
    for sample in (False, True):
        data = share_image.card("Tổ tự quản giữ đường làng xanh", "", "Thi đua nước rút Bình Thuận 2023", sample)
        assert data[24:26] == bytes([2, 3])  # IHDR: bit depth 2, indexed colour
        assert metadata(data) == []
        with Image.open(io.BytesIO(data)) as image:
            assert len(image.getpalette()) == 3 * 3
            assert {colour for _, colour in image.convert("RGB").getcolors()} == set(share_image.PALETTE)


def test_a_share_image_from_a_hostile_photo_carries_no_comment_exif_xmp_or_profile(tmp_path):
    photo = tmp_path / "doc.jpg"
    photo.write_bytes(hostile_jpeg())
    for sample in (False, True):
        data = share_image.from_photo(photo, sample)
        assert (metadata(data), secrets(data)) == ([], [])


def test_a_title_wraps_inside_the_card_without_losing_words():
    font = share_image._font(share_image.FONT_BOLD, 58)
    title = "Chi hội phụ nữ góp sức xây mái ấm cho hộ nghèo ở xã đảo Phú Quý trước mùa mưa bão"
    lines = share_image.wrap(title, font, 1200 - 2 * share_image.MARGIN)
    assert len(lines) > 1 and " ".join(lines) == title
    assert all(font.getlength(line) <= 1200 - 2 * share_image.MARGIN for line in lines)


def test_a_photo_is_cropped_to_1200_by_630(tmp_path):
    photo = tmp_path / "doc.png"
    Image.new("RGB", (800, 1400), (10, 120, 40)).save(photo)
    plain = share_image.from_photo(photo)
    assert _image(plain).size == (1200, 630)
    assert ImageChops.difference(_image(plain), _image(share_image.from_photo(photo, sample=True))).getbbox()


def test_the_font_for_cards_is_installed_by_the_system_deps_script():
    script = (REPO / "scripts/install-system-deps.sh").read_text("utf-8")
    assert "fonts-dejavu-core" in script and Path(share_image.FONT_BOLD).is_file()
