"""Unit types and movement kinds are data: renaming an id in content changes no page and no count."""

from __future__ import annotations

from support import AS_OF
from thidua.checks.loader import load
from thidua.site.dashboard import campaign_dashboard


def rename_unit_type(site, old: str, new: str) -> None:
    types = site.root / "content" / "unit-types.yml"
    types.write_text(types.read_text("utf-8").replace(f"\n{old}:\n", f"\n{new}:\n"), encoding="utf-8")
    for unit in (site.root / "content" / "units").glob("*.md"):
        unit.write_text(unit.read_text("utf-8").replace(f"type: {old}\n", f"type: {new}\n"), encoding="utf-8")


def test_which_types_are_localities_and_which_report_is_declared_in_the_data(site):
    corpus = load(site.root).corpus
    localities = {u.id for u in corpus.localities}
    reporting = {u.id for u in corpus.reporting_units}
    assert localities and all(corpus.unit_types[corpus.units[u].type].locality for u in localities)
    assert all(corpus.unit_types[corpus.units[u].type].reports for u in reporting)
    assert set(corpus.units) - reporting, "the sample content declares a type that does not report"


def test_renaming_a_unit_type_keeps_localities_counts_and_stories(site):
    before = load(site.root).corpus
    rename_unit_type(site, "dia-phuong", "huyen-thi-thanh-pho")
    rename_unit_type(site, "cum-khoi", "cum-thi-dua")
    loaded = load(site.root)
    assert [p for p in loaded.problems if p.is_error] == []
    after = loaded.corpus
    assert [u.id for u in after.localities] == [u.id for u in before.localities]
    assert {u.id for u in after.reporting_units} == {u.id for u in before.reporting_units}
    assert campaign_dashboard(after, AS_OF)["reports"] == campaign_dashboard(before, AS_OF)["reports"]
    for unit_id in before.units:
        assert after.stories_of_unit(unit_id) == before.stories_of_unit(unit_id)


def test_movement_kinds_order_the_movements(site):
    corpus = load(site.root).corpus
    kinds = [corpus.movement_kinds[m.kind].order for m in corpus.movements_of(corpus.current_plan.id)]
    assert kinds == sorted(kinds) and len(set(kinds)) == len(corpus.movement_kinds)


def test_a_unit_type_without_its_plural_is_refused_at_its_line(site):
    types = site.root / "content" / "unit-types.yml"
    types.write_text(types.read_text("utf-8").replace("  plural: Sở, ban, ngành tỉnh\n", ""), encoding="utf-8")
    problems = [str(p) for p in load(site.root).problems if p.is_error]
    assert problems[0].startswith("content/unit-types.yml:4: so-ban-nganh.plural: mỗi loại đơn vị cần plural")
