"""A story's own verdict is remembered by what it says: a second reading judges only what changed."""

import json
from collections import OrderedDict

import markdown
from thidua.checks import rendering, tone
from thidua.checks.loader import load
from thidua.checks.verdicts import CACHE_FILE


def judged_files(site, monkeypatch) -> list[str]:
    """The stories whose own checks ran during one load (nothing remembered in memory from earlier loads)."""
    seen = []
    real = tone.tone_problems
    monkeypatch.setattr(tone, "tone_problems", lambda doc: seen.append(doc.path) or real(doc))
    monkeypatch.setattr(rendering, "_RENDERED", OrderedDict())
    site.loaded = load(site.root)
    return seen


def test_a_second_reading_judges_no_story_and_renders_no_body_again(site, monkeypatch):
    site.exemplar("mot")
    site.exemplar("hai")
    assert {"exemplars/mot.md", "exemplars/hai.md"} <= set(judged_files(site, monkeypatch))
    first = site.loaded
    converted = []
    monkeypatch.setattr(markdown.Markdown, "convert", lambda md, text: converted.append(text) or "")
    assert [p for p in judged_files(site, monkeypatch) if p.startswith("exemplars/")] == []
    assert not any("Câu chuyện." in text for text in converted)  # the stories' renderings came from the cache
    assert site.loaded.problems == first.problems
    assert site.loaded.corpus.exemplars == first.corpus.exemplars


def test_a_changed_story_is_judged_again_and_only_it(site, monkeypatch):
    site.exemplar("mot")
    site.exemplar("hai")
    judged_files(site, monkeypatch)
    site.exemplar("hai", body="Câu chuyện đã sửa.")
    assert [p for p in judged_files(site, monkeypatch) if p.startswith("exemplars/")] == ["exemplars/hai.md"]


def test_a_remembered_story_keeps_its_problems_at_their_lines(site, monkeypatch):
    site.exemplar("doc-hai", body="[bấm](//evil.example/)")
    site.exemplar("hoa", title="Tổ hòa giải và tổ hoà giải")
    first = [str(p) for p in load(site.root).problems]
    assert [p for p in judged_files(site, monkeypatch) if p.startswith("exemplars/")] == []
    assert [str(p) for p in site.loaded.problems] == first
    assert any("doc-hai.md:" in p and "evil.example" in p for p in first)
    assert any("hoa.md:" in p and "trộn hai kiểu bỏ dấu" in p for p in first)


def test_new_markdown_settings_judge_every_story_again(site, monkeypatch):
    site.exemplar("mot")
    judged_files(site, monkeypatch)
    config = site.root / "mkdocs.yml"
    config.write_text(config.read_text("utf-8").replace("markdown_extensions:\n", "markdown_extensions:\n  - abbr\n"),
                      "utf-8")
    assert "exemplars/mot.md" in judged_files(site, monkeypatch)


def test_the_cache_is_plain_json_holding_only_the_current_stories(site, monkeypatch):
    site.exemplar("mot")
    site.exemplar("hai")
    judged_files(site, monkeypatch)
    (site.root / "exemplars" / "hai.md").unlink()
    judged_files(site, monkeypatch)
    entries = json.loads((site.root / CACHE_FILE).read_text("utf-8"))
    assert len(entries) == len(site.loaded.corpus.exemplars)
    assert all(set(entry) == {"problems", "rendered"} for entry in entries.values())


def test_a_damaged_cache_is_read_as_no_cache(site, monkeypatch):
    site.exemplar("mot")
    judged_files(site, monkeypatch)
    cache = site.root / CACHE_FILE
    cache.write_text(json.dumps({key: {"problems": [["x"]], "rendered": 7}
                                 for key in json.loads(cache.read_text("utf-8"))}), "utf-8")
    assert "exemplars/mot.md" in judged_files(site, monkeypatch)
    cache.write_text("{not json", "utf-8")
    assert "exemplars/mot.md" in judged_files(site, monkeypatch)
    assert not [p for p in site.loaded.problems if p.path == "exemplars/mot.md"]
