"""What ``jinglao import`` did, row by row in the sheet's order, in the clerk's words: units made,
rows skipped and why, rows whose unit is there already, and every value read differently."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from .cells import prose_text
from .sheet import Sheet, column_letter


@dataclass
class RowReport:
    number: int  # as Excel shows it
    created: str = ""  # the new unit's id
    skipped: str = ""  # why no unit was made
    exists: bool = False  # the unit is already there: nothing to do
    warnings: list[str] = field(default_factory=list)  # what was read differently, and why


@dataclass
class ImportResult:
    sheet: list[tuple[int, str]] = field(default_factory=list)  # (row, note) besides units
    rows: list[RowReport] = field(default_factory=list)
    refused: str = ""  # the file could not be read at all

    @property
    def created(self) -> list[str]:
        return [r.created for r in self.rows if r.created]

    @property
    def usable(self) -> bool:
        """Something in the sheet was a unit: made now, or there already."""
        return any(r.created or r.exists for r in self.rows)


def _rows_text(first: int, last: int) -> str:
    return f"第 {first} 行" if first == last else f"第 {first}–{last} 行"


def sheet_notes(sheet: Sheet, columns: Iterable[str]) -> list[tuple[int, str]]:
    """(row, note) for what the sheet holds besides units: titles, unknown columns, merged
    cells, a repeated header, footnotes."""
    notes = []
    if sheet.passed:
        passed = "」「".join(sheet.passed)
        notes.append((0, f"读取的是工作表「{sheet.title}」；「{passed}」里没有单位名录的表头"))
    if sheet.header_row > 1:
        notes.append((1, f"{_rows_text(1, sheet.header_row - 1)}在表头上面（标题），没有读取"))
    if sheet.unknown:
        unknown = "、".join(f"「{name}」（{letter} 列）" for letter, name in sheet.unknown)
        notes.append(
            (
                sheet.header_row,
                f"第 {sheet.header_row} 行：不认识的列{unknown}没有读取；可用的列名：{'、'.join(columns)}",
            )
        )
    names = {index: column for column, index in sheet.header.items()}
    for first, last, index, value in sheet.merged:
        notes.append(
            (
                first,
                (
                    f"{_rows_text(first, last)}：「{names[index]}」（{column_letter(index)} 列）是合并单元格，"
                    f"这几行都读作「{prose_text(value)}」"
                ),
            )
        )
    notes += [(n, f"第 {n} 行是重复的表头，没有读取") for n in sheet.repeats]
    notes += [(n, f"第 {n} 行是说明文字，没有读取") for n in sheet.notes]
    return notes


def report_lines(result: ImportResult) -> list[str]:
    """What import did, row by row in the sheet's order, in the clerk's words."""
    numbered = [(number, f"提示 {note}") for number, note in result.sheet]
    for row in result.rows:
        if row.created:
            numbered.append(
                (row.number, f"已建立 units/{row.created}/unit.yml（第 {row.number} 行）")
            )
        elif row.exists:
            numbered.append((row.number, f"已存在 第 {row.number} 行：{row.skipped}"))
        elif row.skipped.startswith("起："):
            numbered.append((row.number, f"跳过 第 {row.number} 行{row.skipped}"))
        elif row.skipped:
            numbered.append((row.number, f"跳过 第 {row.number} 行：{row.skipped}"))
        numbered += [(row.number, f"提示 第 {row.number} 行：{w}") for w in row.warnings]
    lines = [line for _, line in sorted(numbered, key=lambda item: item[0])]  # stable
    if result.refused:
        lines.append(f"无法导入：{result.refused}")
        return lines
    created = len(result.created)
    skipped = sum(bool(r.skipped) and not r.exists for r in result.rows)
    existing = sum(r.exists for r in result.rows)
    warned = sum(len(r.warnings) for r in result.rows)
    summary = f"共建立 {created} 个单位，跳过 {skipped} 行。"
    if existing:
        summary += f"{existing} 行的单位已经存在，没有改动。"
    if warned:
        summary += f"有 {warned} 条提示，请核对建立的文件。"
    if not result.usable:
        summary += "表格里没有找到可以建立的单位。"
    lines.append(summary)
    return lines
