"""The sheet an office actually sends: a merged title row above the header, headers typed with
full-width spaces, phones that Excel turned into numbers, full-width digits and hyphens, and a
「注：…」 row at the bottom. Reads only the cells that hold data (a file's <dimension> may claim
A1:XFD1048576) and at most MAX_ROWS rows."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from openpyxl import load_workbook

MAX_ROWS = 5000  # a county has hundreds of units; more rows is a wrong sheet, not a register
MAX_COLUMNS = 50
HEADER_SEARCH = 10  # rows to look through for the header, below titles and blank rows
NOTE_START = ("注", "说明", "备注", "*", "※")


@dataclass
class Sheet:
    header: dict[str, int] = field(default_factory=dict)  # known column name → index
    unknown: list[str] = field(default_factory=list)  # header cells that are not read
    header_row: int = 1
    rows: list[tuple[int, list[Any]]] = field(default_factory=list)  # numbered as Excel shows
    notes: list[int] = field(default_factory=list)  # footnote rows left out
    cut_at: int | None = None  # the first row not read, when the sheet was too long
    limit: int = 0  # rows read at most


def header_name(value: Any) -> str:
    """「层　级」, 「 单位名称 」 and 「单位名称」 are one header."""
    return "".join(unicodedata.normalize("NFKC", str(value)).split()) if value is not None else ""


def cell_text(value: Any, *, compact: bool = False) -> str:
    """A cell as one line of text; ``compact`` (phones, ids, choices) also turns full-width
    digits and hyphens, as a Chinese input method types them, into ASCII and drops spaces."""
    if value is None:
        return ""
    if isinstance(value, datetime | date):
        return value.strftime("%Y-%m-%d")
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = " ".join(str(value).replace("\u3000", " ").split())  # Alt+Enter breaks included
    return "".join(unicodedata.normalize("NFKC", text).split()) if compact else text


def _filled(row: Iterable[Any]) -> list[Any]:
    return [v for v in row if v not in (None, "") and str(v).strip()]


def _is_note(row: list[Any]) -> bool:
    cells = _filled(row)
    return len(cells) == 1 and str(cells[0]).strip().startswith(NOTE_START)


def _find_header(lines: list[tuple[int, list[Any]]], known: set[str]) -> tuple[int, list[Any]]:
    for number, row in lines:
        if sum(header_name(v) in known for v in row) >= 2:
            return number, row
    return next(((n, r) for n, r in lines if _filled(r)), (1, []))


def read_sheet(path: Path, known: Iterable[str]) -> Sheet:
    names = set(known)
    book = load_workbook(path, read_only=True, data_only=True)
    try:
        worksheet: Any = book.worksheets[0]
        worksheet.reset_dimensions()
        lines = (
            (n, list(r[:MAX_COLUMNS]))
            for n, r in enumerate(worksheet.iter_rows(values_only=True), start=1)
        )
        top = [line for _, line in zip(range(HEADER_SEARCH), lines, strict=False)]
        header_row, header = _find_header(top, names)
        sheet = Sheet(header_row=header_row, limit=MAX_ROWS)
        for index, value in enumerate(header):
            name = header_name(value)
            if name in names:
                sheet.header.setdefault(name, index)
            elif name:
                sheet.unknown.append(name)
        body = [(n, r) for n, r in top if n > header_row]
        for number, row in [*body, *lines]:
            if not _filled(row):
                continue
            if _is_note(row):
                sheet.notes.append(number)
            elif len(sheet.rows) == sheet.limit:
                sheet.cut_at = number
                break
            else:
                sheet.rows.append((number, row))
        return sheet
    finally:
        book.close()
