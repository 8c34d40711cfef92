"""Time `thidua check` and `thidua build` on each file of the hostile corpus (tests/hostile/corpus.py).

Usage: .venv/bin/python scripts/time_hostile.py [CASE ...]
Each case is written into a fresh copy of the repository; check and build run as child processes, with a
time limit of 60 s each (a case that hits it is a regression). Prints, per case: seconds and exit code of
check and build, and the first line check printed. A report, not a test: the goal is ≤ 5 s per file.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
sys.path.insert(0, str(REPO / "hooks"))
sys.path.insert(0, str(REPO / "tests"))

from hostile.corpus import CASES, Hostile  # noqa: E402
from synthetic import copy_sources  # noqa: E402

LIMIT = 60


def timed(command: list[str], cwd: Path) -> tuple[float, str, str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    start = time.perf_counter()
    try:
        done = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, timeout=LIMIT)
    except subprocess.TimeoutExpired:
        return time.perf_counter() - start, "timeout", ""
    return time.perf_counter() - start, str(done.returncode), (done.stdout + done.stderr).strip()


def main(names: list[str]) -> int:
    baseline = Hostile("(the repository as it is)", "", lambda root: None, None)
    cases = [baseline] + [case for case in CASES if not names or case.name in names]
    print(f"{'case':36} {'check':>7} {'exit':>4} {'build':>7} {'exit':>4}  first line of check")
    slowest = 0.0
    with tempfile.TemporaryDirectory(prefix="thidua-hostile-") as work:
        for case in cases:
            root = copy_sources(REPO, Path(work) / case.name / "repo")
            case.make(root)
            thidua = [str(BIN / "thidua"), "--root", str(root)]
            check_time, check_exit, said = timed([*thidua, "check"], root)
            build_time, build_exit, _ = timed([*thidua, "build", "--as-of", "2023-12-31"], root)
            slowest = max(slowest, check_time, build_time)
            first = said.splitlines()[0] if said else ""
            print(f"{case.name:36} {check_time:6.2f}s {check_exit:>4} {build_time:6.2f}s {build_exit:>4}  {first[:140]}",
                  flush=True)
    print(f"slowest: {slowest:.2f} s; load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
