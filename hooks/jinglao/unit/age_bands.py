"""Age bands within one benefit: two tiers must not partly overlap (60–75 beside 70–89), and an
age left between two tiers (60–74 beside 76 and over) is worth a second look. A band inside
another (60 and over, 80 and over) is how policies write a higher tier, and is kept as written."""

from __future__ import annotations

from collections.abc import Iterator
from math import inf

from ..problems import Finding, Severity
from .benefits import Benefit
from .common import AgeBand
from .wording import age_band


def _years(age: AgeBand) -> tuple[float, float]:
    """The whole ages a band covers, as an inclusive range."""
    low = age.min if age.min is not None else age.above + 1 if age.above is not None else 0
    high = age.max if age.max is not None else age.below - 1 if age.below is not None else inf
    return low, high


def _span(low: float, high: float) -> str:
    return f"{low:.0f}周岁" if low == high else f"{low:.0f}至{high:.0f}周岁"


def check_age_bands(benefit: Benefit, index: int) -> Iterator[Finding]:
    groups: dict[tuple[object, ...], list[tuple[float, float, int]]] = {}
    for t, tier in enumerate(benefit.tiers):
        who = tier.who
        if who.age is not None:
            key = (tuple(who.categories), who.residence)
            groups.setdefault(key, []).append((*_years(who.age), t))
    for bands in groups.values():
        bands.sort()
        high = bands[0][1]  # the oldest age the tiers so far cover
        for next_low, next_high, t in bands[1:]:
            path = ("benefits", index, "tiers", t, "who", "age")
            age = benefit.tiers[t].who.age
            shown = age_band(age) if age else ""
            if next_low <= high < next_high:  # a band inside another (60+ and 80+) is a tier
                yield Finding(
                    path,
                    f"「{benefit.name}」的两档年龄段部分重叠：{_span(next_low, high)}"
                    f"同时属于两档（{shown}）",
                    "每个年龄只能属于一档。min/max 包含该年龄，above/below 不包含，"
                    "例如 {min: 60, below: 70} 和 {min: 70}。",
                )
            elif next_low > high + 1:
                yield Finding(
                    path,
                    f"「{benefit.name}」的年龄段之间空出了{_span(high + 1, next_low - 1)}",
                    "如果原文如此（这个年龄确实不享受优待），可以不改；否则请核对 min/max、above/below。",
                    severity=Severity.WARNING,
                )
            high = max(high, next_high)


def check_benefits(benefits: list[Benefit]) -> Iterator[Finding]:
    for b, benefit in enumerate(benefits):
        yield from check_age_bands(benefit, b)
