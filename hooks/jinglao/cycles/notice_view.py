"""The notice as the cycle page shows it: quotas in words, conditions written as one line each,
and the items written field by field as a table of 考核标准 (points, partial credit, inspection
methods) with their total when every item has points."""

from __future__ import annotations

from ..plain import Data
from ..schema.vocab import HONOUR_LEVELS
from .model import Criterion, LevelQuotas, Notice
from .standards import points_text

NOT_STATED = "未写明"


def _quota_list(quotas: LevelQuotas, per: str, who: str = "") -> list[str]:
    return [
        f"{who}{level} {n} {per}" for level in HONOUR_LEVELS
        if (n := quotas.for_level(level)) is not None
    ]  # fmt: skip


def _scoring(item: Criterion) -> str:
    """每缺一项扣 2 分，扣完为止；有制度得 2 分…: the deduction, then the notice's own words."""
    parts = []
    if item.deduction is not None:
        cut = item.deduction
        text = f"每{cut.per}扣 {points_text(cut.points)} 分"
        if cut.floor is not None:
            text += "，扣完为止" if cut.floor == 0 else f"，最低 {points_text(cut.floor)} 分"
        parts.append(text)
    if item.scoring:
        parts.append(item.scoring)
    return "；".join(parts)


def _row(number: int, item: Criterion) -> Data:
    return {
        "number": number,
        "item": item.item,
        "points": f"{points_text(item.points)} 分" if item.points is not None else NOT_STATED,
        "scoring": _scoring(item) or NOT_STATED,
        "methods": "、".join(item.methods) or NOT_STATED,
    }


def _total(notice: Notice) -> str | None:
    """合计 100 分 when every scored item has points; else the notice's stated total, if any."""
    points = [c.points for c in notice.criteria if isinstance(c, Criterion)]
    if points and all(p is not None for p in points):
        return f"合计 {points_text(sum(p for p in points if p is not None))} 分"
    if notice.total_points is not None:
        return f"总分 {points_text(notice.total_points)} 分（部分项目未写明分值）"
    return None


def notice_view(notice: Notice | None) -> Data | None:
    if notice is None:
        return None
    quotas = notice.quotas
    people = _quota_list(quotas.people, "名", "敬老模范人物") if quotas.people else []
    items = [c for c in notice.criteria if isinstance(c, Criterion)]
    return notice.model_dump(mode="json", by_alias=True, exclude={"criteria"}) | {
        "quota_list": _quota_list(quotas, "个") + people,
        "criteria": [c for c in notice.criteria if isinstance(c, str)],  # conditions, one line each
        "criteria_table": [_row(i, c) for i, c in enumerate(items, 1)],
        "criteria_total": _total(notice) if items else None,
    }
