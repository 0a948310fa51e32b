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

from ..pipeline import TEMPLATES_DIR
from ..problems import closest
from ..project import Project
from ..schema import vocab
from ..schema.fields import SLUG, Phone
from ..site.open_data import FORMULA_START
from .common import EXIT_OK, EXIT_PROBLEMS, load_for
from .scaffold import ID_LIMIT, scaffold_text, suggest_unit_id
from .sheet import Sheet, cell_text, read_sheet

# Columns an office fills in (import reads them by these Chinese headers; order does not matter).
IMPORT_COLUMNS = {
    "单位编号": "id",
    "单位名称": "name",
    "行业类别": "sector",
    "层级": "level",
    "所属乡镇": "township",
    "地址": "address",
    "监督电话": "phone",
}
REQUIRED = ("单位名称", "行业类别")
_PHONE = TypeAdapter(Phone)


# Cells read as codes, not prose: full-width digits and hyphens become ASCII, spaces go.
COMPACT = {"id", "sector", "level", "phone"}


@dataclass
class ImportResult:
    created: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # "第 N 行：原因"
    notes: list[str] = field(default_factory=list)  # what was read differently, and why


def split_phones(text: str) -> list[str]:
    """Several phones in one cell, separated as people do: 、 ， , ； ; or spaces."""
    return [p for p in re.split(r"[、，,；;\s]+", text) if p]


def _values(row: list[Any], header: dict[str, int]) -> dict[str, str]:
    values = {}
    for column, key in IMPORT_COLUMNS.items():
        index = header.get(column)
        value = row[index] if index is not None and index < len(row) else None
        values[key] = cell_text(value, compact=key in COMPACT)
    return values


def _lost_zero(values: dict[str, str], row: list[Any], header: dict[str, int]) -> str:
    """Excel turns 0599… into the number 599…: put the area code's 0 back, and say so."""
    index = header.get("监督电话")
    raw = row[index] if index is not None and index < len(row) else None
    phone = values["phone"]
    if isinstance(raw, int | float) and not phone.startswith("0") and 9 <= len(phone) <= 11:
        values["phone"] = "0" + phone
        return (
            f"监督电话被 Excel 当成了数字（{phone}），已补回区号前的 0：{values['phone']}，请核对"
        )
    return ""


def _problem(
    values: dict[str, str], project: Project, taken_ids: set[str], taken_names: set[str]
) -> str:
    """Why a row cannot become a unit, or an empty string when it can."""
    if not values["name"]:
        return "缺少单位名称"
    for column, key in IMPORT_COLUMNS.items():
        if values[key].startswith(FORMULA_START):
            return f"「{column}」以「{values[key][0]}」开头，像是 Excel 公式；请改成纯文字"
    sectors = list(vocab.SECTOR_SLUGS)
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
    townships = [t.name for t in project.county.townships] if project.county else []
    if values["township"] and values["township"] not in townships:
        return f"乡镇「{values['township']}」不在本县乡镇名单里（{'、'.join(townships)}）"
    for phone in split_phones(values["phone"]):
        try:
            _PHONE.validate_python(phone)
        except ValidationError:
            return f"监督电话「{phone}」格式不对，固定电话写成「区号-号码」"
    if values["id"] in taken_ids or (project.root / "units" / values["id"]).exists():
        return f"单位编号 {values['id']} 已经存在，不覆盖"
    if values["name"] in taken_names:
        return f"单位「{values['name']}」已经存在，不重复建立"
    return ""


def _create(folder: Path, values: dict[str, str], templates: Path | None) -> None:
    fields: dict[str, Any] = {k: v or None for k, v in values.items() if k not in {"id", "phone"}}
    fields["phones"] = split_phones(values["phone"])
    text = scaffold_text(templates, **fields)
    folder.mkdir(parents=True)
    (folder / "unit.yml").write_text(text, encoding="utf-8")


def _sheet_notes(sheet: Sheet, result: ImportResult) -> None:
    if sheet.header_row > 1:
        result.notes.append(f"第 {sheet.header_row} 行是表头，上面的标题行没有读取")
    if sheet.unknown:
        result.notes.append(
            f"第 {sheet.header_row} 行：不认识的列「{'」「'.join(sheet.unknown)}」没有读取；"
            f"可用的列名：{'、'.join(IMPORT_COLUMNS)}"
        )
    result.notes += [f"第 {n} 行是说明文字，没有读取" for n in sheet.notes]
    if sheet.cut_at is not None:
        result.skipped.append(
            f"第 {sheet.cut_at} 行起：一次最多导入 {sheet.limit} 行，其余没有读取；请分成几个文件导入"
        )


def import_register(project: Project, path: Path, templates: Path | None) -> ImportResult:
    sheet = read_sheet(path, IMPORT_COLUMNS)
    result = ImportResult()
    _sheet_notes(sheet, result)
    missing = [c for c in REQUIRED if c not in sheet.header]
    if missing:
        result.skipped.append(
            f"第 {sheet.header_row} 行：表头缺少「{'」「'.join(missing)}」列；"
            f"可用的列名：{'、'.join(IMPORT_COLUMNS)}"
        )
        return result
    header, rows = sheet.header, sheet.rows
    taken_ids = {r.id for r in project.units}
    taken_names = {r.unit.name for r in project.units}
    for number, row in rows:
        values = _values(row, header)
        repaired = _lost_zero(values, row, header)
        values["id"] = values["id"] or suggest_unit_id(values["name"])
        reason = _problem(values, project, taken_ids, taken_names)
        if reason:
            result.skipped.append(f"第 {number} 行：{reason}")
            continue
        try:
            _create(project.root / "units" / values["id"], values, templates)
        except OSError as exc:
            result.skipped.append(f"第 {number} 行：无法建立文件夹（{exc.strerror or exc}）")
            continue
        taken_ids.add(values["id"])
        taken_names.add(values["name"])
        result.created.append(values["id"])
        result.notes += [f"第 {number} 行：{repaired}"] if repaired else []
    return result


def cmd_import(args: argparse.Namespace) -> int:
    project = load_for(args)
    result = import_register(project, args.file, project.root / TEMPLATES_DIR)
    for unit_id in result.created:
        print(f"已建立 units/{unit_id}/unit.yml")
    for note in result.notes:
        print(f"提示 {note}")
    for reason in result.skipped:
        print(f"跳过 {reason}")
    print(f"共建立 {len(result.created)} 个单位，跳过 {len(result.skipped)} 行。")
    return EXIT_OK if result.created else EXIT_PROBLEMS  # 1 only when nothing usable was found
