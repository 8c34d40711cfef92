"""Live preview: `thidua serve` (mkdocs serve) reloads when content or exemplars change."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config import load_config

REPO = Path(__file__).resolve().parent.parent


def test_the_preview_watches_content_and_exemplars():
    config = load_config(str(REPO / "mkdocs.yml"))
    watched = {Path(p).resolve() for p in config.watch}
    for folder in ("content", "exemplars", "hooks", "overrides"):
        assert (REPO / folder).resolve() in watched, folder
