"""Full-text search for readers on phones: a Pagefind index written into the built site.

Pagefind (PyPI `pagefind[bin]`, its binary ships inside the package) reads the built HTML and writes a
sharded, compressed index under `pagefind/`. Only the story article is indexed (`data-pagefind-body` on
it, in the exemplar template): title, lede, name, kind, unit and movements, with weights; navigation,
footers and other pages are not. Pagefind folds diacritics, so "thi dua" finds "thi đua" and "hoa"
finds "hoà" and "hòa". Nothing here runs in the reader's browser until they use the search box.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from . import urls

LANGUAGE = "vi"  # every page is Vietnamese; Pagefind has no Vietnamese stemmer, which suits a language without inflection


class SearchIndexError(RuntimeError):
    pass


def pagefind_executable() -> Path:
    from pagefind.service import get_executable  # imported late: only a build needs the binary

    path = get_executable()
    if path is None:
        raise SearchIndexError("không tìm thấy chương trình Pagefind: cài gói pagefind[bin]")
    return Path(path)


def index_site(site_dir: Path) -> Path:
    """Index the built site in place; returns the folder of the search bundle."""
    output = Path(site_dir) / urls.SEARCH_BUNDLE.strip("/")
    command = [str(pagefind_executable()), "--site", str(site_dir), "--output-path", str(output),
               "--force-language", LANGUAGE, "--silent"]
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        raise SearchIndexError(f"Pagefind không lập được chỉ mục tìm kiếm:\n{result.stdout}{result.stderr}")
    for unused in ("pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
                   "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js"):
        (output / unused).unlink(missing_ok=True)  # we draw our own results; keep the site small
    return output


def search_page():
    """The results page the header box submits to (/tim-kiem/?q=…); it says what to do without JavaScript."""
    from .pages import PageSpec

    return PageSpec(urls.SEARCH, "thidua/search.html", "Tìm kiếm", "search",
                    description="Tìm gương điển hình theo tên, đơn vị, địa phương hoặc phong trào; gõ có dấu hay không dấu đều được.")
