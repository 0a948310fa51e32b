"""The 「我要办事」 task pages: for each task of ``content/tasks.yml``, the units and the procedures,
services and benefits that serve it, matched by the sectors, benefit categories and keywords the
county office wrote. A unit of a listed sector, or whose name holds a keyword, is listed with all
it publishes; any other unit only with the items whose names hold a keyword (benefits also by
category). What a unit declared 未公布 is shown as declared."""

from __future__ import annotations

from ..county.tasks import Task
from ..plain import Data


def _mentions(text: str, keywords: list[str]) -> bool:
    return any(word in text for word in keywords)


def _unit_entry(task: Task, unit: Data) -> Data | None:
    whole = unit["sector"] in task.sectors or _mentions(
        unit["name"] + (unit["short_name"] or ""), task.keywords
    )

    def picked(items: list[Data]) -> list[Data]:
        return [i for i in items if whole or _mentions(i["name"], task.keywords)]

    procedures = picked(unit["procedures"])
    services = picked(unit["services"])
    benefits = [
        b
        for b in unit["benefit_views"]
        if whole or b["category"] in task.benefit_categories or _mentions(b["name"], task.keywords)
    ]
    if not (whole or procedures or services or benefits):
        return None
    return {
        "id": unit["id"],
        "name": unit["name"],
        "sector": unit["sector"],
        "place": unit["place"],
        "window": unit["window"]["place"],
        "supervision_phones": unit["supervision_phones"],
        "procedures_unpublished": unit["unpublished"]["procedures"] if whole else None,
        "procedures": [
            {
                "name": p["name"],
                "anchor": p["anchor"],
                "promised": p["time_limit"]["promised"],
                "statutory": p["time_limit"]["statutory"],
            }
            for p in procedures
        ],
        "services": [s["name"] for s in services],
        "benefits": [{"name": b["name"], "summary": b["summary"]} for b in benefits],
    }


def tasks_data(tasks: list[Task], units: list[Data]) -> list[Data]:
    """Each task with its units, in the order of the file and of the units' list."""
    result = []
    for task in tasks:
        entries = [e for u in units if (e := _unit_entry(task, u)) is not None]
        result.append(
            {
                "name": task.name,
                "slug": task.slug,
                "summary": task.summary,
                "units": entries,
                "procedure_count": sum(len(e["procedures"]) for e in entries),
            }
        )
    return result
