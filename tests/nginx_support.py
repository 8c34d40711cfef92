"""Running deploy/nginx.conf for real: Debian's nginx on a free loopback port, in a temporary prefix."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from pathlib import Path

from support import REPO

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
CONF = REPO / "deploy" / "nginx.conf"


def for_nginx(root: Path) -> None:
    """Set the copied site's host to nginx in its mkdocs.yml: the build then writes the .gz copies."""
    config = root / "mkdocs.yml"
    text = config.read_text("utf-8")
    assert "    host: github-pages\n" in text
    config.write_text(text.replace("    host: github-pages\n", "    host: nginx\n"), "utf-8")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def config_for(site_dir: Path, port: int, prefix: Path) -> str:
    """deploy/nginx.conf with the test's site, port, pid and logs; nothing else changes."""
    text = CONF.read_text("utf-8")
    for old, new in (("/srv/thidua/site", str(site_dir)), ("listen 8080;", f"listen 127.0.0.1:{port};"),
                     ("/run/nginx-thidua.pid", str(prefix / "nginx.pid")), ("/var/log/nginx/", f"{prefix}/")):
        assert old in text, old
        text = text.replace(old, new)
    if os.geteuid() == 0:  # workers would run as nobody, who cannot read pytest's private tmp folders
        text = "user root;\n" + text
    return text


@contextmanager
def nginx(site_dir: Path, prefix: Path, port: int | None = None):
    """http://127.0.0.1:<port> served by nginx with deploy/nginx.conf until the block ends."""
    prefix.mkdir(parents=True, exist_ok=True)
    port = port or free_port()
    conf = prefix / "nginx.conf"
    conf.write_text(config_for(site_dir, port, prefix), "utf-8")
    args = [NGINX, "-p", str(prefix), "-c", str(conf), "-e", str(prefix / "error.log")]
    for command in ([*args, "-t", "-q"], args):  # check, then start: it daemonises, its pid in nginx.pid
        result = subprocess.run(command, capture_output=True, text=True)
        assert result.returncode == 0, result.stderr
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_for(url)
        yield url
    finally:
        subprocess.run([*args, "-s", "quit"], capture_output=True)
        pid_file = prefix / "nginx.pid"
        for _ in range(50):
            if not pid_file.exists():
                break
            time.sleep(0.1)


def _wait_for(url: str) -> None:
    for _ in range(50):
        try:
            urllib.request.urlopen(url + "/", timeout=1).close()
            return
        except (urllib.error.URLError, ConnectionError):
            time.sleep(0.1)
    raise RuntimeError(f"nginx did not answer on {url}")


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def fetch(url: str, gzip: bool = False):
    """(status, headers, body) without following redirects; errors are answers too."""
    request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip"} if gzip else {})
    opener = urllib.request.build_opener(_NoRedirect)
    try:
        with opener.open(request, timeout=5) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as err:
        return err.code, err.headers, err.read()
