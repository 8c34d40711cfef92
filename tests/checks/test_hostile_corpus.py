"""The hostile corpus (tests/hostile/corpus.py): each file is refused by check and by build with the same
`path:line: field: message`, or accepted and published with nothing live. scripts/time_hostile.py times them."""

import contextlib
import html
import io
import re

import pytest
from hostile.corpus import CASES, MARKER
from support import Site, copy_repository
from thidua.cli.main import main
from thidua.engine.building import BuildFailed
from xss import live_payloads_in_file

REFUSED = [case for case in CASES if case.expected is not None]
ACCEPTED = [case for case in CASES if case.expected is None]


def check(root) -> tuple[int, str]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
        code = main(["--root", str(root), "check"])
    return code, out.getvalue()


@pytest.mark.parametrize("case", REFUSED, ids=[c.name for c in REFUSED])
def test_a_hostile_file_is_refused_by_check_and_build_with_its_path_and_line(tmp_path, case):
    site = Site(copy_repository(tmp_path / "repo"))
    case.make(site.root)
    code, said = check(site.root)
    assert code == 1 and "lỗi nội bộ" not in said
    assert any(line.startswith(case.expected) for line in said.splitlines()), said[:2000]
    with pytest.raises(BuildFailed) as failed:
        site.build()
    assert case.expected in str(failed.value)


@pytest.fixture(scope="module")
def accepted_site(tmp_path_factory):
    site = Site(copy_repository(tmp_path_factory.mktemp("accepted") / "repo"))
    for case in ACCEPTED:
        case.make(site.root)
    assert check(site.root)[0] == 0
    site.build()
    return site


def test_accepted_hostile_files_are_published_with_nothing_live(accepted_site):
    outputs = [p for p in (accepted_site.root / "site").rglob("*")
               if p.is_file() and p.suffix in {".html", ".xml", ".json", ".csv", ".txt"}]
    assert any(MARKER in p.read_text("utf-8", errors="replace") for p in outputs)
    live = {str(p.relative_to(accepted_site.root)): found for p in outputs if (found := live_payloads_in_file(p))}
    assert live == {}


# A URL attribute leading to the hostile cases' host, in a page or in the HTML a feed or JSON file carries.
EVIL_URL = re.compile(r"""(?:href|src)\s*=\s*["']?[^"'\s>]*evil\.example""", re.IGNORECASE)


def test_accepted_hostile_files_link_nowhere_the_policy_refuses(accepted_site):
    outputs = [p for p in (accepted_site.root / "site").rglob("*")
               if p.is_file() and p.suffix in {".html", ".xml", ".json"}]
    assert any("evil.example" in p.read_text("utf-8") for p in outputs)  # the unit's name is published, as text
    linked = [str(p.relative_to(accepted_site.root)) for p in outputs
              if EVIL_URL.search(html.unescape(p.read_text("utf-8").replace("\\u0026", "&").replace('\\"', '"')))]
    assert linked == []


def test_a_long_story_is_published_whole(accepted_site):
    assert accepted_site.page("guong-dien-hinh/bai-dai").count("Thu gom rác thải nhựa") > 200
