"""Running MkDocs for the CLI: a strict build into a fresh folder that replaces `site/` only on success."""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import tempfile
from contextlib import contextmanager
from datetime import date, datetime, time, timezone
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException


class BuildFailed(Exception):
    pass


def build_site(root: Path, site_dir: Path | None = None, as_of: date | None = None) -> Path:
    """Build atomically: a failed build leaves the previous `site/` exactly as it was."""
    root = root.resolve()
    site_dir = (site_dir or root / "site").resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".site-build-", dir=site_dir.parent))
    messages: list[str] = []
    try:
        with _source_date(root, as_of), collect_mkdocs_messages(messages):
            config = load_config(str(root / "mkdocs.yml"), site_dir=str(staging), strict=True)
            build(with_build_date(config, as_of))
    except (MkDocsException, SystemExit) as err:
        shutil.rmtree(staging, ignore_errors=True)
        raise BuildFailed("\n".join(messages) or str(err)) from None
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    _replace(site_dir, staging)
    return site_dir


def _replace(site_dir: Path, staging: Path) -> None:
    if site_dir.exists():
        retired = Path(tempfile.mkdtemp(prefix=".site-old-", dir=site_dir.parent))
        site_dir.rename(retired / "site")
        staging.rename(site_dir)
        shutil.rmtree(retired, ignore_errors=True)
    else:
        staging.rename(site_dir)


def with_build_date(config, as_of: date | None):
    """The build date for the embargo, handed to the hooks as a value in `extra.thidua.as_of`."""
    if as_of is not None:
        config.extra["thidua"] = {**(config.extra.get("thidua") or {}), "as_of": as_of}
    return config


@contextmanager
def _source_date(root: Path, as_of: date | None):
    """SOURCE_DATE_EPOCH for every date MkDocs writes (sitemap, gzip): MkDocs reads it from the environment."""
    settings = {}
    if "SOURCE_DATE_EPOCH" not in os.environ:
        settings["SOURCE_DATE_EPOCH"] = str(_commit_time(root) or _midnight(as_of or date.today()))
    previous = {key: os.environ.get(key) for key in settings}
    os.environ.update(settings)
    try:
        yield
    finally:
        for key, value in previous.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def _commit_time(root: Path) -> int | None:
    """The time of the commit being built: the same commit gives the same dates."""
    try:
        result = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=root, capture_output=True, text=True,
                                timeout=10)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return int(result.stdout) if result.returncode == 0 and result.stdout.strip().isdigit() else None


def _midnight(day: date) -> int:
    return int(datetime.combine(day, time.min, tzinfo=timezone.utc).timestamp())


class _Collector(logging.Handler):
    def __init__(self, messages: list[str]) -> None:
        super().__init__(logging.WARNING)
        self.messages = messages

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


@contextmanager
def collect_mkdocs_messages(messages: list[str]):
    """MkDocs' warnings and errors become the message of `BuildFailed` (strict: any warning fails)."""
    logger = logging.getLogger("mkdocs")
    handler = _Collector(messages)
    logger.addHandler(handler)
    try:
        yield
    finally:
        logger.removeHandler(handler)

