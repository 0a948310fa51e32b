"""What git knows about each unit folder: its changes, and the build's reference date.

Read once at load time with a single ``git log`` over ``units/``. A shallow clone or a folder
outside git yields no history; pages then say so instead of inventing a date. The reference date
comes from ``SOURCE_DATE_EPOCH`` or the commit being built, never from the clock, so two builds
of one commit agree.
"""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

_RECORD, _FIELD = "\x1e", "\x1f"


@dataclass(frozen=True)
class Change:
    date: date
    summary: str
    commit: str


@dataclass
class History:
    available: bool = False
    shallow: bool = False
    reference_date: date | None = None
    changes: dict[str, list[Change]] = field(default_factory=dict)  # unit id → newest first
    # unit id → its 更新记录 said from the data (``unit.revisions.revision_history``)
    revisions: dict[str, dict[str, Any]] = field(default_factory=dict)


def git(root: Path, *args: str) -> str | None:
    """What a git command printed, or None when git is missing or the command failed."""
    try:
        result = subprocess.run(
            ["git", "-C", str(root), *args],
            capture_output=True,
            text=True,
            encoding="utf-8",
            check=False,
        )
    except OSError:
        return None
    return result.stdout if result.returncode == 0 else None


def _reference_date(root: Path) -> date | None:
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), tz=UTC).date()
    head = git(root, "log", "-1", "--format=%cs")
    return date.fromisoformat(head.strip()) if head and head.strip() else None


def _parse_log(text: str) -> dict[str, list[Change]]:
    changes: dict[str, list[Change]] = {}
    for record in text.split(_RECORD):
        if not record.strip():
            continue
        head, _, names = record.partition("\n")
        commit, day, summary = head.split(_FIELD, 2)
        change = Change(date.fromisoformat(day), summary.strip(), commit[:10])
        units = {
            n.split("/")[1]
            for n in names.splitlines()
            if n.startswith("units/") and n.count("/") >= 2
        }
        for unit_id in sorted(units):
            changes.setdefault(unit_id, []).append(change)
    return changes


def read_history(root: Path) -> History:
    inside = git(root, "rev-parse", "--is-inside-work-tree")
    if inside is None or inside.strip() != "true":
        return History(reference_date=_reference_date(root))
    shallow = (git(root, "rev-parse", "--is-shallow-repository") or "").strip() == "true"
    reference = _reference_date(root)
    if shallow:
        return History(shallow=True, reference_date=reference)
    log = git(
        root,
        "log",
        f"--format={_RECORD}%H{_FIELD}%cs{_FIELD}%s",
        "--name-only",
        "--relative",
        "--",
        "units/",
    )
    if log is None:
        return History(reference_date=reference)
    return History(available=True, reference_date=reference, changes=_parse_log(log))


def pin_build_date(root: Path) -> str:
    """Set ``SOURCE_DATE_EPOCH`` to the commit's time when unset, so every date a build writes
    (MkDocs' sitemap, our pages) comes from the commit being built and two builds agree.
    Returns, in Chinese, which clock the build uses (for the build log)."""
    given = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if given:
        return f"构建日期取自 SOURCE_DATE_EPOCH（{_day(given)}）"
    stamp = (git(root, "log", "-1", "--format=%ct") or "").strip()
    if stamp.isdigit():
        os.environ["SOURCE_DATE_EPOCH"] = stamp
        return f"构建日期取自当前提交的时间（{_day(stamp)}）"
    return (
        "构建日期取自本机当前时间：这里没有 git 记录，也没有设置 SOURCE_DATE_EPOCH，"
        "两次构建的结果（如 sitemap）会不同；要可重复构建，请设置 SOURCE_DATE_EPOCH"
    )


def _day(epoch: str) -> str:
    return (
        datetime.fromtimestamp(int(epoch), tz=UTC).date().isoformat() if epoch.isdigit() else epoch
    )
