"""``jinglao export``: the county's register as an Excel workbook the office can work in:
dropdowns for sector, level and township, a filter on every column, each unit's page linked,
and a second sheet listing what each unit has still to fill in. Every cell is a text cell."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.worksheet.datavalidation import DataValidation

from ..pipeline import site_data
from ..plain import Data
from ..schema import vocab
from ..site.open_data import inert_cell
from .check import AREAS
from .common import EXIT_OK, load_for
from .register import IMPORT_COLUMNS

EXPORT_EXTRA = ("公开办事流程数", "创建档案", "能否参加本届评选", "单位页面")
WIDTHS = (28, 30, 16, 8, 10, 40, 16, 14, 30, 14, 50)
SPARE_ROWS = 500  # dropdowns reach below the last unit, for the rows the office adds
CHOICES = "选项"  # a hidden sheet holding the dropdown lists


def _register_rows(site: Data) -> list[list[Any]]:
    rows = []
    for unit in site["units"]:
        done = unit["completeness"]
        rows.append([
            unit["id"], unit["name"], unit["sector"], unit["level"], unit["township"] or "",
            unit["address"], "、".join(unit["supervision_phones"]), len(unit["procedures"]),
            done["archive_text"], done["eligibility"], unit["page_url"],
        ])  # fmt: skip
    return rows


def _gap_rows(site: Data) -> list[list[Any]]:
    """One row per missing item: unit, area, item, and the field to fill in."""
    rows = []
    for unit in site["units"]:
        done = unit["completeness"]
        for title, key, prefix, items in AREAS:
            for field, label in items.items():
                if not done[key][label]:
                    rows.append([unit["id"], unit["name"], title, label, f"{prefix}.{field}"])
    return rows


def _text_cells_only(sheet: Any) -> None:
    """openpyxl stores a string that starts with "=" as a live formula: keep every cell a text
    cell (and neutralised as in the CSV), so a unit's name can never run in the office's Excel."""
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            if isinstance(cell.value, str):
                cell.value = inert_cell(cell.value)
                cell.data_type = "s"


def _table(sheet: Any, header: list[str], rows: list[list[Any]]) -> None:
    sheet.append(header)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append(row)
    _text_cells_only(sheet)
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions


def _dropdowns(book: Any, sheet: Any, site: Data) -> None:
    lists = {
        "C": list(vocab.SECTOR_SLUGS),
        "D": ["县级", "乡镇"],
        "E": [t["name"] for t in site["county"]["townships"]],
    }
    choices = book.create_sheet(CHOICES)
    choices.sheet_state = "hidden"
    last = len(site["units"]) + SPARE_ROWS
    for index, (column, values) in enumerate(lists.items(), start=1):
        letter = "ABC"[index - 1]
        for row, value in enumerate(values, start=1):
            choices.cell(row=row, column=index, value=value)
        rule = DataValidation(
            type="list", formula1=f"{CHOICES}!${letter}$1:${letter}${max(len(values), 1)}",
            allow_blank=True, showErrorMessage=True, errorTitle="请从列表中选择",
            error="只能选列表里的值。",
        )  # fmt: skip
        rule.add(f"{column}2:{column}{last}")
        sheet.add_data_validation(rule)


def export_register(site: Data, path: Path) -> int:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "单位名录"
    _table(sheet, [*IMPORT_COLUMNS, *EXPORT_EXTRA], _register_rows(site))
    for number, unit in enumerate(site["units"], start=2):
        if unit["page_url"].startswith(("https://", "http://")):
            sheet.cell(row=number, column=11).hyperlink = unit["page_url"]
    for column, width in zip("ABCDEFGHIJK", WIDTHS, strict=True):
        sheet.column_dimensions[column].width = width
    _dropdowns(book, sheet, site)
    gaps = book.create_sheet("缺项")
    _table(
        gaps,
        ["单位编号", "单位名称", "类别", "缺少的项目", "在 unit.yml 的哪里填写"],
        _gap_rows(site),
    )
    for column, width in zip("ABCDE", (28, 30, 22, 14, 40), strict=True):
        gaps.column_dimensions[column].width = width
    book.save(path)
    return len(site["units"])


def cmd_export(args: argparse.Namespace) -> int:
    project = load_for(args)
    count = export_register(site_data(project), args.file)
    print(f"已导出 {count} 个单位到 {args.file}")
    if project.problems:
        print(
            f"注意：有 {len(project.problems)} 个问题，有错误的单位没有导出；运行 jinglao validate 查看。",
            file=sys.stderr,
        )
    return EXIT_OK
