"""The home page's campaign figures, computed at build time from the published stories."""

from __future__ import annotations

from datetime import date

from thidua.checks.loader import load_corpus
from thidua.site.dashboard import Countdown


def test_the_countdown_counts_days_to_the_deadline_then_says_it_has_ended():
    deadline = date(2023, 12, 15)
    assert Countdown(deadline, (deadline - date(2023, 12, 1)).days).label == "còn 14 ngày"
    assert Countdown(deadline, 0).label == "hôm nay là hạn cuối"
    assert Countdown(deadline, (deadline - date(2023, 12, 16)).days).label == "đã kết thúc"


def test_the_home_page_draws_each_chart_with_its_table(site):
    site.clear_exemplars()
    site.exemplar("guong-mot", unit="ham-thuan-bac", movements=["cai-cach-hanh-chinh"])
    site.exemplar("guong-hai", unit="phan-thiet", movements=["cai-cach-hanh-chinh"], date="2024-02-01")  # embargoed
    site.build(as_of=date(2023, 12, 1))
    home = site.page("")
    assert '<dd class="td-countdown">còn 14 ngày</dd>' in home
    assert '<svg role="img" aria-labelledby="theo-phong-trao theo-phong-trao-mo-ta"' in home
    assert '<svg role="img" aria-labelledby="theo-dia-phuong theo-dia-phuong-mo-ta"' in home
    assert '<a href="phong-trao/cai-cach-hanh-chinh/">Cải cách hành chính</a></th><td>1</td>' in home
    assert '<a href="don-vi/ham-thuan-bac/">Hàm Thuận Bắc</a></th><td>1</td>' in home
    assert '<a href="don-vi/phan-thiet/">' not in home  # the embargoed story is not counted: no row of zeros
    reporting = len(load_corpus(site.root).reporting_units)
    assert reporting > 0 and f"<dd>0 / {reporting}</dd>" in home
