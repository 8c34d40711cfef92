"""The checker, read by an editor: each message says what to write, at the line where it goes."""

from __future__ import annotations

import pytest
from thidua.checks.loader import load
from thidua.checks.references import id_for
from thidua.content.problems import WARNING

F = "exemplars/bai.md"


def problems_of(site, **fields):
    site.exemplar("bai", **fields)
    return [p for p in load(site.root).problems if p.path == F]


def messages_of(site, **fields):
    return [str(p) for p in problems_of(site, **fields)]


# VALID_EXEMPLAR's lines: 2 title, 3 kind, 4 name, 5 unit, 6 movements, 7 its item, 8 date, 9 summary, 10 sample,
# then the keys a test adds, then the closing fence.


@pytest.mark.parametrize(("written", "meant"), [
    ("Hàm Thuận Nam", "ham-thuan-nam"),       # the unit's name
    ("Phan Thiết", "phan-thiet"),             # its id with diacritics
    ("Các sở, ban, ngành tỉnh", "so-ban-nganh-tinh"),  # a name whose slug is not the id
])
def test_a_unit_written_as_its_name_gets_its_id(site, written, meant):
    [message] = messages_of(site, unit=written)
    assert message == (f"{F}:5: unit: phải là mã đơn vị viết thường, không dấu, nối bằng gạch ngang, ví dụ phan-thiet "
                       f"(not a unit id); có phải ý bạn là “{meant}”? (did you mean)")


def test_a_movement_written_as_its_short_title_gets_its_id(site):
    [message] = messages_of(site, movements=["Văn hóa công sở"])
    assert message.startswith(f"{F}:7: movements[0]: phải là mã phong trào")
    assert message.endswith("; có phải ý bạn là “van-hoa-cong-so”? (did you mean)")


@pytest.mark.parametrize(("written", "kind"), [("cá nhân", "individual"), ("Tập thể", "collective")])
def test_a_kind_written_in_vietnamese_gets_the_kind_to_write(site, written, kind):
    [message] = messages_of(site, kind=written, consent="true")
    assert message.endswith(f"(wrong kind); có phải ý bạn là “{kind}”? (did you mean)")


def test_the_checker_and_thidua_new_map_names_to_ids_the_same_way(site):
    from thidua.checks.loader import load_corpus
    from thidua.cli.scaffold import resolve

    corpus = load_corpus(site.root)
    for unit in corpus.units.values():
        assert id_for(unit.name, corpus.units) == resolve(unit.name, corpus.units, "đơn vị", "unit") == unit.id


@pytest.mark.parametrize("key", ["photo_alt", "award", "title", "consent"])
def test_an_empty_field_says_it_is_empty(site, key):
    fields = {key: ""} if key != "photo_alt" else {"photo_alt": "", "photo_credit": "Tác giả"}
    messages = [m for m in messages_of(site, **fields) if f": {key}: " in m]
    assert messages == [f"{F}:{11 if key != 'title' else 2}: {key}: đang để trống: hãy viết giá trị sau dấu hai chấm, "
                        "hoặc xóa cả dòng nếu không cần trường này (empty)"]


def test_a_missing_key_points_at_the_line_it_belongs_above(site):
    [problem] = problems_of(site, date=None, summary="Tóm tắt.")
    assert (problem.line, problem.field) == (8, "date")  # where `summary`, the next key, now is


def test_a_missing_key_with_nothing_after_it_points_at_the_end_of_the_front_matter(site):
    [problem] = problems_of(site, sample=None, summary=None)
    assert (problem.line, problem.field) == (9, "summary")  # the closing ---


def test_a_photo_without_its_description_is_named_at_the_photo(site):
    (site.root / "exemplars" / "anh.jpg").write_bytes(b"")
    problems = [p for p in problems_of(site, photo="anh.jpg", photo_credit="Tác giả") if p.field == "photo_alt"]
    assert [(p.line, p.message) for p in problems] == [(11, "có “photo” thì phải có “photo_alt” (required with photo)")]


@pytest.mark.parametrize(("written", "iso", "shown"), [
    ("31-12-2023", "2023-12-31", "31/12/2023"),
    ("1/9/2023", "2023-09-01", "01/09/2023"),
    ("2023/10/1", "2023-10-01", "01/10/2023"),
    ("2023-9-1", "2023-09-01", "01/09/2023"),
])
def test_a_date_written_another_way_gets_the_form_to_write(site, written, iso, shown):
    [message] = messages_of(site, date=written)
    assert message == (f"{F}:8: date: ngày phải viết dạng YYYY-MM-DD, ví dụ 2023-12-01 (date format); "
                       f"hãy viết “{iso}” (ngày {shown}) (date rewritten)")


def test_a_date_that_is_no_date_gets_the_example_only(site):
    [message] = messages_of(site, date="31-02-2023")
    assert message.endswith("ví dụ 2023-12-01 (date format)")


@pytest.mark.parametrize("day", ["2024-01-15", "2023-07-31"])
def test_a_story_outside_its_plans_period_is_a_warning_naming_the_period(site, day):
    [problem] = problems_of(site, date=day)
    y, m, d = day.split("-")
    assert problem.severity == WARNING and (problem.line, problem.field) == (8, "date")
    assert problem.message == (f"ngày đăng {d}/{m}/{y} nằm ngoài thời gian của “Thi đua nước rút 05 tháng cuối năm 2023” "
                               "(từ 01/08/2023 đến 31/12/2023): bài sau đợt thi đua, như bài tổng kết, vẫn được đăng; "
                               "nếu gõ nhầm ngày, hãy sửa (outside the plan's period)")
    assert "bai" in load(site.root).corpus.exemplars  # published all the same


@pytest.mark.parametrize("day", ["2023-08-01", "2023-12-31"])
def test_a_story_inside_the_period_gets_no_warning(site, day):
    assert problems_of(site, date=day) == []


def test_a_former_id_longer_than_a_folder_name_can_be_is_refused_with_its_length(site):
    """A former id becomes a folder of the site (its redirect); 300 characters would end the build."""
    [message] = messages_of(site, aliases=["a" * 300])
    assert message.endswith("aliases[0]: dài 300 ký tự, tối đa 200 (too long)")
