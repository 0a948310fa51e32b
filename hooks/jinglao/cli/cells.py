"""One cell of the office's sheet, read as a person typed it: full-width digits from a Chinese
input method, phones and dates that Excel turned into numbers, headers with notes in brackets.

Codes (phones, ids, choices, dates) are normalised fully; prose (names, addresses) only has its
full-width letters and digits made ASCII, so 「安澜县人民医院（北院）」 keeps its brackets and
「解放路８８－２号」 becomes 「解放路88-2号」."""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime, time, timedelta
from typing import Any

# Excel counts days from 1899-12-30; 20000..80000 is 1954..2119, a plausible date in a register.
EXCEL_EPOCH = date(1899, 12, 30)
SERIAL_RANGE = range(20_000, 80_000)
DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"  # hyphens, dashes, minus
_DASH = str.maketrans(dict.fromkeys(DASHES, "-"))
# Full-width ASCII letters and digits (U+FF10..U+FF5A) only: prose punctuation stays.
_WIDE_ALNUM = str.maketrans(
    {chr(c): chr(c - 0xFEE0) for c in range(0xFF10, 0xFF5B) if chr(c - 0xFEE0).isalnum()}
)
# Between two digits, a full-width hyphen, colon, dot or slash is part of a number or a time.
_IN_NUMBER = re.compile("(?<=\\d)([\uff0d\uff1a\uff0e\uff0f])(?=\\d)")
_IN_NUMBER_ASCII = {"\uff0d": "-", "\uff1a": ":", "\uff0e": ".", "\uff0f": "/"}
_HEADER_NOTE = re.compile(r"[(（\[【][^)）\]】]*[)）\]】]|[*\uff0a※]")
_AREA_CODE_BRACKETS = re.compile(r"^\((0\d{2,3})\)-?")
_AREA_CODE_SPACE = re.compile(r"^(0\d{2,3})\s+(\d{7,8})")
_PHONE_SEPARATORS = re.compile(r"[、，,；;/\uff0f\n]+")
_DATE_TEXT = re.compile(
    r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?"
)  # a trailing time, as a copied date cell shows it, is dropped
_DATE_DIGITS = re.compile(r"(\d{4})(\d{2})(\d{2})")
MOBILE = re.compile(r"1[3-9]\d{9}")


def header_name(value: Any) -> str:
    """「层　级」, 「 单位名称 」, 「*单位名称」 and 「监督电话（区号-号码）」 name one column each."""
    if value is None:
        return ""
    text = unicodedata.normalize("NFKC", str(value))
    return "".join(_HEADER_NOTE.sub("", text).split())


def _plain(value: Any) -> str:
    if isinstance(value, datetime | date):
        return value.strftime("%Y-%m-%d")
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value)


def prose_text(value: Any) -> str:
    """A name or address on one line (Alt+Enter breaks and full-width spaces become one space),
    full-width letters and digits made ASCII, Chinese punctuation kept."""
    if value is None:
        return ""
    text = " ".join(_plain(value).replace("\u3000", " ").split()).translate(_WIDE_ALNUM)
    return _IN_NUMBER.sub(lambda m: _IN_NUMBER_ASCII[m.group(1)], text)


def code_text(value: Any) -> str:
    """An id or a choice: NFKC (all full-width forms ASCII), dashes one hyphen, no spaces."""
    if value is None:
        return ""
    return "".join(unicodedata.normalize("NFKC", _plain(value)).translate(_DASH).split())


def phone_texts(value: Any) -> list[str]:
    """The phones in a text cell: 0599-6825678 in full-width digits, 「(0599)6825678」, 「0599 6825678」
    all read 0599-6825678; several phones split on 、，；/ or line breaks; 「转」 is an extension."""
    if value is None:
        return []
    text = unicodedata.normalize("NFKC", _plain(value)).translate(_DASH)
    phones = []
    for part in _PHONE_SEPARATORS.split(text):
        spaced = _AREA_CODE_SPACE.sub(r"\1-\2", part.strip())  # 0599 6825678
        compact = "".join(spaced.split()).replace("转", "-")
        phones.append(_AREA_CODE_BRACKETS.sub(r"\1-", compact))
    return [p for p in phones if p]


def restore_lost_zero(number: int, area_code: str) -> tuple[str, str]:
    """A phone Excel stored as a number: (the phone, a note). The 0 is put back only when the
    digits are the county's own area code and a 7- or 8-digit local number; a mobile or service
    number is kept; anything else is not guessed (empty phone, and the note says why)."""
    digits = str(number)
    local = digits.removeprefix(area_code[1:]) if area_code else digits
    if MOBILE.fullmatch(digits) or len(digits) <= 6:
        return digits, ""
    if area_code and local != digits and len(local) in (7, 8):
        phone = f"{area_code}-{local}"
        return (
            phone,
            f"监督电话被 Excel 存成了数字 {digits}（开头的 0 丢了），按本县区号补成 {phone}，请核对",
        )
    return "", (
        f"监督电话被 Excel 存成了数字 {digits}，开头的 0 可能丢了，看不出原来的号码，没有写入；"
        "请在 unit.yml 里填写，并把表格这一列设成「文本」格式"
    )


def cell_date(value: Any) -> tuple[str, str]:
    """A date as YYYY-MM-DD, and a note when it had to be read from a number or was unreadable.
    Date cells, Excel serial numbers (a date cell whose format was lost), 20260301,
    2026/3/1, 2026.3.1, 2026年3月1日 and their full-width forms are read."""
    if value is None or value == "":
        return "", ""
    if isinstance(value, datetime | date):
        return value.strftime("%Y-%m-%d"), ""
    if isinstance(value, time):
        return "", "确认日期只有时间、没有日期，没有写入"
    if isinstance(value, int | float) and int(value) == value:
        if int(value) in SERIAL_RANGE:
            day = EXCEL_EPOCH + timedelta(days=int(value))
            return (
                day.isoformat(),
                f"确认日期是数字 {int(value)}（Excel 的日期序号），读作 {day}，请核对",
            )
        value = str(int(value))
    text = "".join(unicodedata.normalize("NFKC", str(value)).split())
    match = _DATE_TEXT.fullmatch(text) or _DATE_DIGITS.fullmatch(text)
    if match:
        try:
            return date(*map(int, match.groups())).isoformat(), ""
        except ValueError:
            pass
    return "", f"确认日期「{text}」看不懂（应写成 2026-03-01），没有写入"
