"""The guide to the web form (docs/bien-tap/bieu-mau.md) speaks the form's words: every button and field it
names in bold is one the form shows, and the editor's part never speaks of the machinery behind it."""

from __future__ import annotations

import re

from support import REPO
from thidua.checks.loader import load_corpus
from thidua.content.words import catalogue
from thidua.editors import cms

GUIDE = REPO / "docs" / "bien-tap" / "bieu-mau.md"
MACHINERY = re.compile(r"pull request|merge|branch|nhánh|commit|stash|YAML|git\b|Sẵn sàng|Trạng:", re.I)


def editors_part() -> str:
    return GUIDE.read_text("utf-8").split("## Dành cho quản trị viên")[0]


def form_words() -> set[str]:
    corpus = load_corpus(REPO)
    config = cms.cms_config(corpus, cms.exemplar_schema(corpus), cms.CmsSettings(repo="o/r"))
    collection = config["collections"][0]
    words = set()

    def walk(value):
        if isinstance(value, str):
            words.add(value.replace("%{collectionLabel}", collection["label_singular"]))
            words.update(value.replace("%{status}", status) for status in ("Bản nháp", "Chờ duyệt"))
            words.update(part.strip() for part in re.split(r"%\{\w+\}", value) if part.strip())
        elif isinstance(value, dict):
            for item in value.values():
                walk(item)

    walk(catalogue()["cms_locale"])
    for field in collection["fields"]:
        words.add(field["label"])
        words.update(option["label"] for option in field.get("options", []) if isinstance(option, dict))
    return words


def test_every_button_and_field_the_guide_names_is_one_the_form_shows():
    named = {" ".join(name.split()) for name in re.findall(r"\*\*([^*]+)\*\*", editors_part())}
    words = form_words()
    assert {"Đăng nhập", "Lưu", "Dùng ảnh đã chọn", "Chờ duyệt", "Đăng ngay"} <= named
    assert sorted(n for n in named if n not in words and n.lower() not in {w.lower() for w in words}
                  and n not in {"biểu mẫu", "bản nháp", "duyệt", "đăng", "khung tóm tắt ở đầu biểu mẫu",
                                "dưới ô có lỗi", "gương cá nhân"}) == []


def test_the_editors_part_of_the_guide_and_the_forms_words_never_speak_of_the_machinery():
    assert MACHINERY.findall(editors_part()) == []
    assert MACHINERY.findall(" ".join(sorted(form_words()))) == []
