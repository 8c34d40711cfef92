"""One build of the repository plus a few sample stories for readers, served on loopback for the session."""

from __future__ import annotations

from pathlib import Path

import pytest
from browser_support import browser, serve
from PIL import Image
from stories import HOA, REPORT, STORIES
from support import AS_OF, copy_repository
from thidua.engine.building import build_site


def photo_with_gps(path: Path) -> None:
    """A 1600×1200 JPEG carrying EXIF with a GPS position, which must never reach the site."""
    image = Image.new("RGB", (1600, 1200), (46, 125, 50))
    for x in range(0, 1600, 100):
        image.paste((200, 230, 201), (x, 0, x + 40, 1200))
    exif = Image.Exif()
    exif[0x010F] = "Camera mẫu"
    exif.get_ifd(0x8825).update({1: "N", 2: (10.0, 55.0, 0.0), 3: "E", 4: (108.0, 5.0, 0.0)})
    image.save(path, "JPEG", exif=exif.tobytes(), quality=90)


@pytest.fixture(scope="session")
def reader_site(tmp_path_factory) -> Path:
    root = copy_repository(tmp_path_factory.mktemp("readers") / "repo")
    for story_id, text in STORIES.items():
        (root / "exemplars" / f"{story_id}.md").write_text(text, encoding="utf-8")
    photo_with_gps(root / "exemplars" / f"{HOA}.jpg")
    plan_id = next((root / "content" / "plans").glob("*.md")).stem
    unit = root / "content" / "units" / "ham-thuan-bac.md"
    head, body = unit.read_text("utf-8").split("---\n", 2)[1:]
    unit.write_text(f"---\n{head}{REPORT.format(plan=plan_id)}---\n{body}", encoding="utf-8")
    return build_site(root, as_of=AS_OF)


@pytest.fixture(scope="session")
def base_url(reader_site):
    with serve(reader_site) as url:
        yield url


@pytest.fixture(scope="session")
def chromium():
    with browser() as instance:
        yield instance


@pytest.fixture
def phone(chromium):
    context = chromium.new_context(viewport={"width": 375, "height": 800}, locale="vi-VN")
    yield context.new_page()
    context.close()


@pytest.fixture(scope="session")
def screenshot_dir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("screenshots")
