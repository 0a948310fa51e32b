"""Chinese wording of structured values: age bands, eligibility, figures, opening hours."""

from __future__ import annotations

from .common import AgeBand, Eligibility, Figure
from .disclosure import OpeningSchedule


def number(value: float) -> str:
    return f"{value:g}"


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
    return f"{text}（{who.note}）" if who.note else text


def figure(fig: Figure) -> str:
    text = f"{fig.qualifier or ''}{number(fig.value)} {fig.unit}".strip()
    return f"{text}（{fig.period}）" if fig.period else text


def schedule(item: OpeningSchedule) -> str:
    label = "，".join(x for x in (item.name, item.applies) if x)
    times = "、".join(item.periods)
    return f"{label}：{item.days} {times}" if label else f"{item.days} {times}"
