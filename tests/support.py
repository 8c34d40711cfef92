"""What tests share: the repository, and tiny sites copied from it into a temporary folder."""

from __future__ import annotations

import os
import re
import textwrap
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from synthetic import copy_sources
from thidua.engine.building import build_site

REPO = Path(__file__).resolve().parent.parent
# The project's shared folder, laid beside the clone (../shared/; CI has a copy): the W3C Feed Validator's
# runner and the IPTC's own copy of the ninjs schema. Not in the repository: see `shared_file`.
SHARED = next((p / "shared" for p in REPO.parents if (p / "shared/tools/validate-feeds").is_file()),
              REPO.parent / "shared")
WHAT_SHARED_HOLDS = {
    "tools/validate-feeds": "the W3C Feed Validator's runner",
    "standards/ninjs-schema_3.1.json": "the IPTC's ninjs 3.1 schema, as published",
}
AS_OF = date(2023, 12, 31)  # a fixed build date keeps every build of the repository reproducible

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


# A grouping of stories by field ("lĩnh vực") as content/groupings.yml declares one.
FIELDS_GROUPING = """\
linh-vuc:
  label: Lĩnh vực
  field: linh_vuc
  description: Gương điển hình theo lĩnh vực hoạt động.
  terms:
    giao-duc: Giáo dục
    y-te: Y tế
"""


@dataclass
class Site:
    """A copy of the repository's site in tmp_path whose exemplars a test can write."""

    root: Path

    def write(self, relative: str, text: str, encoding: str = "utf-8") -> Path:
        path = self.root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(textwrap.dedent(text).lstrip("\n").encode(encoding))
        return path

    def exemplar(self, exemplar_id: str, body: str = "Câu chuyện.", **fields) -> Path:
        """Write exemplars/<id>.md from valid defaults overridden by `fields` (None removes a key)."""
        meta = {**VALID_EXEMPLAR, **fields}
        lines = ["---"]
        for key, value in meta.items():
            if value is None:
                continue
            if isinstance(value, list):
                lines.append(f"{key}:")
                lines += [f"  - {item}" for item in value]
            else:
                lines.append(f"{key}: {value}")
        lines += ["---", body, ""]
        path = self.root / "exemplars" / f"{exemplar_id}.md"
        path.write_text("\n".join(lines), encoding="utf-8")
        return path

    def clear_exemplars(self) -> None:
        """No story, and no commendation document either: the sample decision names the sample story."""
        for path in [*(self.root / "exemplars").iterdir(), *(self.root / "content" / "commendations").glob("*.md")]:
            path.unlink()

    def page_size(self, size: int) -> None:
        """Set extra.thidua.page_size, so a pagination test does not depend on the repository's choice."""
        config = self.root / "mkdocs.yml"
        text, count = re.subn(r"(?m)^(\s+page_size:) \d+", rf"\g<1> {size}", config.read_text("utf-8"))
        assert count == 1, "mkdocs.yml has no extra.thidua.page_size line"
        config.write_text(text, "utf-8")

    def declare_fields(self, text: str = FIELDS_GROUPING) -> None:
        self.write("content/groupings.yml", text)

    def build(self, as_of: date = AS_OF) -> Path:
        return build_site(self.root, as_of=as_of)

    def page(self, url: str) -> str:
        return (self.root / "site" / url.strip("/") / "index.html").read_text("utf-8")


VALID_EXEMPLAR = {
    "title": "Tổ tự quản mẫu",
    "kind": "collective",
    "name": "Tổ tự quản mẫu",
    "unit": "phan-thiet",
    "movements": ["cai-cach-hanh-chinh"],
    "date": "2023-10-01",
    "summary": "Tóm tắt mẫu.",
    "sample": "true",
}


def shared_file(relative: str) -> Path:
    """A file of ../shared/; a test that needs one and does not find it fails with one line saying what is
    missing and where it comes from (a clone without the project's shared folder beside it)."""
    path = SHARED / relative
    if not path.is_file():
        pytest.fail(f"missing {path}: {WHAT_SHARED_HOLDS[relative]}, from the project's shared folder, which "
                    f"must lie beside the clone as ../shared/ (README, “The two commands”)", pytrace=False)
    return path


def copy_repository(target: Path) -> Path:
    """The site's sources without build output or caches; hooks and templates are shared read-only."""
    return copy_sources(REPO, target)


def republish_copy(site_dir: Path, story_id: str) -> str:
    """What a story page's "Đăng lại bài này" box copies: its HTML frame with the one comment replaced by the
    story's ninjs body, as the box's script does when opened (tests/browser/test_republish_box.py)."""
    import html
    import json

    story = site_dir / "guong-dien-hinh" / story_id
    page = (story / "index.html").read_text("utf-8")
    frame = html.unescape(re.search(r'<textarea id="td-republish-html"[^>]*>(.*?)</textarea>', page, re.S).group(1))
    body = json.loads((story / "ninjs.json").read_text("utf-8"))["bodies"][0]["value"]
    filled, count = re.subn(r"\n<!--[^\n]*-->\n", lambda _: f"\n{body}\n", frame)
    assert count == 1, "the republish box has no place for the story"
    return filled
