"""``jinglao import``: rows of the office's register become new unit scaffolds.

Import never overwrites: a row whose unit exists, or that is incomplete or wrong, is skipped and
reported with its row number and the reason.
"""

from __future__ import annotations

import argparse
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, get_args

from pydantic import TypeAdapter, ValidationError

from ..problems import closest
from ..project import Project
from ..schema import vocab
from ..schema.fields import SLUG, Phone
from ..site.open_data import FORMULA_START
from .cells import cell_date, code_text, phone_texts, prose_text, restore_lost_zero
from .common import EXIT_OK, EXIT_PROBLEMS, load_for
from .files import os_reason
from .import_report import ImportResult, RowReport, report_lines, sheet_notes
from .scaffold import ID_LIMIT, NEXT_STEPS, scaffold_text, suggest_unit_id
from .sheet import SheetError, read_sheet

# Columns an office fills in (import reads them by these Chinese headers; order does not matter).
IMPORT_COLUMNS = {
    "单位编号": "id",
    "单位名称": "name",
    "行业类别": "sector",
    "层级": "level",
    "所属乡镇": "township",
    "地址": "address",
    "监督电话": "phone",
    "确认日期": "confirmed",
}
# Other ways offices head the same columns (compared after header_name: no spaces, no brackets).
ALIASES = {
    "单位全称": "单位名称",
    "行业": "行业类别",
    "所在乡镇": "所属乡镇",
    "乡镇": "所属乡镇",
    "单位地址": "地址",
    "投诉电话": "监督电话",
    "监督投诉电话": "监督电话",
    "核对日期": "确认日期",
    "最近确认日期": "确认日期",
}
HEADERS = {name: name for name in IMPORT_COLUMNS} | ALIASES
# Columns export adds, worked out from the files: import passes over them without a word.
EXPORT_EXTRA = ("公开办事流程数", "创建档案", "能否参加本届评选", "单位页面")
REQUIRED = ("单位名称", "行业类别")
CODES = {"id", "sector", "level"}  # read as codes: all full-width forms ASCII, no spaces
_PHONE = TypeAdapter(Phone)
_AREA_CODE = re.compile(r"(0\d{2,3})-")


def split_phones(text: str) -> list[str]:
    """Several phones in one cell, separated as people do: 、 ， , ； ; or spaces."""
    return [p for p in re.split(r"[、，,；;\s]+", text) if p]


def _phones(raw: Any, area_code: str, warnings: list[str]) -> str:
    if isinstance(raw, int | float) and not isinstance(raw, bool) and int(raw) == raw:
        phone, note = restore_lost_zero(int(raw), area_code)
        warnings += [note] if note else []
        return phone
    return "、".join(phone_texts(raw))


def _values(
    row: list[Any], header: dict[str, int], area_code: str
) -> tuple[dict[str, str], list[str]]:
    """The row's cells as the unit file will hold them, and what had to be read differently."""
    values: dict[str, str] = {}
    warnings: list[str] = []
    for column, key in IMPORT_COLUMNS.items():
        index = header.get(column)
        raw = row[index] if index is not None and index < len(row) else None
        if key == "phone":
            values[key] = _phones(raw, area_code, warnings)
        elif key == "confirmed":
            values[key], note = cell_date(raw)
            warnings += [note] if note else []
        else:
            values[key] = code_text(raw) if key in CODES else prose_text(raw)
    return values, warnings


def _townships(project: Project) -> list[str]:
    return [t.name for t in project.county.townships] if project.county else []


def _short_township(name: str, project: Project) -> str:
    """「清溪」 for 清溪镇: the one township of the county whose name it begins, or ""."""
    townships = _townships(project)
    if not name or name in townships:
        return ""
    matches = [t for t in townships if t.startswith(name)]
    return matches[0] if len(matches) == 1 else ""


def _county_area_code(project: Project) -> str:
    match = _AREA_CODE.match(project.county.office_phone) if project.county else None
    return match.group(1) if match else ""


def _problem(values: dict[str, str], project: Project) -> str:
    """Why a row cannot become a unit, or an empty string when it can."""
    if not values["name"]:
        return "缺少单位名称"
    for column, key in IMPORT_COLUMNS.items():
        if values[key].startswith(FORMULA_START):
            return f"「{column}」以「{values[key][0]}」开头，像是 Excel 公式；请改成纯文字"
    sectors = list(vocab.SECTOR_SLUGS)
    if not values["sector"]:
        return "缺少行业类别，应为九类之一：" + "、".join(sectors)
    if values["sector"] not in sectors:
        close = closest(values["sector"], sectors, cutoff=0.4)
        guess = f"，是不是「{close}」？" if close else "，应为九类之一：" + "、".join(sectors)
        return f"行业类别「{values['sector']}」不对{guess}"
    if not SLUG.fullmatch(values["id"]):
        return f"单位编号「{values['id']}」只能用小写字母、数字和连字符"
    if len(values["id"]) > ID_LIMIT:
        return f"单位编号太长（{len(values['id'])} 个字符），最多 {ID_LIMIT} 个"
    levels = get_args(vocab.Level)
    if values["level"] and values["level"] not in levels:  # empty: the unit fills it in
        return f"层级「{values['level']}」应为{'、'.join(levels)}之一"
    townships = _townships(project)
    if values["township"] and values["township"] not in townships:
        return f"乡镇「{values['township']}」不在本县乡镇名单里（{'、'.join(townships)}）"
    for phone in split_phones(values["phone"]):
        try:
            _PHONE.validate_python(phone)
        except ValidationError:
            return f"监督电话「{phone}」格式不对，固定电话写成「区号-号码」"
    return ""


def _existing(
    values: dict[str, str], project: Project, taken_ids: set[str], taken_names: set[str]
) -> str:
    """Which unit the row already is, or an empty string for a new one."""
    if values["id"] in taken_ids or (project.root / "units" / values["id"]).exists():
        return f"单位编号 {values['id']} 已经存在，不覆盖"
    if values["name"] in taken_names:
        return f"单位「{values['name']}」已经存在，不重复建立"
    return ""


def _create(folder: Path, values: dict[str, str]) -> None:
    fields: dict[str, Any] = {k: v or None for k, v in values.items() if k not in {"id", "phone"}}
    fields["phones"] = split_phones(values["phone"])
    text = scaffold_text(**fields)
    folder.mkdir(parents=True)
    (folder / "unit.yml").write_text(text, encoding="utf-8")


@dataclass
class _Register:
    """What import knows while it works down the sheet: the units there already, the ones it
    has just made, and the county's area code for phones that lost their 0."""

    project: Project
    area_code: str = ""
    taken_ids: set[str] = field(default_factory=set)
    taken_names: set[str] = field(default_factory=set)

    def row(self, number: int, cells: list[Any], header: dict[str, int]) -> RowReport:
        values, warnings = _values(cells, header, self.area_code)
        township = _short_township(values["township"], self.project)
        if township:
            warnings.append(f"所属乡镇「{values['township']}」读作「{township}」，请核对")
            values["township"] = township
        report = RowReport(number, warnings=warnings)
        values["id"] = values["id"] or suggest_unit_id(values["name"])
        report.skipped = _problem(values, self.project)
        if not report.skipped:
            report.skipped = _existing(values, self.project, self.taken_ids, self.taken_names)
            report.exists = bool(report.skipped)
        if report.skipped:
            return report
        try:
            _create(self.project.root / "units" / values["id"], values)
        except OSError as exc:
            report.skipped = f"无法建立文件夹（{os_reason(exc)}）"
            return report
        self.taken_ids.add(values["id"])
        self.taken_names.add(values["name"])
        report.created = values["id"]
        return report


def import_register(project: Project, path: Path) -> ImportResult:
    result = ImportResult()
    try:
        sheet = read_sheet(path, HEADERS, EXPORT_EXTRA)
    except SheetError as exc:
        result.refused = str(exc)
        return result
    result.sheet = sheet_notes(sheet, IMPORT_COLUMNS)
    missing = [c for c in REQUIRED if c not in sheet.header]
    if missing:
        result.refused = (
            f"工作表「{sheet.title}」第 {sheet.header_row} 行：表头缺少「{'」「'.join(missing)}」列；"
            f"可用的列名：{'、'.join(IMPORT_COLUMNS)}"
        )
        return result
    register = _Register(
        project,
        _county_area_code(project),
        {r.id for r in project.units},
        {r.unit.name for r in project.units},
    )
    result.rows = [register.row(n, cells, sheet.header) for n, cells in sheet.rows]
    if sheet.cut_at is not None:
        result.rows.append(
            RowReport(
                sheet.cut_at,
                skipped=f"起：一次最多导入 {sheet.limit} 行，其余没有读取；请分成几个文件导入",
            )
        )
    return result


def cmd_import(args: argparse.Namespace) -> int:
    project = load_for(args)
    result = import_register(project, args.file)
    lines = report_lines(result)
    if any(row.created for row in result.rows):  # how to fill the new files, before the summary
        lines[-1:-1] = NEXT_STEPS
    print("\n".join(lines))
    return EXIT_OK if result.usable else EXIT_PROBLEMS  # 1 only when nothing usable was found
