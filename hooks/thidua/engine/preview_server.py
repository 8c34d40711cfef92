"""`thidua serve`: the preview over HTTP on 127.0.0.1, updated a few moments after each save.

Pages come from the preview's folder; while the content has errors every page is the error page (the
same `path:line: field: message` lines as `thidua check`, also printed in the terminal); feeds, ninjs,
the catalog, share images and the search index are rewritten when first asked for after a save.
"""

from __future__ import annotations

import json
import mimetypes
import re
import signal
import sys
import threading
import time
from datetime import date
from pathlib import Path

import jinja2

from ..content import urls
from ..hosting.local_http import TEXT, Answer, GuardedHandler, local_server
from .preview import Preview, Update
from .watch import Watcher

STATUS = "/__thidua__/trang-thai"
PROBLEM_LINE = re.compile(r"^\S+:\d+: ")  # path:line: field: message
POLL_SECONDS = 0.15
ON_DEMAND_NAMES = (*urls.FEED_FILES.values(), "ninjs.json", Path(urls.share_image("x")).name)
ON_DEMAND_PREFIXES = (urls.CATALOG, urls.EXEMPLARS_CSV, urls.SEARCH_INDEX)


def serve(root: Path, port: int = 8000, as_of: date | None = None, out=None) -> int:
    out = out or sys.stdout
    say = lambda text: print(text, file=out, flush=True)  # noqa: E731
    preview = Preview(root, as_of)
    try:
        server = local_server(_handler(preview, root), port)
    except OSError as err:
        say(f"thidua serve: không mở được cổng {port} ({err.strerror}); chọn cổng khác bằng --port")
        preview.close()
        return 2
    for signum in (signal.SIGTERM, signal.SIGHUP):  # a closed terminal stops the preview as Ctrl+C does
        signal.signal(signum, _interrupt)
    try:
        say(f"Đang dựng bản xem trước của {preview.root} …")
        watcher = Watcher(preview.watched())
        _report(preview.full_build(), say)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        say(f"Xem trước tại http://127.0.0.1:{server.server_address[1]}/ — lưu tệp là trang tự cập nhật; "
            "Ctrl+C để dừng.")
        while True:
            time.sleep(POLL_SECONDS)
            changed = watcher.changes()
            if changed:
                _report(preview.apply(changed), say, changed, preview.root)
                if any(path.suffix == ".py" for path in changed):
                    say("Mã Python đã thay đổi: dừng rồi chạy lại thidua serve để dùng mã mới.")
                watcher.paths = preview.watched()
    except KeyboardInterrupt:
        say("Đã dừng xem trước.")
    finally:
        server.shutdown()
        server.server_close()
        preview.close()
    return 0


def _interrupt(signum, frame):
    raise KeyboardInterrupt


def _report(update: Update, say, changed: set[Path] = frozenset(), root: Path | None = None) -> None:
    if update.problems:
        for line in update.problems:
            say(line)
        count = sum(bool(PROBLEM_LINE.match(line)) for line in update.problems)
        say(f"Bản xem trước chưa cập nhật{f': {count} lỗi' if count else ''}. Sửa rồi lưu lại tệp.")
        return
    names = ", ".join(sorted(_shown(p, root) for p in changed))
    what = ("dựng bản xem trước" if not changed else "dựng lại toàn bộ sau khi lưu " + names) if update.full \
        else "cập nhật " + names
    seconds = f"{update.seconds:.2f}".replace(".", ",")
    say(f"Đã {what} — {update.pages} trang, {seconds} giây.")


def _shown(path: Path, root: Path | None) -> str:
    return path.relative_to(root).as_posix() if root and path.is_relative_to(root) else str(path)


def _handler(preview: Preview, root: Path):
    templates = jinja2.Environment(loader=jinja2.FileSystemLoader(str(root / "overrides")), autoescape=True)

    class Handler(GuardedHandler):
        command_name = "thidua serve"

        def answer_get(self, path: str) -> Answer:
            if path == STATUS:
                state = {"version": preview.version, "errors": bool(preview.problems)}
                return Answer(200, "application/json", json.dumps(state).encode())
            url = path.lstrip("/")
            if (preview.problems or preview.site_dir is None) and _is_page(url):
                page = templates.get_template("thidua/preview-errors.html").render(
                    problems=preview.problems or ["Đang dựng bản xem trước…"])
                return Answer(500, "text/html; charset=utf-8", page.encode())
            if url.startswith(ON_DEMAND_PREFIXES) or url.rsplit("/", 1)[-1] in ON_DEMAND_NAMES:
                preview.ensure_extras()
            return _file(preview, url)

    return Handler


def _file(preview: Preview, url: str) -> Answer:
    with preview.lock:
        site = preview.site_dir
        try:
            target = (site / url).resolve() if site else None
            if target is None or not target.is_relative_to(site.resolve()):
                return Answer.error(404)
            if target.is_dir() and url and not url.endswith("/"):
                return Answer(301, TEXT, b"", {"Location": f"/{url}/"})  # `url` holds no `\` nor a leading /
            if target.is_dir():
                target = target / "index.html"
            if not target.is_file():
                page = site / "404.html"
                return Answer(404, "text/html; charset=utf-8", page.read_bytes()) if page.is_file() \
                    else Answer.error(404)
            data = target.read_bytes()
        except OSError:  # a name too long for the file system, say: no such page
            return Answer.error(404)
    kind = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
    if kind.startswith("text/") or kind in ("application/javascript", "application/json"):
        kind += "; charset=utf-8"
    return Answer(200, kind, data)


def _is_page(url: str) -> bool:
    return url == "" or url.endswith("/") or url.endswith(".html")
