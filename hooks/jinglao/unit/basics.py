"""基本信息 of a unit page, screen and board: where it is browsed, its phones and hotline line,
its hours (or its 暂停/关闭 banner) and its elderly window, each reading 未公布 where declared."""

from __future__ import annotations

from datetime import date

from ..plain import Data
from ..schema import vocab
from ..schema.unpublished import is_unpublished, listed, unpublished_text
from . import wording
from .model import Unit
from .procedure_view import OTHER
from .timeline import in_force
from .validity import since_text

COUNTY_LEVEL_SLUG = "xianzhi"
COUNTY_LEVEL_NAME = "县直单位"
ABOVE_COUNTY_SLUG = "zhuxian"
ABOVE_COUNTY_NAME = "驻县及上级单位"


def place(unit: Unit, township_slugs: dict[str, str]) -> Data:
    """The group a unit is browsed under: its township, 县直单位, or 驻县及上级单位."""
    if unit.township:
        return {
            "place": unit.township,
            "place_slug": township_slugs.get(unit.township, COUNTY_LEVEL_SLUG),
        }
    if unit.level in vocab.ABOVE_COUNTY:
        return {"place": ABOVE_COUNTY_NAME, "place_slug": ABOVE_COUNTY_SLUG}
    return {"place": COUNTY_LEVEL_NAME, "place_slug": COUNTY_LEVEL_SLUG}


def phone_groups(unit: Unit) -> list[Data]:
    """Phones under one heading per role, in the order first listed (「其他」 reads 「电话」)."""
    if isinstance(unit.phones, str):
        return [{"label": "电话", "phones": [], "unpublished": unpublished_text(unit.phones)}]
    groups: dict[str, list[Data]] = {}
    for phone in unit.phones:
        label = "电话" if phone.role == OTHER else f"{phone.role}电话"
        groups.setdefault(label, []).append({"number": phone.number, "hours": phone.hours})
    return [
        {"label": label, "phones": phones, "unpublished": None} for label, phones in groups.items()
    ]


def supervision_line(unit: Unit) -> str:
    """The footer line of screens and boards: the hotline, else the first other channel."""
    numbers = [p.number for p in listed(unit.phones) if p.role == "投诉监督"]
    if numbers:
        return "监督电话：" + "、".join(numbers)
    for channel in unit.supervision:
        return f"{channel.kind if channel.kind != OTHER else '监督渠道'}：{channel.detail}"
    return "监督电话：" + unpublished_text(unit.phones) if isinstance(unit.phones, str) else ""


def status_text(unit: Unit) -> str:
    """本单位暂停服务（自 2025年3月1日起，恢复时间另行通知）: a banner for the whole unit."""
    status = unit.status
    if status is None:
        return ""
    details = [since_text(status.since) if status.since else None]
    details += [f"恢复时间{status.resume}" if status.resume else None, status.note]
    shown = "，".join(d for d in details if d)
    return f"本单位{status.state}" + (f"（{shown}）" if shown else "")


def opening_lines(unit: Unit, today: date | None) -> list[str]:
    hours = unit.opening_hours
    if hours is None:
        return [unit.status.state] if unit.status else []
    if isinstance(hours, str):
        return [unpublished_text(hours)]
    lines = [wording.schedule(s) + note for s, note in in_force(hours.schedules, today)]
    return lines + list(hours.exceptions)


def shown(value: object) -> str:
    """A text field as shown: itself, or 未公布（reason） for a declaration."""
    return (
        unpublished_text(value) if isinstance(value, str) and is_unpublished(value) else str(value)
    )


def elderly_window(unit: Unit) -> Data:
    """Where the window is (or 未公布) and what it offers."""
    window = unit.elderly_window
    if isinstance(window, str):
        return {"place": unpublished_text(window), "services": []}
    return {"place": window.location, "services": window.services}
