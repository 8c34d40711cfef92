"""The locks (`make lock`): every Python package pinned with its hashes, within pyproject.toml's ranges."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

REPO = Path(__file__).resolve().parent.parent
PIN = re.compile(r"^([A-Za-z0-9_.-]+)==([^\s;\\]+)")


def pins(lock: str) -> dict[str, Version]:
    """name → version of each pin, after checking that every pin carries at least one sha256 hash."""
    text = (REPO / lock).read_text("utf-8")
    entries = re.split(r"\n(?=\S)", text)
    found = {}
    for entry in entries:
        match = PIN.match(entry)
        if match:
            assert "--hash=sha256:" in entry, f"{lock}: {match[1]} has no hash"
            found[canonicalize_name(match[1])] = Version(match[2])
    return found


def ranges(*extras: str) -> list[Requirement]:
    project = tomllib.loads((REPO / "pyproject.toml").read_text("utf-8"))["project"]
    wanted = list(project["dependencies"])
    for extra in extras:
        wanted += project["optional-dependencies"][extra]
    return [Requirement(line) for line in wanted]


def assert_within(lock: str, requirements: list[Requirement]) -> dict[str, Version]:
    pinned = pins(lock)
    for requirement in requirements:
        name = canonicalize_name(requirement.name)
        assert name in pinned, f"{lock} has no {requirement.name}: run `make lock` after changing pyproject.toml"
        assert requirement.specifier.contains(pinned[name], prereleases=True), (
            f"{lock}: {requirement.name}=={pinned[name]} is outside “{requirement.specifier}”: run `make lock`")
    return pinned


def test_the_lock_pins_every_runtime_and_test_dependency_within_its_range():
    pinned = assert_within("requirements.lock", ranges("test"))
    assert len(pinned) > len(ranges("test"))  # their own dependencies too


def test_the_site_lock_pins_the_runtime_alone_at_the_same_versions():
    site = assert_within("requirements-site.lock", ranges())
    full = pins("requirements.lock")
    assert {name: version for name, version in site.items() if full.get(name) != version} == {}
    assert "pytest" not in site and "playwright" not in site


def test_the_makefile_installs_from_the_lock_and_reinstalls_when_it_changes():
    makefile = (REPO / "Makefile").read_text("utf-8")
    assert "$(STAMP): pyproject.toml $(LOCK)\n" in makefile
    assert "pip install --quiet --require-hashes -r $(LOCK)\n" in makefile
    assert "pip install --quiet --no-deps -e .\n" in makefile
    assert re.search(r"^lock: ", makefile, re.M)
