"""Whatever an editor submits, `thidua check` answers with problems, never with a traceback."""

from __future__ import annotations

import contextlib
import io
import os

import pytest
import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from support import copy_repository
from thidua.checks.loader import load
from thidua.checks.schemas import load_schema
from thidua.cli.main import main
from thidua.content.problems import ContentError
from thidua.content.source import parse_document

KEYS = list(load_schema("exemplar")["properties"])
# The module's repository copy is shared on purpose (copying it per example would dominate the run); each
# example rewrites the one file it uses. Generation can be slow on a busy machine: that is no failure.
EXAMPLES = settings(max_examples=int(os.environ.get("THIDUA_HYPOTHESIS_EXAMPLES", "40")), deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])

scalars = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=40),
    st.sampled_from(["2023-10-01", "2023-02-30", "individual", "collective", "phan-thiet", "cai-cach-hanh-chinh",
                     "anh.jpg", "../anh.jpg", "/etc/passwd", "a\x00b", "hòa hoà", "0912 345 678", "x@y.vn", "\ufffd"]),
)
values = st.recursive(scalars, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
                      max_leaves=8)
front_matters = st.dictionaries(st.sampled_from(KEYS) | st.text(max_size=12), values, max_size=12)
bodies = st.text(max_size=300)


@pytest.fixture(scope="module")
def repo(tmp_path_factory):
    return copy_repository(tmp_path_factory.mktemp("prop") / "repo")


def _check(root) -> int:
    out = io.StringIO()
    os.environ["THIDUA_DEBUG"] = "1"  # an internal error raises instead of being reported
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
            code = main(["--root", str(root), "check"])
    finally:
        del os.environ["THIDUA_DEBUG"]
    assert "(internal error)" not in out.getvalue()  # a file the loader could not process, named but unforeseen
    return code


@EXAMPLES
@given(meta=front_matters, body=bodies)
@example(meta={"photo": "a\x00b"}, body="")  # found by Hypothesis: Path() refused the null byte (ValueError)
@example(meta={"photo": "a" * 300}, body="")  # found by fuzzing: a name too long for the file system (OSError)
@example(meta={"photo": "."}, body="")  # a folder, not a file
def test_random_front_matter_gives_problems_not_a_traceback(repo, meta, body):
    text = "---\n" + yaml.safe_dump(meta, allow_unicode=True) + "---\n" + body
    (repo / "exemplars" / "ngau-nhien.md").write_text(text, encoding="utf-8", newline="")
    assert _check(repo) in (0, 1)
    load(repo)


@EXAMPLES
@given(front=st.text(max_size=200), body=bodies)
def test_random_text_between_the_fences_gives_problems_not_a_traceback(repo, front, body):
    text = f"---\n{front}\n---\n{body}"
    (repo / "exemplars" / "ngau-nhien.md").write_text(text, encoding="utf-8", errors="surrogatepass", newline="")
    assert _check(repo) in (0, 1)
    try:
        parse_document(text, "exemplars/ngau-nhien.md")
    except ContentError as err:
        assert all(p.line >= 1 for p in err.problems)


@EXAMPLES
@given(raw=st.binary(max_size=300))
def test_random_bytes_give_problems_not_a_traceback(repo, raw):
    (repo / "exemplars" / "ngau-nhien.md").write_bytes(raw)
    assert _check(repo) in (0, 1)


@pytest.mark.parametrize("ci, expected", [("true", "derandomised without database"), ("", "random with database")])
def test_ci_runs_the_same_examples_every_time_and_a_developer_keeps_exploring(ci, expected):
    import subprocess
    import sys
    from pathlib import Path

    probe = ("import conftest; from hypothesis import settings; d = settings.default; "
             "print('derandomised' if d.derandomize else 'random', 'with' if d.database else 'without', 'database')")
    env = {key: value for key, value in os.environ.items() if key != "CI"} | ({"CI": ci} if ci else {})
    result = subprocess.run([sys.executable, "-c", probe], cwd=Path(__file__).resolve().parents[1], env=env, capture_output=True,
                            text=True, timeout=60)
    assert result.stdout.strip() == expected, result.stderr
