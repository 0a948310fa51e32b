"""JSON Schema for the validator's own field types: the same texts, numbers and dates it accepts.

Every pattern here describes the *raw* value of the file, before the validator trims it, so it
allows the whitespace the validator strips around a value. Character classes are written out
(no ``\\s``, ``\\d`` or inline flags), so that Python's ``re`` (the ``jsonschema`` library), the
ECMA-262 dialect of VS Code and the web form read them alike. A test
(``tests/test_schema_parity.py``) feeds generated values to both and asserts they agree; what a
JSON Schema cannot say is listed in ``BEYOND_SCHEMA`` below, by name, with the reason.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Any

from pydantic import GetJsonSchemaHandler
from pydantic_core import CoreSchema

# Whitespace allowed inside a text (no control character among it): see ``fields.visible``.
INNER_SPACE = r"[\t\n\r \xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]"
# What pydantic strips around a text (Unicode White_Space, as Rust's ``str::trim``).
TRIMMED = r"[\t-\r \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]"
# What Python's ``str.strip()`` strips (dates are trimmed in Python): the above and U+001C–U+001F.
PY_TRIMMED = r"[\t-\r\x1c-\x20\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]"
CONTROL_CHARS = r"\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069"


def trimmed(core: str, space: str = TRIMMED) -> str:
    """A whole value that is ``core`` once the whitespace around it is trimmed."""
    return f"^{space}*(?:{core}){space}*$"


# A text: something left after trimming, no control character in what is left.
TEXT_PATTERN = trimmed(f"[^{CONTROL_CHARS}]*[^{CONTROL_CHARS}{TRIMMED[1:-1]}][^{CONTROL_CHARS}]*")
# The 未公布 declaration as the validator reads it (``fields.DECLARATION_PATTERN`` once trimmed).
DECLARATION_SCHEMA_PATTERN = trimmed(f"未公布(?:{INNER_SPACE}*[：:（(，,][^{CONTROL_CHARS}]*)?")

_PY_SPACE_INSIDE = r"\t-\r\x1c-\x20\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
_D = "[0-9]"


def text_schema(pattern: str = "", *, numbers: dict[str, Any] | None = None) -> dict[str, Any]:
    """A text field: a string (matching ``pattern`` when the type has one, else any text but a
    declaration), or the numbers whose written form the validator accepts as that text."""
    string: dict[str, Any] = {"type": "string"}
    if pattern:
        string["pattern"] = pattern
    else:
        string |= {"pattern": TEXT_PATTERN, "not": {"pattern": DECLARATION_SCHEMA_PATTERN}}
    if numbers is None:
        return string
    return {"anyOf": [string, numbers]}


@dataclass(frozen=True, eq=False)  # hashed by identity: typing hashes Annotated metadata
class JsonSchemaOf:
    """A field type's JSON Schema: what a unit file may hold (pydantic's validation mode) and
    what the open data publishes once the value is read (serialization mode: always a text)."""

    name: str
    accepts: dict[str, Any]
    publishes: dict[str, Any]

    def __post_init__(self) -> None:
        SHARED[self.name] = self

    def __get_pydantic_json_schema__(
        self, core: CoreSchema, handler: GetJsonSchemaHandler
    ) -> dict[str, Any]:
        return copy.deepcopy(self.accepts if handler.mode == "validation" else self.publishes)


SHARED: dict[str, JsonSchemaOf] = {}
"""Every field type's schema by name: written once under ``$defs`` (``json_schema.share_types``)."""


def text_type(name: str, pattern: str = "", numbers: dict[str, Any] | None = None) -> JsonSchemaOf:
    """The JSON Schema of a text type: ``text_schema`` in a file, a string in the open data."""
    return JsonSchemaOf(name, text_schema(pattern, numbers=numbers), text_schema(pattern))


ANY_NUMBER: dict[str, Any] = {"type": "number"}
"""An unquoted number in a text field is read as its text (电话 12345, 时段 2025年)."""

# 电话: ``fields._PHONE`` with the spaces the validator removes and the full-width hyphen it reads.
_S = " *"
_PD = f"(?:{_D}{_S})"
_HYPHEN = f"[-－]{_S}"
PHONE_PATTERN = trimmed(
    "|".join(
        [
            f"0{_S}{_PD}{{2,3}}(?:{_HYPHEN})?{_PD}{{7,8}}(?:{_HYPHEN}{_PD}{{1,6}})?",
            f"1{_S}[3-9]{_S}{_PD}{{9}}",
            f"1{_S}{_PD}{{2}}",
            f"1{_S}2{_S}{_PD}{{3}}",
            f"1{_S}0{_S}0{_S}{_PD}{{2}}",
            f"9{_S}[56]{_S}{_PD}{{3,4}}",
            f"[48]{_S}0{_S}0{_S}(?:{_HYPHEN})?{_PD}{{3}}(?:{_HYPHEN})?{_PD}{{4}}",
        ]
    )
)
# The same numbers written without quotes (a leading 0 makes YAML keep a landline as text).
PHONE_NUMBERS: dict[str, Any] = {
    "type": "integer",
    "anyOf": [
        {"minimum": low, "maximum": high}
        for low, high in (
            (100, 199),  # 1xx
            (10000, 10099),  # 100xx
            (12000, 12999),  # 12xxx
            (95000, 96999),  # 95xxx, 96xxx
            (950000, 969999),
            (4000000000, 4009999999),  # 400 and 800 numbers
            (8000000000, 8009999999),
            (13000000000, 19999999999),  # service mobiles
        )
    ],
}

_HOUR = f"(?:[01]?{_D}|2[0-3])[:：][0-5]{_D}"
# 时段: ``fields._clock_period`` — any dash, 至 or ～ between, a full-width colon, 8:30 for 08:30.
CLOCK_PERIOD_PATTERN = trimmed(
    f"{_HOUR}{INNER_SPACE}*[-–—~～至]{INNER_SPACE}*(?:{_HOUR}|24[:：]00)"
)
SLUG_CORE = "[a-z0-9]+(?:-[a-z0-9]+)*"
SLUG_PATTERN = trimmed(SLUG_CORE)
SLUG_NUMBERS: dict[str, Any] = {"type": "integer", "minimum": 0}


def _three_years() -> str:
    """``YYYY-ZZZZ`` with ZZZZ = YYYY + 2, digit by digit: the last digit goes up by two, or
    carries into the tens, hundreds or thousands (2018-2020, 2098-2100, 1998-2000)."""
    alternatives: list[str] = []
    for carried in range(4):  # how many digits before the last one change
        kept, group = 3 - carried, len(alternatives) + 1
        pairs = []
        for last in range(10) if carried else range(8):
            if carried == 0:
                pairs.append((f"{last}", f"{last + 2}"))
                continue
            if last < 8:
                continue
            for digit in range(9):  # the digit that goes up by one; the 9s after it become 0s
                nines = "9" * (carried - 1)
                pairs.append(
                    (f"{digit}{nines}{last}", f"{digit + 1}{'0' * (carried - 1)}{last - 8}")
                )
        ends = "|".join(f"{start}-\\{group}(?:{end})" for start, end in pairs)
        if kept:
            alternatives.append(f"([0-9]{{{kept}}})(?:{ends})")
        else:
            alternatives.append("(?:" + "|".join(f"{s}-{e}" for s, e in pairs) + ")")
    return "|".join(alternatives)


CYCLE_PATTERN = trimmed(_three_years())
URL_PATTERN = trimmed(f"https?://[^{_PY_SPACE_INSIDE}{CONTROL_CHARS}<>\"']+")
GITHUB_PATTERN = trimmed("@[A-Za-z0-9][A-Za-z0-9-]{0,38}(?:/[A-Za-z0-9._-]+)?")
PHOTO_PATTERN = trimmed(
    r"(?:[A-Za-z0-9_-]+/)*[A-Za-z0-9_-]+\.(?:[jJ][pP][eE]?[gG]|[pP][nN][gG]|[wW][eE][bB][pP])"
)

# Calendar dates: every month with its real days, 29 February only in leap years, no year 0.
_LEAP = "(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:[02468][048]|[13579][26])00)"
_YEAR = "(?!0000)[0-9]{4}"


def _month(numbers: list[int], pad: str) -> str:
    return "(?:" + "|".join(f"{pad}{m}" if m < 10 else str(m) for m in numbers) + ")"


def _days(last: int, pad: str) -> str:
    tail = {28: "2[0-8]", 29: "2[0-9]", 30: "2[0-9]|30", 31: "2[0-9]|3[01]"}[last]
    return f"(?:{pad}[1-9]|1[0-9]|{tail})"


def calendar_date(between: str, after_month: str, after_day: str, pad: str) -> str:
    """Year, month and day that exist, each part followed by its separator (- or 年 月 日).

    ``pad`` is how a month or day below 10 is written: ``0`` (always two digits) or ``0?``."""
    long, short = [1, 3, 5, 7, 8, 10, 12], [4, 6, 9, 11]
    feb = _month([2], pad)
    days = (
        f"(?:{_month(long, pad)}{after_month}{_days(31, pad)}"
        f"|{_month(short, pad)}{after_month}{_days(30, pad)}"
        f"|{feb}{after_month}{_days(28, pad)})"
    )
    return f"(?!0000)(?:[0-9]{{4}}{between}{days}|{_LEAP}{between}{feb}{after_month}29){after_day}"


ISO_DATE_PATTERN = trimmed(calendar_date("-", "-", "", "0"), PY_TRIMMED)
_ANY_MONTH = _month(list(range(1, 13)), "0?")
PUBLISHED_DATE_PATTERN = trimmed(
    "|".join(
        [
            calendar_date("-", "-", "", "0?"),
            f"{_YEAR}-{_ANY_MONTH}",
            f"{_YEAR}(?:年(?:{_ANY_MONTH}月)?)?",
            f"{_YEAR}年(?:{_ANY_MONTH}月)?(?:以来|起|至今)",
            calendar_date("年", "月", "日", "0?") + "(?:以来|起|至今)?",
        ]
    ),
    PY_TRIMMED,
)
PUBLISHED_YEARS: dict[str, Any] = {"type": "integer", "minimum": 1000, "maximum": 9999}

BEYOND_SCHEMA: dict[str, str] = {
    # Checks inside one file that JSON Schema cannot state: they compare two values.
    "clock_order": "时段的结束时间要晚于开始时间（两个时刻的比较）",
    "age_order": "年龄段的下限要小于上限（两个数的比较）",
    "span_range": "时长上限 up_to 要大于时长数值 value（两个数的比较）",
    "check_procedures": "承诺时限不能长于法定时限（按时间单位换算后比较）；同一单位的流程编号不能重复",
    "check_fees": "收费的金额上限要大于金额，各分项合计要等于金额（数值的比较和求和）",
    "check_honours": "同一届同一级别的同一称号只能写一次（列表各项之间的比较）",
    "check_benefits": "同一优待的各档年龄段不能部分重叠（列表各项之间的比较）",
    "integral_float": "JSON Schema 把 2.0 也算作整数；检查程序要求整数写成 2，文字字段里的 2.0 读作「2.0」",
    # Checks against other files: the schema sees one file only.
    "check_township": "所属乡镇要在 units/county.yml 的乡镇名单里（另一个文件）",
    "check_policy_refs": "政策编号要在政策法规库 content/policies/ 里（另一些文件）",
    "missing_photos": "照片文件要真的在本单位文件夹里（文件系统）",
    "duplicate_names": "单位名称不能与别的单位重复（其他单位的文件）",
}
"""What ``jinglao validate`` checks and the JSON Schema cannot: by rule or error name, with why."""
