"""Problems found in a project's files, and the reporters that print them for people and tools."""

from __future__ import annotations

import difflib
import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from enum import StrEnum


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


def summary_line(problems: list[Problem]) -> str:
    errors = sum(p.severity is Severity.ERROR for p in problems)
    warnings = len(problems) - errors
    if not problems:
        return "检查通过：没有发现问题。"
    return f"共发现 {errors} 个错误、{warnings} 个警告。" + (
        "请按提示修改后再提交。" if errors else "警告不影响生成网站，但请尽快处理。"
    )


def format_text(problems: list[Problem]) -> str:
    lines = [p.as_text() for p in sorted(problems)]
    lines.append(summary_line(problems))
    return "\n".join(lines)


def _github_escape(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def format_github(problems: list[Problem]) -> str:
    """GitHub workflow commands, so each problem shows on the pull request's diff."""
    lines = []
    for p in sorted(problems):
        level = "error" if p.severity is Severity.ERROR else "warning"
        body = p.message + (f"\n提示：{p.hint}" if p.hint else "")
        lines.append(
            f"::{level} file={p.path},line={p.line},col={p.column}::{_github_escape(body)}"
        )
    lines.append(summary_line(problems))
    return "\n".join(lines)


def format_json(problems: list[Problem]) -> str:
    items = [asdict(p) | {"severity": p.severity.value} for p in sorted(problems)]
    errors = sum(p.severity is Severity.ERROR for p in problems)
    report = {"errors": errors, "warnings": len(problems) - errors, "problems": items}
    return json.dumps(report, ensure_ascii=False, indent=2)


FORMATS = {"text": format_text, "github": format_github, "json": format_json}
