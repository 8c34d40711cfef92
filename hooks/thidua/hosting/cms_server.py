"""`thidua cms`'s one server on 127.0.0.1: the form's page, its configuration and its backend's API.

Everything lives under a random token made for this run (`/<token>/bien-tap/gui-bai/`, the API at
`/<token>/api/v1`), so a page elsewhere cannot guess an address to send to, on top of the guard's Host and
Origin checks (hosting/local_http.py). The form's files are kept in memory or read from where `npm ci`
installed them; nothing is written to serve them.
"""

from __future__ import annotations

import json
import mimetypes
import secrets
from pathlib import Path

from .cms_api import CmsApi
from .local_http import LOOPBACK, Answer, GuardedHandler, local_server

API = "api/v1"
CONFIG = "config.yml"
TYPES = {".yml": "text/yaml; charset=utf-8", ".json": "application/json", ".js": "text/javascript; charset=utf-8",
         ".html": "text/html; charset=utf-8", ".txt": "text/plain; charset=utf-8"}


def new_token() -> str:
    return secrets.token_urlsafe(24)


def cms_server(port: int, token: str, api: CmsApi):
    """The bound server; its `files` (site path → text or installed file) are set before it serves."""

    class Handler(GuardedHandler):
        takes_writes = True
        command_name = "thidua cms"

        def answer_get(self, path: str) -> Answer:
            inner = _inside(path, token)
            if inner is None:
                return Answer.error(404)
            name = inner + "index.html" if inner.endswith("/") or not inner else inner
            source = server.files.get(name)
            if source is None:
                return Answer.error(404)
            data = source.read_bytes() if isinstance(source, Path) else source.encode("utf-8")
            if name.endswith(CONFIG):  # the API under the name the page was opened by: the same origin
                opened_as = f"http://{LOOPBACK}:{server.server_address[1]}/"
                data = data.replace(opened_as.encode(), f"{self.origin}/".encode())
            kind = TYPES.get(Path(name).suffix) or mimetypes.guess_type(name)[0] or "application/octet-stream"
            return Answer(200, kind, data)

        def answer_post(self, path: str, body: bytes) -> Answer:
            if _inside(path, token) != API:
                return Answer.error(404)
            try:
                payload = json.loads(body)
            except ValueError:
                payload = None
            status, reply = api.handle(payload)
            return Answer(status, "application/json", json.dumps(reply, ensure_ascii=False).encode("utf-8"))

    server = local_server(Handler, port)
    server.files = {}
    return server


def _inside(path: str, token: str) -> str | None:
    """The path under /<token>/, or None for a path outside it (a wrong token, say)."""
    prefix = f"/{token}/"
    if not secrets.compare_digest(path[:len(prefix)].encode(), prefix.encode()):
        return None
    return path[len(prefix):]
