"""Requests as a hostile page or a raw client would send them: any request line, any Host, any Origin."""

from __future__ import annotations

import json
import socket
from dataclasses import dataclass


@dataclass
class Reply:
    status: int
    headers: dict[str, str]  # names in lower case
    body: bytes

    @property
    def text(self) -> str:
        return self.body.decode("utf-8")

    @property
    def json(self):
        return json.loads(self.body)


def raw(port: int, request: bytes) -> Reply:
    """Send these bytes to 127.0.0.1:<port> as they are, and read the whole answer."""
    with socket.create_connection(("127.0.0.1", port), timeout=30) as sock:
        sock.sendall(request)
        chunks = []
        while chunk := sock.recv(65536):
            chunks.append(chunk)
    answer = b"".join(chunks)
    if not answer.startswith(b"HTTP/"):  # an HTTP/0.9 answer (to a request line it could not read): body only
        return Reply(0, {}, answer)
    head, _, body = answer.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    headers = {}
    for line in lines[1:]:
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    return Reply(int(lines[0].split()[1]), headers, body)


def request(port: int, method: str, target: str, host: str | None = None, body: bytes = b"",
            headers: dict[str, str] | None = None) -> Reply:
    """One HTTP/1.1 request, Host 127.0.0.1:<port> unless another is given (host="" sends none)."""
    lines = [f"{method} {target} HTTP/1.1"]
    host = f"127.0.0.1:{port}" if host is None else host
    if host:
        lines.append(f"Host: {host}")
    for name, value in {**(headers or {}), "Content-Length": str(len(body)), "Connection": "close"}.items():
        lines.append(f"{name}: {value}")
    return raw(port, ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + body)


def api(port: int, target: str, payload: dict, origin: str | None = "own", host: str | None = None) -> Reply:
    """A JSON write to the form's API, from the server's own page unless another origin is given."""
    headers = {"Content-Type": "application/json"}
    if origin == "own":
        origin = f"http://{host or f'127.0.0.1:{port}'}"
    if origin:
        headers["Origin"] = origin
    return request(port, "POST", target, host, json.dumps(payload).encode("utf-8"), headers)
