"""What is wrong with content, said where the editor can find it: file, line, field, plain words."""

from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass

ERROR = "error"
WARNING = "warning"
# Invisible characters quoted from content are shown by code, so a message cannot be reordered or hidden.
_SHOWN = {code: f"<U+{code:04X}>" for code in [*range(0x202A, 0x202F), *range(0x2066, 0x206A),
                                                0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF]}


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    field: str
    message: str
    severity: str = ERROR

    def __str__(self) -> str:
        label = "cảnh báo: " if self.severity == WARNING else ""
        return f"{self.path}:{self.line}: {self.field}: {label}{self.message}".translate(_SHOWN)

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR


class ContentError(Exception):
    """Content that cannot be published; carries every problem found."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


class ProcessingError(Exception):
    """An unexpected failure while one content file was being processed: the message names that file."""

    def __init__(self, path: str, error: BaseException) -> None:
        self.path, self.error = path, error
        super().__init__(str(self.problem))

    @property
    def problem(self) -> Problem:
        return Problem(self.path, 1, "-", f"lỗi nội bộ khi xử lý tệp này ({type(self.error).__name__}: "
                       f"{str(self.error)[:200]}): hãy báo cho nhóm kỹ thuật kèm tệp này (internal error)")


@contextmanager
def processing(path: str):
    """Work on one file: an unexpected exception inside becomes a `ProcessingError` naming it."""
    try:
        yield
    except (ContentError, ProcessingError):
        raise
    except Exception as err:  # RecursionError, MemoryError, a library's bug on a strange input…
        raise ProcessingError(path, err) from err


_processing: list[str | None] = [None]


def now_processing(path: str | None) -> None:
    """Note the content file the build is working on (None: none in particular), so that an unexpected
    failure can name it (engine/building.py) instead of printing a traceback."""
    _processing[0] = path


def processing_file() -> str | None:
    return _processing[0]
