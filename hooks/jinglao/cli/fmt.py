"""``jinglao fmt [--check] [paths…]``: data files in their canonical form (``source/canonical.py``).

Unit files always; the county file and cycle files when named. A file that does not load, or
holds comments, is reported with its line and left as it is (comments are dropped only on
``--drop-comments``); a file outside the project, or reached through a link leading out of it,
is never read or written.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..county.load import COUNTY_FILE
from ..county.model import County
from ..cycles.model import Cycle
from ..problems import Problem, Severity
from ..report import FORMATS
from ..schema.order import ordered
from ..source.canonical import canonical_text, comment_marks, same_data
from ..source.files import is_inside, outside_link
from ..source.yamldoc import load_bytes, parse_text
from ..unit.model import Unit
from .common import EXIT_OK, EXIT_PROBLEMS, project_root

COMMENT_HINT = (
    "规范格式里不写注释：请把要说明的内容写进相应字段（例如 note、description），"
    "填写说明请看编辑器里字段的提示或「单位资料填写说明」；"
    "确实不要这些注释时，运行 jinglao fmt --drop-comments 删除。"
)


def model_for(rel: str) -> Any:
    """The model whose field order a file is written in; None for a file fmt does not handle."""
    parts = rel.split("/")
    if rel == COUNTY_FILE:
        return County
    if len(parts) == 3 and parts[0] == "units" and parts[2] == "unit.yml":
        return Unit
    if len(parts) == 2 and parts[0] == "cycles" and parts[1].endswith(".yml"):
        return Cycle
    return None


def canonical_unit_text(data: Any) -> str:
    """The canonical text of a unit's data (what the web editor must write too)."""
    return canonical_text(ordered(data, Unit))


@dataclass
class Outcome:
    """One file: its canonical text (None when it cannot be formatted) and what to report."""

    text: str | None
    problems: list[Problem] = field(default_factory=list)


def _problem(rel: str, line: int, column: int, message: str, hint: str) -> Problem:
    return Problem(rel, line, column, Severity.ERROR, message, hint)


def format_text(rel: str, raw: bytes, *, drop_comments: bool = False) -> Outcome:
    """The canonical text of one file's bytes, or the located reasons it cannot be written."""
    doc, problems = load_bytes(rel, raw)
    if doc is None:
        return Outcome(None, problems)
    if not drop_comments:
        marks = comment_marks(doc.text)
        if marks:
            return Outcome(
                None,
                [_problem(rel, ln, col, "这里有注释（# 开头），fmt 不会替您删掉", COMMENT_HINT)
                 for ln, col in marks],
            )  # fmt: skip
    text = canonical_text(ordered(doc.data, model_for(rel)))
    again, _ = parse_text(rel, text)
    if again is None or not same_data(again.data, doc.data):  # never write what reads differently
        return Outcome(None, [_problem(rel, 1, 1, "无法整理这个文件：整理后内容会变",
                                       "文件没有改动。请把这个文件发给平台维护人员。")])  # fmt: skip
    return Outcome(text)


def first_difference(old: str, new: str) -> tuple[int, str, str]:
    """The first line (1-based) where two texts differ, with that line in each."""
    old_lines, new_lines = old.split("\n"), new.split("\n")
    for number, (a, b) in enumerate(zip(old_lines, new_lines, strict=False), start=1):
        if a != b:
            return number, a or "（空行）", b or "（空行）"
    number = min(len(old_lines), len(new_lines)) + 1
    return number, _line(old_lines, number), _line(new_lines, number)


def _line(lines: list[str], number: int) -> str:
    return lines[number - 1] or "（空行）" if number <= len(lines) else "（文件结束）"


def _files(root: Path, paths: list[str]) -> tuple[list[Path], list[str]]:
    """The files to format, and a message for each path that names none."""
    if not paths:
        return sorted((root / "units").glob("*/unit.yml")), []
    found, refused = [], []
    for given in paths:
        path = Path(given) if Path(given).is_absolute() else Path.cwd() / given
        if path.is_dir():
            found += sorted(p for p in path.rglob("*.yml") if model_for(_rel(root, p)))
        elif path.exists() or path.is_symlink():
            found.append(path)
        else:
            refused.append(f"找不到「{given}」")
    return found, refused


def _rel(root: Path, path: Path) -> str:
    try:
        return path.absolute().relative_to(root.absolute()).as_posix()
    except ValueError:
        return ""


def _one(root: Path, path: Path, args: argparse.Namespace) -> tuple[list[Problem], str]:
    """Check or rewrite one file: its problems, and ``"ok"``, ``"unformatted"`` or ``"written"``."""
    rel = _rel(root, path)
    if not rel or model_for(rel) is None:
        shown = rel or str(path)
        return [_problem(shown, 1, 1, f"「{shown}」不是 fmt 整理的资料文件",
                         "fmt 只整理 units/*/unit.yml、units/county.yml 和 cycles/*.yml。")], "ok"  # fmt: skip
    if not is_inside(root, path):
        return [outside_link(root, path)], "ok"
    raw = path.read_bytes()
    outcome = format_text(rel, raw, drop_comments=args.drop_comments)
    if outcome.text is None:
        return outcome.problems, "ok"
    if raw == outcome.text.encode("utf-8"):
        return [], "ok"
    if args.check:
        old = raw.decode("utf-8-sig").replace("\r\n", "\n")
        number, was, wanted = first_difference(old, outcome.text)
        print(f"{rel}:{number}: 不是规范格式。第 {number} 行现在是「{was}」，应为「{wanted}」")
        return [], "unformatted"
    path.resolve().write_bytes(outcome.text.encode("utf-8"))
    print(f"已整理 {rel}")
    return [], "written"


def _summary(counts: dict[str, int], checked: int, check: bool) -> str:
    if counts["unformatted"]:
        return f"有 {counts['unformatted']} 个文件不是规范格式：运行 jinglao fmt 可自动整理（只改格式，不改内容）。"
    if counts["written"]:
        return f"共整理 {counts['written']} 个文件（只改格式，内容不变）。"
    return (
        f"检查了 {checked} 个文件，都是规范格式。" if check else f"{checked} 个文件都已是规范格式。"
    )


def cmd_fmt(args: argparse.Namespace) -> int:
    root = project_root(args).resolve()
    files, refused = _files(root, args.paths)
    for message in refused:
        print(f"jinglao fmt：{message}", file=sys.stderr)
    problems: list[Problem] = []
    counts = {"ok": 0, "unformatted": 0, "written": 0}
    for path in files:
        found, state = _one(root, path, args)
        problems += found
        counts[state] += 1
    if problems:
        print(FORMATS["text"](problems), file=sys.stderr)
    if counts["unformatted"] or counts["written"] or not (problems or refused):
        print(_summary(counts, len(files), args.check))
    return EXIT_PROBLEMS if problems or refused or counts["unformatted"] else EXIT_OK
