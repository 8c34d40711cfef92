"""The web form's rules (editors/rules.py, run by docs/assets/thidua-rules.js) give the checker's verdict.

The checker's own corpus of broken submissions (tests/checks/test_check_corpus.py) and the hostile corpus are
read back: every case whose problems all sit in one field the form offers is run through the form's rules
in Node, and must get exactly the checker's messages (without their English tags); the valid stories get
none. The patterns translated to JavaScript must find what Python finds, on the same strings.
"""

from __future__ import annotations

import json
import random
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml
from checks.test_check_corpus import BASE, CASES
from hostile.corpus import CASES as HOSTILE
from support import REPO
from thidua.checks.loader import load_corpus
from thidua.content.source import read_document
from thidua.editors import cms, rules

RULES_SCRIPT = REPO / "docs" / "assets" / "thidua-rules.js"
FORM_TEXT = {"title", "name", "summary", "award", "photo_alt", "photo_credit", "nội dung"}
LINE = re.compile(r"^(?P<path>[^:]+):(?P<line>\d+): (?P<field>[^:]+): (?P<message>.*)$")
# Run in Node: for each [kind, key, value], the form's messages.
HARNESS = """
const R = require(process.argv[1]);
const input = JSON.parse(require("fs").readFileSync(0, "utf8"));
const out = input.cases.map(([kind, key, value]) => kind === "body" ? R.bodyProblems(value, input.rules)
  : R.schemaProblems(value, input.rules.fields[key]).concat(R.textProblems(value, key, input.rules)));
process.stdout.write(JSON.stringify(out));
"""
MATCHES = """
const input = JSON.parse(require("fs").readFileSync(0, "utf8"));
process.stdout.write(JSON.stringify(input.cases.map(([rule, text]) =>
  Array.from(text.matchAll(new RegExp(rule.source, rule.flags + "g")), m =>
    [Array.from(text.slice(0, m.index)).length, Array.from(text.slice(0, m.index + m[0].length)).length]))));
"""


@pytest.fixture(scope="module")
def form_rules() -> dict:
    corpus = load_corpus(REPO)
    return rules.form_rules(corpus, cms.exemplar_schema(corpus))


def node(script: str, payload: dict, *args: str):
    if shutil.which("node") is None:
        pytest.fail("Node is needed for the web form's tests (installed with npm, see README)")
    done = subprocess.run(["node", "-e", script, *args], input=json.dumps(payload), capture_output=True,
                          text=True, check=True)
    return json.loads(done.stdout)


def form_verdicts(form_rules: dict, cases: list[tuple[str, str, str]]) -> list[list[str]]:
    return node(HARNESS, {"rules": form_rules, "cases": cases}, str(RULES_SCRIPT))


def field_cases() -> list[tuple[str, str, str, list[str]]]:
    """(case id, field, value, the checker's messages) for every corpus case confined to one form field."""
    found = []
    for case in CASES:
        lines = [LINE.match(line) for line in case.expected]
        if case.setup or not isinstance(case.content, str) or not lines or not all(lines):
            continue
        fields = {m["field"] for m in lines}
        errors = [m["message"] for m in lines if not m["message"].startswith("cảnh báo:")]
        if len(fields) != 1 or not fields <= FORM_TEXT or not errors:
            continue
        field = fields.pop()
        value = _value(case.content, field)
        if value is not None:
            found.append((case.id, field, value, [rules.plain(message) for message in errors]))
    return found


def _value(text: str, field: str) -> str | None:
    """The field's value as the editor would type it into the form: the body, or one key of the front matter."""
    front, _, body = text.removeprefix("---\n").partition("\n---\n")
    return body if field == "nội dung" else yaml.safe_load(front).get(field)


@pytest.fixture(scope="module")
def checker_cases():
    return field_cases()


def test_the_checkers_cases_on_one_field_are_at_least_twenty(checker_cases):
    assert len(checker_cases) >= 20, [c[0] for c in checker_cases]


def test_what_the_checker_refuses_in_a_field_the_form_refuses_in_the_same_words(form_rules, checker_cases):
    verdicts = form_verdicts(form_rules, [("body" if field == "nội dung" else "text", field, value)
                                          for _, field, value, _ in checker_cases])
    mismatches = {case_id: (verdict, expected) for (case_id, _, _, expected), verdict in zip(checker_cases, verdicts)
                  if sorted(verdict) != sorted(expected)}
    assert mismatches == {}


def test_the_hostile_corpus_cases_in_a_story_field_are_refused_by_the_form_as_by_the_checker(form_rules, tmp_path):
    story_cases = [case for case in HOSTILE if case.path.startswith("exemplars/") and case.expected
                   and re.search(r": (title|name|nội dung): ", case.expected)]
    assert len(story_cases) >= 3
    expected_starts = [LINE.match(case.expected)["message"] for case in story_cases]
    values = []
    for case in story_cases:
        root = tmp_path / case.name
        (root / "exemplars").mkdir(parents=True, exist_ok=True)
        shutil.copytree(REPO / "content", root / "content", dirs_exist_ok=True)
        case.make(root)
        field = LINE.match(case.expected)["field"]
        values.append(("body" if field == "nội dung" else "text", field,
                       _value((root / case.path).read_text("utf-8"), field)))
    for (case, verdict, start) in zip(story_cases, form_verdicts(form_rules, values), expected_starts):
        assert any(message.startswith(start) for message in verdict), (case.name, verdict, start)


def test_the_valid_story_of_the_corpus_passes_the_form(form_rules, tmp_path):
    path = tmp_path / "exemplars" / "bai.md"
    path.parent.mkdir()
    path.write_text(BASE, "utf-8")
    doc = read_document(path, tmp_path)
    cases = [("text", key, value) for key, value in doc.meta.items() if isinstance(value, str)]
    cases.append(("body", "nội dung", doc.body))
    assert form_verdicts(form_rules, cases) == [[] for _ in cases]


def test_a_story_dated_outside_its_plans_period_gets_a_warning_naming_the_period(form_rules):
    script = ("const R = require(process.argv[1]); const i = JSON.parse(require('fs').readFileSync(0, 'utf8'));"
              "process.stdout.write(JSON.stringify(i.dates.map(d => R.outsidePeriods(d, i.rules))));")
    inside, before, after = node(script, {"rules": form_rules, "dates": ["2023-10-01", "2023-01-15", "2024-02-01"]},
                                 str(RULES_SCRIPT))
    assert inside is None
    assert before == after
    assert "01/08/2023" in before and "31/12/2023" in before and "vẫn được đăng" in before


# --- the same patterns in both languages --------------------------------------------------------------------

ALPHABET = ("aàáạảãâầấậăằắặđeêềếệoôồốộơờớợuưừứựyỳý AĐ0123456789٣٤０１²_.,;:+-()[]<>/\\@#&=\"'`!?*~\t\n"
            "\u00a0\u2007\u202f\u3000\u1680\u200b\u200c\u200d\u2060\ufeff\u202a\u202e\u2066\u2069\x00\x07\x1b\x1c\x1f\x7f"
            "\x85\u0301\u0323\ufffd\U0001d7d8")
SAMPLES = ["0912 345 678", "(0252) 3822 123", "+84 252.382.2123", "CCCD 052090001234", "052 090 001 234",
           "to.truong@example.vn", "a_b@x.co", "ví dụ@miền.việt", "<script>", "&#60;", "&amp;", "<a href=//evil>",
           "[x](//evil.example)", "[p]: //evil", "<http://example.vn/>", "src = 'data:x'", "HREF=\"javascript:x\"",
           "số 0123456789 và 012345678901", "1.234.567.890.123", "x\u202ey", "a\u200bb", "٠٩١٢٣٤٥٦٧٨", "０９１２３４５６７８"]


def _strings() -> list[str]:
    generator = random.Random(19)
    made = ["".join(generator.choice(ALPHABET) for _ in range(generator.randint(1, 40))) for _ in range(400)]
    mixed = [generator.choice(SAMPLES) + "".join(generator.choice(ALPHABET) for _ in range(5)) + generator.choice(SAMPLES)
             for _ in range(200)]
    return SAMPLES + made + mixed


def _patterns(form_rules: dict):
    text, body = form_rules["text"], form_rules["body"]
    found = {"invisible": text["invisible"], "control": text["control"], "markup": text["markup"],
             "significant": body["bounds"]["significant"], "reference": body["reference"]}
    found.update({f"personal-{i}": rule for i, rule in enumerate(text["personal"])})
    found.update({f"link-{i}": rule for i, rule in enumerate(body["links"])})
    found.update({f"{key}-pattern": spec["pattern"] for key, spec in form_rules["fields"].items() if "pattern" in spec})
    return found


def test_every_pattern_finds_in_javascript_what_it_finds_in_python(form_rules):
    from thidua.checks import bounds, hygiene, privacy
    from thidua.checks import controls as control_rules
    from thidua.editors import rules as form
    python = {"invisible": hygiene._INVISIBLE, "control": control_rules._CONTROL, "markup": hygiene._MARKUP,
              "significant": bounds._SIGNIFICANT, "reference": form._REFERENCE,
              "personal-0": privacy.CITIZEN_ID, "personal-1": privacy.EMAIL, "personal-2": privacy.PHONE,
              "link-0": form._INLINE, "link-1": form._AUTOLINK, "link-2": form._ATTRIBUTE}
    patterns = _patterns(form_rules)
    strings = _strings()
    cases, expected = [], []
    for name, rule in patterns.items():
        pattern = python.get(name) or re.compile(_schema_pattern(name))
        for text in strings:
            cases.append([rule, text])
            expected.append([list(m.span()) for m in pattern.finditer(text)])
    found = node(MATCHES, {"cases": cases})
    differ = [(list(patterns)[i // len(strings)], case[1], got, want)
              for i, (case, got, want) in enumerate(zip(cases, found, expected)) if got != want]
    assert differ[:5] == []


def _schema_pattern(name: str) -> str:
    key = name.removesuffix("-pattern")
    return cms.exemplar_schema(load_corpus(REPO))["properties"][key]["pattern"]
