"""Dates as units publish them — a day, a month, a year or an open range — kept as written.

``2025-03-01``, ``2025-03``, ``2025``, ``2025年3月``, ``2024年以来``, ``2025年3月1日起`` are all
real; a page shows them as the unit wrote them, and sorting reads the earliest day they can mean.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Any

from pydantic import BeforeValidator
from pydantic_core import PydanticCustomError

from . import patterns

# ASCII digits only (a year in full-width digits is not read as one; the JSON Schema agrees).
_ISO = re.compile(r"(?P<y>\d{4})(?:-(?P<m>\d{1,2})(?:-(?P<d>\d{1,2}))?)?", re.ASCII)
_CHINESE = re.compile(
    r"(?P<y>\d{4})年(?:(?P<m>\d{1,2})月(?:(?P<d>\d{1,2})日)?)?(?P<open>以来|起|至今)?", re.ASCII
)


def _parts(text: str) -> tuple[int, int, int] | None:
    match = _ISO.fullmatch(text) or _CHINESE.fullmatch(text)
    if match is None:
        return None
    year, month, day = int(match["y"]), int(match["m"] or 1), int(match["d"] or 1)
    try:
        date(year, month, day)
    except ValueError:
        return None
    return year, month, day


def earliest(text: str) -> date:
    """The first day a published date can mean (2025年3月 → 2025-03-01), for sorting."""
    parts = _parts(text)
    return date(*parts) if parts else date.min


def _published_date(value: Any) -> str:
    text = value.isoformat() if isinstance(value, date) else str(value).strip()
    if _parts(text) is None:
        raise PydanticCustomError("published_date", "日期「{value}」的写法不对", {"value": text})
    return text


_WRITTEN = {"type": "string", "pattern": patterns.PUBLISHED_DATE_PATTERN}
_SCHEMA = patterns.JsonSchemaOf(
    "PublishedDate", {"anyOf": [_WRITTEN, patterns.PUBLISHED_YEARS]}, _WRITTEN
)
PublishedDate = Annotated[str, BeforeValidator(_published_date), _SCHEMA]
"""A date as the unit published it: 2025-03-01, 2025-03, 2025, 2025年3月, 2024年以来."""


def month_of(text: str) -> str | None:
    """``2025-03`` for a date that names its month, None for a year or a range."""
    match = _ISO.fullmatch(text) or _CHINESE.fullmatch(text)
    if match is None or not match["m"] or match.groupdict().get("open"):
        return None
    return f"{int(match['y']):04d}-{int(match['m']):02d}"
