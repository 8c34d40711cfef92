"""What is wrong with content, said where the editor can find it: file, line, field, plain words."""

from __future__ import annotations

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
