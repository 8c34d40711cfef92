"""Synthetic workspaces for benchmarks and scale tests: a copy of the sources plus N sample exemplars.

Every synthetic exemplar is `sample: true` and says so in its name and body; none is ever published.
"""

from __future__ import annotations

import random
import shutil
from datetime import date, timedelta
from pathlib import Path

from thidua.content.model import Corpus

SOURCES_COPIED = ("docs", "content", "exemplars", "overrides")  # no links: check refuses them
SOURCES_LINKED = ("hooks",)  # shared read-only: code


def copy_sources(repo: Path, target: Path) -> Path:
    """The site's sources in `target`, ready to build, without build output or caches."""
    target.mkdir(parents=True, exist_ok=True)
    shutil.copy2(repo / "mkdocs.yml", target / "mkdocs.yml")
    for name in SOURCES_COPIED:
        shutil.copytree(repo / name, target / name)
    for name in SOURCES_LINKED:
        (target / name).symlink_to(repo / name)
    return target


GIVEN = ["Nguyễn Văn", "Trần Thị", "Lê Hoàng", "Phạm Minh", "Huỳnh Thị", "Võ Văn", "Đặng Thu", "Bùi Quốc"]
LAST = ["An", "Bình", "Hòa", "Hoà", "Đức", "Lan", "Mai", "Phúc", "Tâm", "Thảo", "Trung", "Yến"]
MIDDLE = ["Ngọc", "Thanh", "Minh", "Văn", "Thị", "Hữu", "Xuân", "Kim", "Đình", "Quang", "Bảo", "Thu"]
GROUPS = ["Tổ tự quản", "Chi hội phụ nữ", "Đoàn thanh niên", "Hợp tác xã", "Tổ hòa giải", "Đội tuần tra",
          "Câu lạc bộ", "Trường tiểu học", "Trạm y tế", "Ban điều hành khu phố"]
DEEDS = ["giúp đỡ hộ nghèo sửa nhà", "vận động hiến đất làm đường giao thông nông thôn",
         "hướng dẫn người dân làm thủ tục dịch vụ công trực tuyến", "tuần tra giữ gìn an ninh trật tự khu phố",
         "trồng cây xanh, giữ đường làng sạch đẹp", "chăm lo học sinh vượt khó", "nhặt được của rơi trả lại người mất",
         "sáng kiến tiết kiệm điện tại cơ quan", "tổ chức lớp học tiếng Anh miễn phí cho thiếu nhi"]


LEDES = ["Bài mẫu tổng hợp số {i}: {deed}, hưởng ứng phong trào thi đua nước rút của tỉnh.",
         "Bài mẫu số {i} kể chuyện {deed} ở {place}.",
         "Nội dung mẫu {i}: tại {place}, {deed} được bà con ghi nhận.",
         "Gương mẫu {i} trong đợt thi đua cuối năm: {deed}.",
         "Bài mẫu {i}: {deed}; đơn vị {place} đề nghị biểu dương."]


def write_synthetic(root: Path, corpus: Corpus, count: int, seed: int = 2023) -> None:
    """Write `count` synthetic sample exemplars into root/exemplars, spread over units, movements and months."""
    units = sorted(corpus.units)
    movements = sorted(corpus.movements)
    rng = random.Random(seed)
    out = root / "exemplars"
    start = date(2023, 8, 1)
    for i in range(count):
        individual = rng.random() < 0.6
        name = (f"{rng.choice(GIVEN)} {rng.choice(MIDDLE)} {rng.choice(LAST)} (mẫu {i})" if individual
                else f"{rng.choice(GROUPS)} mẫu số {i}")
        deed = rng.choice(DEEDS)
        unit = rng.choice(units)
        chosen = rng.sample(movements, 2)
        day = start + timedelta(days=rng.randrange(0, 137))
        lines = ["---", f'title: "Gương mẫu {i}: {deed}"', f"kind: {'individual' if individual else 'collective'}",
                 f'name: "{name}"', f"unit: {unit}", "movements:", *[f"  - {m}" for m in chosen],
                 f"date: {day.isoformat()}",
                 f'summary: "{rng.choice(LEDES).format(i=i, deed=deed, place=corpus.units[unit].name)}"',
                 "sample: true"]
        if individual:
            lines.append("consent: true")
        if rng.random() < 0.2:
            lines.append('award: "Giấy khen (ví dụ minh họa)"')
        lines += ["---", "*Nội dung mẫu tổng hợp để đo hiệu năng; nhân vật không có thật.*\n",
                  f"{name} {deed}. Trong phong trào thi đua, tấm gương này được đơn vị ghi nhận.\n",
                  "Bài viết mẫu nêu thời gian, việc làm cụ thể và kết quả đạt được.\n"]
        (out / f"guong-mau-tong-hop-{i:05d}.md").write_text("\n".join(lines), encoding="utf-8")
