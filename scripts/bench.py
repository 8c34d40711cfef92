"""Benchmark: `thidua build` on N synthetic exemplars against Material's blog plugin on the same N posts.

Usage: .venv/bin/python scripts/bench.py [N ...] [--keep] [--no-blog]
Prints, per N: the blog plugin's wall time; the cold build (no .cache/: every photo and share card drawn),
the warm build (caches full; the median of three) and the preview (a saved story visible), each in seconds and as a ratio to
the blog plugin; peak RSS, output size, the largest HTML page (and its ratio to the largest page with
only the sample content), the search payload, and the bytes each story adds to the output — (size at
N − size with the sample content only) / N, for the host set in mkdocs.yml (github-pages: no .gz copies;
with `host: nginx` they count too), by kind (budget: at most 40 KB per story, share card included). The
preview is `thidua serve` on the same N stories: the seconds from saving one story to the page showing
the change (median of a few saves), also as a ratio to the warm build (the goal: ≤ 0.25). Stories are
of realistic length (tests/synthetic.py: six paragraphs, about 2,000 characters).
A tool to run and report from, not a test.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
sys.path.insert(0, str(REPO / "hooks"))
sys.path.insert(0, str(REPO / "tests"))

from synthetic import copy_sources, write_synthetic  # noqa: E402
from thidua.checks.loader import load_corpus  # noqa: E402
from thidua.hosting.footprint import LABELS  # noqa: E402
from thidua.hosting.footprint import measure as measure_site  # noqa: E402

AS_OF = "2023-12-31"


def measure(command: list[str], cwd: Path) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB) of one child process, waited for on its own."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    start = time.perf_counter()
    child = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(child.pid, 0)
    elapsed = time.perf_counter() - start
    if status != 0:
        sys.exit(f"{' '.join(command)} failed:\n{child.stderr.read().decode()[-3000:]}")
    return elapsed, usage.ru_maxrss / 1024


def blog_project(target: Path, source: Path) -> Path:
    """The reference: the same stories as blog posts, movements and units as categories."""
    corpus = load_corpus(source)
    posts = target / "docs" / "blog" / "posts"
    posts.mkdir(parents=True)
    (target / "docs" / "blog" / "index.md").write_text("# Tin tức\n", "utf-8")
    (target / "mkdocs.yml").write_text(
        "site_name: Bench\nsite_url: https://example.invalid/\ntheme:\n  name: material\n  language: vi\n"
        "plugins:\n  - search:\n      lang: vi\n  - blog:\n      blog_dir: blog\n", "utf-8")
    for e in corpus.exemplars.values():
        categories = [corpus.movements[m].short_title for m in e.movements] + [corpus.units[e.unit].short_name]
        lines = ["---", f"date: {e.date.isoformat()}", "categories:", *(f'  - "{c}"' for c in categories), "---",
                 f"# {e.title}", "", e.summary, "", "<!-- more -->", "", e.body]
        (posts / f"{e.id}.md").write_text("\n".join(lines), "utf-8")
    return target


def tree_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def largest_page(site: Path) -> tuple[int, str]:
    return max((p.stat().st_size, str(p.relative_to(site))) for p in site.rglob("*.html"))


def search_payload(site: Path) -> int:
    """All the files of the search index (a reader's first query fetches a few of them: search_bytes.py)."""
    return tree_size(site / "tim-kiem" / "chi-muc") if (site / "tim-kiem" / "chi-muc").is_dir() else 0


def thidua_build(root: Path) -> tuple[float, float]:
    return measure([str(BIN / "thidua"), "--root", str(root), "build", "--as-of", AS_OF], root)


def per_story(site: Path, baseline, n: int) -> str:
    """Bytes added per story, in all and by kind of file."""
    size = measure_site(site)
    kinds = ", ".join(f"{LABELS[k]} {(size.sizes[k] - baseline.sizes[k]) / n / 1e3:.1f}" for k in size.sizes)
    return f"per story {(size.total - baseline.total) / n / 1e3:.1f} KB ({kinds})"


COLD_GOAL = {1000: 0.8, 10000: 0.2}  # issue 21: cold build against the blog plugin, by N
WARM_GOAL = 0.3


def run(n: int, work: Path, baseline_page: int, baseline_size, blog_too: bool) -> None:
    ours = copy_sources(REPO, work / f"ours-{n}")
    write_synthetic(ours, load_corpus(REPO), n)
    ours_time, ours_rss = thidua_build(ours)  # cold: no .cache/, every photo and share card drawn
    site = ours / "site"
    size, page = largest_page(site)
    blog_time = None
    if blog_too:
        blog = blog_project(work / f"blog-{n}", ours)
        blog_time, blog_rss = measure([str(BIN / "mkdocs"), "build", "--quiet"], blog)
        print(f"N={n:>6}  blog plugin {blog_time:7.1f} s  peak RSS {blog_rss:.0f} MB  "
              f"output {tree_size(blog / 'site') / 1e6:.1f} MB", flush=True)
    print(f"N={n:>6}  cold    {ours_time:7.1f} s{_ratio(ours_time, blog_time, COLD_GOAL.get(n))}  "
          f"peak RSS {ours_rss:.0f} MB  output {tree_size(site) / 1e6:.1f} MB  largest page {size / 1e3:.1f} KB "
          f"{page} ({size / baseline_page:.2f}× sample-only)  search files {search_payload(site) / 1e6:.2f} MB",
          flush=True)
    print(f"N={n:>6}  footprint: {per_story(site, baseline_size, n)}", flush=True)
    # Everything cached: what a rebuild costs. The median of three, each printed: on this shared machine one
    # build can take a third longer than the next with nothing changed.
    warm_times = [thidua_build(ours)[0] for _ in range(3)]
    warm_time = statistics.median(warm_times)
    print(f"N={n:>6}  warm    {warm_time:7.1f} s{_ratio(warm_time, blog_time, WARM_GOAL)}  "
          f"(median of {', '.join(f'{t:.1f}' for t in warm_times)})", flush=True)
    edits = preview_edits(ours)
    visible = statistics.median(edits)
    print(f"N={n:>6}  preview {visible:7.2f} s  edit visible (median of {len(edits)}: "
          f"{', '.join(f'{s:.2f}' for s in edits)}); ratio to the warm build {visible / warm_time:.3f} (goal ≤ 0.25)"
          f"{_ratio(visible, blog_time, None)}", flush=True)


def _ratio(seconds: float, blog: float | None, goal: float | None) -> str:
    if blog is None:
        return ""
    return f"  {seconds / blog:.2f}× the blog plugin" + (f" (goal ≤ {goal})" if goal is not None else "")


def preview_edits(root: Path, saves: int = 5) -> list[float]:
    """Seconds from saving a story to `thidua serve` serving the page with the change, for a few stories."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    server = subprocess.Popen([str(BIN / "thidua"), "--root", str(root), "serve", "--port", "0", "--as-of", AS_OF],
                              cwd=root, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        address = None
        for line in server.stdout:
            if found := re.search(r"Xem trước tại (http://\S+/)", line):
                address = found.group(1)
                break
        if address is None:
            sys.exit("thidua serve stopped before serving")
        published = [p for p in sorted((root / "exemplars").glob("*.md"))
                     if (root / "site" / "guong-dien-hinh" / p.stem / "index.html").is_file()]
        stories = published[::max(1, len(published) // saves)][:saves]  # spread over the corpus
        return [_time_one_save(address, story, f"Câu đo thời gian xem trước số {n}.") for n, story in enumerate(stories)]
    finally:
        server.terminate()
        server.wait(timeout=60)


def _time_one_save(address: str, story: Path, sentence: str) -> float:
    url = f"{address}guong-dien-hinh/{story.stem}/"
    try:
        urllib.request.urlopen(url, timeout=60).read()
    except urllib.error.HTTPError as err:
        sys.exit(f"the preview does not show {url}: {err.code}\n{err.read().decode('utf-8')[:3000]}")
    time.sleep(1)  # the watcher has seen the file as it was
    story.write_text(story.read_text("utf-8") + f"\n{sentence}\n", "utf-8")
    start = time.perf_counter()
    while sentence not in _fetch(url):
        if time.perf_counter() - start > 120:
            sys.exit(f"the preview never showed the save of {story.name}")
        time.sleep(0.02)
    return time.perf_counter() - start


def _fetch(url: str) -> str:
    try:
        return urllib.request.urlopen(url, timeout=60).read().decode("utf-8")
    except OSError:
        return ""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[1000])
    parser.add_argument("--keep", action="store_true", help="keep the generated projects")
    parser.add_argument("--no-blog", action="store_true", help="skip the comparison with Material's blog plugin")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="thidua-bench-"))
    try:
        sample = copy_sources(REPO, work / "sample-only")
        sample_time, _ = thidua_build(sample)
        baseline, page = largest_page(sample / "site")
        print(f"sample content only: {sample_time:.1f} s, largest page {baseline / 1e3:.1f} KB {page}, "
              f"output {tree_size(sample / 'site') / 1e6:.1f} MB", flush=True)
        baseline_size = measure_site(sample / "site")
        for n in args.sizes:
            run(n, work, baseline, baseline_size, not args.no_blog)
    finally:
        if args.keep:
            print(f"kept in {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
