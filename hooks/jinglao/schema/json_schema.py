"""JSON Schema of a data file, generated from its model, for editors (VS Code's YAML extension).

Never written by hand: ``jinglao schema`` rewrites the committed copy and a test checks it is
current. Titles and descriptions are Chinese; the English docstrings of model classes are dropped.
"""

from __future__ import annotations

import json
from typing import Any

from pydantic import BaseModel


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


def model_schema(
    model: type[BaseModel], *, title: str, description: str, schema_url: str = ""
) -> dict[str, Any]:
    schema = model.model_json_schema()
    for definition in schema.get("$defs", {}).values():
        definition.pop("description", None)
    _describe(schema)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        **({"$id": schema_url} if schema_url else {}),
        **schema,
        "title": title,
        "description": description,
    }


def schema_text(schema: dict[str, Any]) -> str:
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=False) + "\n"
