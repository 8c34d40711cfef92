"""One build of the repository plus a few sample stories for readers, served on loopback for the session."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest
from PIL import Image

from browser_support import browser, copy_repository, serve
from thidua.building import build_site

AS_OF = date(2023, 12, 31)
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

# Stories a reader looks for by typing without diacritics.
HOA = "nguoi-mau-hoa-ham-thuan-bac"
TO_HOA = "to-hoa-giai-mau-hoa-thuan"
STORIES = {
    HOA: """---
title: "Cô giáo mẫu dạy chữ cho người lớn tuổi"
kind: individual
name: "Nguyễn Thị Hòa (nhân vật mẫu)"
unit: ham-thuan-bac
movements:
  - hoc-tap-va-lam-theo-bac
date: 2023-11-05
summary: "Bài mẫu: hưởng ứng phong trào thi đua, một cô giáo giả định mở lớp xóa mù chữ buổi tối cho người lớn tuổi."
award: "Giấy khen (ví dụ minh họa)"
photo: nguoi-mau-hoa-ham-thuan-bac.jpg
photo_alt: "Ảnh minh họa: lớp học buổi tối, màu xanh lá"
photo_credit: "Ảnh minh họa do trang tạo ra"
consent: true
sample: true
---
*Nội dung mẫu; nhân vật không có thật.* Xem thêm [kế hoạch của tỉnh](https://example.org/ke-hoach).
""",
    TO_HOA: """---
title: "Tổ hoà giải mẫu giữ tình làng nghĩa xóm"
kind: collective
name: "Tổ hoà giải mẫu thôn Hoà Thuận"
unit: tuy-phong
movements:
  - bao-ve-an-ninh-trat-tu
date: 2023-09-12
summary: "Bài mẫu: tổ hoà giải giả định giúp bà con giải quyết mâu thuẫn nhỏ trong thôn."
sample: true
---
*Nội dung mẫu; tập thể không có thật.*
""",
}
REPORT = """reports:
  - plan: {plan}
    submitted: 2023-12-10
    text: "Báo cáo mẫu: đơn vị đã hoàn thành các nội dung thi đua (nội dung minh họa)."
"""


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
