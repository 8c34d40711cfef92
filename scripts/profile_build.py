"""Where a cold build's time goes: cProfile of `thidua build` on N synthetic stories, top entries printed.

Usage: .venv/bin/python scripts/profile_build.py [N] [--root FOLDER] [--top 25]
Copies the repository with N synthetic sample stories (tests/synthetic.py) into a temporary folder, or
uses FOLDER as it is (`--root`, to profile another checkout's code with PYTHONPATH=FOLDER/hooks), removes
its `.cache/` and builds once under cProfile. Share cards and photo renditions are drawn in worker
processes: their cost shows as the main process waiting (`_thread.lock.acquire`), not under their names.
A tool to report from, not a test.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import shutil
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))

AS_OF = "2023-12-31"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", nargs="?", type=int, default=200)
    parser.add_argument("--root", type=Path, help="an existing workspace to build as it is")
    parser.add_argument("--top", type=int, default=25)
    args = parser.parse_args()
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    work = None
    if args.root is None:
        sys.path.insert(0, str(REPO / "hooks"))
        from synthetic import copy_sources, write_synthetic
        from thidua.checks.loader import load_corpus

        work = Path(tempfile.mkdtemp(prefix="thidua-profile-"))
        root = copy_sources(REPO, work / "site-source")
        write_synthetic(root, load_corpus(REPO), args.n)
    else:
        root = args.root.resolve()
    from thidua.cli.main import main as thidua

    shutil.rmtree(root / ".cache", ignore_errors=True)
    profile = cProfile.Profile()
    start, cpu = time.perf_counter(), time.process_time()
    try:
        code = profile.runcall(thidua, ["--root", str(root), "build", "--as-of", AS_OF])
    finally:
        if work is not None:
            shutil.rmtree(work, ignore_errors=True)
    wall, cpu = time.perf_counter() - start, time.process_time() - cpu
    print(f"exit {code}: {wall:.1f} s wall, {cpu:.1f} s CPU in the main process")
    for order in ("cumulative", "tottime"):
        out = io.StringIO()
        pstats.Stats(profile, stream=out).strip_dirs().sort_stats(order).print_stats(args.top)
        print(f"--- by {order} ---")
        print(out.getvalue().split("\n\n", 1)[-1].strip())


if __name__ == "__main__":
    main()
