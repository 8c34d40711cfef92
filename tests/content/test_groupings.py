"""A new way to group stories ("lĩnh vực") is a data entry: its pages follow with no change to the code."""

from __future__ import annotations

import pytest
from htmltext import text_of
from support import FIELDS_GROUPING as FIELDS
from thidua.checks.loader import load

def test_the_repository_declares_no_grouping_yet(site):
    assert load(site.root).corpus.groupings == {}


def test_a_story_names_its_terms_in_the_declared_field(site):
    site.declare_fields()
    site.exemplar("guong-giao-duc", linh_vuc=["giao-duc"])
    loaded = load(site.root)
    assert [p for p in loaded.problems if p.is_error] == []
    assert loaded.corpus.exemplars["guong-giao-duc"].terms_of("linh-vuc") == ("giao-duc",)
    assert [e.id for e in loaded.corpus.by_term("linh-vuc")["giao-duc"]] == ["guong-giao-duc"]


def test_an_undeclared_term_is_refused_at_its_line(site):
    site.declare_fields()
    site.exemplar("guong-giao-duc", linh_vuc=["giao-duk"])
    [problem] = [p for p in load(site.root).problems if p.is_error]
    assert (problem.path, problem.field) == ("exemplars/guong-giao-duc.md", "linh_vuc[0]")
    assert "giao-duc, y-te" in problem.message


def test_the_field_is_unknown_while_no_grouping_declares_it(site):
    site.exemplar("guong-giao-duc", linh_vuc=["giao-duc"])
    [problem] = [p for p in load(site.root).problems if p.is_error]
    assert problem.field == "linh_vuc" and "không có trong mẫu" in problem.message


@pytest.mark.parametrize("taken", ["phong-trao", "gioi-thieu", "bao-chi", "bien-tap", "api", "feed", "assets"])
def test_a_grouping_may_not_take_an_address_the_site_uses_hand_written_pages_included(site, taken):
    site.declare_fields(FIELDS.replace("linh-vuc:", f"{taken}:"))
    loaded = load(site.root)
    assert [str(p) for p in loaded.errors] == [
        f"content/groupings.yml:1: {taken}: “{taken}” đã là địa chỉ /{taken}/ của trang: hãy chọn mã khác (name taken)"]
    assert loaded.corpus.groupings == {}


def test_a_new_hand_written_page_is_an_address_taken_as_soon_as_it_exists(site):
    site.write("docs/lich-su.md", "# Lịch sử\n")
    site.declare_fields(FIELDS.replace("linh-vuc:", "lich-su:"))
    [problem] = load(site.root).errors
    assert problem.field == "lich-su" and "/lich-su/" in problem.message


@pytest.mark.parametrize("field", ["body", "title", "unit", "photo_alt"])
def test_a_grouping_field_may_not_be_a_field_the_form_already_has(site, field):
    site.declare_fields(FIELDS.replace("field: linh_vuc", f"field: {field}"))
    loaded = load(site.root)
    assert [str(p) for p in loaded.errors] == [
        f"content/groupings.yml:3: linh-vuc.field: trường “{field}” đã có trong mỗi bài: hãy chọn tên trường khác, "
        "ví dụ linh_vuc (name taken)"]
    assert loaded.corpus.groupings == {}


def test_two_groupings_may_not_share_a_field(site):
    site.declare_fields(FIELDS + FIELDS.replace("linh-vuc:", "nganh:").replace("Lĩnh vực", "Ngành"))
    [problem] = load(site.root).errors
    assert (problem.line, problem.field) == (10, "nganh.field") and "“linh_vuc” đã có" in problem.message


@pytest.mark.parametrize(("old", "new", "field"), [
    ("label: Lĩnh vực", "label: <script>alert(1)</script>", "linh-vuc.label"),
    ("description: Gương", "description: <img src=x onerror=alert(1)> Gương", "linh-vuc.description"),
    ("giao-duc: Giáo dục", "giao-duc: Giáo dục &#60;b&#62;", "linh-vuc.terms.giao-duc"),
    ("label: Lĩnh vực", "label: \"Lĩnh\\u202evực\"", "linh-vuc.label"),
])
def test_labels_and_descriptions_are_plain_text(site, old, new, field):
    site.declare_fields(FIELDS.replace(old, new))
    [problem] = load(site.root).errors
    assert problem.field == field


def test_a_unit_type_label_is_plain_text_too(site):
    path = site.root / "content" / "unit-types.yml"
    text = path.read_text("utf-8")
    label = next(line for line in text.splitlines() if "label:" in line)
    path.write_text(text.replace(label, label + " <b>x</b>", 1), encoding="utf-8")
    assert any("(markup not allowed)" in p.message and p.path == "content/unit-types.yml" for p in load(site.root).errors)


def test_a_grouping_gets_a_page_of_its_terms_and_a_page_per_term(site):
    site.declare_fields()
    site.exemplar("guong-giao-duc", linh_vuc=["giao-duc"])
    site.build()
    listing = text_of(site.page("linh-vuc/"))
    assert "Lĩnh vực" in listing and "Giáo dục 1 gương" in listing and "Y tế 0 gương" in listing
    assert "Tổ tự quản mẫu" in text_of(site.page("linh-vuc/giao-duc/"))
    assert "Tổ tự quản mẫu" not in text_of(site.page("linh-vuc/y-te/"))


def test_the_field_reference_documents_the_grouping_field(site):
    site.declare_fields()
    site.build()
    reference = text_of(site.page("bien-tap/truong-du-lieu/"))
    assert "linh_vuc — Lĩnh vực" in reference and "giao-duc, y-te" in reference


def site_url() -> str:
    return "https://thidua.binhthuan.example/"


def test_each_term_has_its_feeds_and_a_place_in_the_catalog(site):
    import json

    site.declare_fields()
    site.exemplar("guong-giao-duc", linh_vuc=["giao-duc"])
    site.build()
    out = site.root / "site"
    assert "guong-giao-duc" in (out / "linh-vuc" / "giao-duc" / "feed.xml").read_text("utf-8")
    assert (out / "linh-vuc" / "y-te" / "feed.json").is_file()
    catalog = json.loads((out / "api" / "catalog.json").read_text("utf-8"))
    [grouping] = catalog["groupings"]
    assert grouping["id"] == "linh-vuc" and [t["exemplars"] for t in grouping["terms"]] == [1, 0]
    story = next(e for e in catalog["exemplars"] if e["id"] == "guong-giao-duc")
    assert story["groups"] == {"linh-vuc": ["giao-duc"]}
    term = (out / "linh-vuc" / "giao-duc" / "index.html").read_text("utf-8")
    assert '<a href="feed.xml" type="application/atom+xml">' in term  # the term page links its own feeds
    assert f'href="{site_url()}linh-vuc/giao-duc/feed.json"' in term
    press = (out / "bao-chi" / "index.html").read_text("utf-8")
    assert "Theo cách nhóm khác" in press and "(1 bài)" in press
