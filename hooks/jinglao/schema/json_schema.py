"""JSON Schema of a data file, generated from its model, for editors (VS Code's YAML extension).

Never written by hand: ``jinglao schema`` rewrites the committed copy and a test checks it is
current. Titles and descriptions are Chinese; the English docstrings of model classes are dropped.
"""

from __future__ import annotations

import json
from typing import Any

from pydantic import BaseModel

from .fields import DECLARATION_PATTERN
from .unpublished import UNPUBLISHED_HINT


def _declarable(prop: dict[str, Any]) -> bool:
    """Whether a property takes the 未公布 declaration as one of its branches."""
    branches = prop.get("anyOf", []) + prop.get("oneOf", [])
    return any(b.get("pattern") == DECLARATION_PATTERN or _declarable(b) for b in branches)


def _describe(node: Any) -> None:
    """Chinese descriptions from the field's own, its examples, choices and whether it may be
    declared 未公布 (editors show them; unit files carry no comments); English class docstrings
    removed."""
    if isinstance(node, dict):
        for prop in node.get("properties", {}).values():
            hints = [prop["description"]] if "description" in prop else []
            if "examples" in prop:
                hints.append(
                    "例如："
                    + "、".join(
                        json.dumps(e, ensure_ascii=False).strip('"') for e in prop["examples"]
                    )
                )
            if "enum" in prop:
                hints.append("可选值：" + "、".join(map(str, prop["enum"])))
            if _declarable(prop):
                hints.append(UNPUBLISHED_HINT)
            if hints:
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
