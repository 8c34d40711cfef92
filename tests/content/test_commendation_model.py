"""The commendation model: deadlines in words, the listing's order, the embargo, who is named where."""

from dataclasses import replace
from datetime import date

from support import REPO
from thidua.checks.loader import load_corpus
from thidua.content import urls
from thidua.content.commendations import CONSULTATION, DECISION, Commendation, Contact, Recipient, listing_order
from thidua.content.working_days import after_working_days, count_working_days, holidays_between, is_working_day

SITE_URL = "https://thidua.binhthuan.example/"


def document(doc_id="van-ban", type_=CONSULTATION, day=date(2023, 12, 5), until=date(2023, 12, 19), recipients=()):
    return Commendation(doc_id, type_, f"Văn bản {doc_id}", "thi-dua-nuoc-rut-2023", day, "UBND tỉnh", "Bằng khen",
                        tuple(recipients) or (Recipient("collective", "Tập thể Mẫu A", "phan-thiet"),),
                        "Nội dung.", f"content/commendations/{doc_id}.md", comment_until=until if type_ == CONSULTATION else None,
                        contact=Contact("a@b.example", "0252 3000 000", "Phan Thiết") if type_ == CONSULTATION else None,
                        number="1/QĐ-UBND" if type_ == DECISION else "", signer="Người ký" if type_ == DECISION else "")


def test_a_consultation_counts_down_to_its_last_day_then_says_it_is_closed():
    c = document(until=date(2023, 12, 19))
    assert c.deadline_label(date(2023, 12, 16)) == "còn 3 ngày nhận ý kiến" and c.open_on(date(2023, 12, 16))
    assert c.deadline_label(date(2023, 12, 19)) == "hôm nay là ngày cuối cùng nhận ý kiến" and c.open_on(date(2023, 12, 19))
    assert c.deadline_label(date(2023, 12, 20)) == "Đã hết thời gian lấy ý kiến" and not c.open_on(date(2023, 12, 20))
    assert not document(type_=DECISION).open_on(date(2023, 12, 6))


def test_open_consultations_come_first_nearest_deadline_first_then_the_rest_newest_first():
    late = document("mo-muon", until=date(2023, 12, 29))
    soon = document("mo-som", until=date(2023, 12, 21))
    closed = document("da-dong", day=date(2023, 11, 1), until=date(2023, 11, 20))
    decision = document("quyet-dinh", DECISION, day=date(2023, 12, 15))
    order = listing_order([closed, late, decision, soon], as_of=date(2023, 12, 20))
    assert [c.id for c in order] == ["mo-som", "mo-muon", "quyet-dinh", "da-dong"]


def test_samples_are_marked_in_their_title_everywhere():
    assert replace(document(), sample=True).display_title == "[Nội dung mẫu] Văn bản van-ban"


def test_a_document_dated_after_the_build_date_is_not_published():
    corpus = load_corpus_with(document("sau", DECISION, day=date(2024, 1, 10)), document("truoc", DECISION))
    assert set(corpus.published(date(2023, 12, 31)).commendations) == {"truoc"}


def test_a_locality_lists_the_documents_naming_its_units_and_a_story_its_decisions():
    named = (Recipient("collective", "Tập thể Mẫu A", "phan-thiet"),
             Recipient("collective", "Đội mẫu", "phu-quy", exemplar="doi-tuan-tra-mau-dao-phu-quy"))
    corpus = load_corpus_with(document("lay-y-kien", recipients=named),
                              document("quyet-dinh", DECISION, day=date(2023, 12, 28), recipients=named))
    assert [c.id for c in corpus.commendations_of_unit("phu-quy")] == ["quyet-dinh", "lay-y-kien"]
    assert [c.id for c in corpus.decisions_by_exemplar["doi-tuan-tra-mau-dao-phu-quy"]] == ["quyet-dinh"]
    assert corpus.commendations_of_unit("tuy-phong") == []
    assert [c.id for c in corpus.decisions_of_plan("thi-dua-nuoc-rut-2023")] == ["quyet-dinh"]


def load_corpus_with(*documents):
    corpus = load_corpus(REPO)
    return replace(corpus, commendations={d.id: d for d in documents})


def test_vietnamese_working_days_know_weekends_tet_and_the_hung_kings_day():
    assert is_working_day(date(2023, 12, 18)) and not is_working_day(date(2023, 12, 16))
    assert not is_working_day(date(2023, 1, 23))  # Mùng hai Tết Quý Mão
    assert not is_working_day(date(2024, 2, 12))  # Mùng ba Tết Giáp Thìn, a Monday: the lunar calendar
    assert not is_working_day(date(2024, 4, 18))  # Giỗ Tổ Hùng Vương, 10/3 âm lịch
    assert not is_working_day(date(2023, 9, 1)) and not is_working_day(date(2024, 1, 1))
    assert holidays_between(date(2023, 1, 18), date(2023, 1, 28)) == 7


def test_counting_starts_the_day_after_publication_and_stops_when_enough():
    assert count_working_days(date(2023, 12, 4), date(2023, 12, 8), 10) == 4  # Tuesday to Friday
    assert count_working_days(date(2023, 12, 4), date(9999, 12, 31), 10) == 10  # bounded, whatever the end
    assert after_working_days(date(2023, 12, 5), 10) == date(2023, 12, 19)
    assert after_working_days(date(2023, 1, 18), 10) == date(2023, 2, 8)
    assert after_working_days(date(9999, 12, 30), 10) is None


def test_a_commendation_has_its_own_address_identity_and_comment_link():
    assert urls.commendation("quyet-dinh") == "khen-thuong/quyet-dinh/"
    assert urls.tag_uri(SITE_URL, date(2023, 12, 28), "quyet-dinh", urls.COMMENDATIONS) == \
        "tag:thidua.binhthuan.example,2023-12-28:khen-thuong/quyet-dinh"
    assert urls.mailto("gop-y@x.example", "Góp ý: A & B?") == \
        "mailto:gop-y@x.example?subject=G%C3%B3p%20%C3%BD%3A%20A%20%26%20B%3F"
    assert "khen-thuong" in urls.TOP_LEVEL
