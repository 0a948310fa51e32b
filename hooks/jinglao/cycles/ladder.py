"""The upward-only ladder (逐级推荐): which titles a unit holds on a day, and 越级推荐 on record."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from ..problems import Finding, KeyPath
from ..schema.vocab import level_below
from ..unit.honours import Honour
from ..unit.model import Unit
from .model import Cycle


@dataclass(frozen=True)
class Grant:
    """A title a unit holds from some cycle (or from its own ``honours``), with when it ended."""

    unit: str
    level: str
    awarded: date | None
    revoked: date | None


def grants_of(
    cycles: list[Cycle],
    units: dict[str, Unit],
    claimed: Mapping[str, Sequence[Honour]] | None = None,
) -> list[Grant]:
    """Titles from the cycles and the units' ``honours`` (``claimed``: from files with errors)."""
    grants = []
    for cycle in cycles:
        revoked = {(r.unit, r.level): r.date for r in cycle.revocations}
        grants += [
            Grant(a.unit, a.level, a.date, revoked.get((a.unit, a.level)))
            for a in cycle.awards
            if a.kind == "授予"
        ]
    held = {unit_id: unit.honours for unit_id, unit in units.items()} | dict(claimed or {})
    for unit_id, honours in held.items():
        grants += [
            Grant(unit_id, h.level, h.awarded, h.revoked.date if h.revoked else None)
            for h in honours
            if h.held or h.revoked  # 创建中 is no title; 已撤销 without a date cannot be placed
        ]
    return grants


def holds(grants: list[Grant], unit: str, level: str, on: date) -> bool:
    return any(
        g.unit == unit and g.level == level and (g.awarded is None or g.awarded <= on)
        and (g.revoked is None or g.revoked > on)
        for g in grants
    )  # fmt: skip


def unit_label(units: dict[str, Unit], unit_id: str) -> str:
    unit = units.get(unit_id)
    return f"{unit.name}（{unit_id}）" if unit else unit_id


def _skips(cycle: Cycle) -> set[tuple[str, str]]:
    """(unit, level) publicised for a level above the next one with a recorded reason; the award
    of the same unit and level is covered by it."""
    nominees = cycle.publicity.nominees if cycle.publicity else []
    return {(n.unit, n.level) for n in nominees if n.skip}


def check_ladder(cycle: Cycle, grants: list[Grant], units: dict[str, Unit]) -> Iterator[Finding]:
    """Upward only: 市 needs 县, 省 needs 市, 全国 needs 省, unless the nominee records why it
    skips a level (越级推荐)."""
    publicity, skips = cycle.publicity, _skips(cycle)
    items: list[tuple[str, str, date, KeyPath]] = [(n.unit, n.level, publicity.start, ("publicity", "nominees", i))
             for i, n in enumerate(publicity.nominees)] if publicity else []  # fmt: skip
    items += [(a.unit, a.level, a.date, ("awards", i)) for i, a in enumerate(cycle.awards)]
    for unit_id, level, on, path in items:
        below = level_below(level)
        if below and not holds(grants, unit_id, below, on) and (unit_id, level) not in skips:
            yield Finding(
                (*path, "level"),
                f"「{unit_label(units, unit_id)}」还没有{below}称号，不能申报{level}",
                "原则上获得本级敬老文明号后，才能逐级向上推荐：县级 → 市级 → 省级 → 全国。确需越级"
                "推荐的，在公示名单的这个单位下写上 skip: {reason: 越级推荐理由, approval: 批准文件}。",
                subjects=(unit_id,),
            )


def check_skips(cycle: Cycle, grants: list[Grant], units: dict[str, Unit]) -> Iterator[Finding]:
    """A skip recorded where no level is skipped is an error, so no page calls a step 越级."""
    publicity = cycle.publicity
    if publicity is None:
        return
    for i, nominee in enumerate(publicity.nominees):
        below = level_below(nominee.level)
        skipped = below and not holds(grants, nominee.unit, below, publicity.start)
        if nominee.skip is None or skipped:
            continue
        step = f"已有{below}称号" if below else "县级是第一级"
        yield Finding(
            ("publicity", "nominees", i, "skip"),
            f"「{unit_label(units, nominee.unit)}」{step}，申报{nominee.level}不是越级推荐",
            "只有跳过一级（例如只有县级称号，直接推荐省级）才写 skip；请删掉这一项的 skip。",
            at_key=True,
            subjects=(nominee.unit,),
        )
