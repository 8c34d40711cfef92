"""Loading rejects bad content with the file, the line and the field, in plain words."""

from pathlib import Path

import pytest
from thidua.checks.loader import load, load_corpus
from thidua.content.problems import ContentError

REPO = Path(__file__).resolve().parents[2]


def errors_of(site, exemplar_id="x", body="Câu chuyện.", **fields):
    path = site.exemplar(exemplar_id, body=body, **fields)
    rel = path.relative_to(site.root).as_posix()
    return [(p.line, p.field, p.message) for p in load(site.root).errors if p.path == rel]


def only_error(site, **fields):
    errors = errors_of(site, **fields)
    assert len(errors) == 1, errors
    return errors[0]


def test_the_repository_content_loads_without_a_single_problem():
    loaded = load(REPO)
    assert loaded.problems == []
    corpus = loaded.corpus
    files = lambda folder: {p.stem for p in (REPO / folder).glob("*.md")}  # noqa: E731
    assert set(corpus.plans) == files("content/plans") and set(corpus.movements) == files("content/movements")
    assert set(corpus.exemplars) == files("exemplars") and all(e.sample for e in corpus.exemplars.values())


def test_a_valid_exemplar_becomes_part_of_the_corpus(site):
    site.exemplar("to-mau", title="Tổ mẫu", movements=["cai-cach-hanh-chinh", "van-hoa-cong-so"])
    exemplar = load_corpus(site.root).exemplars["to-mau"]
    assert exemplar.title == "Tổ mẫu" and exemplar.movements == ("cai-cach-hanh-chinh", "van-hoa-cong-so")
    assert exemplar.source == "exemplars/to-mau.md"


def test_an_unknown_movement_is_named_with_a_suggestion(site):
    line, field, message = only_error(site, movements=["cai-cach-hanh-chin"])
    assert (line, field) == (7, "movements[0]")
    assert "“cai-cach-hanh-chin” không tồn tại" in message and "“cai-cach-hanh-chinh”" in message


def test_an_unknown_unit_is_named_with_a_suggestion(site):
    line, field, message = only_error(site, unit="phan-thiet-x")
    assert (line, field) == (5, "unit") and "có phải ý bạn là “phan-thiet”" in message


def test_a_missing_key_is_named_where_it_belongs(site):
    line, field, message = only_error(site, summary=None)
    assert (line, field) == (9, "summary") and "thiếu trường bắt buộc" in message  # above `sample`, which follows it


def test_an_unknown_key_is_named_with_a_suggestion(site):
    line, field, message = only_error(site, titel="x")
    assert field == "titel" and "có phải ý bạn là “title”" in message and line == 11


def test_a_wrong_type_is_named(site):
    line, field, message = only_error(site, movements="cai-cach-hanh-chinh")
    assert (field, message) == ("movements", "phải là danh sách (wrong type)")


def test_an_impossible_date_is_named(site):
    line, field, message = only_error(site, date="2023-02-30")
    assert (line, field) == (8, "date") and "2023-02-30 không tồn tại" in message


def test_a_date_in_another_format_is_explained(site):
    assert only_error(site, date="01/10/2023")[2].startswith("ngày phải viết dạng YYYY-MM-DD, ví dụ 2023-12-01")


def test_kind_accepts_only_its_two_values(site):
    assert "individual (cá nhân) hoặc collective" in only_error(site, kind="group")[2]


def test_a_summary_over_300_characters_is_refused(site):
    assert "dài 301 ký tự, tối đa 300" in only_error(site, summary="a" * 301)[2]


def test_an_individual_needs_consent(site):
    line, field, message = only_error(site, kind="individual")
    assert field == "consent" and "consent: true" in message
    assert errors_of(site, kind="individual", consent="true") == []


def test_a_photo_needs_alt_text_and_credit(site):
    photo = next((site.root / "exemplars").glob("*.jpg"))
    (site.root / "exemplars" / "anh.jpg").write_bytes(photo.read_bytes())
    fields = {f for _, f, _ in errors_of(site, photo="anh.jpg")}
    assert fields == {"photo_alt", "photo_credit"}


def test_a_missing_photo_is_named(site):
    line, field, message = only_error(site, photo="khong-co.jpg", photo_alt="a", photo_credit="b")
    assert field == "photo" and "không tìm thấy tệp ảnh" in message


@pytest.mark.parametrize("path", ["../mkdocs.yml", "/etc/passwd", "C:/x.jpg"])
def test_a_photo_path_cannot_leave_the_exemplars_folder(site, path):
    line, field, message = only_error(site, photo=path, photo_alt="a", photo_credit="b")
    assert field == "photo" and "không dùng “..”" in message


def test_a_photo_cannot_be_a_link_out_of_the_repository(site):
    (site.root / "exemplars" / "link.jpg").symlink_to("/etc/hostname")
    assert "liên kết" in only_error(site, photo="link.jpg", photo_alt="a", photo_credit="b")[2]


def test_text_damaged_by_pdf_extraction_is_refused(site):
    assert "U+FFFD" in only_error(site, name="Đoàn Anh D\ufffdng")[2]
    assert "NFC" in only_error(site, name="To\u0302\u0309 tự quản")[2]


def test_damage_in_the_body_is_named_on_its_line(site):
    [(line, field, message)] = errors_of(site, body="Dòng một.\nkhông đ\ufffd ai bỏ lại phía sau")
    assert (line, field) == (13, "nội dung")


def test_markup_in_a_plain_text_field_is_refused(site):
    assert "thẻ HTML" in only_error(site, title='"<script>alert(1)</script>"')[2]


def test_a_file_name_must_be_a_slug(site):
    errors = errors_of(site, exemplar_id="Tổ Mẫu")
    assert [(f, "tên tệp" in m) for _, f, m in errors] == [("id", True)]


def test_an_alias_cannot_take_over_another_story(site):
    site.exemplar("a")
    assert "trùng với một bài đang có" in only_error(site, aliases=["a"])[2]


def test_every_problem_is_reported_at_once_and_loading_raises_them_together(site):
    site.exemplar("one", unit="khong-co")
    site.exemplar("two", date="2023-13-01")
    with pytest.raises(ContentError) as caught:
        load_corpus(site.root)
    assert {p.path for p in caught.value.problems} == {"exemplars/one.md", "exemplars/two.md"}


def test_content_files_are_validated_too(site):
    movement = site.root / "content" / "movements" / "van-hoa-cong-so.md"
    movement.write_text(movement.read_text("utf-8").replace("plan: thi-dua-nuoc-rut-2023", "plan: ke-hoach-khac"), "utf-8")
    [problem] = load(site.root).errors
    assert problem.path == "content/movements/van-hoa-cong-so.md" and problem.field == "plan"


def test_a_unit_report_is_loaded_with_its_date(site):
    site.write("content/units/don-vi-thu.md", """
        ---
        name: Đơn vị thử
        type: so-ban-nganh
        reports:
          - plan: thi-dua-nuoc-rut-2023
            submitted: 2023-12-10
            text: Đã hoàn thành.
        ---
        """)
    unit = load_corpus(site.root).units["don-vi-thu"]
    assert unit.report_for("thi-dua-nuoc-rut-2023").submitted.isoformat() == "2023-12-10"


def test_a_story_cannot_take_a_url_the_site_uses_itself(site):
    site.exemplar("trang")
    assert [(f, "trang dùng sẵn" in m) for _, f, m in errors_of(site, exemplar_id="trang")] == [("id", True)]


@pytest.mark.parametrize("body", ["[xem](../phong-trao/)", "[x](javascript:alert(1))", '<a href="data:text/html,x">x</a>',
                                  "![ảnh](anh.jpg)"])
def test_links_in_a_story_must_be_full_https_addresses(site, body):
    [(line, field, message)] = errors_of(site, body=f"Mở đầu.\n{body}")
    assert (line, field) == (13, "nội dung") and "https://" in message


def test_full_addresses_and_anchors_are_fine_in_a_story(site):
    assert errors_of(site, body="[Cổng](https://binhthuan.gov.vn) <https://x.vn/a> [mục](#ket-qua)") == []


@pytest.mark.parametrize("change", ["body", "broken", "duplicate", "removed", "added", "unknown-unit"])
def test_reloading_one_exemplar_gives_what_loading_everything_gives(site, change):
    """The preview reads only the story that changed; the result must be the full load's, problems included."""
    from thidua.checks.loader import reload_exemplar

    site.exemplar("mot", name="Tổ tự quản số 1")
    before = load(site.root)
    path = site.root / "exemplars" / ("hai.md" if change == "added" else "mot.md")
    if change == "body":
        site.exemplar("mot", body="Câu chuyện đã sửa.", name="Tổ tự quản số 1")
    elif change == "broken":
        path.write_text("---\ntitle: [chưa đóng\n---\n", "utf-8")
    elif change == "duplicate":
        site.exemplar("mot", name=before.corpus.exemplars[sorted(before.corpus.exemplars)[0]].name,
                      unit=before.corpus.exemplars[sorted(before.corpus.exemplars)[0]].unit)
    elif change == "removed":
        path.unlink()
    elif change == "added":
        site.exemplar("hai", name="Tổ tự quản số 2")
    else:
        site.exemplar("mot", unit="khong-co")
    again, fresh = reload_exemplar(before, site.root, path), load(site.root)
    assert again.problems == fresh.problems
    assert list(again.corpus.exemplars.items()) == list(fresh.corpus.exemplars.items())
    assert bool(again.errors) == (change in ("broken", "unknown-unit"))
    assert bool(again.problems) == (change in ("broken", "unknown-unit", "duplicate"))


def test_an_unforeseen_failure_on_one_file_is_named_and_the_others_are_still_checked(site, monkeypatch):
    from thidua.checks import tone

    real = tone.tone_problems

    def breaks_on_one_file(doc):
        if doc.path == "exemplars/hong.md":
            raise RecursionError("maximum recursion depth exceeded")
        return real(doc)

    monkeypatch.setattr(tone, "tone_problems", breaks_on_one_file)  # a stand-in for a bug nobody has found yet
    site.exemplar("hong")
    site.exemplar("sai-ngay", date="2023-02-30")
    assert [str(p) for p in load(site.root).errors] == [
        "exemplars/hong.md:1: -: lỗi nội bộ khi xử lý tệp này (RecursionError: maximum recursion depth exceeded): "
        "hãy báo cho nhóm kỹ thuật kèm tệp này (internal error)",
        "exemplars/sai-ngay.md:8: date: ngày 2023-02-30 không tồn tại (impossible date)",
    ]
