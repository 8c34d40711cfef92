"""Content from pull requests is hostile: no payload is live in any output, whatever field carries it."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from commendation_support import DECISION, write_commendation
from thidua.checks.loader import load
from thidua.checks.sanitize import clean_html
from xss import (
    BREAKOUTS,
    MARKER,
    PAYLOADS,
    live_payloads_in_file,
    live_payloads_in_html,
)

TEXT_FIELDS = ["title", "name", "summary", "award", "photo_alt", "photo_credit"]
# Every other kind of Markdown source: the payloads go into its body, one paragraph each.
PAGE_SOURCES = {"content/plans/thi-dua-nuoc-rut-2023.md": "ke-hoach/thi-dua-nuoc-rut-2023",
                "content/movements/van-hoa-cong-so.md": "phong-trao/van-hoa-cong-so",
                "content/units/phu-quy.md": "don-vi/phu-quy",
                "content/commendations/quyet-dinh-khen-thuong-mau.md": "khen-thuong/quyet-dinh-khen-thuong-mau",
                "content/commendations/lay-y-kien-de-nghi-khen-thuong-mau.md":
                    "khen-thuong/lay-y-kien-de-nghi-khen-thuong-mau",
                "docs/gioi-thieu.md": "gioi-thieu"}


def quoted(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    from support import Site, copy_repository

    site = Site(copy_repository(tmp_path_factory.mktemp("hostile") / "repo"))
    photo = next((site.root / "exemplars").glob("*.jpg"))
    for n, payload in enumerate(PAYLOADS):
        site.exemplar(f"doc-hai-{n:02d}", body=f"Mở đầu.\n\n{payload}\n\nKết thúc {MARKER}.")
    for n, breakout in enumerate(BREAKOUTS):
        fields = {"photo": photo.name, **{field: quoted(f"{field} {breakout}") for field in TEXT_FIELDS}}
        site.exemplar(f"thoat-{n}", aliases=[f"cu-{n}"], body=f"Thân bài {breakout}", **fields)
        write_commendation(site, f"thoat-{n}", DECISION, title=f"Quyết định {breakout}", award=f"Bằng khen {breakout}",
                           number=f"1/QĐ {breakout}", signer=f"Người ký {breakout}", issuer=f"UBND {breakout}",
                           recipients=[{"kind": "individual", "name": f"Tên {breakout}", "unit": "phan-thiet",
                                        "position": f"Chức vụ {breakout}", "achievement": f"Thành tích {breakout}"}])
    # A payload is either refused by the checker (with its line) or published harmless: refused ones go.
    site.refused = sorted({p.path for p in load(site.root).errors})
    for path in site.refused:
        (site.root / path).unlink()
    about = site.root / "docs" / "gioi-thieu.md"  # MkDocs prints a page's own title and description unescaped
    about.write_text(about.read_text("utf-8").replace("title: Giới thiệu", f"title: {quoted(BREAKOUTS[1])}")
                     .replace("description: Trang này là gì, ai biên tập và cách đọc nội dung.",
                              f"description: {quoted(BREAKOUTS[0])}"), "utf-8")
    site.refused_lines = {}
    for source in PAGE_SOURCES:
        site.refused_lines[source] = _with_payloads_in_body(site.root, source)
    site.build()
    return site


def _with_payloads_in_body(root, source: str) -> list[int]:
    """Append every payload; drop exactly the lines the checker refuses (it must name them); return those."""
    path = root / source
    lines = path.read_text("utf-8").rstrip("\n").split("\n")
    lines += [line for payload in PAYLOADS + BREAKOUTS for line in ("", f"{payload} {MARKER}")]
    path.write_text("\n".join(lines) + "\n", "utf-8")
    refused = sorted({p.line for p in load(root).errors if p.path == source})
    path.write_text("\n".join(line for n, line in enumerate(lines, 1) if n not in refused) + "\n", "utf-8")
    assert not [p for p in load(root).errors if p.path == source]
    return refused


@pytest.mark.parametrize("source", PAGE_SOURCES)
def test_payloads_in_every_kind_of_page_are_refused_with_their_line_or_published_harmless(hostile_site, source):
    assert len(hostile_site.refused_lines[source]) >= 2  # the javascript: links, at least
    html = hostile_site.page(PAGE_SOURCES[source])
    assert html.count(MARKER) >= len(PAYLOADS) // 2  # the text is published...
    assert live_payloads_in_html(html) == []  # ...without its power


def test_hostile_stories_are_refused_or_published(hostile_site):
    pages = list((hostile_site.root / "site" / "guong-dien-hinh").glob("doc-hai-*/index.html"))
    assert len(pages) + len(hostile_site.refused) == len(PAYLOADS) + len(BREAKOUTS) - 2
    assert {"exemplars/doc-hai-04.md", "exemplars/doc-hai-05.md"} <= set(hostile_site.refused)  # javascript: links
    assert len(pages) >= len(PAYLOADS) // 2
    assert MARKER in pages[0].read_text("utf-8")  # the text survives; only its power is gone


def test_breakouts_in_every_field_of_a_decision_are_published_harmless(hostile_site):
    for n in range(len(BREAKOUTS)):
        assert f"content/commendations/thoat-{n}.md" not in hostile_site.refused
        html = hostile_site.page(f"khen-thuong/thoat-{n}")
        assert html.count(MARKER) >= 6 and live_payloads_in_html(html) == []
    assert MARKER in (hostile_site.root / "site" / "api" / "khen-thuong.csv").read_text("utf-8")


def test_no_payload_is_live_in_any_output_file(hostile_site):
    outputs = [p for p in (hostile_site.root / "site").rglob("*")
               if p.is_file() and p.suffix in {".html", ".xml", ".json", ".csv", ".txt"}]
    live = {str(p.relative_to(hostile_site.root)): found for p in outputs if (found := live_payloads_in_file(p))}
    assert live == {}


@pytest.mark.parametrize("field", TEXT_FIELDS)
@pytest.mark.parametrize("payload", PAYLOADS[:4])
def test_markup_in_a_text_field_is_refused_by_the_checker(site, field, payload):
    photo = next((site.root / "exemplars").glob("*.jpg")).name
    fields = {"photo": photo, "photo_alt": "Ảnh", "photo_credit": "Tác giả", field: quoted(payload)}
    site.exemplar("doc-hai", **fields)
    problems = [p for p in load(site.root).errors if p.path == "exemplars/doc-hai.md"]
    assert [p.field for p in problems] == [field]


fragments = st.lists(st.sampled_from(PAYLOADS + BREAKOUTS + ["<p>", "</p>", "**", "[", "](", ")", "\n\n", "&", "<",
                                                             ">", "\"", "'", "javascript:", "on", "=", "x"]),
                     max_size=12).map("".join)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.tuples(fragments, st.text(max_size=20)).map("".join))
def test_the_sanitiser_leaves_nothing_live_whatever_it_is_given(html):
    assert live_payloads_in_html(clean_html(html)) == []
