"""Clearly synthetic exemplars for benchmarks and scale tests: every one is `sample: true`."""

from __future__ import annotations

import random
from datetime import date, timedelta
from pathlib import Path

from .model import Corpus

WORDS = ("thi đua yêu nước cán bộ công chức viên chức nhân dân địa phương phong trào xây dựng nông thôn mới "
         "đô thị văn minh cải cách hành chính an ninh trật tự đoàn kết sáng tạo tiết kiệm hỗ trợ hộ nghèo "
         "thanh niên phụ nữ nông dân cựu chiến binh trường học trạm y tế hợp tác xã ngư dân biển đảo "
         "đường làng cây xanh văn hóa công sở dịch vụ công trực tuyến hướng dẫn giúp đỡ tình nguyện").split()
NAMES = ("Tổ tự quản", "Chi hội", "Đội thanh niên", "Hợp tác xã", "Tổ công tác", "Câu lạc bộ", "Nhóm tình nguyện")


def sentence(rng: random.Random, length: int) -> str:
    words = [rng.choice(WORDS) for _ in range(length)]
    return " ".join(words).capitalize() + "."


def write_synthetic(root: Path, corpus: Corpus, count: int, seed: int = 2023) -> None:
    """Write `count` synthetic exemplars into root/exemplars, spread over units, movements and months."""
    rng = random.Random(seed)
    units, movements = sorted(corpus.units), sorted(corpus.movements)
    folder = root / "exemplars"
    folder.mkdir(exist_ok=True)
    for n in range(count):
        title = f"Gương tổng hợp số {n}: {sentence(rng, 6)[:-1].lower()}"
        picked = rng.sample(movements, rng.randint(1, 3))
        body = "\n\n".join(sentence(rng, rng.randint(15, 40)) for _ in range(rng.randint(3, 8)))
        day = date(2023, 8, 1) + timedelta(days=rng.randint(0, 150))
        front = "\n".join([
            "---",
            f'title: "{title}"',
            "kind: collective",
            f'name: "{rng.choice(NAMES)} tổng hợp số {n}"',
            f"unit: {rng.choice(units)}",
            "movements:", *(f"  - {m}" for m in picked),
            f"date: {day.isoformat()}",
            f'summary: "Bài tổng hợp số {n} để đo hiệu năng: {sentence(rng, 20)}"',
            "sample: true",
            "---",
        ])
        (folder / f"tong-hop-{n:05d}.md").write_text(f"{front}\n{body}\n", encoding="utf-8")
