"""What happened to the titles after the award: 复查 with their deadlines and outcomes, and
摘牌 grouped by the document that withdrew them (one 文号 may withdraw many units)."""

from __future__ import annotations

from ..plain import Data
from .model import Cycle, Revocation


def plaque_text(returned: bool | None) -> str | None:
    return None if returned is None else "收回牌匾" if returned else "牌匾未收回"


def revocation_note(revocation: Revocation) -> Data:
    """What the award line and the unit's title say about a withdrawal."""
    return {
        "date": revocation.date.isoformat(),
        "reason": revocation.reason,
        "document": revocation.document,
        "plaque": plaque_text(revocation.plaque_returned),
    }


def _sentence(text: str | None) -> str | None:
    """Findings end in a full stop, so the deadline after them reads as its own sentence."""
    return text if text is None or text[-1] in "。！？；.!?" else f"{text}。"


def reviews_view(cycle: Cycle, names: dict[str, str]) -> list[Data]:
    return [
        {
            "date": r.date.isoformat(),
            "units": [{"unit": u, "name": names.get(u, u)} for u in r.units],
            "findings": _sentence(r.findings),
            "deadline": r.deadline.isoformat() if r.deadline else None,
            "outcome": r.outcome or "尚无结论",
        }
        for r in cycle.reviews
    ]


def withdrawals_view(cycle: Cycle, names: dict[str, str]) -> list[Data]:
    """One group per document, in the order first written; entries without a 文号 each alone."""
    groups: list[Data] = []
    by_document: dict[str, Data] = {}
    for r in cycle.revocations:
        entry = r.model_dump(mode="json") | {
            "name": names.get(r.unit, r.unit),
            "plaque": plaque_text(r.plaque_returned),
        }
        if r.document is not None and r.document in by_document:
            by_document[r.document]["entries"].append(entry)
            continue
        group: Data = {"document": r.document, "entries": [entry]}
        groups.append(group)
        if r.document is not None:
            by_document[r.document] = group
    return groups
