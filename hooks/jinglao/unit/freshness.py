"""Whether a unit's disclosures are still current: the later of its last change in git and its own
``confirmed`` date, flagged when more than 12 months before the build's reference date."""

from __future__ import annotations

from datetime import date

from ..problems import Problem, Severity
from ..source.git import Change
from .model import Unit

STALE_AFTER_DAYS = 365


def last_confirmed(unit: Unit, changes: list[Change]) -> date | None:
    """``changes`` are the unit folder's commits, newest first."""
    dates = [c.date for c in changes[:1]]
    if unit.confirmed is not None:
        dates.append(unit.confirmed)
    return max(dates, default=None)


def is_stale(unit: Unit, changes: list[Change], reference: date | None) -> bool:
    last = last_confirmed(unit, changes)
    return reference is not None and last is not None and (reference - last).days > STALE_AFTER_DAYS


def freshness_warning(
    path: str, unit: Unit, changes: list[Change], reference: date | None
) -> Problem | None:
    if not is_stale(unit, changes, reference):
        return None
    return Problem(
        path,
        1,
        1,
        Severity.WARNING,
        f"公开资料已超过 12 个月没有更新或确认（最近一次：{last_confirmed(unit, changes)}）",
        "请逐项核对是否仍然有效；内容没有变化的，把 confirmed 写成核对当天的日期再提交。",
    )
