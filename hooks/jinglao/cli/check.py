"""``jinglao check``: one unit's completeness, item by item, with where to add what is missing."""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass

from ..problems import has_errors
from ..report import FORMATS
from ..schema import vocab
from ..unit.completeness import Completeness, completeness
from ..unit.gaps import gaps
from ..unit.load import UnitRecord, unit_path
from ..unit.model import Unit
from .common import EXIT_OK, EXIT_PROBLEMS, load_for

DISCLOSURE, DECLARED = "公开事项", "声明未公布的内容"
AREA_TITLES = {
    DISCLOSURE: "公开事项（《实施方案》要求的六项）",
    DECLARED: "声明未公布的内容（公布后请替换成实际内容）",
}
AREAS = (
    ("创建标准：六个方面", "aspects", "creation.aspects", vocab.ASPECTS),
    ("创建标准：三项内部制度", "systems", "creation.systems", vocab.SYSTEMS),
    ("创建档案", "archive", "archive", vocab.ARCHIVE_ITEMS),
)


@dataclass(frozen=True)
class Item:
    """One thing ``check`` looks for in a unit's file: present or not, and where it goes."""

    area: str
    label: str
    present: bool
    where: str = ""  # where in unit.yml to fill it in
    declared: str = ""  # the unit's own 「未公布」 text


def check_items(unit: Unit, done: Completeness) -> list[Item]:
    """Every item of the report, in its order: the export's 「缺项」 sheet lists the absent ones."""
    items = [Item(DISCLOSURE, label, ok) for label, ok in done.disclosure.items()]
    items += [
        Item(DECLARED, g.label, False, ".".join(map(str, g.path)), g.text) for g in gaps(unit)
    ]
    for title, key, prefix, labels in AREAS:
        present: dict[str, bool] = getattr(done, key)
        items += [
            Item(title, label, present[label], f"{prefix}.{f}") for f, label in labels.items()
        ]
    return items


def _item_line(item: Item) -> str:
    if item.present:
        return f"  ✓ {item.label}"
    if item.area == DECLARED:
        return f"  ✗ {item.label}：{item.declared}（{item.where}）"
    if item.where:
        return f"  ✗ {item.label}：还没有填写，请在 {item.where} 里补充"
    return f"  ✗ {item.label}"


def check_report(record: UnitRecord, done: Completeness) -> tuple[str, bool]:
    """The report text, and whether nothing is missing."""
    lines = [f"{record.unit.name}（{record.path}）"]
    items = check_items(record.unit, done)
    for area in dict.fromkeys(item.area for item in items):
        lines += ["", f"{AREA_TITLES.get(area, area)}："]
        lines += [_item_line(item) for item in items if item.area == area]
    lines.append("")
    if done.eligible:
        lines.append("结论：创建档案齐全，可以参加本届县级评选。")
    else:
        lines.append(
            "结论：创建档案不齐全（缺" + "、".join(done.archive_missing) + "），"
            "按《实施方案》暂不能参加本届县级评选。"
        )
    return "\n".join(lines), all(item.present for item in items)


CHECKLIST_AFTER_ERRORS = (
    "先改正上面的错误：文件里还有错误时，没法逐项列出公开事项、创建标准和创建档案是否齐全。"
    "改好后再运行一次 jinglao check。"
)


def cmd_check(args: argparse.Namespace) -> int:
    project = load_for(args)
    rel = unit_path(args.unit_id)
    own = [p for p in project.problems if p.path == rel]
    if own:
        print(FORMATS["text"](own))
    record = next((r for r in project.units if r.id == args.unit_id), None)
    if record is None:
        if own:  # the file does not load as a unit, so there is no checklist to give yet
            print(CHECKLIST_AFTER_ERRORS)
        else:
            print(f"jinglao check：没有编号为「{args.unit_id}」的单位。", file=sys.stderr)
        return EXIT_PROBLEMS
    report, complete = check_report(record, completeness(record.unit))
    print(report)
    return EXIT_OK if complete and not has_errors(own) else EXIT_PROBLEMS
