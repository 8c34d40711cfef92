"""How many bytes the first search costs a reader, at a given number of stories.

Usage: python scripts/search_bytes.py N [N ...] [--query "thi đua"] [--keep DIR]

For each N: copies the repository into a temporary folder, adds N synthetic, clearly-sample exemplars
("[Nội dung mẫu]", sample: true), builds the site strictly, serves it on 127.0.0.1, opens a story in
headless Chromium (Debian's /usr/bin/chromium) and types the query into the header's search box.
It reports the bytes the page load spent on search (must be 0) and the compressed bytes of every
response from the first focus of the box until the results are shown, as their gzip size (a static
host compresses them).
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "hooks"))
sys.path.insert(0, str(REPO / "tests" / "browser"))

from browser_support import browser, compressed_size, copy_repository, serve  # noqa: E402
from thidua.building import build_site  # noqa: E402
from thidua.loader import load_corpus  # noqa: E402

AS_OF = date(2023, 12, 31)
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


def synthetic_exemplars(root: Path, count: int, seed: int = 2023) -> None:
    corpus = load_corpus(root)
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
        lines += ["---", f"*Nội dung mẫu tổng hợp để đo hiệu năng; nhân vật không có thật.*\n",
                  f"{name} {deed}. Trong phong trào thi đua, tấm gương này được đơn vị ghi nhận.\n",
                  "Bài viết mẫu nêu thời gian, việc làm cụ thể và kết quả đạt được.\n"]
        (out / f"guong-mau-tong-hop-{i:05d}.md").write_text("\n".join(lines), encoding="utf-8")


def measure(site_dir: Path, query: str, delay: int = 0) -> dict:
    story = next(p for p in sorted((site_dir / "guong-dien-hinh").iterdir()) if (p / "index.html").exists()
                 and p.name.startswith("guong-mau"))
    with serve(site_dir) as base, browser() as chromium:
        page = chromium.new_page(viewport={"width": 375, "height": 800})
        responses = []
        page.on("response", lambda response: responses.append(response))
        page.goto(f"{base}/guong-dien-hinh/{story.name}/", wait_until="networkidle")
        on_load = [r for r in responses if "tim-kiem" in r.url or "search" in r.url]
        responses.clear()
        page.click("#td-q")
        page.keyboard.type(query, delay=delay)
        page.locator(".td-search--header .td-search__count", has_text=f"“{query}”").wait_for(timeout=60_000)
        page.wait_for_load_state("networkidle")
        files = [(r.url.split("/", 3)[-1], compressed_size(r)) for r in responses]
        shown = page.locator(".td-search--header .td-result").count()
        total = page.locator(".td-search__count").inner_text()
        page.close()
    return {"load_bytes_for_search": sum(compressed_size(r) for r in on_load), "query": query,
            "first_query_bytes": sum(size for _, size in files), "requests": len(files), "results": total,
            "shown": shown, "files": files}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("counts", nargs="+", type=int)
    parser.add_argument("--query", action="append", help='repeatable; default "thi đua" and "thi dua"')
    parser.add_argument("--delay", type=int, default=0, help="milliseconds between keys (0: the whole query at once)")
    parser.add_argument("--keep", help="keep the built sites under this folder")
    args = parser.parse_args()
    for count in args.counts:
        work = Path(tempfile.mkdtemp(prefix=f"search-bytes-{count}-", dir=args.keep))
        root = copy_repository(work / "repo")
        synthetic_exemplars(root, count)
        started = time.monotonic()
        site_dir = build_site(root, as_of=AS_OF)
        built = time.monotonic() - started
        for query in args.query or ["thi đua", "thi dua"]:
            result = {"exemplars": count, "build_seconds": round(built), "delay_ms": args.delay, **measure(site_dir, query, args.delay)}
            print(json.dumps(result, ensure_ascii=False), flush=True)
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
