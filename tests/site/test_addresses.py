"""The addresses a grouping or a story may not take are the site's own, derived from what the site publishes:
checked here against the page plan and against a real build, so a new section or page cannot be missed."""

from __future__ import annotations

import re

from thidua.checks.groupings import taken_addresses
from thidua.checks.loader import load_corpus
from thidua.content import urls
from thidua.editors.guide import guide_pages
from thidua.site.pages import site_pages

SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")  # the only names a grouping id can have


def test_every_section_of_the_page_plan_is_an_address_a_grouping_may_not_take(site):
    site.exemplar("co-giai", award="Giấy khen mẫu", kind="individual", consent="true")
    corpus = load_corpus(site.root)
    plan = [*site_pages(corpus, page_size=1), *guide_pages(corpus)]
    assert {urls.first_segment(page.url) for page in plan} - {""} <= taken_addresses(site.root)


def test_every_name_a_real_build_publishes_at_the_top_is_taken(built_repo):
    published = {path.name for path in (built_repo.root / "site").iterdir() if SLUG.match(path.name)}
    assert "gioi-thieu" in published
    assert published <= taken_addresses(built_repo.root)


def test_every_name_a_real_build_publishes_under_the_stories_is_a_story_or_reserved(built_repo):
    corpus = load_corpus(built_repo.root)
    stories = set(corpus.exemplars) | {alias for e in corpus.exemplars.values() for alias in e.aliases}
    names = {path.name for path in (built_repo.root / "site" / urls.EXEMPLARS).iterdir()}
    assert names - stories <= urls.RESERVED_EXEMPLAR_IDS
