"""Stage 3 for award cycles: timelines, 公示, award lists, titles per unit, and the frozen archives."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from .cycle_model import PHASES, Cycle
from .cycle_rules import LEVELS
from .records import ArchiveRecord, CycleRecord, Project
from .unit_view import unit_view
from .workdays import working_days

Data = dict[str, Any]


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
                n.model_dump(mode="json") | {"name": names.get(n.unit, n.unit)} for n in p.nominees
            ],
        }
    return {
        "id": record.id,
        "title": cycle.title,
        "archived": record.archived,
        "current_phase": _current_phase(cycle, today),
        "phases": [_phase(cycle, key, label, today) for key, label in PHASES.items()],
        "notice": cycle.notice.model_dump(mode="json", by_alias=True) if cycle.notice else None,
        "publicity": publicity,
        "awards_by_level": [
            {"level": level, "awards": [a for a in awards if a["level"] == level]}
            for level in LEVELS
            if any(a["level"] == level for a in awards)
        ],
        "revocations": [
            r.model_dump(mode="json") | {"name": names.get(r.unit, r.unit)}
            for r in cycle.revocations
        ],
    }


def titles_by_unit(project: Project) -> dict[str, list[Data]]:
    """Every title each unit holds or held, revoked ones marked, never dropped."""
    titles: dict[str, list[Data]] = {}
    for record in project.cycles:
        revoked = _revoked(record.cycle)
        for award in record.cycle.awards:
            titles.setdefault(award.unit, []).append(
                {"cycle": record.id, "level": award.level, "kind": award.kind, "date": award.date.isoformat(),
                 "revoked": revoked.get((award.unit, award.level)), "source": "cycle"}
            )  # fmt: skip
    for unit in project.units:
        for h in unit.unit.honours:
            titles.setdefault(unit.id, []).append(
                {"cycle": h.cycle, "level": h.level, "kind": "授予", "date": h.awarded.isoformat() if h.awarded else None,
                 "revoked": {"date": h.revoked.date.isoformat(), "reason": h.revoked.reason} if h.revoked else None,
                 "source": "unit", "title": h.title}
            )  # fmt: skip
    return titles


def archive_view(record: ArchiveRecord, project: Project) -> Data:
    frozen_context = Project(root=project.root, site_url=project.site_url)
    units = {u.id: unit_view(frozen_context, u, {}) for u in record.units}
    provenance = json.loads(record.files.get("data/provenance.json", "{}"))
    cycle = record.cycle
    return {
        "id": record.id,
        "title": cycle.title,
        "info": record.info,
        "provenance": [
            {"path": path, "source": detail.get("来源", ""), "commit": detail.get("提交")}
            for path, detail in sorted(provenance.items())
        ],
        "bag_files": sorted(record.files),
        "files": record.files,
        "bundle_sha256": record.bundle_sha256,
        "awards": [
            a.model_dump(mode="json") | {"unit_view": units.get(a.unit)} for a in cycle.awards
        ],
    }


def cycles_data(project: Project, names: dict[str, str]) -> Data:
    today = project.history.reference_date
    return {
        "cycles": [
            cycle_view(r, names, today)
            for r in sorted(project.cycles, key=lambda r: r.id, reverse=True)
        ],
        "archives": [
            archive_view(r, project)
            for r in sorted(project.archives, key=lambda r: r.id, reverse=True)
        ],
        "reference_date": today.isoformat() if today else None,
    }
