"""``jinglao export``: the county's register as an Excel workbook the office can work in:
dropdowns for sector, level and township, a filter on the header, each unit's name linked to its
page on the portal, and a second sheet listing what ``jinglao check`` finds missing in each unit.
Every cell is a text cell (or a plain count): nothing in it can run as a formula."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any, get_args

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from ..pipeline import site_data
from ..plain import Data
from ..problems import Severity
from ..project import Project
from ..schema import vocab
from ..site.open_data import inert_cell
from ..unit.completeness import completeness
from .check import check_items
from .common import EXIT_OK, EXIT_PROBLEMS, load_for
from .files import os_reason
from .register import EXPORT_EXTRA, IMPORT_COLUMNS

HEADER = [*IMPORT_COLUMNS, *EXPORT_EXTRA]
WIDTHS = {"单位编号": 28, "单位名称": 30, "地址": 40, "监督电话": 16, "确认日期": 12}
WIDTHS |= {"创建档案": 30, "能否参加本届评选": 14, "单位页面": 50}
TEXT_COLUMNS = ("单位编号", "监督电话", "确认日期")  # typed as text: Excel keeps a phone's 0
SPARE_ROWS = 500  # dropdowns and text format reach below the last unit, for rows the office adds
CHOICES = "选项"  # a hidden sheet holding the dropdown lists
GAP_HEADER = ["单位编号", "单位名称", "方面", "缺少的项目", "在 unit.yml 的哪里填写", "说明"]
REJECTED = "资料有错误，未导出"  # the area column for an error that kept a unit out of the register
CHECK_NOTES = "检查提示"  # a warning validate gives for the unit, as check prints it
NO_SITE_URL = (
    "提示：mkdocs.yml 没有写 site_url（网站的公开地址），单位名称没有加链接、「单位页面」一列空着；"
    "写上 site_url 后重新导出即可。"
)


def letter(column: str) -> str:
    return get_column_letter(HEADER.index(column) + 1)


def _register_rows(site: Data, project: Project) -> list[list[Any]]:
    stated = {r.id: r.unit.confirmed for r in project.units}
    rows = []
    for unit in site["units"]:
        done = unit["completeness"]
        confirmed = stated.get(unit["id"])
        rows.append([
            unit["id"], unit["name"], unit["sector"], unit["level"], unit["township"] or "",
            unit["address"], "、".join(unit["supervision_phones"]),
            confirmed.isoformat() if confirmed else "",
            len(unit["procedures"]), done["archive_text"], done["eligibility"], unit["page_url"],
        ])  # fmt: skip
    return rows


def _gap_rows(site: Data, project: Project) -> list[list[Any]]:
    """One row per item ``jinglao check`` reports missing, then one per warning it prints for
    the unit (a unit with errors is not exported): unit, area, item, where, and a note."""
    records = {r.id: r for r in project.units}
    rows = []
    for unit in site["units"]:
        record = records[unit["id"]]
        head = [unit["id"], unit["name"]]
        for item in check_items(record.unit, completeness(record.unit)):
            if not item.present:
                rows.append([*head, item.area, item.label, item.where, item.declared])
        for problem in project.problems:
            if problem.path == record.path:
                where = f"{problem.path}:{problem.line}"
                rows.append([*head, CHECK_NOTES, problem.message, where, problem.hint])
    return rows + _rejected_rows(site, project)


def _rejected_rows(site: Data, project: Project) -> list[list[Any]]:
    """One row per error in a unit file that could not be exported (a unit just imported and not
    yet filled in, say): the office sees here what the new units still lack."""
    exported = {unit["id"] for unit in site["units"]}
    return [
        [unit_id, "", REJECTED, problem.message, f"{problem.path}:{problem.line}", problem.hint]
        for problem in project.problems
        if problem.severity is Severity.ERROR and (unit_id := rejected_unit(problem.path, exported))
    ]


def rejected_unit(path: str, exported: set[str]) -> str:
    """The id of the unit a problem's file belongs to, when that unit was not exported."""
    parts = path.split("/")
    if len(parts) == 3 and parts[0] == "units" and parts[2] == "unit.yml":
        return parts[1] if parts[1] not in exported else ""
    return ""


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
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(header))}{max(len(rows), 1) + 1}"


def _dropdowns(book: Any, sheet: Any, site: Data) -> None:
    lists = {
        "行业类别": list(vocab.SECTOR_SLUGS),
        "层级": list(get_args(vocab.Level)),
        "所属乡镇": [t["name"] for t in site["county"]["townships"]],
    }
    choices = book.create_sheet(CHOICES)
    choices.sheet_state = "hidden"
    last = len(site["units"]) + SPARE_ROWS
    for index, (column, values) in enumerate(lists.items(), start=1):
        source = get_column_letter(index)
        for row, value in enumerate(values, start=1):
            choices.cell(row=row, column=index, value=value).data_type = "s"
        rule = DataValidation(
            type="list", formula1=f"{CHOICES}!${source}$1:${source}${max(len(values), 1)}",
            allow_blank=True, showErrorMessage=True, errorTitle="请从列表中选择",
            error=f"「{column}」只能选列表里的值。",
        )  # fmt: skip
        rule.add(f"{letter(column)}2:{letter(column)}{last}")
        sheet.add_data_validation(rule)


def _links(sheet: Any, site: Data) -> None:
    """Each unit's name opens its page; the page's address is shown in its own column too."""
    name = HEADER.index("单位名称") + 1
    for number, unit in enumerate(site["units"], start=2):
        if unit["page_url"].startswith(("https://", "http://")):
            cell = sheet.cell(row=number, column=name)
            cell.hyperlink = unit["page_url"]
            cell.style = "Hyperlink"


def _layout(sheet: Any, rows: int) -> None:
    for column in HEADER:
        sheet.column_dimensions[letter(column)].width = WIDTHS.get(column, 14)
    for column in TEXT_COLUMNS:  # new rows typed by the office stay text: 0599… keeps its 0
        for row in range(2, rows + SPARE_ROWS + 2):
            sheet[f"{letter(column)}{row}"].number_format = "@"


def export_register(site: Data, project: Project, path: Path) -> int:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "单位名录"
    _table(sheet, HEADER, _register_rows(site, project))
    _links(sheet, site)
    _layout(sheet, len(site["units"]))
    _dropdowns(book, sheet, site)
    gaps = book.create_sheet("缺项")
    _table(gaps, GAP_HEADER, _gap_rows(site, project))
    for column, width in zip("ABCDEF", (28, 30, 22, 16, 36, 40), strict=True):
        gaps.column_dimensions[column].width = width
    book.save(path)
    return len(site["units"])


def cmd_export(args: argparse.Namespace) -> int:
    project = load_for(args)
    site = site_data(project)
    try:
        count = export_register(site, project, args.file)
    except OSError as exc:  # a folder, no permission, or the file open in Excel on Windows
        print(
            f"jinglao export：无法写入 {args.file}（{os_reason(exc)}）；"
            "文件在 Excel 里打开着时请先关掉，或换一个文件名。",
            file=sys.stderr,
        )
        return EXIT_PROBLEMS
    print(f"已导出 {count} 个单位到 {args.file}（「单位名录」和「缺项」两张表）")
    if not site["site_url"]:
        print(NO_SITE_URL)
    exported = {unit["id"] for unit in site["units"]}
    left_out = sorted({u for p in project.problems if (u := rejected_unit(p.path, exported))})
    if left_out:
        print(
            f"注意：{len(left_out)} 个单位的资料有错误，没有导出到「单位名录」：{'、'.join(left_out)}；"
            "它们的错误列在「缺项」表里，运行 jinglao validate 可看全部问题。",
            file=sys.stderr,
        )
    elif project.problems:
        print(
            f"注意：有 {len(project.problems)} 个问题；运行 jinglao validate 查看。",
            file=sys.stderr,
        )
    return EXIT_OK
