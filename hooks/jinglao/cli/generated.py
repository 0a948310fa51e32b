"""``jinglao schema`` / ``codeowners``: files generated from the data, committed, checked current."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..schema.json_schema import model_schema, schema_text
from ..unit.model import Unit
from .codeowners import CODEOWNERS_PATH, codeowners_text
from .common import EXIT_OK, EXIT_PROBLEMS, load_for

SCHEMA_PATH = "content/schema/unit.schema.json"


def unit_schema_text(site_url: str = "") -> str:
    schema = model_schema(
        Unit,
        title="敬老文明号单位资料（unit.yml）",
        description="一个参与敬老文明号创建的单位公开的全部资料。字段含义见网站「参与指南 → 字段一览」。",
        schema_url=f"{site_url}schema/unit.schema.json" if site_url else "",
    )
    return schema_text(schema)


def write_generated(root: Path, rel: str, text: str, check: bool, command: str) -> int:
    path = root / rel
    current = path.read_text(encoding="utf-8") if path.is_file() else None
    if check:
        if current != text:
            print(f"{rel} 不是最新的：请运行 jinglao {command} 重新生成。")
            return EXIT_PROBLEMS
        print(f"{rel} 是最新的。")
        return EXIT_OK
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    print(f"已写入 {rel}")
    return EXIT_OK


def cmd_schema(args: argparse.Namespace) -> int:
    project = load_for(args)
    return write_generated(
        project.root, SCHEMA_PATH, unit_schema_text(project.site_url), args.check, "schema"
    )


def cmd_codeowners(args: argparse.Namespace) -> int:
    project = load_for(args)
    return write_generated(
        project.root, CODEOWNERS_PATH, codeowners_text(project), args.check, "codeowners"
    )
