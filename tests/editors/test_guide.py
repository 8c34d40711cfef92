"""The editors' guide on the site: hand-written steps, a complete example that really passes, an
explanation for every message, and a field reference generated from the schema."""

from __future__ import annotations

import html
import io
import json
import re
from dataclasses import replace
from pathlib import Path

from PIL import Image
from checks.test_check_corpus import CASES, PHOTO_CASES, check
from thidua.checks.loader import load_corpus
from thidua.checks.rendering import body_renderer, site_markdown
from thidua.checks.sanitize import urls_in
from thidua.checks.schemas import SCHEMA_DIR, load_schema
from thidua.editors.guide import field_reference, field_reference_markdown

REPO = Path(__file__).resolve().parents[2]
GUIDE = REPO / "docs" / "bien-tap"


def text_of(page_html: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", page_html))


def test_the_field_reference_describes_every_field_of_the_schema(built_repo):
    page = text_of(built_repo.page("bien-tap/truong-du-lieu/"))
    schema = load_schema("exemplar")
    for key, spec in schema["properties"].items():
        assert f"{key} — {spec['title']}" in page, key
        assert spec["description"] in page, key
    assert "Bắt buộc · chữ · tối đa 300 ký tự" in page  # summary
    assert "Bắt buộc khi kind là individual và phải là true" in page  # consent
    assert "Bắt buộc khi có photo" in page  # photo_alt, photo_credit
    assert "chỉ nhận: individual, collective" in page


def test_the_field_reference_lists_every_unit_and_movement_id(built_repo):
    page = built_repo.page("bien-tap/truong-du-lieu/")
    corpus = load_corpus(built_repo.root)
    for unit_id in corpus.units:
        assert f"<code>{unit_id}</code>" in page
    for movement_id in corpus.movements:
        assert f"<code>{movement_id}</code>" in page


def test_the_field_reference_follows_the_schema_so_it_cannot_drift():
    corpus = load_corpus(REPO)
    schema = json.loads((SCHEMA_DIR / "exemplar.schema.json").read_text("utf-8"))
    schema["properties"]["location"] = {"title": "Địa điểm", "description": "Nơi diễn ra câu chuyện.",
                                        "type": "string", "maxLength": 120}
    schema["required"].append("location")
    schema["properties"]["summary"]["maxLength"] = 250
    text = field_reference_markdown(corpus, schema)
    assert "### `location` — Địa điểm {#location}" in text
    assert "**Bắt buộc** · chữ · tối đa 120 ký tự · " not in text  # no minLength given for the new field
    assert "**Bắt buộc** · chữ · tối đa 120 ký tự\n" in text
    assert "tối đa 250 ký tự" in text and "Nơi diễn ra câu chuyện." in text
    assert [f.key for f in field_reference(schema)][-1] == "location"


def test_markup_in_a_unit_name_is_shown_as_text_in_the_field_reference():
    corpus = load_corpus(REPO)
    unit = next(iter(corpus.units.values()))
    object.__setattr__(unit, "name", "<script>alert(1)</script> | x")
    text = field_reference_markdown(corpus)
    assert "<script>" not in text and "&lt;script&gt;alert\\(1\\)&lt;/script&gt; \\| x" in text


def test_the_complete_example_of_the_guide_passes_check_and_builds(site):
    guide = (GUIDE / "vi-du.md").read_text("utf-8")
    example = re.search(r"```markdown\n(.*?)```", guide, re.S).group(1)
    name = "to-tu-quan-khu-pho-3-giu-duong-lang-xanh"
    assert f"photo: {name}.jpg" in example
    (site.root / "exemplars" / f"{name}.md").write_text(example, encoding="utf-8")
    photo = io.BytesIO()
    Image.new("RGB", (1200, 800), (30, 120, 60)).save(photo, "JPEG")
    (site.root / "exemplars" / f"{name}.jpg").write_bytes(photo.getvalue())
    assert check(site.root) == (0, [])
    site.build()
    assert "Tổ tự quản khu phố 3, thị trấn Tam Thanh" in site.page(f"guong-dien-hinh/{name}/")


def test_every_message_of_the_broken_corpus_is_explained_on_the_errors_page():
    page = (GUIDE / "thong-bao-loi.md").read_text("utf-8")
    expected = [line for case in CASES for line in case.expected] + [line for c in PHOTO_CASES for line in c[3]]
    for line in expected:
        message = line.split(": ", 2)[2].removeprefix("cảnh báo: ")
        if message.startswith("lỗi cú pháp YAML: "):
            explained = message.removeprefix("lỗi cú pháp YAML: ")[:20]
        elif message.endswith(")"):
            explained = "(" + message.rsplit("(", 1)[1]
        else:
            explained = message[:30]
        assert explained in page, line


def test_every_page_footer_leads_to_the_guide_which_links_its_pages(built_repo):
    home = built_repo.page("")
    assert '<a href="bien-tap/">Dành cho biên tập viên</a>' in home
    guide = built_repo.page("bien-tap/")
    for target in ("vi-du/", "anh-va-su-dong-y/", "thong-bao-loi/", "truong-du-lieu/"):
        assert f'href="{target}' in guide or f'href="../bien-tap/{target}' in guide, target


def test_the_published_schema_is_the_one_the_checker_uses(built_repo):
    published = built_repo.root / "site" / "schema" / "exemplar.schema.json"
    assert json.loads(published.read_text("utf-8")) == load_schema("exemplar")


def test_names_in_the_field_reference_are_printed_as_written_never_as_markup():
    corpus = load_corpus(REPO)
    name = "[Phú Quý](//evil.example/x) *đậm* <b>thẻ</b> `mã` {: onclick=x } | ô \\ 1. # ![ảnh](//evil.example/y)"
    corpus.units["phu-quy"] = replace(corpus.units["phu-quy"], name=name)
    to_html = body_renderer(*site_markdown(REPO), page_links=False)
    rendered = to_html(field_reference_markdown(corpus))[0]  # before the sanitiser, which would drop the links
    assert not [url for url in urls_in(rendered) if "evil" in url[2]]
    assert f"<td>{html.escape(name, quote=False)}</td>" in rendered
