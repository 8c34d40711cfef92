"""`thidua serve` trusts no other page (hosting/local_http.py): a real preview in a subprocess, asked by raw
sockets as a hostile page (through DNS rebinding) or a broken client would ask it."""

from __future__ import annotations

import re
import signal

import pytest
from http_support import raw, request
from support import copy_repository
from test_serve import Preview

VIETNAMESE = re.compile(r"[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]")


@pytest.fixture(scope="module")
def preview(tmp_path_factory):
    running = Preview(copy_repository(tmp_path_factory.mktemp("serve") / "repo"))
    running.port = int(running.address.rstrip("/").rsplit(":", 1)[1])
    yield running
    running.stop()


def refused_in_vietnamese(reply, status: int, *not_shown: str) -> None:
    assert reply.status == status, reply
    assert reply.headers["content-type"] == "text/plain; charset=utf-8"
    assert VIETNAMESE.search(reply.text) and "/tmp" not in reply.text and "Traceback" not in reply.text
    for text in not_shown:
        assert text.lower() not in reply.text.lower() and text.lower() not in str(reply.headers).lower()


def test_pages_answer_to_127_0_0_1_and_localhost_on_its_own_port_and_head_as_get(preview):
    for host in (f"127.0.0.1:{preview.port}", f"localhost:{preview.port}"):
        page = request(preview.port, "GET", "/", host=host)
        assert page.status == 200 and b"</html>" in page.body
    head = request(preview.port, "HEAD", "/")
    assert head.status == 200 and head.body == b"" and head.headers["content-length"] == page.headers["content-length"]
    assert request(preview.port, "HEAD", "/khong-co-trang-nay/").status == 404


@pytest.mark.parametrize("host", ["evil.example", "evil.example:{port}", "127.0.0.1:1", "localhost",
                                  "127.0.0.1:{port}.evil.example", ""])
def test_a_page_reached_under_another_name_is_refused(preview, host):
    """DNS rebinding: evil.example resolves to 127.0.0.1, the browser sends Host: evil.example:<port>."""
    reply = request(preview.port, "GET", "/", host=host.format(port=preview.port))
    refused_in_vietnamese(reply, 421, "</html>")


def test_two_host_headers_are_refused(preview):
    reply = raw(preview.port, f"GET / HTTP/1.1\r\nHost: 127.0.0.1:{preview.port}\r\nHost: evil.example\r\n\r\n".encode())
    refused_in_vietnamese(reply, 421)


@pytest.mark.parametrize("target", [
    "/%0d%0aSet-Cookie:%20phien=danh-cap",  # header injection through a redirect or an echoed path
    "/guong-dien-hinh%0d%0aSet-Cookie:%20phien=danh-cap",
    "/%5Cevil.example%2F..",  # was redirected to /\evil.example/../, which browsers follow off-site
    "/\\evil.example/",
    "//evil.example/",
    "/..%2f..%2f..%2fetc/passwd",
    "/%2e%2e/%2e%2e/etc/passwd",
    "/guong-dien-hinh/../../mkdocs.yml",
    "/a%00b",  # answered 500 with the temporary folder's absolute path
    "/%ff%fe",
    "/" + "a" * 300,  # longer than a file name may be
    "/" + "a/" * 3000,
])
def test_hostile_paths_are_answered_404_without_echo_or_redirect(preview, target):
    reply = request(preview.port, "GET", target)
    assert reply.status == 404, reply
    assert "set-cookie" not in reply.headers and "location" not in reply.headers
    assert "evil" not in reply.text and "phien" not in reply.text and "passwd" not in reply.text
    assert "/tmp" not in reply.text and "Traceback" not in reply.text and VIETNAMESE.search(reply.text)


def test_a_folder_without_its_slash_is_redirected_inside_the_site(preview):
    reply = request(preview.port, "GET", "/guong-dien-hinh")
    assert reply.status == 301 and reply.headers["location"] == "/guong-dien-hinh/"


@pytest.mark.parametrize("method", ["POST", "PUT", "DELETE", "OPTIONS", "BREW"])
def test_methods_other_than_get_and_head_are_refused_in_vietnamese(preview, method):
    reply = request(preview.port, method, "/", headers={"Origin": f"http://127.0.0.1:{preview.port}"})
    refused_in_vietnamese(reply, 405, "Unsupported", "</html>")
    assert reply.headers["allow"] == "GET, HEAD"


def test_a_broken_request_line_is_answered_in_vietnamese(preview):
    for line in (b"GET / HTTP/1.x", b"GET / HTTP/9.9", b"GET / / HTTP/1.1", b"POST /"):
        reply = raw(preview.port, line + b"\r\n\r\n")  # no version it can read: answered as HTTP/0.9, body only
        assert VIETNAMESE.search(reply.text) and "Bad" not in reply.text and "Invalid" not in reply.text
    long_header = b"GET / HTTP/1.1\r\nX-Dai: " + b"a" * 70_000 + b"\r\n\r\n"
    refused_in_vietnamese(raw(preview.port, long_header), 431, "Line too long")


def test_every_answer_forbids_framing_sniffing_and_caching(preview):
    headers = request(preview.port, "GET", "/").headers
    assert headers["x-frame-options"] == "DENY" and headers["x-content-type-options"] == "nosniff"
    assert headers["cache-control"] == "no-store"


def test_last_a_closed_terminal_sighup_stops_the_preview_as_ctrl_c_does(preview):
    preview.process.send_signal(signal.SIGHUP)
    assert preview.process.wait(timeout=30) == 0
    assert "Đã dừng xem trước." in preview.stop()
    with pytest.raises(OSError):
        raw(preview.port, b"GET / HTTP/1.0\r\n\r\n")
