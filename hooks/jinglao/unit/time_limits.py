"""Time limits as people state them, compared without pretending units are interchangeable."""

from __future__ import annotations

from .common import TimeSpan
from .wording import number as wording_number

_MINUTES = {"即办": 0.0, "分钟": 1.0, "小时": 60.0, "日": 1440.0, "工作日": 1440.0}


def bounds_in_minutes(span: TimeSpan) -> tuple[float, float]:
    """The shortest and longest real time a span can mean.

    A working day is at least one calendar day; N working days are at most N·7/5 calendar days
    plus a long public holiday (up to 9 days), so we never call a limit longer when it may not be.
    """
    value = span.value or 0.0
    low = value * _MINUTES[span.unit]
    if span.unit != "工作日":
        return low, low
    return low, (value * 7 / 5 + 9) * 1440.0


def surely_longer(promised: TimeSpan, statutory: TimeSpan) -> bool:
    """True only when the promised limit is longer than the statutory one however it is read."""
    if promised.unit == statutory.unit:
        return (promised.value or 0.0) > (statutory.value or 0.0)
    return bounds_in_minutes(promised)[0] > bounds_in_minutes(statutory)[1]


def describe(span: TimeSpan) -> str:
    """Chinese wording: 5个工作日, 30分钟, 即办."""
    if span.unit == "即办":
        return "即办（当场办结）"
    number = wording_number(span.value or 0.0)
    unit = {"工作日": "个工作日", "日": "日", "小时": "小时", "分钟": "分钟"}[span.unit]
    return f"{number}{unit}"
