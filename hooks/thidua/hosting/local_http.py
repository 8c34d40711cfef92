"""Local servers that trust no other page: the one guard of `thidua serve` and `thidua cms`.

A page open in the editor's browser can reach 127.0.0.1 (directly, or through DNS rebinding under a name of
its own), so every request is judged before it is answered: only `Host: 127.0.0.1:<port>` or
`localhost:<port>`; writes only from the server's own origin; no path holding CR, LF, NUL, `\\` or `..`
(raw or percent-encoded), answered 404 without echoing it; GET and HEAD (and POST where a server takes
writes), any other method 405. Every error page is plain Vietnamese text naming no path of the machine.
After the advisories of Vite and webpack-dev-server (Host allow-list, Origin check).
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import unquote, urlsplit

from ..content.words import word

LOOPBACK = "127.0.0.1"
HOSTS = (LOOPBACK, "localhost")
FORBIDDEN_IN_PATH = ("\r", "\n", "\0", "\\", "..")
MAX_PATH = 2048  # characters of a request's path; longer is a file no site of ours has
MAX_BODY = 50 * 1024 * 1024  # bytes a write may send: a story and its photos, base64-encoded
TEXT = "text/plain; charset=utf-8"
# Headers of every answer: nothing cached, sniffed, framed by another page, or sent on as a Referer.
SAFE_HEADERS = {"Cache-Control": "no-store", "X-Content-Type-Options": "nosniff",
                "X-Frame-Options": "DENY", "Referrer-Policy": "no-referrer"}


@dataclass
class Answer:
    """What a local server sends: status, type, body and any further headers (a Location, say)."""

    status: int
    kind: str
    body: bytes
    headers: dict[str, str] = field(default_factory=dict)

    @classmethod
    def error(cls, status: int) -> Answer:
        return cls(status, TEXT, (word(f"local_server.{status}") + "\n").encode("utf-8"))


def safe_path(target: str) -> str | None:
    """The decoded path of a request target, or None when it is not one a local server answers."""
    if not target.startswith("/") or target.startswith("//"):
        return None
    raw = urlsplit(target).path
    try:
        path = unquote(raw, errors="strict")
    except UnicodeDecodeError:  # percent-encoded bytes that are no UTF-8: no file of ours is named so
        return None
    if len(path) > MAX_PATH or any(bad in text for text in (target, path) for bad in FORBIDDEN_IN_PATH):
        return None
    return path


class GuardedHandler(BaseHTTPRequestHandler):
    """Answers through `answer_get` and, when `takes_writes`, `answer_post`, after the guard has judged."""

    takes_writes = False
    origin = ""  # http://<host> of the request being answered, once the guard has accepted its Host
    command_name = "thidua"  # how the terminal names the server in its messages
    server_version = "thidua"
    sys_version = ""
    protocol_version = "HTTP/1.0"  # one request a connection: no keep-alive to be smuggled into
    timeout = 30  # seconds a connection may stay silent: stopping the server waits for no idle client

    def answer_get(self, path: str) -> Answer:
        return Answer.error(404)  # a server serves only what its subclass names

    def answer_post(self, path: str, body: bytes) -> Answer:
        return Answer.error(405)

    def do_GET(self):  # noqa: N802 - http.server's names
        self._answer(head=False)

    def do_HEAD(self):  # noqa: N802
        self._answer(head=True)

    def do_POST(self):  # noqa: N802
        self._answer(head=False, write=True)

    def _answer(self, head: bool, write: bool = False) -> None:
        try:
            answer = self._judged(write)
        except ConnectionError:
            return  # the browser went away
        except Exception as err:  # noqa: BLE001 - said in the terminal, never to the page
            print(f"{self.command_name}: {word('local_server.failed', type(err).__name__, err)}", file=sys.stderr)
            answer = Answer.error(500)
        try:
            self._send(answer, head)
        except ConnectionError:
            pass

    def _judged(self, write: bool) -> Answer:
        self.origin = own = self._own_origin()
        if own is None:
            return Answer.error(421)
        path = safe_path(self.path)
        if path is None:
            return Answer.error(404)
        if not write:
            return self.answer_get(path)
        if not self.takes_writes:
            return self._not_allowed()
        if self.headers.get("Origin") != own:
            return Answer.error(403)
        length = self.headers.get("Content-Length", "")
        if not length.isdigit() or int(length) > MAX_BODY:
            return Answer.error(413 if length.isdigit() else 411)
        return self.answer_post(path, self.rfile.read(int(length)))

    def _own_origin(self) -> str | None:
        """`http://<host>` when the request names this server as 127.0.0.1:<port> or localhost:<port>."""
        hosts = self.headers.get_all("Host") or []
        port = self.server.server_address[1]
        if len(hosts) != 1 or hosts[0].lower() not in {f"{name}:{port}" for name in HOSTS}:
            return None
        return f"http://{hosts[0].lower()}"

    def _not_allowed(self) -> Answer:
        answer = Answer.error(405)
        answer.headers["Allow"] = "GET, HEAD, POST" if self.takes_writes else "GET, HEAD"
        return answer

    def send_error(self, code, message=None, explain=None):
        """http.server's own refusals (a bad request line, an unknown method) in our words, not its English."""
        answer = self._not_allowed() if code == 501 else Answer.error(code if code in (400, 414, 431) else 400)
        self.close_connection = True
        self._send(answer, head=self.command == "HEAD")

    def _send(self, answer: Answer, head: bool) -> None:
        self.send_response(answer.status)
        for name, value in {"Content-Type": answer.kind, "Content-Length": str(len(answer.body)),
                            **SAFE_HEADERS, **answer.headers}.items():
            self.send_header(name, value)
        self.end_headers()
        if not head:
            self.wfile.write(answer.body)

    def log_message(self, format, *args):  # noqa: A002 - the terminal is for the editor, not for requests
        pass


def local_server(handler: type[GuardedHandler], port: int) -> ThreadingHTTPServer:
    """A server on 127.0.0.1:<port> (0: any free port) answering through the guarded handler."""
    server = ThreadingHTTPServer((LOOPBACK, port), handler)
    server.daemon_threads = False  # server_close() waits for answers under way (a commit, say) to finish
    return server
