"""Running MkDocs for the CLI: a strict build into a fresh folder that replaces `site/` only on success."""

from __future__ import annotations

import logging
import os
import shutil
import signal
import subprocess
import tempfile
import threading
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime, time, timezone
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException

from ..content.problems import ProcessingError, now_processing, processing_file
from ..hosting import footprint, precompress, server_files
from . import output
from ..site.settings import config_problems

EXAMPLE_HOST = "thidua.binhthuan.example"  # mkdocs.yml's placeholder until the real address is set


class BuildFailed(Exception):
    pass


class Interrupted(KeyboardInterrupt):
    """SIGTERM or SIGINT during a build, raised where the build is so that its staging folder is removed."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


STAGING, RETIRED = ".site-build-", ".site-old-"


@dataclass
class BuildOutcome:
    site: Path
    footprint: footprint.Footprint
    warnings: list[str] = field(default_factory=list)  # for the CLI to print: MkDocs' strict mode fails on logged ones


def refused_config(root: Path) -> None:
    """mkdocs.yml is checked before MkDocs reads it (aliases, impossible dates, raw text): `BuildFailed` if refused."""
    refused = [p for p in config_problems(root) if p.is_error]
    if refused:
        raise BuildFailed("\n".join(map(str, refused)))


def build_site(root: Path, site_dir: Path | None = None, as_of: date | None = None) -> Path:
    return build_outcome(root, site_dir, as_of).site


def build_outcome(root: Path, site_dir: Path | None = None, as_of: date | None = None) -> BuildOutcome:
    """Build atomically: a failed or interrupted build, or one too large for the host, leaves the previous
    `site/` exactly as it was. A `site_dir` a build must not replace (the sources, or a folder it did not
    write) raises `OutputRefused` before anything is touched."""
    root = root.resolve()
    refused_config(root)
    site_dir = (site_dir or root / "site").resolve()
    output.check(root, site_dir)
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    messages: list[str] = []
    with _signals_raise():
        remove_stale(site_dir.parent)
        staging = Path(tempfile.mkdtemp(prefix=f"{STAGING}{os.getpid()}-", dir=site_dir.parent))
        try:
            with _source_date(root, as_of), collect_mkdocs_messages(messages):
                now_processing(None)
                config = load_config(str(root / "mkdocs.yml"), site_dir=str(staging), strict=True)
                build(with_build_date(config, as_of))
            size = _for_hosting(staging, config.extra.get("thidua", {}))
            output.finish(staging)
            _replace(site_dir, staging)
        except (MkDocsException, SystemExit) as err:
            raise BuildFailed("\n".join(messages) or str(err)) from None
        except (footprint.TooLarge, footprint.LimitError) as err:
            raise BuildFailed(str(err)) from None
        except Exception as err:  # never a bare traceback: name the file being processed
            if os.environ.get("THIDUA_DEBUG"):
                raise
            raise BuildFailed(_unexpected(err)) from None
        finally:
            shutil.rmtree(staging, ignore_errors=True)  # gone after success (renamed) or failure
    return BuildOutcome(site_dir, size, _warnings(config))


def _for_hosting(staging: Path, extra: dict) -> footprint.Footprint:
    """The CSP for nginx, gzip copies when the host serves them, the size against its limit (pages are made
    lighter as MkDocs renders them: see the adapter's on_post_page)."""
    host = footprint.host_of(extra)
    limit = footprint.limit_bytes(extra)
    server_files.write_csp(staging)
    if host.precompressed:
        precompress.precompress(staging)
    size = footprint.measure(staging)
    footprint.check(size, limit)
    return size


def _warnings(config) -> list[str]:
    if EXAMPLE_HOST in (config.site_url or ""):
        return [f"Cảnh báo: site_url trong mkdocs.yml vẫn là địa chỉ ví dụ {config.site_url} — hãy đặt địa chỉ "
                "thật trước khi đăng trang (README, mục “Before the first deploy”)."]
    return []


def _unexpected(err: Exception) -> str:
    path = processing_file()
    if path is not None:
        return str(ProcessingError(path, err))
    return (f"lỗi nội bộ khi dựng trang ({type(err).__name__}: {str(err)[:200]}): hãy báo cho nhóm kỹ thuật "
            "(internal error)")


def remove_stale(folder: Path) -> list[Path]:
    """Staging and retired folders left by a build that was killed (SIGKILL, power cut): removed, unless the
    build that made them is still running (its process id is in the name)."""
    removed = []
    for path in folder.glob(".site-*"):
        if path.name.startswith((STAGING, RETIRED)) and path.is_dir() and not _alive(path.name):
            shutil.rmtree(path, ignore_errors=True)
            removed.append(path)
    return removed


def _alive(name: str) -> bool:
    pid = name.removeprefix(STAGING).removeprefix(RETIRED).partition("-")[0]
    if not pid.isdigit() or int(pid) == os.getpid():
        return False
    try:
        os.kill(int(pid), 0)
    except PermissionError:
        return True  # another user's running process
    except (ProcessLookupError, OverflowError):
        return False
    return True


@contextmanager
def _signals_raise():
    """SIGTERM and SIGINT raise `Interrupted` (once) while building; the previous handlers come back after."""
    if threading.current_thread() is not threading.main_thread():
        yield  # only the main thread may set handlers; `serve` builds in its own way
        return
    fired = []

    def interrupt(signum, frame):
        if not fired:  # a second signal must not interrupt the clean-up
            fired.append(signum)
            raise Interrupted(signum)

    previous = {signum: signal.signal(signum, interrupt) for signum in (signal.SIGTERM, signal.SIGINT)}
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


def _replace(site_dir: Path, staging: Path) -> None:
    if not site_dir.exists():
        staging.rename(site_dir)
        return
    retired = Path(tempfile.mkdtemp(prefix=f"{RETIRED}{os.getpid()}-", dir=site_dir.parent))
    try:
        site_dir.rename(retired / "site")
        staging.rename(site_dir)
    except BaseException:  # interrupted between the two renames: the previous site goes back in place
        if not site_dir.exists() and (retired / "site").is_dir():
            (retired / "site").rename(site_dir)
        raise
    finally:
        shutil.rmtree(retired, ignore_errors=True)


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

