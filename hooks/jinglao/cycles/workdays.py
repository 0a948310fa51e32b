"""Working days: weekdays that are not public holidays, and weekend days that are made working days."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta


def working_days(
    start: date, end: date, holidays: Iterable[date] = (), workdays: Iterable[date] = ()
) -> int:
    """Working days from ``start`` to ``end``, both included.

    ``holidays`` are days off (e.g. 国庆节); ``workdays`` are weekend days worked instead (调休上班).
    """
    off, on = set(holidays), set(workdays)
    count, day = 0, start
    while day <= end:
        if day in on or (day.weekday() < 5 and day not in off):
            count += 1
        day += timedelta(days=1)
    return count
