"""Load a whole project (county, policy library, every unit) and validate it: stages 1 and 2.

The result holds typed records for the derive stage and every problem found, located by file, line
and column. Nothing downstream reads files again.
"""

from __future__ import annotations

import gc
import hashlib
import re
from collections.abc import Callable
from datetime import date
from pathlib import Path

from .history import read_history
from .model import County, Policy, Unit
from .problems import Problem, Severity
from .project_cycles import load_cycles
from .records import PolicyRecord, Project, UnitRecord
from .rules import located, unit_findings
from .schema_errors import parse_model
from .site_config import read_site_url
from .yamlsource import load_bytes, parse_text

__all__ = ["UNIT_ID", "PolicyRecord", "Project", "UnitRecord", "load_project"]

UNIT_ID = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")
COUNTY_FILE = "units/county.yml"
POLICY_DIR = "content/policies"


def _error(path: str, message: str, hint: str, line: int = 1, column: int = 1) -> Problem:
    return Problem(path, line, column, Severity.ERROR, message, hint)


def _load_county(project: Project) -> None:
    path = project.root / COUNTY_FILE
    if not path.is_file():
        project.problems.append(
            _error(
                COUNTY_FILE,
                "缺少县的基本信息文件",
                "请建立 units/county.yml，写明县名、领导小组办公室和乡镇名单。",
            )
        )
        return
    doc, problems = load_bytes(COUNTY_FILE, path.read_bytes())
    project.problems += problems
    if doc is not None:
        project.county, problems = parse_model(County, doc)
        project.problems += problems


def split_front_matter(text: str) -> tuple[str, str] | None:
    """``---`` YAML ``---`` body, as (yaml, body); None when the page has no front matter."""
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].strip() != "---":
        return None
    for end in range(1, len(lines)):
        if lines[end].strip() == "---":
            return "".join(lines[1:end]), "".join(lines[end + 1 :])
    return None


def _load_policy(project: Project, file: Path) -> None:
    rel = file.relative_to(project.root).as_posix()
    if not UNIT_ID.fullmatch(file.stem):
        project.problems.append(
            _error(
                rel,
                f"政策文件名「{file.stem}」不能作编号",
                "文件名只用小写拼音、数字和连字符，例如 laonianren-quanyi-baozhangfa.md",
            )
        )
        return
    text = file.read_bytes().decode("utf-8", errors="replace").removeprefix("\ufeff")
    parts = split_front_matter(text)
    if parts is None:
        project.problems.append(
            _error(
                rel,
                "政策页面缺少开头的资料区（---）",
                "第一行写 ---，接着写 title、issuer、level 等，再用 --- 结束。",
            )
        )
        return
    front, body = parts
    doc, problems = parse_text(rel, front, line_offset=1)
    if doc is not None:
        policy, problems = parse_model(Policy, doc)
        if policy is not None:
            project.policies.append(PolicyRecord(file.stem, rel, policy, body))
    project.problems += problems


# Parsed units by file, kept for the life of the process: ``mkdocs serve`` rebuilds re-parse only
# the files whose bytes (or the county and policy library they are checked against) changed.
_UNIT_CACHE: dict[str, tuple[bytes, str, UnitRecord | None, list[Problem]]] = {}


def forget_parsed() -> None:
    _UNIT_CACHE.clear()


def _parse_unit(
    unit_id: str, rel: str, raw: bytes, county: County | None, policy_ids: list[str]
) -> tuple[UnitRecord | None, list[Problem]]:
    digest = hashlib.blake2b(raw, digest_size=16).digest()
    context = (county.model_dump_json() if county else "") + "|" + ",".join(policy_ids)
    cached = _UNIT_CACHE.get(rel)
    if cached is not None and cached[0] == digest and cached[1] == context:
        return cached[2], cached[3]
    record: UnitRecord | None = None
    doc, problems = load_bytes(rel, raw)
    if doc is not None:
        unit, more = parse_model(Unit, doc)
        problems += more
        if unit is not None:
            problems += [located(doc, f) for f in unit_findings(unit, county, policy_ids)]
            record = UnitRecord(unit_id, rel, unit)
    _UNIT_CACHE[rel] = (digest, context, record, problems)
    return record, problems


def _load_unit(project: Project, folder: Path, policy_ids: list[str]) -> None:
    rel = f"units/{folder.name}/unit.yml"
    if not UNIT_ID.fullmatch(folder.name):
        project.problems.append(
            _error(
                rel,
                f"文件夹名「{folder.name}」不能作单位编号",
                "编号是单位的永久网址，只能用小写英文字母、数字和连字符，例如 anlan-renmin-yiyuan。",
            )
        )
        return
    project.unit_folders.add(folder.name)
    file = folder / "unit.yml"
    if not file.is_file():
        project.problems.append(
            _error(
                rel,
                "单位文件夹里缺少 unit.yml",
                "每个单位文件夹里都要有一个 unit.yml；可以用 jinglao new 生成模板。",
            )
        )
        return
    record, problems = _parse_unit(folder.name, rel, file.read_bytes(), project.county, policy_ids)
    project.problems += problems
    if record is not None:
        project.units.append(record)


def _check_unique_names(project: Project) -> None:
    first: dict[str, str] = {}
    for record in project.units:
        other = first.setdefault(record.unit.name, record.path)
        if other != record.path:
            project.problems.append(
                _error(
                    record.path,
                    f"单位名称「{record.unit.name}」与 {other} 重复",
                    "每个单位只建一个文件夹；同名的不同单位请写全称加以区分。",
                )
            )


STALE_AFTER_DAYS = 365


def last_confirmed(project: Project, record: UnitRecord) -> date | None:
    """The later of the unit's last change in git and its own ``confirmed`` date."""
    dates = [c.date for c in project.history.changes.get(record.id, [])[:1]]
    if record.unit.confirmed is not None:
        dates.append(record.unit.confirmed)
    return max(dates, default=None)


def is_stale(project: Project, record: UnitRecord) -> bool:
    reference, last = project.history.reference_date, last_confirmed(project, record)
    return reference is not None and last is not None and (reference - last).days > STALE_AFTER_DAYS


def _freshness_warnings(project: Project) -> list[Problem]:
    return [
        Problem(
            record.path,
            1,
            1,
            Severity.WARNING,
            f"公开资料已超过 12 个月没有更新或确认（最近一次：{last_confirmed(project, record)}）",
            "请逐项核对是否仍然有效；内容没有变化的，把 confirmed 写成核对当天的日期再提交。",
        )
        for record in project.units
        if is_stale(project, record)
    ]


def load_project(root: Path, progress: Callable[[int, int], None] | None = None) -> Project:
    """Load and validate everything under ``root``; problems are collected, never raised."""
    # Loading builds millions of small objects that all stay alive: the cyclic garbage collector
    # would rescan them again and again for nothing (a third of the time at 1,000 units).
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _load_project(root, progress)
    finally:
        if enabled:
            gc.enable()


def _load_project(root: Path, progress: Callable[[int, int], None] | None) -> Project:
    project = Project(root=root)
    _load_county(project)
    policy_dir = root / POLICY_DIR
    for file in sorted(policy_dir.glob("*.md")) if policy_dir.is_dir() else []:
        if file.name != "index.md":
            _load_policy(project, file)
    policy_ids = [p.id for p in project.policies]
    units_dir = root / "units"
    entries = sorted(units_dir.iterdir()) if units_dir.is_dir() else []
    folders = sum(1 for e in entries if e.is_dir())
    for entry in entries:
        if entry.is_dir():
            _load_unit(project, entry, policy_ids)
            if progress is not None:
                progress(len(project.units), folders)
        elif entry.name != "county.yml" and not entry.name.startswith("."):
            rel = entry.relative_to(root).as_posix()
            project.problems.append(
                Problem(
                    rel,
                    1,
                    1,
                    Severity.WARNING,
                    "这个文件不属于任何单位，不会被读取",
                    "单位资料请放在 units/<单位编号>/unit.yml。",
                )
            )
    _check_unique_names(project)
    project.history = read_history(root)
    project.site_url = read_site_url(root)
    project.problems += _freshness_warnings(project)

    load_cycles(project)
    home = root / "content" / "index.md"
    if home.is_file():
        project.home = home.read_text(encoding="utf-8-sig")
    project.problems.sort()
    return project
