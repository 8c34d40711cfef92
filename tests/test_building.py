"""Builds are atomic and reproducible."""

import filecmp
import os

import pytest
from thidua.engine.building import BuildFailed, build_site


def tree(folder):
    return sorted(p.relative_to(folder) for p in folder.rglob("*"))


def assert_identical(a, b):
    assert tree(a) == tree(b)
    different = [p for p in tree(a) if (a / p).is_file() and not filecmp.cmp(a / p, b / p, shallow=False)]
    assert different == []


def test_two_builds_of_the_same_content_are_byte_identical(built_repo, tmp_path):
    os.utime(built_repo.root / "exemplars", None)  # a touched tree must not change the output
    again = build_site(built_repo.root, tmp_path / "again", as_of=site_date())
    assert_identical(built_repo.root / "site", again)


def test_sitemap_dates_come_from_the_build_date_not_the_clock(site, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    build_site(site.root, as_of=site_date())
    assert "<lastmod>2023-12-31</lastmod>" in (site.root / "site" / "sitemap.xml").read_text("utf-8")


def test_a_failed_build_leaves_the_previous_site_byte_for_byte(site):
    good = build_site(site.root, as_of=site_date())
    snapshot = site.root / "snapshot"
    build_site(site.root, snapshot, as_of=site_date())
    (site.root / "mkdocs.yml").write_text((site.root / "mkdocs.yml").read_text("utf-8") + "\nnot_a_setting: 1\n", "utf-8")
    with pytest.raises(BuildFailed):
        build_site(site.root, as_of=site_date())
    assert_identical(good, snapshot)
    assert not [p for p in site.root.iterdir() if p.name.startswith(".site-")]


def site_date():
    from support import AS_OF
    return AS_OF
