"""The engine room: the only code that speaks MkDocs (and, through the theme, Material for MkDocs).

Two engines build the same site: MkDocs 1.6.1 (the default) and ProperDocs 1.6.x, a maintained fork of
MkDocs 1.6 (`THIDUA_ENGINE=properdocs thidua build`; tests/engine/test_engines.py builds with both and
compares the trees). ProperDocs' module is `properdocs`; importing `properdocs.replacement` sends every
later `mkdocs.*` import (ours, Material's, the hooks file's) to it, so it must happen before any of them:
here, since nothing outside this room imports MkDocs.

What a move to another engine touches, and nothing else:
- this room: `building.py` (load_config, build, MkDocsException, the `mkdocs` logger), `mkdocs_adapter.py`
  (the events, File/Files, get_toc, PluginError), `preview.py` (a page rebuilt alone: _populate_page,
  _build_page) and `hooks/mkdocs_hooks.py`, the file the engine loads;
- `mkdocs.yml`: the engine's settings (`hooks:`, `theme:`, `markdown_extensions:`, `plugins:`);
- `overrides/`: Material's templates (blocks, partials, `main.html`) and the theme's assets the pages link;
- tests that name the engine: the generator tag, Material's script and class names in tests/browser/.
The rooms below (content, checks, site, readers, press, hosting) never see the engine: a page is a
`PageSpec`, a body is rendered by `site/`, the feeds and files are written from the corpus.
"""

from __future__ import annotations

import os
import sys

ENGINES = ("mkdocs", "properdocs")
ENGINE = os.environ.get("THIDUA_ENGINE", "mkdocs") or "mkdocs"

if ENGINE not in ENGINES:
    sys.exit(f"thidua: THIDUA_ENGINE={ENGINE!r}: chỉ nhận mkdocs (mặc định) hoặc properdocs (unknown engine)")
if ENGINE == "properdocs":
    if "mkdocs" in sys.modules:  # too late: part of MkDocs is loaded already
        sys.exit("thidua: THIDUA_ENGINE=properdocs phải được đặt trước khi chạy lệnh (MkDocs already loaded)")
    try:
        import properdocs.replacement  # noqa: F401  every mkdocs.* import from here on is ProperDocs'
    except ImportError:
        sys.exit("thidua: THIDUA_ENGINE=properdocs cần gói properdocs: pip install 'properdocs>=1.6.7,<1.7' "
                 "(engine not installed)")
