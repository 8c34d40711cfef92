"""The site's sections: the header lists them all and marks the one a page belongs to."""

from __future__ import annotations

from thidua.site.sections import SECTIONS, section_of


def test_the_sections_are_the_ones_readers_look_for_in_order_and_the_editors_guide_is_not_one():
    assert [s.label for s in SECTIONS] == ["Kế hoạch", "Phong trào", "Đơn vị", "Gương điển hình", "Báo chí",
                                           "Giới thiệu"]


def test_a_page_belongs_to_the_section_its_url_starts_with():
    assert section_of("phong-trao/cai-cach-hanh-chinh/trang/2/") == "phong-trao/"
    assert section_of("guong-dien-hinh/thang/2023-09/") == "guong-dien-hinh/"
    assert section_of("bien-tap/truong-du-lieu/") is None  # the footer leads there, not the section bar
    assert section_of("") is None and section_of("tim-kiem/") is None
