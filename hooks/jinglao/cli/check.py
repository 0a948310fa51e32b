"""``jinglao check``: one unit's completeness, item by item, with where to add what is missing."""

from __future__ import annotations

import argparse
import sys

from ..problems import has_errors
from ..report import FORMATS
from ..schema import vocab
from ..unit.completeness import Completeness, completeness
from ..unit.gaps import gaps
from ..unit.load import UnitRecord, unit_path
from .common import EXIT_OK, EXIT_PROBLEMS, load_for

AREAS = (
    ("创建标准：六个方面", "aspects", "creation.aspects", vocab.ASPECTS),
    ("创建标准：三项内部制度", "systems", "creation.systems", vocab.SYSTEMS),
    ("创建档案", "archive", "archive", vocab.ARCHIVE_ITEMS),
)


def check_report(record: UnitRecord, done: Completeness) -> tuple[str, bool]:
    """The report text, and whether nothing is missing."""
    lines = [f"{record.unit.name}（{record.path}）", "", "公开事项（《实施方案》要求的六项）："]
    lines += [f"  {'✓' if ok else '✗'} {item}" for item, ok in done.disclosure.items()]
    missing_any = not all(done.disclosure.values())
    declared = gaps(record.unit)
    if declared:
        lines += ["", "声明未公布的内容（公布后请替换成实际内容）："]
        lines += [f"  ✗ {g.label}：{g.text}（{'.'.join(map(str, g.path))}）" for g in declared]
        missing_any = True
    for title, key, prefix, items in AREAS:
        present: dict[str, bool] = getattr(done, key)
        lines += ["", f"{title}："]
        for field, label in items.items():
            if present[label]:
                lines.append(f"  ✓ {label}")
            else:
                missing_any = True
                lines.append(f"  ✗ {label}：还没有填写，请在 {prefix}.{field} 里补充")
    lines.append("")
    if done.eligible:
        lines.append("结论：创建档案齐全，可以参加本届县级评选。")
    else:
        lines.append(
            "结论：创建档案不齐全（缺" + "、".join(done.archive_missing) + "），"
            "按《实施方案》暂不能参加本届县级评选。"
        )
    return "\n".join(lines), not missing_any


def cmd_check(args: argparse.Namespace) -> int:
    project = load_for(args)
    rel = unit_path(args.unit_id)
    own = [p for p in project.problems if p.path == rel]
    if own:
        print(FORMATS["text"](own))
    record = next((r for r in project.units if r.id == args.unit_id), None)
    if record is None:
        if not own:
            print(f"jinglao check：没有编号为「{args.unit_id}」的单位。", file=sys.stderr)
        return EXIT_PROBLEMS
    report, complete = check_report(record, completeness(record.unit))
    print(report)
    return EXIT_OK if complete and not has_errors(own) else EXIT_PROBLEMS
