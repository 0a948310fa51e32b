"""``jinglao new``: a new unit's folder with a ``unit.yml`` in the canonical form, empty where
the clerk has not stated anything yet, and what to do next printed."""

from __future__ import annotations

import argparse
import sys

from ..county.load import load_county
from ..schema.fields import SLUG
from ..unit.load import unit_path
from ..unit.rules import unknown_township
from .common import EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, project_root
from .scaffold import NEXT_STEPS, scaffold_text, suggest_unit_id


def cmd_new(args: argparse.Namespace) -> int:
    root = project_root(args)
    unit_id = args.unit_id or suggest_unit_id(args.name)
    if not SLUG.fullmatch(unit_id):
        print(f"jinglao new：单位编号「{unit_id}」只能用小写字母、数字和连字符。", file=sys.stderr)
        return EXIT_USAGE
    if args.township:
        county, _ = load_county(root)
        names = [t.name for t in county.townships] if county else []
        if county and args.township not in names:
            message, hint = unknown_township(args.township, names)
            print(f"jinglao new：{message}\n  提示：{hint}", file=sys.stderr)
            return EXIT_USAGE
    file = root / unit_path(unit_id)
    if file.parent.exists():
        print(f"jinglao new：{file.parent.relative_to(root)} 已经存在，不会覆盖。", file=sys.stderr)
        return EXIT_PROBLEMS
    file.parent.mkdir(parents=True)
    # Only what the clerk passed is written: a township does not make the level 乡镇 (a city or
    # provincial window sits in a township too), and no level at all is a gap validate reports.
    text = scaffold_text(name=args.name, sector=args.sector, township=args.township,
                         level=args.level)  # fmt: skip
    file.write_text(text, encoding="utf-8")
    origin = "（由名称的拼音生成，可以改文件夹名，但发布后不要再改）" if not args.unit_id else ""
    print(f"已建立 {unit_path(unit_id)}{origin}")
    for line in NEXT_STEPS:
        print(line)
    print(f"下一步：填写后运行 jinglao validate units/{unit_id}，它会逐条列出还缺什么。")
    return EXIT_OK
