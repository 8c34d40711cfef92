"""The page plan of consultations and decisions, without MkDocs: which pages, in which order, with what."""

from dataclasses import replace
from datetime import date

from support import REPO
from thidua.checks.loader import load_corpus
from thidua.checks.schemas import load_schema
from thidua.content.commendations import CONSULTATION, DECISION
from thidua.site.campaign import results_of
from thidua.site.commendations import commendation_pages
from thidua.editors.guide import guide_pages
from thidua.site.pages import home_context, site_pages

STORY = "doi-tuan-tra-mau-dao-phu-quy"
CONSULTATION_ID = "lay-y-kien-de-nghi-khen-thuong-mau"
DECISION_ID = "quyet-dinh-khen-thuong-mau"


def corpus_on(as_of):
    return load_corpus(REPO).published(as_of)


def test_the_listing_puts_open_consultations_first_with_the_days_left():
    pages = commendation_pages(corpus_on(date(2023, 12, 31)), date(2023, 12, 31))
    listing = pages[0]
    assert (listing.url, listing.template, listing.title) == ("khen-thuong/", "thidua/commendations.html", "Khen thưởng")
    assert [c.id for c in listing.context["open"]] == [CONSULTATION_ID]
    assert [c.id for c in listing.context["others"]] == [DECISION_ID]
    assert listing.context["open"][0].deadline_label(date(2023, 12, 31)) == "còn 2 ngày nhận ý kiến"
    assert {p.url for p in pages[1:]} == {f"khen-thuong/{CONSULTATION_ID}/", f"khen-thuong/{DECISION_ID}/"}


def test_a_document_page_has_its_recipients_units_and_stories_and_a_comment_link_naming_it():
    pages = {p.url: p for p in commendation_pages(corpus_on(date(2023, 12, 20)), date(2023, 12, 20))}
    assert f"khen-thuong/{DECISION_ID}/" not in pages, "a decision signed after the build date is embargoed"
    page = pages[f"khen-thuong/{CONSULTATION_ID}/"]
    assert page.title.startswith("[Nội dung mẫu] ") and page.source == f"content/commendations/{CONSULTATION_ID}.md"
    assert page.context["open"] is True
    rows = page.context["rows"]
    assert [(r.recipient.name, r.unit.id, r.exemplar.id if r.exemplar else None) for r in rows] == [
        ("Tập thể Mẫu A", "phan-thiet", None), ("Nguyễn Văn Mẫu", "ham-thuan-nam", None),
        ("Đội tuần tra mẫu B (tập thể minh họa)", "phu-quy", STORY)]
    assert page.context["mailto"].startswith("mailto:gop-y@thidua.binhthuan.example?subject=G%C3%B3p%20%C3%BD%3A%20L%E1%BA%A5y")


def test_an_embargoed_story_is_never_linked_from_a_document():
    corpus = load_corpus(REPO)
    story = corpus.exemplars[STORY]
    corpus.exemplars[STORY] = replace(story, date=date(2024, 2, 1))
    pages = {p.url: p for p in commendation_pages(corpus.published(date(2024, 1, 5)), date(2024, 1, 5))}
    rows = pages[f"khen-thuong/{DECISION_ID}/"].context["rows"]
    assert all(r.exemplar is None for r in rows)


def test_unit_and_story_pages_name_the_documents():
    pages = {p.url: p for p in site_pages(corpus_on(date(2024, 1, 5)))}
    assert [c.id for c in pages["don-vi/phu-quy/"].context["commendations"]] == [DECISION_ID, CONSULTATION_ID]
    assert pages["don-vi/tuy-phong/"].context["commendations"] == []
    assert [d.id for d in pages[f"guong-dien-hinh/{STORY}/"].context["decisions"]] == [DECISION_ID]


def test_a_story_named_by_a_decision_is_among_the_awarded_stories():
    pages = {p.url: p for p in site_pages(corpus_on(date(2024, 1, 5)))}
    assert STORY in [e.id for e in pages["guong-dien-hinh/khen-thuong/"].context["page"].items]
    before = {p.url: p for p in site_pages(corpus_on(date(2023, 12, 20)))}
    assert STORY not in [e.id for e in before["guong-dien-hinh/khen-thuong/"].context["page"].items]


def test_the_home_page_and_the_dashboard_take_the_awards_from_the_decisions():
    corpus = corpus_on(date(2024, 1, 5))
    assert [d.id for d in home_context(corpus)["decisions"]] == [DECISION_ID]
    assert results_of(corpus, corpus.current_plan).awarded == 3  # the decision's recipients
    assert results_of(corpus_on(date(2023, 12, 20)), corpus.current_plan).awarded == 0  # not signed yet
    other_plan = {k: replace(c, plan="ke-hoach-khac") if c.type == DECISION else c for k, c in corpus.commendations.items()}
    assert results_of(replace(corpus, commendations=other_plan), corpus.current_plan).awarded == 0


def test_the_field_reference_of_commendations_comes_from_the_schema():
    [_, page] = guide_pages(load_corpus(REPO), working_days=12)
    assert page.url == "bien-tap/truong-du-lieu/khen-thuong/"
    body = page.body
    for key in ("type", "recipients", "comment_until", "contact", "number", "signer", "exemplar"):
        assert f"`{key}`" in body
    assert "Bắt buộc khi type là decision" in body and "Bắt buộc khi type là consultation" in body
    assert "tối đa 5.000 mục" in body and "ít nhất 12 ngày làm việc" in body
    assert "(../../../schema/commendation.schema.json)" in body and "| `phan-thiet` |" in body


def test_the_two_types_are_the_schemas_enum():
    assert load_schema("commendation")["properties"]["type"]["enum"] == [CONSULTATION, DECISION]
