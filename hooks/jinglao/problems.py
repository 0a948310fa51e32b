"""Problems found in a project's files: located findings with a Chinese message and a hint.

Rules (unit, county, cycle) yield ``Finding``s by key path; ``located`` turns one into a
``Problem`` at file:line:column through whatever knows the positions (a loaded YAML document).
The reporters that print problems live in ``report.py``.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Protocol

KeyPath = tuple[str | int, ...]
"""Where a value stands inside a document: mapping keys and list indexes, from the root."""


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"

    @property
    def label(self) -> str:
        return "错误" if self is Severity.ERROR else "警告"


@dataclass(frozen=True, order=True)
class Problem:
    """One located finding: ``path:line:col: 错误 message`` plus a hint on how to fix it."""

    path: str
    line: int
    column: int
    severity: Severity
    message: str
    hint: str = ""
    # Units a cross-file problem is about (a cycle nominating a unit): `validate units/<id>`
    # reports it too. Not part of the report itself.
    subjects: tuple[str, ...] = field(default=(), compare=False)

    def as_text(self) -> str:
        head = f"{self.path}:{self.line}:{self.column}: {self.severity.label} {self.message}"
        return f"{head}\n  提示：{self.hint}" if self.hint else head


def closest(word: str, choices: list[str], cutoff: float = 0.5) -> str | None:
    """The choice a person most likely meant (for 「是不是想写…」 hints), if any is close enough."""
    found = difflib.get_close_matches(word, choices, n=1, cutoff=cutoff)
    return found[0] if found else None


def did_you_mean(word: str, choices: list[str], cutoff: float = 0.5) -> str:
    """「是不是想写「…」？」 for the closest choice, or nothing."""
    close = closest(word, choices, cutoff)
    return f"是不是想写「{close}」？" if close else ""


def has_errors(problems: Iterable[Problem]) -> bool:
    return any(p.severity is Severity.ERROR for p in problems)


@dataclass(frozen=True)
class Finding:
    """A rule's verdict on a value, by key path; ``located`` gives it a file, line and column."""

    path: KeyPath
    message: str
    hint: str = ""
    severity: Severity = Severity.ERROR
    at_key: bool = False
    subjects: tuple[str, ...] = ()  # unit ids the finding is about, when in another file


class Locator(Protocol):
    """Anything that knows a file's name and where each key path stands in it."""

    @property
    def path(self) -> str: ...

    def locate(self, path: KeyPath, *, at_key: bool = False) -> tuple[int, int]: ...


def located(where: Locator, finding: Finding) -> Problem:
    """A finding at its key path, as a problem at file:line:column."""
    line, column = where.locate(finding.path, at_key=finding.at_key)
    return Problem(
        where.path, line, column, finding.severity, finding.message, finding.hint, finding.subjects
    )
