"""Two engines, one site: MkDocs 1.6.1 and ProperDocs 1.6.x (its maintained fork) build the same files, byte
for byte but the generator tag, so the site can move to ProperDocs by setting THIDUA_ENGINE=properdocs."""

from __future__ import annotations

import os
import re
import subprocess
import sysconfig
from pathlib import Path

import pytest
from support import AS_OF, copy_repository

THIDUA = Path(sysconfig.get_path("scripts")) / "thidua"
GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')


def build_with(engine: str, root: Path, out: Path) -> subprocess.CompletedProcess:
    """`thidua build` in its own process: the engine is chosen before anything of MkDocs is imported."""
    env = {**os.environ, "THIDUA_ENGINE": engine, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run([str(THIDUA), "--root", str(root), "build", "--as-of", AS_OF.isoformat(),
                           "--site-dir", str(out)], capture_output=True, text=True, env=env, timeout=600)


@pytest.fixture(scope="module")
def both(tmp_path_factory):
    root = copy_repository(tmp_path_factory.mktemp("engines") / "repo")
    built = {}
    for engine in ("mkdocs", "properdocs"):
        result = build_with(engine, root, root.parent / engine)
        assert result.returncode == 0, result.stdout + result.stderr
        built[engine] = root.parent / engine
    return built


def files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_mkdocs_and_properdocs_build_the_same_files_with_the_same_bytes_but_the_generator_tag(both):
    mkdocs, properdocs = files(both["mkdocs"]), files(both["properdocs"])
    assert sorted(mkdocs) == sorted(properdocs) and len(mkdocs) > 300
    differ = [name for name in mkdocs if mkdocs[name] != properdocs[name]]
    assert differ and all(name.endswith(".html") for name in differ)
    unlike = [name for name in differ
              if GENERATOR.sub(b"", mkdocs[name]) != GENERATOR.sub(b"", properdocs[name])]
    assert unlike == []


def test_each_page_names_the_engine_that_built_it(both):
    page = "guong-dien-hinh/index.html"
    assert b'content="mkdocs-1.6.1, mkdocs-material-' in (both["mkdocs"] / page).read_bytes()
    assert re.search(rb'content="mkdocs-ProperDocs 1\.6\.\d+, mkdocs-material-', (both["properdocs"] / page).read_bytes())


def test_an_unknown_engine_is_refused_in_vietnamese_before_anything_is_built(tmp_path):
    result = build_with("zensical", copy_repository(tmp_path / "repo"), tmp_path / "out")
    assert result.returncode != 0 and not (tmp_path / "out").exists()
    assert result.stderr.strip() == ("thidua: THIDUA_ENGINE='zensical': chỉ nhận mkdocs (mặc định) hoặc properdocs "
                                     "(unknown engine)")
