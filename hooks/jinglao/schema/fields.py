"""Reusable field types for unit data, each failing with its own error type for the reporter."""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Any

from pydantic import AfterValidator, BeforeValidator, Strict, StringConstraints
from pydantic_core import PydanticCustomError

from . import patterns

# C0 and C1 controls (but tab and line breaks), and the bidirectional overrides that make text
# read differently from what it is: invisible on a page, never meant by a unit.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def visible(value: str) -> str:
    found = _CONTROL.search(value)
    if found:
        raise PydanticCustomError(
            "control_char", "文字里有不可见的控制字符（U+{code}）", {"code": f"{ord(found[0]):04X}"}
        )
    return value


DECLARATION_PATTERN = r"^未公布(\s*[：:（(，,][\s\S]*)?$"
"""「未公布」 or 「未公布：原因」: how a unit declares a fact it has not published (unpublished.py)."""
_DECLARATION = re.compile(DECLARATION_PATTERN)


def is_declaration(value: str) -> bool:
    text = value.strip()  # the prefix test first: this runs on every text of every file
    return text.startswith("未公布") and bool(_DECLARATION.match(text))


def _not_a_declaration(value: str) -> str:
    if is_declaration(value):
        raise PydanticCustomError("not_declarable", "这里不能写「未公布」")
    return value


# Not strict, unlike every other type (base.py): an unquoted number where a text is expected is
# read as it is written (电话 12345, 时段 2025年) — in Rust, by ``coerce_numbers_to_str``.
Text = Annotated[
    str,
    Strict(False),
    StringConstraints(strip_whitespace=True, min_length=1),
    AfterValidator(visible),
    AfterValidator(_not_a_declaration),
    patterns.text_type("Text", numbers=patterns.ANY_NUMBER),
]

# ASCII digits only: a date, phone or time written in full-width digits is not read as one.
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)
_PHONE = re.compile(
    r"0\d{2,3}-?\d{7,8}(-\d{1,6})?"  # landline with area code, optional extension
    r"|1[3-9]\d{9}"  # mobile (only for units' service mobiles, never private ones)
    r"|1\d{2}|12\d{3}|100\d{2}|9[56]\d{3,4}"  # 110, 12345, 10000, 95xxx, 96xxx service lines
    r"|[48]00-?\d{3}-?\d{4}",  # 400 / 800 numbers
    re.ASCII,
)
_CLOCK_PERIOD = re.compile(
    r"([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-3]):[0-5]\d|([01]\d|2[0-3]):[0-5]\d-24:00", re.ASCII
)
SLUG = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")
"""Ids that become URLs: unit folders, policy files, townships, procedures."""
_CYCLE = re.compile(r"(\d{4})-(\d{4})", re.ASCII)


def _iso_date(value: Any) -> Any:
    if isinstance(value, date):
        return value
    text = str(value).strip()
    if _ISO_DATE.fullmatch(text):
        try:
            return date.fromisoformat(text)
        except ValueError:
            pass
    raise PydanticCustomError("iso_date", "日期「{value}」的格式不对", {"value": text})


def _phone(value: str) -> str:
    compact = value.replace(" ", "").replace("－", "-")
    if not _PHONE.fullmatch(compact):
        raise PydanticCustomError("phone", "电话号码「{value}」的格式不对", {"value": value})
    return compact


def _clock_period(value: str) -> str:
    compact = re.sub(r"\s*[-–—~～至]\s*", "-", value.strip()).replace("：", ":")
    compact = re.sub(r"(?<!\d)(\d):", r"0\1:", compact)  # 8:30 is 08:30
    if not _CLOCK_PERIOD.fullmatch(compact):
        raise PydanticCustomError("clock_period", "时段「{value}」的格式不对", {"value": value})
    start, end = compact.split("-")
    if start >= end:
        raise PydanticCustomError(
            "clock_order", "时段「{value}」的结束时间早于开始时间", {"value": value}
        )
    return compact


def _slug(value: str) -> str:
    if not SLUG.fullmatch(value):
        raise PydanticCustomError(
            "slug", "编号「{value}」只能用小写字母、数字和连字符", {"value": value}
        )
    return value


def _cycle(value: str) -> str:
    match = _CYCLE.fullmatch(value)
    if not match:
        raise PydanticCustomError("cycle_id", "届次「{value}」的格式不对", {"value": value})
    if int(match[2]) - int(match[1]) != 2:
        raise PydanticCustomError("cycle_years", "届次「{value}」的格式不对", {"value": value})
    return value


def _url(value: str) -> str:
    if not re.fullmatch(r"https?://[^\s<>\"']+", value):
        raise PydanticCustomError("url", "网址「{value}」的格式不对", {"value": value})
    return value


_PHOTO = re.compile(
    r"(?:[A-Za-z0-9_-]+/)*[A-Za-z0-9_-]+\.(?:jpg|jpeg|png|webp)", re.IGNORECASE | re.ASCII
)


def _photo(value: str) -> str:
    """A picture in the unit's own folder: a relative path, no ``..``, no address elsewhere."""
    if not _PHOTO.fullmatch(value):
        raise PydanticCustomError("photo", "照片文件「{value}」的写法不对", {"value": value})
    return value


def _github_handle(value: str) -> str:
    if not re.fullmatch(r"@[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(?:/[A-Za-z0-9._-]+)?", value):
        raise PydanticCustomError(
            "github_handle", "GitHub 用户名「{value}」的格式不对", {"value": value}
        )
    return value


IsoDate = Annotated[
    date,
    BeforeValidator(_iso_date),
    patterns.JsonSchemaOf(
        "IsoDate", *[{"type": "string", "pattern": patterns.ISO_DATE_PATTERN}] * 2
    ),
]
Phone = Annotated[
    Text,
    AfterValidator(_phone),
    patterns.text_type("Phone", patterns.PHONE_PATTERN, patterns.PHONE_NUMBERS),
]
ClockPeriod = Annotated[
    Text,
    AfterValidator(_clock_period),
    patterns.text_type("ClockPeriod", patterns.CLOCK_PERIOD_PATTERN),
]
Slug = Annotated[
    Text,
    AfterValidator(_slug),
    patterns.text_type("Slug", patterns.SLUG_PATTERN, patterns.SLUG_NUMBERS),
]
CycleId = Annotated[
    Text, AfterValidator(_cycle), patterns.text_type("CycleId", patterns.CYCLE_PATTERN)
]
Url = Annotated[Text, AfterValidator(_url), patterns.text_type("Url", patterns.URL_PATTERN)]
GitHubHandle = Annotated[
    Text,
    AfterValidator(_github_handle),
    patterns.text_type("GitHubHandle", patterns.GITHUB_PATTERN),
]
PhotoFile = Annotated[
    Text, AfterValidator(_photo), patterns.text_type("PhotoFile", patterns.PHOTO_PATTERN)
]
PolicyId = Slug
