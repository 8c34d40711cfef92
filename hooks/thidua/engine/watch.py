"""Noticing saved files for the preview: a scan of modification times and sizes a few times a second.

Polling rather than file-system events: it sees every editor's way of saving (in place, by renaming a
temporary file), works the same in containers and on shared folders, and costs a few milliseconds for
a thousand stories.
"""

from __future__ import annotations

import os
from pathlib import Path

Signature = tuple[int, int]


class Watcher:
    def __init__(self, paths: list[Path]) -> None:
        self.paths = paths
        self.seen = self._scan()

    def changes(self) -> set[Path]:
        """Files created, modified or removed since the previous call."""
        now = self._scan()
        changed = {path for path in now.keys() | self.seen.keys() if now.get(path) != self.seen.get(path)}
        self.seen = now
        return changed

    def _scan(self) -> dict[Path, Signature]:
        found: dict[Path, Signature] = {}
        for path in self.paths:
            if path.is_dir():
                _scan_folder(path, found)
            elif path.is_file():
                stat = path.stat()
                found[path] = (stat.st_mtime_ns, stat.st_size)
        return found


def _scan_folder(folder: Path, found: dict[Path, Signature]) -> None:
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    for entry in entries:
        if entry.name.startswith(".") or entry.name == "__pycache__":
            continue
        try:
            if entry.is_dir():
                _scan_folder(Path(entry.path), found)
            elif entry.is_file():
                stat = entry.stat()
                found[Path(entry.path)] = (stat.st_mtime_ns, stat.st_size)
        except OSError:
            continue  # removed while scanning: the next scan sees it gone
