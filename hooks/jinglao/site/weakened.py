"""承诺降低记录: every change across the county that made a unit's promise worse, newest first.
Each unit page's 更新记录 marks them; this list spares a reader opening every unit to find them."""

from __future__ import annotations

from ..plain import Data


def weakened_promises(units: list[Data]) -> list[Data]:
    """One row per version that weakened something: date, unit, and the weakening edits."""
    rows = [
        {
            "date": entry["date"],
            "id": unit["id"],
            "name": unit["name"],
            "edits": [f"{e['kind']}：{e['text']}" for e in entry["edits"] if e["weaker"]],
        }
        for unit in sorted(units, key=lambda u: u["id"])
        for entry in unit["history"]["revisions"]
        if entry["weaker"]
    ]
    return sorted(rows, key=lambda row: row["date"], reverse=True)  # stable: units by id
