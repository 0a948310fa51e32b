"""Reporters: the same problems as text for people, GitHub annotations, or JSON for programs."""

from __future__ import annotations

import json
from dataclasses import asdict

from .problems import Problem, Severity


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
    items = [
        {k: v for k, v in asdict(p).items() if k != "subjects"} | {"severity": p.severity.value}
        for p in sorted(problems)
    ]
    errors = sum(p.severity is Severity.ERROR for p in problems)
    report = {"errors": errors, "warnings": len(problems) - errors, "problems": items}
    return json.dumps(report, ensure_ascii=False, indent=2)


FORMATS = {"text": format_text, "github": format_github, "json": format_json}
