"""`thidua cms`: the web form against this checkout, offline and without an account.

One server of ours on 127.0.0.1 (hosting/cms_server.py) serves the form's page, its configuration and the
local backend Decap CMS talks to, under a random token made for this run and behind the local servers'
guard. In `git` mode (the default) saving a draft makes a branch `cms/exemplars/<id>` with git's plumbing
(never `git add .`: the editor's uncommitted work stays where it is) and publishing merges it, as the
pull request would on GitHub; in `fs` mode the form writes straight into exemplars/. Either way nothing the
checker refuses reaches the published stories. Content with errors does not stop the form: its problems are
printed, listed at the top of the form (`van-de.json`), and the story can be opened and fixed.
Ctrl+C, SIGTERM or SIGHUP stop the server and remove the run's temporary folder.
"""

from __future__ import annotations

import json
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from ..checks.loader import Loaded
from ..content import urls
from ..content.problems import Problem
from ..hosting.cms_api import CmsApi
from ..hosting.cms_server import API, cms_server, new_token
from ..editors import cms

PROBLEMS_FILE = "van-de.json"  # the content's problems, beside the form, shown at its top


class LocalCmsError(RuntimeError):
    """The offline form cannot start: not a git checkout on a branch, or its port is taken."""


@dataclass(frozen=True)
class LocalCms:
    url: str  # the form's page
    api: str  # the local backend's API
    branch: str
    problems: tuple[Problem, ...] = field(default=())  # errors in the content as the form opened


def add_parser(commands) -> None:
    parser = commands.add_parser(
        "cms", help="mở biểu mẫu gửi bài trên máy này, ghi vào chính kho này (không cần tài khoản)",
        description="Chạy biểu mẫu gửi bài trên máy này (chỉ máy này mở được). Nhấn Ctrl+C để dừng.")
    parser.add_argument("--port", type=int, default=8080, help="cổng của trang biểu mẫu (mặc định 8080)")
    parser.add_argument("--mode", choices=["git", "fs"], default="git",
                        help="git: bản nháp thành nhánh cms/…, duyệt rồi mới gộp (như pull request); "
                             "fs: ghi thẳng vào exemplars/, không có bản nháp")
    parser.set_defaults(run=run)


def run(args) -> int:
    for signum in (signal.SIGTERM, signal.SIGHUP):  # a closed terminal or a `kill` stops it as Ctrl+C does
        signal.signal(signum, _interrupt)
    try:
        with local_cms(args.root.resolve(), args.port, args.mode) as local:
            for problem in local.problems:
                print(problem)
            if local.problems:
                print(f"Nội dung đang có {len(local.problems)} lỗi (liệt kê ở trên và ở đầu biểu mẫu): "
                      "biểu mẫu vẫn mở, hãy mở bài bị lỗi trong biểu mẫu để sửa.")
            print(f"Biểu mẫu gửi bài: {local.url}", flush=True)
            print(f"Bài lưu vào kho này (nhánh {local.branch}, chế độ {args.mode}). Nhấn Ctrl+C để dừng.", flush=True)
            while True:
                time.sleep(3600)
    except (LocalCmsError, cms.CmsError) as err:
        print(f"thidua cms: {err}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("\nĐã dừng biểu mẫu.", flush=True)
        return 0


def _interrupt(signum, frame):
    raise KeyboardInterrupt


@contextmanager
def local_cms(root: Path, port: int = 0, mode: str = "git"):
    """The form served on 127.0.0.1:<port> (0: any free port) with its backend, until the block ends."""
    branch = _current_branch(root) if mode == "git" else "main"
    workdir = Path(tempfile.mkdtemp(prefix="thidua-cms-"))
    try:
        token, api = new_token(), CmsApi(root, mode, branch, workdir)
        loaded = api.files.content()  # in git mode, the published branch: what the form shows
        try:
            server = cms_server(port, token, api)
        except OSError as err:
            raise LocalCmsError(f"không mở được cổng {port} ({err.strerror}); thử --port khác") from None
        base = f"http://127.0.0.1:{server.server_address[1]}/{token}/"
        with server:
            server.files = _form_files(root, loaded, branch, base + API)
            thread = threading.Thread(target=server.serve_forever, name="thidua-cms")
            thread.start()
            try:
                yield LocalCms(url=base + urls.CMS, api=base + API, branch=branch, problems=tuple(loaded.errors))
            finally:
                server.shutdown()
                thread.join()
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def _current_branch(root: Path) -> str:
    head = subprocess.run(["git", "symbolic-ref", "--short", "HEAD"], cwd=root, capture_output=True, text=True)
    if head.returncode != 0:
        raise LocalCmsError("chế độ git cần một kho git đang ở một nhánh (dùng --mode fs để ghi thẳng vào exemplars/)")
    return head.stdout.strip()


def _form_files(root: Path, loaded: Loaded, branch: str, api: str) -> dict[str, str | Path]:
    """The form built from what loads (units and movements from valid content), and the content's problems."""
    settings = cms.CmsSettings(repo="local/checkout", branch=branch, local_url=api)
    corpus = loaded.corpus
    files = cms.cms_files(root, corpus, cms.exemplar_schema(corpus), settings, "Thử biểu mẫu trên máy")
    for asset in (cms.SCRIPT, cms.RULES_SCRIPT, cms.STYLESHEET):
        files[f"assets/{asset.name}"] = root / asset
    problems = [{"path": p.path, "line": p.line, "field": p.field, "message": p.message} for p in loaded.errors]
    files[f"{urls.CMS}{PROBLEMS_FILE}"] = json.dumps(problems, ensure_ascii=False, indent=1)
    return files
