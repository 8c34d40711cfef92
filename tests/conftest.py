"""Shared fixtures: tiny sites built in tmp_path and one real build of the repository."""

from __future__ import annotations

import pytest
from support import Site, copy_repository


@pytest.fixture
def site(tmp_path) -> Site:
    return Site(copy_repository(tmp_path / "repo"))


@pytest.fixture(scope="session")
def built_repo(tmp_path_factory) -> Site:
    """One real, strict build of the repository's own content, shared by the read-only tests."""
    built = Site(copy_repository(tmp_path_factory.mktemp("built") / "repo"))
    built.build()
    return built
