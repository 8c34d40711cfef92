"""content/commendations/: consultations and decisions refused with the file, the line and plain words."""

import time
from datetime import date

from commendation_support import CONSULTATION, DECISION, commendation_text, write_commendation
from thidua.checks.loader import load
from thidua.cli.main import main
from thidua.content.commendations import CONSULTATION as CONSULTATION_TYPE
from thidua.site.settings import config_problems


def problems_of(site, doc_id="van-ban", base=CONSULTATION, **fields):
    path = write_commendation(site, doc_id, base, **fields)
    rel = path.relative_to(site.root).as_posix()
    return [(p.line, p.field, p.message) for p in load(site.root).problems if p.path == rel]


def only_problem(site, **fields):
    found = problems_of(site, **fields)
    assert len(found) == 1, found
    return found[0]


def line_of(site, doc_id, text):
    lines = (site.root / f"content/commendations/{doc_id}.md").read_text("utf-8").split("\n")
    return next(n for n, line in enumerate(lines, 1) if text in line)


def test_the_repository_has_one_sample_consultation_and_one_sample_decision(site):
    loaded = load(site.root)
    assert loaded.problems == []
    documents = loaded.corpus.commendations.values()
    assert sorted(c.type for c in documents) == ["consultation", "decision"]
    assert all(c.sample for c in documents)
    names = {r.name for c in documents for r in c.recipients}
    assert {"Nguyễn Văn Mẫu", "Tập thể Mẫu A"} <= names


def test_a_valid_consultation_becomes_part_of_the_corpus(site):
    assert problems_of(site, "lay-y-kien") == []
    document = load(site.root).corpus.commendations["lay-y-kien"]
    assert document.type == CONSULTATION_TYPE and document.comment_until == date(2023, 12, 19)
    assert document.contact.phone == "0252 3000 000" and document.source == "content/commendations/lay-y-kien.md"
    assert [(r.kind, r.name, r.unit, r.position) for r in document.recipients] == [
        ("collective", "Tập thể Mẫu A", "phan-thiet", ""),
        ("individual", "Nguyễn Văn Mẫu", "ham-thuan-nam", "Tổ trưởng (minh họa)")]


def test_a_consultation_over_tet_with_ten_calendar_days_but_two_working_days_is_refused(site):
    # 18/01/2023 to 28/01/2023: Tết Quý Mão kept 20–26/01 off; only 19/01 and 27/01 are working days.
    line, field, message = only_problem(site, doc_id="tet", date="2023-01-18", comment_until="2023-01-28")
    assert (line, field) == (line_of(site, "tet", "comment_until:"), "comment_until")
    assert message == ("thời gian lấy ý kiến từ 18/01/2023 đến 28/01/2023 chỉ có 2 ngày làm việc (không tính ngày "
                       "đăng, thứ Bảy, Chủ nhật và 7 ngày nghỉ lễ, Tết trong khoảng này), cần ít nhất 10: hạn góp ý "
                       "sớm nhất đủ 10 ngày làm việc là 08/02/2023 (too few working days)")


def test_thidua_check_refuses_the_tet_consultation_naming_its_file(site, capsys):
    write_commendation(site, "tet", CONSULTATION, date="2023-01-18", comment_until="2023-01-28")
    assert main(["--root", str(site.root), "check"]) == 1
    out = capsys.readouterr().out
    assert f"content/commendations/tet.md:{line_of(site, 'tet', 'comment_until:')}: comment_until: thời gian lấy ý kiến" in out
    assert "Traceback" not in out


def test_the_hung_kings_day_is_found_by_the_lunar_calendar(site):
    # Giỗ Tổ Hùng Vương fell on Thursday 18/04/2024 (10/3 âm lịch): nine working days, not ten.
    _, field, message = only_problem(site, date="2024-04-10", comment_until="2024-04-24")
    assert field == "comment_until" and "chỉ có 9 ngày làm việc" in message and "1 ngày nghỉ lễ" in message
    assert "25/04/2024" in message


def test_exactly_ten_working_days_is_enough_and_nine_is_not(site):
    assert problems_of(site, date="2023-12-05", comment_until="2023-12-19") == []
    _, _, message = only_problem(site, date="2023-12-05", comment_until="2023-12-18")
    assert "chỉ có 9 ngày làm việc" in message and "là 19/12/2023" in message


def test_the_number_of_working_days_is_a_setting(site):
    config = site.root / "mkdocs.yml"
    config.write_text(config.read_text("utf-8").replace("  thidua:\n", "  thidua:\n    consultation_working_days: 2\n"), "utf-8")
    assert problems_of(site, date="2023-01-18", comment_until="2023-01-28") == []
    config.write_text(config.read_text("utf-8").replace("consultation_working_days: 2", "consultation_working_days: 3"), "utf-8")
    _, _, message = only_problem(site, date="2023-01-18", comment_until="2023-01-28")
    assert "cần ít nhất 3" in message and "là 30/01/2023" in message


def test_a_deadline_before_the_publication_is_refused(site):
    _, field, message = only_problem(site, date="2023-12-05", comment_until="2023-12-01")
    assert field == "comment_until" and "đứng trước hoặc trùng ngày đăng 05/12/2023" in message


def test_unknown_ids_are_named_with_the_closest_one(site):
    recipients = [{"kind": "collective", "name": "Tập thể Mẫu A", "unit": "phan-thiet"},
                  {"kind": "individual", "name": "Nguyễn Văn Mẫu", "unit": "ham-thuan-namm"},
                  {"kind": "collective", "name": "Đội mẫu", "unit": "phu-quy", "exemplar": "doi-tuan-tra-mau-dao"}]
    found = problems_of(site, "ids", recipients=recipients, plan="thi-dua-nuoc-rut-2024")
    fields = {field: (line, message) for line, field, message in found}
    assert set(fields) == {"plan", "recipients[1].unit", "recipients[2].exemplar"}
    assert "kế hoạch “thi-dua-nuoc-rut-2024” không tồn tại" in fields["plan"][1]
    assert "có phải ý bạn là “thi-dua-nuoc-rut-2023”" in fields["plan"][1]
    assert "có phải ý bạn là “ham-thuan-nam”" in fields["recipients[1].unit"][1]
    assert fields["recipients[1].unit"][0] == line_of(site, "ids", "ham-thuan-namm")
    assert "có phải ý bạn là “doi-tuan-tra-mau-dao-phu-quy”" in fields["recipients[2].exemplar"][1]


def test_personal_data_is_refused_but_the_offices_contact_is_published(site):
    recipients = [{"kind": "individual", "name": "Nguyễn Văn Mẫu", "unit": "phan-thiet",
                   "position": "Tổ trưởng, điện thoại 0912 345 678"},
                  {"kind": "individual", "name": "Trần Thị Mẫu", "unit": "phan-thiet",
                   "achievement": "Căn cước 012345678901"}]
    found = problems_of(site, recipients=recipients)
    assert [(field, message.split(" “")[0]) for _, field, message in found] == [
        ("recipients[0].position", "có số điện thoại"), ("recipients[1].achievement", "có số căn cước công dân")]


def test_a_recipient_holds_a_name_a_position_and_a_unit_only(site):
    recipients = [{"kind": "individual", "name": "Nguyễn Văn Mẫu", "unit": "phan-thiet", "address": "12 đường Mẫu"}]
    _, field, message = only_problem(site, recipients=recipients)
    assert field == "recipients[0].address" and "không có trong mẫu" in message


def test_a_decision_needs_its_number_and_signer_and_a_consultation_its_deadline_and_contact(site):
    decision = {field: message for _, field, message in problems_of(site, "qd", DECISION, number=None, signer=None)}
    assert set(decision) == {"number", "signer"} and "123/QĐ-UBND" in decision["number"]
    consultation = {field for _, field, _ in problems_of(site, "lyk", CONSULTATION, comment_until=None, contact=None)}
    assert consultation == {"comment_until", "contact"}


def test_a_recipient_listed_twice_is_refused_at_the_second_line(site):
    recipients = [{"kind": "collective", "name": "Tập thể Mẫu A", "unit": "phan-thiet"},
                  {"kind": "individual", "name": "Nguyễn Văn Mẫu", "unit": "phan-thiet"},
                  {"kind": "collective", "name": "tập thể mẫu a", "unit": "phan-thiet"}]
    line, field, message = only_problem(site, doc_id="lap", recipients=recipients)
    assert field == "recipients[2].name" and "đã có ở mục 1" in message
    assert line == line_of(site, "lap", "tập thể mẫu a")


def test_markup_in_a_name_is_refused(site):
    recipients = [{"kind": "individual", "name": "<script>alert(1)</script>", "unit": "phan-thiet"}]
    _, field, message = only_problem(site, recipients=recipients)
    assert field == "recipients[0].name" and "thẻ HTML" in message


def _recipients(count, unit="phan-thiet"):
    return [{"kind": "individual", "name": f"Người Mẫu Số {n}", "unit": unit, "position": "Cán bộ (minh họa)"}
            for n in range(count)]


def _load_seconds(site, count, unit="phan-thiet"):
    site.write("content/commendations/dai.md", commendation_text(DECISION, recipients=_recipients(count, unit)))
    started = time.perf_counter()
    loaded = load(site.root)
    return time.perf_counter() - started, loaded


def test_thousands_of_recipients_are_checked_in_linear_time(site):
    _load_seconds(site, 10)  # warm the caches (schemas, holidays)
    small, _ = _load_seconds(site, 500)
    large, loaded = _load_seconds(site, 4000)
    assert len(loaded.corpus.commendations["dai"].recipients) == 4000 and loaded.errors == []
    assert large < 10 * small + 1.0, (small, large)  # 8 times the names: linear, with room for a busy machine


def test_thousands_of_unknown_units_are_each_named_without_a_quadratic_search(site):
    seconds, loaded = _load_seconds(site, 3000, unit="khong-co")
    unknown = [p for p in loaded.errors if p.field.endswith(".unit")]
    assert len(unknown) == 3000 and seconds < 20
    assert sum("có phải ý bạn là" in p.message for p in unknown) <= 20


def test_more_recipients_than_the_schema_allows_are_refused_before_validation(site):
    site.write("content/commendations/qua-dai.md", commendation_text(DECISION, recipients=_recipients(5001)))
    errors = [p for p in load(site.root).errors if p.path == "content/commendations/qua-dai.md"]
    assert [(p.field, p.message) for p in errors] == [("recipients", "danh sách có 5,001 mục, tối đa 5000 mục (too many items)")]


def test_a_file_that_is_not_markdown_in_the_folder_is_named(site):
    site.write("content/commendations/quyet-dinh.docx", "x")
    problems = [p for p in load(site.root).problems if p.path == "content/commendations/quyet-dinh.docx"]
    assert len(problems) == 1 and "không được đọc" in problems[0].message


def test_the_setting_is_checked_against_the_settings_schema(site):
    config = site.root / "mkdocs.yml"
    config.write_text(config.read_text("utf-8").replace("  thidua:\n", "  thidua:\n    consultation_working_days: 0\n"), "utf-8")
    problems = config_problems(site.root)
    assert [p.field for p in problems] == ["extra.thidua.consultation_working_days"]
    assert "từ 1 đến 60" in problems[0].message
