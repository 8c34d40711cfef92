from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

from thidua.checks.loader import load_corpus
from thidua.content.model import Report

REPO = Path(__file__).resolve().parents[2]


def corpus():
    return load_corpus(REPO)


def test_an_embargoed_story_is_absent_from_the_published_corpus():
    full = corpus()
    newest = full.exemplars_newest_first[0]
    published = full.published(newest.date - timedelta(days=1))
    assert newest.id not in published.exemplars
    assert all(newest.id != e.id for items in published.by_movement.values() for e in items)
    assert newest.id in full.published(newest.date).exemplars


def test_listings_are_newest_first():
    dates = [e.date for e in corpus().exemplars_newest_first]
    assert dates == sorted(dates, reverse=True)


def test_a_locality_gathers_the_stories_of_its_own_units():
    c = corpus()
    story = next(iter(c.exemplars.values()))
    c.units["so-thu"] = replace(c.units["so-ban-nganh-tinh"], id="so-thu", locality="la-gi")
    c.exemplars[story.id] = replace(story, unit="so-thu")
    assert [e.id for e in c.by_locality["la-gi"]] == [story.id]


def test_samples_say_so_in_their_headline():
    story = next(iter(corpus().exemplars.values()))
    assert story.display_title == f"[Nội dung mẫu] {story.title}"
    assert replace(story, sample=False).display_title == story.title


def test_a_unit_report_belongs_to_one_plan():
    unit = replace(corpus().units["phan-thiet"], reports=(Report("thi-dua-nuoc-rut-2023", date(2023, 12, 10), "x"),))
    assert unit.report_for("thi-dua-nuoc-rut-2023").submitted == date(2023, 12, 10)
    assert unit.report_for("ke-hoach-2024") is None


def test_the_current_plan_is_the_one_that_ends_last():
    c = corpus()
    plan = c.plans["thi-dua-nuoc-rut-2023"]
    c.plans["ke-hoach-2024"] = replace(plan, id="ke-hoach-2024", period_end=date(2024, 12, 31))
    assert c.current_plan.id == "ke-hoach-2024"
