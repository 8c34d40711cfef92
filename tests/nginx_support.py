"""Running deploy/nginx.conf for real: Debian's nginx on a free loopback port, in a temporary prefix."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
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


UNPRIVILEGED = "www-data"  # Debian's user for web servers (base-passwd)


def has_ipv6_loopback() -> bool:
    try:
        with socket.socket(socket.AF_INET6) as probe:
            probe.bind(("::1", 0))
        return True
    except OSError:
        return False


def config_for(site_dir: Path, port: int, prefix: Path, user: str = "root") -> str:
    """deploy/nginx.conf with the test's site, port (on 127.0.0.1 and, when the machine has it, [::1]), pid
    and logs; nothing else changes. As root, the workers run as `user`: root by default, since pytest's tmp
    folders are private; a site under `public_folder()` can be served by UNPRIVILEGED, as in production."""
    text = CONF.read_text("utf-8")
    ipv6 = f"listen [::1]:{port};" if has_ipv6_loopback() else ""
    for old, new in (("/srv/thidua/site", str(site_dir)), ("listen 8080;", f"listen 127.0.0.1:{port};"),
                     ("listen [::]:8080;", ipv6),
                     ("/run/nginx-thidua.pid", str(prefix / "nginx.pid")), ("/var/log/nginx/", f"{prefix}/")):
        assert old in text, old
        text = text.replace(old, new)
    if os.geteuid() == 0:
        text = f"user {user};\n" + text
    return text


@contextmanager
def public_folder():
    """A folder every user may enter (as /srv is), removed at the end: pytest's own are private (0700)."""
    folder = Path(tempfile.mkdtemp(prefix="thidua-public-"))
    try:
        folder.chmod(0o755)
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def worker_uids(prefix: Path) -> set[int]:
    """The real user ids of the workers of the nginx whose pid file is in `prefix`."""
    master = (prefix / "nginx.pid").read_text().strip()
    uids = set()
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            fields = dict(line.split(":\t", 1) for line in status.read_text().splitlines() if ":\t" in line)
        except OSError:
            continue  # gone meanwhile
        if fields.get("PPid", "").strip() == master and "worker" in (status.parent / "cmdline").read_text():
            uids.add(int(fields["Uid"].split()[0]))
    return uids


@contextmanager
def nginx(site_dir: Path, prefix: Path, port: int | None = None, user: str = "root", check: list[str] | None = None):
    """http://127.0.0.1:<port> served by nginx with deploy/nginx.conf until the block ends. What `nginx -t`
    says, warnings included, is appended to `check` when given."""
    prefix.mkdir(parents=True, exist_ok=True)
    port = port or free_port()
    conf = prefix / "nginx.conf"
    conf.write_text(config_for(site_dir, port, prefix, user), "utf-8")
    args = [NGINX, "-p", str(prefix), "-c", str(conf), "-e", str(prefix / "error.log")]
    for command in ([*args, "-t"], args):  # check, then start: it daemonises, its pid in nginx.pid
        result = subprocess.run(command, capture_output=True, text=True)
        assert result.returncode == 0, result.stderr
        if check is not None and "-t" in command:
            check.append(result.stderr)
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
        except urllib.error.HTTPError:
            return  # an answer all the same (a 403 is the test's to report)
        except (urllib.error.URLError, ConnectionError):
            time.sleep(0.1)
    raise RuntimeError(f"nginx did not answer on {url}")


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def fetch(url: str, gzip: bool = False, host: str | None = None):
    """(status, headers, body) without following redirects; errors are answers too. `host`: the Host header
    a client (or an attacker) chooses."""
    headers = {"Accept-Encoding": "gzip"} if gzip else {}
    if host is not None:
        headers["Host"] = host
    request = urllib.request.Request(url, headers=headers)
    opener = urllib.request.build_opener(_NoRedirect)
    try:
        with opener.open(request, timeout=5) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as err:
        return err.code, err.headers, err.read()
