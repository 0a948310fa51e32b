"""The sheet an office actually sends: title rows and merged cells above the header, headers
typed with full-width spaces, cells merged down a column, blank rows and a 「注：…」 or
「填表人：」 footer. Reads only the cells that hold data (a file's <dimension> may claim
A1:XFD1048576), at most MAX_ROWS rows, and turns a file that is not a readable .xlsx (an old
.xls, a password, a broken or oversized file) into one Chinese sentence."""

from __future__ import annotations

import io
import re
import unicodedata
import zipfile
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import iterparse

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter, range_boundaries

from .cells import header_name
from .files import os_reason

MAX_ROWS = 5000  # a county has hundreds of units; more rows is a wrong sheet, not a register
MAX_SCANNED = 50_000  # rows looked at, blank ones included, before giving up on a sheet
MAX_COLUMNS = 50
MAX_FILE = 20 * 1024 * 1024  # a register of a thousand units is well under 1 MiB
MAX_UNPACKED = 200 * 1024 * 1024  # a zip bomb stops here, before any XML is parsed
MAX_MERGES = 10_000
IGNORED = {"序号", "编号序号", "No.", "No"}  # a row counter, not data: not read, not warned about
HEADER_SEARCH = 20  # rows to look through for the header, below titles and blank rows
# A footer: 注：, 说明：, 备注1：, 注①, 填表人, 制表, 审核, 合计 …, or a * / ※ footnote.
NOTE = re.compile(
    r"^(?:(?:注|说明|备注|附注)[\d一二三四五六七八九十①-⑩.、]*[:：]"
    r"|填表|填报|制表|审核|审批|负责人|联系人|经办人|合计|总计|[*\uff0a※])"
)
OTHER_ZIPS = {
    "content.xml": "是 OpenDocument 表格（.ods），不是 Excel 工作簿",
    "word/document.xml": "是 Word 文档，不是 Excel 工作簿",
    "ppt/presentation.xml": "是 PowerPoint 演示文稿，不是 Excel 工作簿",
}
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .xls, .et and password-protected .xlsx alike
_MAIN_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"


class SheetError(Exception):
    """A file import cannot read at all; the message is for the clerk."""


@dataclass
class Sheet:
    title: str = ""
    passed: list[str] = field(default_factory=list)  # sheets before it with no register header
    header: dict[str, int] = field(default_factory=dict)  # known column name → index
    unknown: list[tuple[str, str]] = field(default_factory=list)  # (column letter, header text)
    header_row: int = 1
    rows: list[tuple[int, list[Any]]] = field(default_factory=list)  # numbered as Excel shows
    notes: list[int] = field(default_factory=list)  # footnote rows left out
    repeats: list[int] = field(default_factory=list)  # the header again (a printed page's top)
    merged: list[tuple[int, int, int, Any]] = field(default_factory=list)  # rows, column, value
    cut_at: int | None = None  # the first row not read, when the sheet was too long
    limit: int = 0  # rows read at most


def column_letter(index: int) -> str:
    return get_column_letter(index + 1)


def _filled(row: Iterable[Any]) -> list[Any]:
    return [v for v in row if v not in (None, "") and str(v).strip()]


def _is_note(row: list[Any]) -> bool:
    cells = _filled(row)
    return bool(cells) and bool(NOTE.match(unicodedata.normalize("NFKC", str(cells[0]).strip())))


def _refuse_unreadable(path: Path) -> None:
    """Say in Chinese why a file is not a workbook import can read, before openpyxl tries."""
    if not path.exists():
        raise SheetError(f"找不到文件 {path}")
    if not path.is_file():
        raise SheetError(f"{path} 不是文件")
    size = path.stat().st_size
    if size > MAX_FILE:
        raise SheetError(
            f"{path} 太大（{size / 1048576:.1f} MiB），名录表格不会超过 {MAX_FILE // 1048576} MiB；"
            "请只保留名录那张表"
        )
    with path.open("rb") as stream:
        head = stream.read(8)
    if head == _OLE:
        if "EncryptionInfo".encode("utf-16-le") in path.read_bytes():
            raise SheetError(
                f"{path} 设了打开密码，无法读取；请在 Excel 里去掉密码（文件 → 信息 → 保护工作簿）后另存再导入"
            )
        raise SheetError(
            f"{path} 是旧版 Excel（.xls）或 WPS 表格文件；请用「另存为」存成 Excel 工作簿（.xlsx）后再导入"
        )
    if not zipfile.is_zipfile(path):
        what = "是 CSV 文本" if path.suffix.lower() == ".csv" else "或者文件已损坏"
        raise SheetError(
            f"{path} 不是 Excel 工作簿（.xlsx），{what}；请在 Excel 里另存为 .xlsx 后再导入"
        )
    with zipfile.ZipFile(path) as archive:
        names = set(archive.namelist())
        if "xl/workbook.xml" not in names:  # another zip: a WPS/LibreOffice .ods, a Word file
            kind = next((k for part, k in OTHER_ZIPS.items() if part in names), "不是 Excel 工作簿")
            raise SheetError(f"{path} {kind}（.xlsx）；请在 Excel 或 WPS 里另存为 .xlsx 后再导入")
        if sum(item.file_size for item in archive.infolist()) > MAX_UNPACKED:
            raise SheetError(
                f"{path} 解压后超过 {MAX_UNPACKED // 1048576} MiB，不像一份名录；请只保留名录那张表"
            )


def _merges(archive: Any, worksheet: Any) -> list[tuple[int, int, int, int]]:
    """(first column, first row, last column, last row) of each merged range, 1-based; the
    read-only reader leaves them out, so they are read from the sheet's XML as it streams."""
    found: list[tuple[int, int, int, int]] = []
    with archive.open(worksheet._worksheet_path) as stream:
        for _, element in iterparse(stream):
            if element.tag == f"{_MAIN_NS}mergeCell" and len(found) < MAX_MERGES:
                try:
                    bounds = range_boundaries(element.get("ref", ""))
                except (TypeError, ValueError):
                    continue
                if None not in bounds:
                    found.append(bounds)  # type: ignore[arg-type]
            element.clear()
    return found


def _known_count(row: list[Any], known: Mapping[str, str]) -> int:
    return len({known[n] for n in map(header_name, row) if n in known})


def _find_header(
    lines: list[tuple[int, list[Any]]], known: Mapping[str, str]
) -> tuple[int, list[Any]]:
    """The row naming the most known columns (at least two): with a two-row header merged
    down, the lower row names them all. None: the first filled row, reported as such."""
    best: tuple[int, int, list[Any]] = (1, 0, [])
    for number, row in lines:
        count = _known_count(row, known)
        if count >= 2 and count >= best[1]:
            best = (number, count, row)
    if best[1]:
        return best[0], best[2]
    return next(((n, r) for n, r in lines if _filled(r)), (1, []))


def _fill_merged(
    lines: Iterator[tuple[int, list[Any]]], merges: list[tuple[int, int, int, int]]
) -> Iterator[tuple[int, list[Any]]]:
    """Every cell of a merged range holds the range's value, as the clerk sees it on screen.
    Rows come in order, so only the ranges open at a row are looked at (a merge on every row
    of a long sheet stays linear)."""
    waiting = sorted((m for m in merges if m[0] <= MAX_COLUMNS), key=lambda m: m[1], reverse=True)
    open_ranges: list[tuple[int, int, int, Any]] = []  # first column, last column, last row, value
    for number, row in lines:
        while waiting and waiting[-1][1] <= number:
            first_col, first_row, last_col, last_row = waiting.pop()
            if first_row == number:  # a range whose first row was never read is left out
                value = row[first_col - 1] if first_col <= len(row) else None
                open_ranges.append((first_col, min(last_col, MAX_COLUMNS), last_row, value))
        open_ranges = [r for r in open_ranges if r[2] >= number]
        for first_col, last_col, _, value in open_ranges:
            row.extend([None] * (last_col - len(row)))
            row[first_col - 1 : last_col] = [value] * (last_col - first_col + 1)
        yield number, row


def _read_header(
    sheet: Sheet, header: list[Any], names: Mapping[str, str], ignored: set[str]
) -> None:
    for index, value in enumerate(header):
        name = header_name(value)
        column = names.get(name)
        if column and column not in sheet.header:
            sheet.header[column] = index
        elif name and name not in ignored and not (index and header[index - 1] == value):
            sheet.unknown.append((column_letter(index), str(value).strip()))  # not merged across


def _read_body(
    sheet: Sheet, lines: Iterable[tuple[int, list[Any]]], names: Mapping[str, str]
) -> None:
    in_notes = False
    for number, row in lines:
        if not _filled(row):
            continue
        if _known_count(row, names) >= 2:
            sheet.repeats.append(number)
            continue
        if _is_note(row) or (in_notes and len(set(map(str, _filled(row)))) == 1):  # runs on
            in_notes = True
            sheet.notes.append(number)
        elif len(sheet.rows) == sheet.limit or number > MAX_SCANNED:
            sheet.cut_at = number
            break
        else:
            in_notes = False
            sheet.rows.append((number, row))


def _note_merged(sheet: Sheet, merges: list[tuple[int, int, int, int]]) -> None:
    """Cells merged down a known column in the data: each row read the one value."""
    data = dict(sheet.rows)
    read = set(sheet.header.values())
    for first_col, first_row, _, last_row in merges:
        if last_row > first_row and first_row in data and first_col - 1 in read:
            value = data[first_row][first_col - 1]
            sheet.merged.append((first_row, last_row, first_col - 1, value))


def _read(archive: Any, worksheet: Any, names: Mapping[str, str], ignored: set[str]) -> Sheet:
    worksheet.reset_dimensions()
    merges = _merges(archive, worksheet)
    raw = (
        (n, list(r[:MAX_COLUMNS]))
        for n, r in zip(
            range(1, MAX_SCANNED + 2), worksheet.iter_rows(values_only=True), strict=False
        )
    )
    lines = _fill_merged(raw, merges)
    top = [line for _, line in zip(range(HEADER_SEARCH), lines, strict=False)]
    header_row, header = _find_header(top, names)
    sheet = Sheet(title=worksheet.title, header_row=header_row, limit=MAX_ROWS)
    _read_header(sheet, header, names, ignored)
    if len(sheet.header) < 2:
        return sheet  # not a register: the caller tries the next sheet
    _read_body(sheet, [*((n, r) for n, r in top if n > header_row), *lines], names)
    _note_merged(sheet, merges)
    return sheet


def read_sheet(path: Path, names: Mapping[str, str], ignored: Iterable[str] = ()) -> Sheet:
    """The first visible sheet whose header names two known columns (or the first sheet);
    ``names`` maps each header text accepted (after header_name) to the column it means,
    ``ignored`` columns are passed over without a word."""
    try:
        _refuse_unreadable(path)
        data = path.read_bytes()
    except OSError as exc:  # no permission, a file locked by another program, a vanished disk
        raise SheetError(
            f"{path} 读不了（{os_reason(exc)}）；文件在 Excel 里打开着时请先关掉"
        ) from exc
    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a broken file
        raise SheetError(
            f"{path} 打不开，文件可能已损坏；请在 Excel 里打开后另存为 .xlsx 再导入"
        ) from exc
    tried: list[Sheet] = []
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            for worksheet in book.worksheets:
                if worksheet.sheet_state == "visible" and hasattr(worksheet, "_worksheet_path"):
                    tried.append(_read(archive, worksheet, names, {*IGNORED, *ignored}))
                    if len(tried[-1].header) >= 2:
                        tried[-1].passed = [t.title for t in tried[:-1]]
                        return tried[-1]
    except Exception as exc:  # a sheet's XML broken half-way
        raise SheetError(
            f"{path} 的内容读不出来，文件可能已损坏；请在 Excel 里打开后另存为 .xlsx 再导入"
        ) from exc
    finally:
        book.close()
    return tried[0] if tried else Sheet(limit=MAX_ROWS)
