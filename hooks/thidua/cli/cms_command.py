"""`thidua cms`: the web form against this checkout, offline and without an account.

Starts Decap's own `decap-server` (installed by `npm ci`) on loopback and serves /bien-tap/gui-bai/ with a
configuration that points at it. In `git` mode (the default) saving a draft commits to a branch
`cms/exemplars/<id>` and publishing merges it, as the pull request would on GitHub; in `fs` mode the
form writes straight into exemplars/. Both servers stop with the command (Ctrl+C).
"""

from __future__ import annotations

import functools
import http.server
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from ..checks.loader import load_corpus
from ..content import urls
from ..content.problems import ContentError
from ..editors import cms

SERVER = Path("node_modules") / "decap-server" / "dist" / "index.js"
START_TIMEOUT = 20.0  # seconds for decap-server to answer


class LocalCmsError(RuntimeError):
    """The offline form cannot start: Node or decap-server missing, or a checkout it would spoil."""


@dataclass(frozen=True)
class LocalCms:
    url: str  # the form's page
    api: str  # decap-server's API
    branch: str


def add_parser(commands) -> None:
    parser = commands.add_parser(
        "cms", help="mở biểu mẫu gửi bài trên máy này, ghi vào chính kho này (không cần tài khoản)",
        description="Chạy biểu mẫu gửi bài với decap-server trên máy này. Nhấn Ctrl+C để dừng.")
    parser.add_argument("--port", type=int, default=8080, help="cổng của trang biểu mẫu (mặc định 8080)")
    parser.add_argument("--mode", choices=["git", "fs"], default="git",
                        help="git: bản nháp thành nhánh cms/…, duyệt rồi mới gộp (như pull request); "
                             "fs: ghi thẳng vào exemplars/, không có bản nháp")
    parser.set_defaults(run=run)


def run(args) -> int:
    try:
        with local_cms(args.root.resolve(), args.port, args.mode) as local:
            print(f"Biểu mẫu gửi bài: {local.url}")
            print(f"Bài lưu vào kho này (nhánh {local.branch}, chế độ {args.mode}). Nhấn Ctrl+C để dừng.")
            while True:
                time.sleep(3600)
    except (LocalCmsError, cms.CmsError, ContentError) as err:
        print(f"thidua cms: {err}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("\nĐã dừng biểu mẫu và decap-server.")
        return 0


@contextmanager
def local_cms(root: Path, port: int = 0, mode: str = "git"):
    """The form served on 127.0.0.1:<port> (0: any free port), decap-server beside it, until the block ends."""
    server_js = root / SERVER
    if not server_js.is_file() or shutil.which("node") is None:
        raise LocalCmsError("chưa cài Node.js hoặc decap-server: chạy `npm ci` ở thư mục gốc của kho (cần Node 20)")
    branch = _current_branch(root) if mode == "git" else "main"
    api_port = _free_port()
    api = f"http://127.0.0.1:{api_port}/api/v1"
    settings = cms.CmsSettings(repo="local/checkout", branch=branch, local_url=api)
    with tempfile.TemporaryDirectory(prefix="thidua-cms-") as folder:
        served = Path(folder)
        _write_form(root, served / "www", settings)
        with _decap_server(root, server_js, api_port, mode, served), _serve(served / "www", port) as base:
            _wait_for(api)
            yield LocalCms(url=f"{base}/{urls.CMS}", api=api, branch=branch)


def _current_branch(root: Path) -> str:
    def git(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run(["git", *args], cwd=root, capture_output=True, text=True)

    head = git("symbolic-ref", "--short", "HEAD")
    if head.returncode != 0:
        raise LocalCmsError("chế độ git cần một kho git đang ở một nhánh (dùng --mode fs để ghi thẳng vào exemplars/)")
    if git("status", "--porcelain").stdout.strip():
        # decap-server commits with `git add .`: it would sweep the editor's unfinished work into a draft
        raise LocalCmsError("kho đang có thay đổi chưa commit; hãy commit hoặc stash trước, "
                            "hoặc dùng --mode fs để ghi thẳng vào exemplars/")
    return head.stdout.strip()


def _write_form(root: Path, www: Path, settings: cms.CmsSettings) -> None:
    corpus = load_corpus(root)
    files = cms.cms_files(root, corpus, cms.exemplar_schema(corpus), settings, "Thử biểu mẫu trên máy")
    for asset in (cms.SCRIPT, cms.RULES_SCRIPT, cms.STYLESHEET):
        files[f"assets/{asset.name}"] = root / asset
    for path, source in files.items():
        target = www / path
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(source, Path):
            target.symlink_to(source.resolve())
        else:
            target.write_text(source, encoding="utf-8")


@contextmanager
def _decap_server(root: Path, server_js: Path, port: int, mode: str, cwd: Path):
    env = {**os.environ, "PORT": str(port), "BIND_HOST": "127.0.0.1", "MODE": mode,
           "GIT_REPO_DIRECTORY": str(root), "LOG_LEVEL": "warn"}
    # cwd is a fresh folder: decap-server reads a .env file from where it starts
    process = subprocess.Popen(["node", str(server_js)], cwd=cwd, env=env, stdin=subprocess.DEVNULL)
    try:
        yield process
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, ".yml": "text/yaml"}

    def log_message(self, *args):
        pass


@contextmanager
def _serve(folder: Path, port: int):
    handler = functools.partial(_QuietHandler, directory=str(folder))
    try:
        server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    except OSError as err:
        raise LocalCmsError(f"không mở được cổng {port} ({err.strerror}); thử --port khác") from None
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        server.server_close()


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_for(api: str) -> None:
    """Until decap-server answers its `info` action, as the CMS itself asks on start."""
    deadline = time.monotonic() + START_TIMEOUT
    body = json.dumps({"action": "info"}).encode()
    while True:
        try:
            request = urllib.request.Request(api, data=body, headers={"Content-Type": "application/json"})
            with urllib.request.urlopen(request, timeout=2) as response:
                if json.load(response).get("repo"):
                    return
        except OSError:
            pass
        if time.monotonic() > deadline:
            raise LocalCmsError(f"decap-server không trả lời tại {api} sau {START_TIMEOUT:.0f} giây")
        time.sleep(0.2)
