"""The JSON Schema of unit files, generated from the model, for editors (VS Code's YAML extension).

Never written by hand: ``jinglao schema`` rewrites the committed copy and a test checks it is
current. Titles and descriptions are Chinese; the English docstrings of model classes are dropped.
"""

from __future__ import annotations

import json
from typing import Any

from .model import Unit

SCHEMA_PATH = "content/schema/unit.schema.json"


def _describe(node: Any) -> None:
    """Chinese descriptions from examples and choices; English class docstrings removed."""
    if isinstance(node, dict):
        for prop in node.get("properties", {}).values():
            hints = []
            if "examples" in prop:
                hints.append(
                    "例如："
                    + "、".join(
                        json.dumps(e, ensure_ascii=False).strip('"') for e in prop["examples"]
                    )
                )
            if "enum" in prop:
                hints.append("可选值：" + "、".join(map(str, prop["enum"])))
            if hints and "description" not in prop:
                prop["description"] = "；".join(hints)
        for value in node.values():
            _describe(value)
    elif isinstance(node, list):
        for value in node:
            _describe(value)


def unit_schema(site_url: str = "") -> dict[str, Any]:
    schema = Unit.model_json_schema()
    for definition in schema.get("$defs", {}).values():
        definition.pop("description", None)
    _describe(schema)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        **({"$id": f"{site_url}schema/unit.schema.json"} if site_url else {}),
        **schema,
        "title": "敬老文明号单位资料（unit.yml）",
        "description": "一个参与敬老文明号创建的单位公开的全部资料。字段含义见网站「参与指南 → 字段一览」。",
    }


def schema_text(site_url: str = "") -> str:
    return json.dumps(unit_schema(site_url), ensure_ascii=False, indent=2, sort_keys=False) + "\n"
