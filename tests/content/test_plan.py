"""The plan page holds the whole plan, repaired, with its structure and its facts as data."""

import json
import re
import unicodedata
from datetime import date
from pathlib import Path

import pytest
from htmltext import main_text
from thidua.checks.loader import load_corpus

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
REPO = Path(__file__).resolve().parents[2]
PLAN_URL = "ke-hoach/thi-dua-nuoc-rut-2023"


def seed_sentences() -> list[str]:
    """Every sentence of the seed, with the PDF damage repaired, without the title and the signature block."""
    lines = (FIXTURES / "ke-hoach-thi-dua-nuoc-rut-2023.txt").read_text("utf-8").splitlines()
    body = [re.sub(r"^\s*-\s+", "", line) for line in lines[2:]]
    text = " ".join(" ".join(body).split("Nơi nhận:")[0].split())
    for damaged, repaired in json.loads((FIXTURES / "seed_repairs.json").read_text("utf-8")).items():
        assert damaged in text, damaged
        text = text.replace(damaged, repaired)
    text = unicodedata.normalize("NFC", text)
    return [s for s in re.split(r"(?<=[.;:])\s+", text) if s.strip()]


@pytest.fixture(scope="module")
def plan_text(built_repo) -> str:
    return main_text(built_repo.page(PLAN_URL)).casefold()


def test_the_seed_is_split_into_many_sentences():
    assert len(seed_sentences()) > 70


@pytest.mark.parametrize("sentence", seed_sentences())
def test_every_sentence_of_the_seed_is_on_the_plan_page(plan_text, sentence):
    assert " ".join(sentence.split()).casefold() in plan_text


@pytest.mark.parametrize("damage", ["\ufffd", "bảo vê ạn", "bỏ lai", "luâṭ", "nhiêṃ", "thực hiên văn hóa"])
def test_no_damage_from_the_pdf_reaches_the_page(built_repo, damage):
    assert damage not in built_repo.page(PLAN_URL)


def test_the_page_text_is_composed_nfc(built_repo):
    html = built_repo.page(PLAN_URL)
    assert unicodedata.is_normalized("NFC", html)
    assert not any(unicodedata.category(ch) == "Mn" for ch in html)


@pytest.mark.parametrize("anchor", ["muc-dich-yeu-cau", "muc-dich", "yeu-cau", "noi-dung-thi-dua", "noi-dung-1",
                                    "noi-dung-2", "noi-dung-3", "to-chuc-thuc-hien", "to-chuc-thuc-hien-1",
                                    "to-chuc-thuc-hien-4", "nguoi-ky", "noi-nhan"])
def test_each_section_has_an_anchor_listed_in_the_table_of_contents(built_repo, anchor):
    html = built_repo.page(PLAN_URL)
    assert f'id="{anchor}"' in html
    if not anchor.startswith("to-chuc-thuc-hien-"):
        toc = html[html.index('class="td-toc"'):html.index("</nav>", html.index('class="td-toc"'))]
        assert f'href="#{anchor}"' in toc


def test_signature_and_recipients_are_shown(built_repo):
    text = main_text(built_repo.page(PLAN_URL))
    assert "CHỦ TỊCH Đoàn Anh Dũng" in text
    for recipient in ("Hội đồng Thi đua - Khen thưởng Trung ương", "Thành viên 15 Cụm, Khối thi đua thuộc tỉnh",
                      "Lưu: VT, KGVXNV. Trâm"):
        assert recipient in text


def test_the_plans_facts_are_data():
    plan = load_corpus(REPO).plans["thi-dua-nuoc-rut-2023"]
    assert plan.issuer == "Ủy ban nhân dân tỉnh Bình Thuận" and plan.signer_name == "Đoàn Anh Dũng"
    assert (plan.period_start, plan.period_end) == (date(2023, 8, 1), date(2023, 12, 31))
    assert plan.report_deadline == date(2023, 12, 15)
    assert "Thường trực Hội đồng Thi đua" in plan.report_to and plan.report_via == "Ban Thi đua – Khen thưởng tỉnh"
    assert [(d.number, d.date) for d in plan.directives] == [
        ("34-CT/TW", date(2014, 4, 7)), ("19/CT-TTg", date(2021, 7, 16)),
        ("16/CT-UBND", date(2021, 9, 13)), ("01/CT-UBND", date(2023, 1, 12))]
    assert [a.date for a in plan.anniversaries] == [date(2023, 6, 11), date(2023, 5, 19)]


def test_the_plans_facts_are_shown_with_vietnamese_dates(built_repo):
    text = main_text(built_repo.page(PLAN_URL))
    assert "15/12/2023" in text and "Chỉ thị 34-CT/TW 07/04/2014" in text
