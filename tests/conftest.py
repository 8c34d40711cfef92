"""Shared fixtures: tiny sites built in tmp_path and one real build of the repository.

Hypothesis: on a developer's machine property tests keep exploring new inputs (and remember the failing
ones in .hypothesis/); with CI=true they run a fixed, derandomised set without the example database, so
CI gives the same answer on every run. A bug Hypothesis finds becomes an `@example` of its test.
"""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, settings
from support import Site, copy_repository

# too_slow measures the clock while generating data: on a busy CI machine it says nothing about the code.
settings.register_profile("ci", derandomize=True, database=None, deadline=None, max_examples=60,
                          suppress_health_check=[HealthCheck.too_slow], print_blob=True)
settings.register_profile("dev", deadline=None)
settings.load_profile("ci" if os.environ.get("CI", "").lower() in ("1", "true", "yes") else "dev")


@pytest.fixture
def site(tmp_path) -> Site:
    return Site(copy_repository(tmp_path / "repo"))


@pytest.fixture(scope="session")
def built_repo(tmp_path_factory) -> Site:
    """One real, strict build of the repository's own content, shared by the read-only tests."""
    built = Site(copy_repository(tmp_path_factory.mktemp("built") / "repo"))
    built.build()
    return built
