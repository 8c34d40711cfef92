"""The house rules of hooks/thidua, checked on every run: rooms, arrows, sizes, no HTML and no content ids."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from support import REPO
from thidua.checks.loader import load_corpus

PACKAGE = REPO / "hooks" / "thidua"
# Each room may import the rooms listed after it, never one before it: arrows point down.
ROOMS = ["cli", "engine", "hosting", "press", "readers", "editors", "site", "checks", "content"]
MAX_LINES = 400
ELEMENTS = ("html head body title meta link script style base p a img picture source figure figcaption strong em "
            "b i ul ol li dl dt dd h1 h2 h3 h4 h5 h6 div span section article nav header footer main aside table "
            "thead tbody tr th td br hr iframe form input button svg time blockquote pre code").split()
# An element name, then a space, a slash or the end of the tag: "<p>", "<a href=…>", "</figure>" — not "<mã>".
HTML_TAG = re.compile(r"</?(?:%s)(?:[\s/][^<>]*)?>" % "|".join(ELEMENTS), re.IGNORECASE)


def modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def room_of(path: Path) -> str:
    return path.relative_to(PACKAGE).parts[0].removesuffix(".py")


def imported_rooms(path: Path) -> set[str]:
    rooms = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level == 2 and node.module:
            rooms.add(node.module.split(".")[0])
        elif isinstance(node, ast.ImportFrom) and node.level == 2:
            rooms.update(alias.name for alias in node.names)
    return rooms


def external_imports(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    return names


def string_constants(path: Path) -> list[str]:
    return [node.value for node in ast.walk(ast.parse(path.read_text("utf-8")))
            if isinstance(node, ast.Constant) and isinstance(node.value, str)]


def test_every_module_lives_in_a_room():
    loose = [p.name for p in PACKAGE.glob("*.py") if p.name != "__init__.py"]
    assert loose == []
    assert {room_of(p) for p in modules() if p.parent != PACKAGE} <= set(ROOMS)
    assert len({room_of(p) for p in modules() if p.parent != PACKAGE}) >= 4


def test_arrows_point_down_only():
    upward = [f"{p.relative_to(PACKAGE)} imports {room}" for p in modules() if p.parent != PACKAGE
              for room in imported_rooms(p) if room in ROOMS and ROOMS.index(room) < ROOMS.index(room_of(p))]
    assert upward == []


def test_only_the_engine_room_imports_mkdocs_or_material():
    found = [str(p.relative_to(PACKAGE)) for p in modules() if {"mkdocs", "material"} & external_imports(p)]
    assert found and all(path.startswith("engine/") for path in found)


def test_no_module_is_over_400_lines():
    long = {str(p.relative_to(PACKAGE)): n for p in modules() if (n := len(p.read_text("utf-8").splitlines())) > MAX_LINES}
    assert long == {}


# Not HTML we write but Material's, matched to be removed from pages that do not load its script.
MATCHES_MATERIAL_MARKUP = {"hosting/minify.py"}


def test_no_html_tag_is_written_in_python():
    found = [(str(p.relative_to(PACKAGE)), s[:60]) for p in modules() for s in string_constants(p) if HTML_TAG.search(s)]
    assert [(path, s) for path, s in found if path not in MATCHES_MATERIAL_MARKUP] == []


def test_no_content_id_is_written_in_python():
    corpus = load_corpus(REPO)
    ids = {*corpus.unit_types, *corpus.movement_kinds, *corpus.units, *corpus.movements, *corpus.plans,
           *corpus.exemplars}
    found = [(str(p.relative_to(PACKAGE)), s) for p in modules() for s in string_constants(p) if s in ids]
    assert found == []


def test_the_rule_would_catch_a_tag_and_an_id():
    assert HTML_TAG.search('<p class="x">') and HTML_TAG.search("</figure>") and not HTML_TAG.search("exemplars/<mã>.md")
