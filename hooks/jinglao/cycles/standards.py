"""The creation standards in a cycle's notice (评选条件和考核标准): partial credit that fits its
item, and points that add up to the total the notice states. Items without points are fine."""

from __future__ import annotations

from collections.abc import Iterator

from ..problems import Finding
from .model import Criterion, Cycle


def points_text(value: float) -> str:
    """10.0 → 10, 2.5 → 2.5."""
    return f"{value:g}"


def scored(cycle: Cycle) -> list[tuple[int, Criterion]]:
    """The items written field by field, with their index in ``criteria``."""
    criteria = cycle.notice.criteria if cycle.notice else []
    return [(i, c) for i, c in enumerate(criteria) if isinstance(c, Criterion)]


def check_deductions(cycle: Cycle) -> Iterator[Finding]:
    """One deduction never takes more than the item is worth."""
    for i, item in scored(cycle):
        cut, points = item.deduction, item.points
        if cut is not None and points is not None and cut.points > points:
            yield Finding(
                ("notice", "criteria", i, "deduction", "points"),
                f"每{cut.per}扣 {points_text(cut.points)} 分，超过了这一项的分值 "
                f"{points_text(points)} 分",
                "请按通知核对这一项的分值（points）和每次扣分（deduction 的 points）。",
            )


def check_floors(cycle: Cycle) -> Iterator[Finding]:
    """Deductions stop at a floor below the item's points (扣完为止 is a floor of 0)."""
    for i, item in scored(cycle):
        cut, points = item.deduction, item.points
        if cut is not None and cut.floor is not None and points is not None and cut.floor >= points:
            yield Finding(
                ("notice", "criteria", i, "deduction", "floor"),
                f"最低得分 {points_text(cut.floor)} 分不低于这一项的分值 {points_text(points)} 分，"
                "扣分就没有意义了",
                "floor 是扣到多少分为止，要小于分值；通知写「扣完为止」的，写 floor: 0。",
            )


def check_total_points(cycle: Cycle) -> Iterator[Finding]:
    """The items' points add up to the stated total (when every item has points), or at least
    do not pass it."""
    total = cycle.notice.total_points if cycle.notice else None
    points = [c.points for _, c in scored(cycle)]
    if total is None or not points:
        return
    known = sum(p for p in points if p is not None)
    every = all(p is not None for p in points)
    if (every and known != total) or known > total:
        what = "各项分值合计" if every else "已写分值的各项合计"
        verb = "与总分" if every else "超过总分"
        yield Finding(
            ("notice", "total_points"),
            f"{what} {points_text(known)} 分，{verb} {points_text(total)} 分"
            + ("不符" if every else ""),
            "请按通知核对各项的分值（points）和总分（total_points）。",
        )
