"""What holds on the build's date, and the record of what changed: ended items leave the
current lists and join a labelled record with what replaced what, so nothing is silently lost."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date
from typing import Protocol, TypeVar

from ..plain import Data
from ..schema.unpublished import listed
from .commitments import as_commitment
from .model import Unit
from .validity import Validity, phase, validity_note


class Dated(Protocol):
    @property
    def valid(self) -> Validity | None: ...


D = TypeVar("D", bound=Dated)


def in_force(items: Sequence[D], today: date | None) -> Iterator[tuple[D, str]]:
    """The items not ended on ``today``, each with its note (自…起, 暂停, …起实行)."""
    for item in items:
        if phase(item.valid, today) != "ended":
            yield item, validity_note(item.valid, today)


def _label(item: object) -> str:
    periods = getattr(item, "periods", None)
    if periods:  # a schedule: its days and its hours
        return f"{getattr(item, 'days', '')} {'、'.join(periods)}"
    for key in ("name", "text"):
        value = getattr(item, key, None)
        if isinstance(value, str):
            return value
    return ""


def _sections(unit: Unit) -> Iterator[tuple[str, Sequence[Dated]]]:
    yield "公开承诺", [as_commitment(c) for c in unit.commitments]
    hours = unit.opening_hours
    yield "办公时间", hours.schedules if hours is not None and not isinstance(hours, str) else []
    services, procedures = listed(unit.disclosure.services), listed(unit.disclosure.procedures)
    yield "服务内容", services
    yield "办事流程", procedures
    yield "老年人优待", unit.benefits


def changes(unit: Unit, today: date | None) -> list[Data]:
    """Ended items and what current ones replaced, by section, as the page's 调整记录."""
    rows = []
    for section, items in _sections(unit):
        for item in items:
            valid = item.valid
            if valid is None:
                continue
            ended = phase(valid, today) == "ended"
            if ended or valid.replaces:
                rows.append(
                    {
                        "section": section,
                        "item": _label(item),
                        "note": validity_note(valid, today),
                        "ended": ended,
                        "replaces": valid.replaces,
                    }
                )
    return rows
