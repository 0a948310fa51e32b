"""Stage 3 for award cycles: timelines, 公示, award lists, and the titles each unit holds."""

from __future__ import annotations

from datetime import date

from ..plain import Data
from ..schema.vocab import HONOUR_LEVELS
from ..unit.load import UnitRecord
from .load import CycleRecord
from .model import PHASES, Cycle
from .workdays import working_days


def _state(start: date, end: date, today: date | None) -> str:
    if today is None:
        return ""
    return "未开始" if today < start else "已结束" if today > end else "进行中"


def _current_phase(cycle: Cycle, today: date | None) -> str:
    if today is None:
        return "（构建时没有参考日期）"
    for key, label in PHASES.items():
        period = getattr(cycle.phases, key)
        if period.start <= today <= period.end:
            return f"{label}阶段"
    return "尚未开始" if today < cycle.phases.deployment.start else "本届已结束"


def _phase(cycle: Cycle, key: str, label: str, today: date | None) -> Data:
    period = getattr(cycle.phases, key)
    return {
        "label": label,
        "start": period.start.isoformat(),
        "end": period.end.isoformat(),
        "state": _state(period.start, period.end, today),
    }


def _revoked(cycle: Cycle) -> dict[tuple[str, str], Data]:
    return {
        (r.unit, r.level): {"date": r.date.isoformat(), "reason": r.reason}
        for r in cycle.revocations
    }


def _action(level: str) -> str:
    """A county title is conferred (表彰); higher ones are recommended upward (推荐)."""
    return "表彰" if level == HONOUR_LEVELS[0] else "推荐"


def _summary(publicity: Data | None, by_level: list[Data]) -> list[str]:
    """「公示已结束 · 县级 3 个 · 市级 1 个」 for the list of cycles."""
    parts = [publicity["state"]] if publicity and publicity["state"] else []
    return parts + [f"{group['level']} {len(group['awards'])} 个" for group in by_level]


def cycle_view(record: CycleRecord, names: dict[str, str], today: date | None) -> Data:
    cycle = record.cycle
    revoked = _revoked(cycle)
    awards = [
        a.model_dump(mode="json")
        | {"name": names.get(a.unit, a.unit), "revoked": revoked.get((a.unit, a.level))}
        for a in cycle.awards
    ]
    publicity = None
    if cycle.publicity is not None:
        p = cycle.publicity
        publicity = p.model_dump(mode="json") | {
            "state": {"进行中": "公示中", "已结束": "公示已结束", "未开始": "尚未公示"}.get(
                _state(p.start, p.end, today), ""
            ),
            "working_days": working_days(p.start, p.end, cycle.holidays, cycle.workdays),
            "nominees": [
                n.model_dump(mode="json")
                | {"name": names.get(n.unit, n.unit), "action": _action(n.level)}
                for n in p.nominees
            ],
        }
    awards_by_level = [
        {"level": level, "awards": [a for a in awards if a["level"] == level]}
        for level in HONOUR_LEVELS
        if any(a["level"] == level for a in awards)
    ]
    return {
        "id": record.id,
        "title": cycle.title,
        "archived": record.archived,
        "current_phase": _current_phase(cycle, today),
        "phases": [_phase(cycle, key, label, today) for key, label in PHASES.items()],
        "notice": cycle.notice.model_dump(mode="json", by_alias=True) if cycle.notice else None,
        "publicity": publicity,
        "awards_by_level": awards_by_level,
        "summary": _summary(publicity, awards_by_level),
        "revocations": [
            r.model_dump(mode="json") | {"name": names.get(r.unit, r.unit)}
            for r in cycle.revocations
        ],
    }


def _title(
    cycle: str, level: str, kind: str, day: date | None, revoked: Data | None, source: str
) -> Data:
    return {
        "cycle": cycle, "level": level, "kind": kind,
        "date": day.isoformat() if day else None, "revoked": revoked, "source": source,
        "held": revoked is None and kind == "授予",  # a recommendation is no title yet
    }  # fmt: skip


def titles_by_unit(cycles: list[CycleRecord], units: list[UnitRecord]) -> dict[str, list[Data]]:
    """Every title each unit holds or held, revoked ones marked, never dropped; by cycle, then
    level from the county upward."""
    titles: dict[str, list[Data]] = {}
    for record in cycles:
        revoked = _revoked(record.cycle)
        for award in record.cycle.awards:
            titles.setdefault(award.unit, []).append(
                _title(record.id, award.level, award.kind, award.date,
                       revoked.get((award.unit, award.level)), "cycle")
            )  # fmt: skip
    for unit in units:
        for h in unit.unit.honours:
            gone = (
                {"date": h.revoked.date.isoformat(), "reason": h.revoked.reason}
                if h.revoked
                else None
            )
            titles.setdefault(unit.id, []).append(
                _title(h.cycle, h.level, "授予", h.awarded, gone, "unit") | {"title": h.title}
            )
    order = {level: i for i, level in enumerate(HONOUR_LEVELS)}
    return {
        unit_id: sorted(held, key=lambda t: (t["cycle"], order[t["level"]]))
        for unit_id, held in titles.items()
    }


def cycles_data(cycles: list[CycleRecord], names: dict[str, str], today: date | None) -> Data:
    return {
        "cycles": [
            cycle_view(r, names, today) for r in sorted(cycles, key=lambda r: r.id, reverse=True)
        ],
        "reference_date": today.isoformat() if today else None,
    }
