"""The province's next campaign is content, not code: a second plan builds beside the first."""

from __future__ import annotations

from datetime import date

from htmltext import text_of
from thidua.checks.loader import load

NEXT_PLAN = """\
---
title: Kế hoạch thi đua mẫu 06 tháng đầu năm 2024
issuer: Ủy ban nhân dân tỉnh Bình Thuận
signer:
  name: Người ký mẫu
  title: Chủ tịch
period:
  start: 2024-01-01
  end: 2024-06-30
report:
  deadline: 2024-06-15
---
Kế hoạch mẫu dùng để thử một chiến dịch thứ hai.
"""

NEXT_MOVEMENT = """\
---
title: Phong trào mẫu của năm 2024
plan: ke-hoach-mau-2024
kind: phong-trao
order: 1
---
Nội dung mẫu của phong trào.
"""


def add_next_campaign(site) -> None:
    site.write("content/plans/ke-hoach-mau-2024.md", NEXT_PLAN)
    site.write("content/movements/phong-trao-mau-2024.md", NEXT_MOVEMENT)
    site.exemplar("guong-mau-2024", movements=["phong-trao-mau-2024"], date="2024-02-01")


def test_a_plan_needs_only_what_every_plan_has(site):
    add_next_campaign(site)
    loaded = load(site.root)
    assert [p for p in loaded.problems if p.is_error] == []
    plan = loaded.corpus.plans["ke-hoach-mau-2024"]
    assert plan.short_title == plan.title and plan.directives == () and plan.recipients == ()


def test_a_second_plan_with_a_movement_and_a_story_builds_with_the_current_plan_first(site):
    add_next_campaign(site)
    site.build(as_of=date(2024, 3, 1))
    home = site.page("")
    assert "Kế hoạch thi đua mẫu 06 tháng đầu năm 2024" in text_of(home).split("Các kế hoạch thi đua trước")[0]
    assert "Kế hoạch phát động phong trào thi đua nước rút" in text_of(home).split("Các kế hoạch thi đua trước")[1]
    plans = text_of(site.page("ke-hoach/"))
    assert plans.index("06 tháng đầu năm 2024") < plans.index("nước rút 05 tháng cuối năm 2023")
    plan_page = text_of(site.page("ke-hoach/ke-hoach-mau-2024/"))
    assert "Văn bản được viện dẫn" not in plan_page and "Phong trào mẫu của năm 2024" in plan_page
    assert "Tổ tự quản mẫu" in text_of(site.page("phong-trao/phong-trao-mau-2024/"))
    assert "guong-mau-2024" in (site.root / "site" / "phong-trao" / "phong-trao-mau-2024" / "feed.xml").read_text("utf-8")


def test_a_movement_of_an_undeclared_kind_is_refused_with_the_closest_kind(site):
    add_next_campaign(site)
    site.write("content/movements/phong-trao-mau-2024.md", NEXT_MOVEMENT.replace("kind: phong-trao", "kind: phong-trao-x"))
    [problem] = [p for p in load(site.root).problems if p.is_error]
    assert str(problem) == ("content/movements/phong-trao-mau-2024.md:4: kind: loại phong trào “phong-trao-x” không tồn tại "
                            "(unknown kind); có phải ý bạn là “phong-trao”? (did you mean)")
