"""One YAML: front matter is read as YAML 1.2 (core schema), the YAML the web form writes, so what an editor
types in the form is what the checker and the build read back — not YAML 1.1's numbers and booleans."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from support import REPO
from thidua.checks.loader import load
from thidua.content.problems import ContentError
from thidua.content.source import parse_document

# What editors type into the form's text fields, and what YAML 1.1 made of it.
TYPED = {
    "time": "14:45",                 # 1.1: 885 (base 60)
    "name": "On",                    # 1.1: True
    "award": "Yes",                  # 1.1: True
    "photo_credit": "No",            # 1.1: False
    "title": "Off",                  # 1.1: False
    "summary": "=",                  # 1.1: a "value" tag nothing can construct
    "photo_alt": "<<",               # 1.1: the merge key
    "note": "~",                     # a tilde, as text
    "number": "012",                 # 1.1: octal 10
    "sexagesimal": "1:30:00",        # 1.1: 5400
    "underscored": "1_000",          # 1.1: 1000
    "date": "2023-09-01",            # text, as the schema expects
    "colons": "Ghi chú: ảnh của xã: Hàm Thuận",
    "url_like": "https://example.vn/a:b",
}


def form_yaml(data: dict) -> str:
    """`data` as the form saves it: decap-cms-core's formats/yaml.ts `toFile`, with the `yaml` package it bundles."""
    script = ("const yaml = require('yaml');"
              "const data = JSON.parse(require('fs').readFileSync(0, 'utf8'));"
              "const doc = new yaml.Document(); doc.contents = yaml.createNode(data);"
              "process.stdout.write(doc.toString());")
    done = subprocess.run(["node", "-e", script], input=json.dumps(data), capture_output=True, text=True,
                          cwd=REPO, check=True, timeout=60)
    return done.stdout


def read_back(front: str) -> dict:
    return parse_document(f"---\n{front}---\nNội dung.\n", "exemplars/x.md").meta


def test_what_the_form_writes_is_read_back_exactly_as_typed():
    written = form_yaml(TYPED)
    assert "time: 14:45\n" in written  # the form leaves it unquoted: only a YAML 1.2 reader keeps it text
    assert read_back(written) == TYPED


def test_numbers_booleans_and_empty_values_keep_their_types_through_the_form():
    values = {"order": 12, "negative": -3, "ratio": 0.5, "consent": True, "sample": False, "empty": None,
              "movements": ["cai-cach-hanh-chinh", "On"]}
    assert read_back(form_yaml(values)) == values


@pytest.mark.parametrize(("written", "read"), [
    ("time: 14:45", "14:45"),
    ("time: 08:30", "08:30"),
    ("name: On", "On"),
    ("name: off", "off"),
    ("award: Yes", "Yes"),
    ("award: n", "n"),
    ("award: =", "="),
    ("award: <<", "<<"),
    ("date: 2023-09-01", "2023-09-01"),
    ("date: 2023-02-30", "2023-02-30"),
    ("award: 1_000", "1_000"),
    ("award: 1:30:00", "1:30:00"),
    ("award: 'Bằng khen: UBND tỉnh'", "Bằng khen: UBND tỉnh"),
])
def test_plain_scalars_that_yaml_1_1_typed_are_text(written, read):
    key = written.split(":")[0]
    assert read_back(written + "\n")[key] == read


@pytest.mark.parametrize(("written", "read"), [
    ("value: ~", None), ("value: null", None), ("value:", None), ("value: NULL", None),
    ("value: true", True), ("value: False", False), ("value: TRUE", True),
    ("value: 012", 12), ("value: 0o17", 15), ("value: 0x1F", 31), ("value: -7", -7), ("value: +3", 3),
    ("value: 1.5", 1.5), ("value: 1e3", 1000.0), ("value: -.inf", float("-inf")),
    ("value: '~'", "~"), ("value: '12'", "12"), ("value: 'true'", "true"),
])
def test_the_core_schema_types_only_null_booleans_and_numbers(written, read):
    assert read_back(written + "\n")["value"] == read


def test_a_merge_key_is_an_ordinary_key_and_an_alias_is_still_refused():
    assert read_back("<<: x\n") == {"<<": "x"}
    with pytest.raises(ContentError) as caught:
        read_back("a: &x {b: 1}\nc:\n  <<: *x\n")
    assert "bí danh" in caught.value.problems[0].message


def test_a_number_too_long_to_convert_stays_text_instead_of_failing():
    digits = "9" * 5000
    assert read_back(f"value: {digits}\n")["value"] == digits


def test_a_story_saved_by_the_form_with_an_unquoted_time_and_a_yes_award_passes_check(site):
    story = {"title": "Tổ tự quản mẫu", "kind": "collective", "name": "On", "unit": "phan-thiet",
             "movements": ["cai-cach-hanh-chinh"], "date": "2023-10-01", "time": "14:45",
             "summary": "Tóm tắt mẫu.", "award": "Yes", "sample": True}
    path = site.root / "exemplars" / "to-tu-quan-form.md"
    path.write_text(f"---\n{form_yaml(story)}---\nCâu chuyện.\n", encoding="utf-8")
    loaded = load(site.root)
    assert [p for p in loaded.problems if p.path == "exemplars/to-tu-quan-form.md"] == []
    exemplar = loaded.corpus.exemplars["to-tu-quan-form"]
    assert (exemplar.name, exemplar.award, exemplar.time.isoformat(timespec="minutes")) == ("On", "Yes", "14:45")


def test_existing_content_reads_the_same_under_both_yamls():
    """Nothing the repository holds changes meaning: every file reads alike under YAML 1.1 and 1.2."""
    class Yaml11(yaml.SafeLoader):  # as the checker read it before: YAML 1.1 without dates
        yaml_implicit_resolvers = {first: [r for r in resolvers if r[0] != "tag:yaml.org,2002:timestamp"]
                                   for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()}

    for path in sorted([*REPO.glob("content/**/*.md"), *REPO.glob("exemplars/*.md")]):
        text = path.read_text("utf-8")
        front = text.split("\n---\n", 1)[0].removeprefix("---\n")
        assert read_back(front + "\n") == (yaml.load(front, Loader=Yaml11) or {}), path  # noqa: S506


def form_yaml_many(documents: list[dict]) -> list[str]:
    """Each of `documents` as the form saves it, in one run of node."""
    script = ("const yaml = require('yaml');"
              "const docs = JSON.parse(require('fs').readFileSync(0, 'utf8'));"
              "process.stdout.write(JSON.stringify(docs.map(data => {"
              "  const doc = new yaml.Document(); doc.contents = yaml.createNode(data); return doc.toString(); })));")
    done = subprocess.run(["node", "-e", script], input=json.dumps(documents), capture_output=True, text=True,
                          cwd=REPO, check=True, timeout=60)
    return json.loads(done.stdout)


# What an editor can type into a text field: any printable text, with YAML's own characters made likely.
TYPED_TEXT = st.text(st.one_of(st.sampled_from(list(":#-?&*!|>'\"%@`{}[],=<~ \n0123456789.eEoxTtFfNnYy")),
                               st.characters(blacklist_categories=("Cs", "Cc"))), max_size=60)


@settings(max_examples=30)
@given(st.lists(st.fixed_dictionaries({"title": TYPED_TEXT, "award": TYPED_TEXT,
                                       "movements": st.lists(TYPED_TEXT, max_size=3)}), min_size=1, max_size=20))
def test_any_text_the_form_writes_is_read_back_exactly(documents):
    for data, written in zip(documents, form_yaml_many(documents), strict=True):
        assert read_back(written) == data, written
