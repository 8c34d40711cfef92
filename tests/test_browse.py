"""Browsing without JavaScript: by kind, by award and by month, as static paginated pages."""

from __future__ import annotations

import pytest
from thidua.engine.building import BuildFailed
from thidua.site.browse import RESERVED_IDS, month_label


def test_month_labels_are_vietnamese():
    assert month_label("2023-09") == "Tháng 9/2023"


def test_kind_award_and_month_pages_list_the_right_stories(site):
    site.clear_exemplars()
    site.exemplar("ca-nhan-mot", title="Người mẫu một", kind="individual", consent="true", date="2023-09-03",
                  award="Giấy khen mẫu")
    site.exemplar("tap-the-mot", title="Tập thể mẫu một", date="2023-10-04")
    site.build()
    individual = site.page("guong-dien-hinh/ca-nhan/")
    assert "Người mẫu một" in individual and "Tập thể mẫu một" not in individual
    collective = site.page("guong-dien-hinh/tap-the/")
    assert "Tập thể mẫu một" in collective and "Người mẫu một" not in collective
    awarded = site.page("guong-dien-hinh/khen-thuong/")
    assert "Khen thưởng: Giấy khen mẫu" in awarded and "Tập thể mẫu một" not in awarded
    months = site.page("guong-dien-hinh/thang/")
    assert months.index("Tháng 10/2023") < months.index("Tháng 9/2023")  # newest month first
    assert "Người mẫu một" in site.page("guong-dien-hinh/thang/2023-09/")
    assert "Người mẫu một" not in site.page("guong-dien-hinh/thang/2023-10/")


def test_browse_listings_are_paginated(site):
    site.clear_exemplars()
    for n in range(23):
        site.exemplar(f"tap-the-{n:02d}", title=f"Tập thể mẫu {n}")
    site.build()
    assert "Trang 1 / 2" in site.page("guong-dien-hinh/tap-the/")
    assert "Trang 2 / 2" in site.page("guong-dien-hinh/tap-the/trang/2/")


def test_a_story_whose_id_is_a_browse_url_is_refused(site, caplog):
    site.exemplar("thang")
    with pytest.raises(BuildFailed):
        site.build()
    assert "exemplars/thang.md:1: id: mã “thang” trùng với một trang duyệt /guong-dien-hinh/thang/" in caplog.text
    assert {"ca-nhan", "tap-the", "khen-thuong", "thang", "trang"} <= RESERVED_IDS
