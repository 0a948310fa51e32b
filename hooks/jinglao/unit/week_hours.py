"""A unit's opening hours as data a reader's browser turns into 「今天」: the site is static, so
today is the reader's day, not the build's. Each schedule carries the weekdays and the season it
covers when its published wording can be read without guessing (周一至周五, 每天, 周六、周日,
5月1日至9月30日, 10月1日至次年4月30日); wording that cannot be read (节假日, 以公告为准) marks
the whole week as undecidable, and the page keeps the full published hours instead."""

from __future__ import annotations

import re
from datetime import date

from ..plain import Data
from ..schema.dates import earliest
from .disclosure import OpeningSchedule
from .model import Unit
from .timeline import in_force
from .validity import phase

WEEKDAYS = "一二三四五六日"  # Monday = 1 … Sunday = 7, as JavaScript's getDay() maps to below
_DAY = r"(?:周|星期|礼拜)([一二三四五六日天])"
_RANGE = re.compile(rf"{_DAY}(?:至|到|-|—|~|～){_DAY}")
_LIST = re.compile(rf"{_DAY}(?:[、，,和及]{_DAY})*")
_EVERY_DAY = {"每天", "每日", "全天", "全年", "天天", "全周"}
_NAMED = {"工作日": [1, 2, 3, 4, 5], "周末": [6, 7], "双休日": [6, 7]}
_MONTH_DAY = r"(\d{1,2})月(\d{1,2})日"
_SEASON = re.compile(rf"{_MONTH_DAY}(?:至|到|-|—|~|～)(?:次年)?{_MONTH_DAY}")


def _weekday(char: str) -> int:
    return 7 if char in "日天" else WEEKDAYS.index(char) + 1


def weekdays(text: str) -> list[int] | None:
    """The weekdays (1 = Monday … 7 = Sunday) a published 适用星期 names, or None when its
    wording cannot be read without guessing."""
    text = re.sub(r"\s+", "", text)
    if text in _EVERY_DAY:
        return list(range(1, 8))
    if text in _NAMED:
        return _NAMED[text]
    if match := _RANGE.fullmatch(text):
        first, last = _weekday(match[1]), _weekday(match[2])
        span = (last - first) % 7
        return sorted((first - 1 + i) % 7 + 1 for i in range(span + 1))
    if _LIST.fullmatch(text):
        return sorted({_weekday(c) for c in re.findall(_DAY, text)})
    return None


def season(text: str | None) -> Data | None:
    """{"from": "05-01", "to": "09-30"} for 5月1日至9月30日 (a range may wrap over the new year:
    10月1日至次年4月30日 reads from 10-01 to 04-30); None when there is no season."""
    if text is None:
        return None
    match = _SEASON.fullmatch(re.sub(r"\s+", "", text))
    if match is None:
        return {"unread": True}
    months_days = [int(g) for g in match.groups()]
    for month, day in zip(months_days[::2], months_days[1::2], strict=True):
        if not (1 <= month <= 12 and 1 <= day <= 31):
            return {"unread": True}
    return {
        "from": f"{months_days[0]:02d}-{months_days[1]:02d}",
        "to": f"{months_days[2]:02d}-{months_days[3]:02d}",
    }


def _schedule(item: OpeningSchedule, note: str) -> Data | None:
    """One schedule as the browser reads it; None when its season or weekdays cannot be read."""
    days, when = weekdays(item.days), season(item.applies)
    if days is None or (when is not None and when.get("unread")):
        return None
    valid = item.valid
    return {
        "name": item.name or "",
        "days": days,
        "season": when,
        "periods": list(item.periods),
        "since": earliest(valid.since).isoformat() if valid and valid.since else None,
        "until": earliest(valid.until).isoformat() if valid and valid.until else None,
        "note": note,
    }


def week_hours(unit: Unit, today: date | None) -> Data | None:
    """The week as data for today.js, or None when today cannot be told from the data (hours
    未公布, the unit 暂停服务 or 已关闭, or a schedule in wording that cannot be read); the page
    then shows the full published hours, which it shows without JavaScript anyway."""
    hours = unit.opening_hours
    if unit.status is not None or hours is None or isinstance(hours, str):
        return None
    schedules = []
    for item, note in in_force(hours.schedules, today):
        if phase(item.valid, today) == "suspended":
            continue
        shown = _schedule(item, note)
        if shown is None:
            return None
        schedules.append(shown)
    if not schedules:
        return None
    return {"schedules": schedules, "exceptions": list(hours.exceptions)}
