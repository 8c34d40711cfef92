"""Content from pull requests is hostile: no payload is live in any output, whatever field carries it."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from thidua.checks.loader import load
from thidua.site.sanitize import clean_html
from xss import (
    BREAKOUTS,
    MARKER,
    PAYLOADS,
    live_payloads_in_file,
    live_payloads_in_html,
)

TEXT_FIELDS = ["title", "name", "summary", "award", "photo_alt", "photo_credit"]


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
    # A payload is either refused by the checker (with its line) or published harmless: refused ones go.
    site.refused = sorted({p.path for p in load(site.root).errors})
    for path in site.refused:
        (site.root / path).unlink()
    site.build()
    return site


def test_hostile_stories_are_refused_or_published(hostile_site):
    pages = list((hostile_site.root / "site" / "guong-dien-hinh").glob("doc-hai-*/index.html"))
    assert len(pages) + len(hostile_site.refused) == len(PAYLOADS) + len(BREAKOUTS) - 2
    assert {"exemplars/doc-hai-04.md", "exemplars/doc-hai-05.md"} <= set(hostile_site.refused)  # javascript: links
    assert len(pages) >= len(PAYLOADS) // 2
    assert MARKER in pages[0].read_text("utf-8")  # the text survives; only its power is gone


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
