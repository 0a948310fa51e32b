"""Reporters: the same problems as text for people, GitHub annotations, a Markdown summary for
the pull request (every problem, grouped by file, linked to its line), or JSON for programs."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import asdict
from itertools import groupby
from urllib.parse import quote

from .plain import md_escape
from .problems import Problem, Severity

# GitHub shows at most this many annotations of each level per step; the rest only in the log.
GITHUB_SHOWN = 10
# A pull-request comment holds at most 65,536 characters; the report stays well below.
MARKDOWN_LIMIT = 60_000


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
    errors = sum(p.severity is Severity.ERROR for p in problems)
    if errors > GITHUB_SHOWN or len(problems) - errors > GITHUB_SHOWN:
        lines.append(
            f"::notice::GitHub 在改动的文件上最多标出 {GITHUB_SHOWN} 个错误和 {GITHUB_SHOWN} 个"
            "警告；全部问题按文件列在这次检查的摘要页（Summary）和合并请求的评论里。"
        )
    lines.append(summary_line(problems))
    return "\n".join(lines)


def _severity_counts(problems: list[Problem]) -> str:
    errors = sum(p.severity is Severity.ERROR for p in problems)
    warnings = len(problems) - errors
    parts = [f"{errors} 个错误" if errors else "", f"{warnings} 个警告" if warnings else ""]
    return "、".join(p for p in parts if p)


def _markdown_item(p: Problem, link_base: str) -> str:
    where = f"第 {p.line} 行第 {p.column} 列"
    if link_base:
        where = f"[{where}]({link_base}{quote(p.path)}#L{p.line})"
    mark = "❌" if p.severity is Severity.ERROR else "⚠️"
    item = f"- {mark} **{p.severity.label}** {where}：{md_escape(p.message)}"
    return item + (f"<br>提示：{md_escape(p.hint)}" if p.hint else "")


def format_markdown(problems: list[Problem], link_base: str = "") -> str:
    """One Chinese summary of every problem, grouped by file, each linked to its line when
    ``link_base`` (``https://github.com/<owner>/<repo>/blob/<commit>/``) is given. Text from the
    files is escaped; past ``MARKDOWN_LIMIT`` characters the rest is counted, not listed."""
    head = "### 资料检查：" + (f"发现 {_severity_counts(problems)}" if problems else "通过")
    lines = [head, "", summary_line(problems)]
    size, left = sum(len(x) + 1 for x in lines), 0
    for path, group in groupby(sorted(problems), key=lambda p: p.path):
        items = list(group)
        name = f"[{md_escape(path)}]({link_base}{quote(path)})" if link_base else md_escape(path)
        block = ["", f"#### {name}（{_severity_counts(items)}）", ""]
        block += [_markdown_item(p, link_base) for p in items]
        block_size = sum(len(x) + 1 for x in block)
        if left or size + block_size > MARKDOWN_LIMIT:
            left += len(items)
            continue
        lines += block
        size += block_size
    if left:
        lines += [
            "",
            f"还有 {left} 个问题没有列在这里（列表太长）：在本机运行 jinglao validate 可看到全部，"
            "或先改好上面的问题再提交。",
        ]
    return "\n".join(lines) + "\n"


def format_json(problems: list[Problem]) -> str:
    items = [
        {k: v for k, v in asdict(p).items() if k != "subjects"} | {"severity": p.severity.value}
        for p in sorted(problems)
    ]
    errors = sum(p.severity is Severity.ERROR for p in problems)
    report = {"errors": errors, "warnings": len(problems) - errors, "problems": items}
    return json.dumps(report, ensure_ascii=False, indent=2)


FORMATS: dict[str, Callable[[list[Problem]], str]] = {
    "text": format_text,
    "github": format_github,
    "markdown": format_markdown,
    "json": format_json,
}
