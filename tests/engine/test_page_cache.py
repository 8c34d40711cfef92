"""A warm build writes again the story pages whose inputs did not change, and publishes exactly what a build
without any kept page publishes, whatever changed in between."""

from __future__ import annotations

import shutil
from datetime import date

import pytest
from thidua.engine.page_cache import FOLDER, PageCache


def published(site_dir):
    return {p.relative_to(site_dir).as_posix(): p.read_bytes() for p in site_dir.rglob("*") if p.is_file()}


def rendered_story_pages(site, monkeypatch, as_of=None) -> set[str]:
    """Build; the story pages this build rendered (the others were written from the cache)."""
    kept = []
    real = PageCache.put
    monkeypatch.setattr(PageCache, "put", lambda cache, key, html: kept.append(key) or real(cache, key, html))
    site.built = site.build(as_of) if as_of else site.build()
    return set(kept)


def first_ids(site) -> set[str]:
    return {p.stem for p in (site.root / "exemplars").glob("*.md")}


def same_as_without_cache(site, as_of=None):
    """The warm build's site equals one built with no page kept."""
    warm = published(site.built)
    shutil.rmtree(site.root / FOLDER)
    cold = published(site.build(as_of) if as_of else site.build())
    assert warm.keys() == cold.keys()
    assert [name for name in warm if warm[name] != cold[name]] == []


def test_a_warm_build_renders_no_story_page_and_writes_the_same_site(site, monkeypatch, caplog):
    first = rendered_story_pages(site, monkeypatch)
    kept = list((site.root / FOLDER).glob("*.html"))
    assert first and len(kept) == len(first)
    assert all(p.stat().st_mode & 0o777 == 0o644 for p in kept)  # linked into the site: a web server reads it
    caplog.set_level("INFO", logger="mkdocs")
    assert rendered_story_pages(site, monkeypatch) == set()
    assert not [r for r in caplog.records if "Page skipped" in r.getMessage()]  # nothing was skipped
    stories = [p for p in (site.built / "guong-dien-hinh").glob("*/index.html") if p.parent.name in first_ids(site)]
    assert stories and all(p.stat().st_nlink == 2 for p in stories)  # linked from .cache/pages/, not written again
    same_as_without_cache(site)


def test_an_edited_story_renders_its_own_page_and_those_that_show_it_only(site, monkeypatch):
    site.exemplar("mot", title="Tổ một", unit="bac-binh")
    site.exemplar("hai", title="Tổ hai", unit="bac-binh")
    site.exemplar("ba", title="Tổ ba", unit="tuy-phong", movements=["van-hoa-cong-so"])
    rendered_story_pages(site, monkeypatch)
    site.exemplar("hai", title="Tổ hai đã sửa", unit="bac-binh")
    again = rendered_story_pages(site, monkeypatch)
    assert 1 <= len(again) < 4  # its page and "Đọc thêm" of its unit and movement's newest, not every story
    assert "Tổ hai đã sửa" in (site.built / "guong-dien-hinh" / "mot" / "index.html").read_text("utf-8")
    same_as_without_cache(site)


@pytest.mark.parametrize("change", ["unit renamed", "template", "settings"])
def test_what_every_page_shows_renders_every_story_page_again(site, monkeypatch, change):
    site.exemplar("mot", unit="bac-binh")
    first = rendered_story_pages(site, monkeypatch)
    if change == "unit renamed":
        unit = site.root / "content" / "units" / "bac-binh.md"
        unit.write_text(unit.read_text("utf-8").replace("name: Bắc Bình", "name: Huyện Bắc Bình"), "utf-8")
    elif change == "template":
        template = site.root / "overrides" / "thidua" / "exemplar.html"
        template.write_text(template.read_text("utf-8").replace("<dt>Ngày đăng</dt>", "<dt>Ngày đăng bài</dt>"), "utf-8")
    else:
        config = site.root / "mkdocs.yml"
        config.write_text(config.read_text("utf-8").replace("site_name: ", "site_name: Trang "), "utf-8")
    assert len(rendered_story_pages(site, monkeypatch)) == len(first)  # every published story
    page = (site.built / "guong-dien-hinh" / "mot" / "index.html").read_text("utf-8")
    assert {"unit renamed": "Huyện Bắc Bình", "template": "Ngày đăng bài", "settings": "Trang "}[change] in page
    same_as_without_cache(site)


def test_another_build_date_renders_every_story_page_again(site, monkeypatch):
    rendered_story_pages(site, monkeypatch)
    assert rendered_story_pages(site, monkeypatch, as_of=date(2024, 1, 15))
    same_as_without_cache(site, as_of=date(2024, 1, 15))


def test_the_preview_neither_reads_nor_writes_kept_pages(site):
    from thidua.engine.preview import Preview

    preview = Preview(site.root)
    try:
        assert preview.full_build().problems == []
    finally:
        shutil.rmtree(preview.work, ignore_errors=True)
    assert not (site.root / FOLDER).exists()
