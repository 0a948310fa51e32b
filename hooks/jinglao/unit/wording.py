"""Chinese wording of structured values: age bands, eligibility, figures, opening hours."""

from __future__ import annotations

import re
from collections.abc import Iterable

from .common import AgeBand, Eligibility, Figure
from .disclosure import OpeningSchedule

# Qualifiers written after the number (1500余人次); the others go before it (约1500人次).
TRAILING_QUALIFIERS = frozenset({"余"})


def number(value: float) -> str:
    """As people write it: 3, 2.5, 1,256,310 — never 1.25631e+06."""
    if value == int(value):
        return f"{int(value):,}"
    return f"{value:,.4f}".rstrip("0").rstrip(".")


def age_band(age: AgeBand) -> str:
    """``{min: 60, below: 70}`` → 60周岁及以上、未满70周岁."""
    parts = []
    if age.min is not None:
        parts.append(f"{age.min}周岁及以上")
    if age.above is not None:
        parts.append(f"超过{age.above}周岁")
    if age.max is not None:
        parts.append(f"{age.max}周岁及以下")
    if age.below is not None:
        parts.append(f"未满{age.below}周岁")
    return "、".join(parts)


def eligibility(who: Eligibility) -> str:
    parts = []
    if who.age is not None:
        parts.append(age_band(who.age))
    if who.categories:
        parts.append("、".join(who.categories))
    if who.residence:
        parts.append(who.residence)
    text = "；".join(parts) or "所有人"
    # the note follows after a semicolon: callers often put the whole in brackets already
    return f"{text}；{who.note}" if who.note else text


def figure(fig: Figure, scope: str = "本单位") -> str:
    """约 3,000 人次（2025年）; 1,500余 人次; 96 万人次（2025年，全省数据）."""
    qualifier = fig.qualifier or ""
    space = "" if fig.unit.startswith(("%", "‰")) else " "  # 65%, but 96 万人次
    if qualifier in TRAILING_QUALIFIERS:
        text = f"{number(fig.value)}{qualifier}{space}{fig.unit}"
    else:
        text = f"{qualifier}{number(fig.value)}{space}{fig.unit}"
    notes = [x for x in (fig.period, f"{scope}数据" if scope != "本单位" else None) if x]
    return f"{text}（{'，'.join(notes)}）" if notes else text


def schedule(item: OpeningSchedule) -> str:
    label = "，".join(x for x in (item.name, item.applies) if x)
    times = "、".join(item.periods)
    return f"{label}：{item.days} {times}" if label else f"{item.days} {times}"


def visits(count: int | None) -> str | None:
    """最多跑 1 次; none at all reads 不用跑 (最多跑 0 次 says nothing to a reader)."""
    if count is None:
        return None
    return "不用跑" if count == 0 else f"最多跑 {count} 次"


SCOPE_WORDS = {"服务指标": "指标", "覆盖数据": "数据"}


def with_scope(text: str, scope: str, kind: str) -> str:
    """A commitment not of this unit's own, marked before its closing full stop:
    「热线 15 秒接通率不低于 90%（上级系统指标）。」"""
    if scope == "本单位":
        return text
    note = f"（{scope}{SCOPE_WORDS.get(kind, '统一承诺')}）"
    body = text.rstrip("。")
    return body + note + text[len(body) :]


# A number a unit put before its own item: 1. 1、 2) （一） (3) 一、 ① 第一条 — not 1.5 小时.
_OWN_NUMBER = re.compile(
    r"\s*(?:[（(]\s*[0-9一二三四五六七八九十]+\s*[)）]|[0-9]+\s*[.\uff0e、)）](?![0-9])"
    r"|[一二三四五六七八九十]+\s*[、.\uff0e]|[①-⑳]|第[0-9一二三四五六七八九十]+条)"
)


def numbered_by_unit(texts: Iterable[str]) -> bool:
    """Whether the unit numbered any item itself. Such a list is shown as written and not
    numbered again: 「1. 1. …」 says nothing, and renumbering would change the unit's own
    numbers (「第 3 条」) whenever an item ends or the unit's numbering skips or nests."""
    return any(_OWN_NUMBER.match(text) for text in texts)
