"""JSON Schema of a data file, generated from its model, for editors (VS Code's YAML extension),
the web form, and the open data.

Never written by hand: ``jinglao schema`` rewrites the committed copies and a test checks they
are current. Titles and descriptions are Chinese; the English docstrings of model classes are
dropped. A unit file's schema is pydantic's validation mode (what a file may hold); the open
data's is its serialization mode (what ``model_dump`` publishes: every field, texts as read).
"""

from __future__ import annotations

import json
from typing import Any, Literal

from pydantic import BaseModel

from .fields import DECLARATION_PATTERN
from .patterns import BEYOND_SCHEMA, SHARED, SLUG_CORE
from .unpublished import UNPUBLISHED_DEF, UNPUBLISHED_HINT


def _declarable(prop: dict[str, Any]) -> bool:
    """Whether a property takes the 未公布 declaration as one of its branches."""
    branches = prop.get("anyOf", []) + prop.get("oneOf", [])
    return any(
        b.get("pattern") == DECLARATION_PATTERN
        or b.get("$ref") == f"#/$defs/{UNPUBLISHED_DEF}"
        or _declarable(b)
        for b in branches
    )


def _describe(node: Any) -> None:
    """Chinese descriptions from the field's own, its examples, choices and whether it may be
    declared 未公布 (editors show them; unit files carry no comments); English class docstrings
    removed."""
    if isinstance(node, dict):
        for prop in node.get("properties", {}).values():
            hints = [prop["description"]] if "description" in prop else []
            if "examples" in prop and "例如" not in prop.get("description", ""):
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


def _is_within(part: dict[str, Any], node: dict[str, Any]) -> bool:
    return "$ref" not in node and all(k in node and node[k] == v for k, v in part.items())


def share_types(schema: dict[str, Any], mode: str) -> None:
    """Each field type's schema once under ``$defs`` and a ``$ref`` wherever a field has it
    (a text pattern is long, and some hundred fields are texts)."""
    parts = {
        name: type_.accepts if mode == "validation" else type_.publishes
        for name, type_ in SHARED.items()
    }
    used: set[str] = set()

    def walk(node: Any) -> None:
        if isinstance(node, list):
            for item in node:
                walk(item)
        if not isinstance(node, dict):
            return
        for name, part in parts.items():
            ref = {"$ref": f"#/$defs/{name}"}
            if _is_within(part, node):
                for key in part:
                    del node[key]
                node.update(ref)
                used.add(name)
                break
            branches = part.get("anyOf") if list(part) == ["anyOf"] else None
            if branches and all(b in node.get("anyOf", []) for b in branches):
                # pydantic merges Optional[X] into X's own anyOf: [..., {"type": "null"}]
                node["anyOf"] = [ref, *(b for b in node["anyOf"] if b not in branches)]
                used.add(name)
                break
        for value in node.values():
            walk(value)

    walk(schema)
    schema.setdefault("$defs", {}).update({name: parts[name] for name in sorted(used)})


def beyond_schema_comment() -> str:
    """What ``jinglao validate`` checks beyond this schema, for the schema's ``$comment``."""
    return "本 Schema 不能检查、只由 jinglao validate 检查的规则：" + "；".join(
        f"{name}：{why}" for name, why in BEYOND_SCHEMA.items()
    )


def model_schema(
    model: type[BaseModel],
    *,
    title: str,
    description: str,
    schema_url: str = "",
    mode: Literal["validation", "serialization"] = "validation",
) -> dict[str, Any]:
    schema = model.model_json_schema(mode=mode)
    for definition in schema.get("$defs", {}).values():
        definition.pop("description", None)
    share_types(schema, mode)
    _describe(schema)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        **({"$id": schema_url} if schema_url else {}),
        **schema,
        "title": title,
        "description": description,
        "$comment": beyond_schema_comment(),
    }


def _every_field_written(node: Any) -> None:
    """``model_dump`` writes every field of every object, null or default included."""
    if isinstance(node, dict):
        if node.get("type") == "object" and "properties" in node:
            node["required"] = list(node["properties"])
        for value in node.values():
            _every_field_written(value)
    elif isinstance(node, list):
        for value in node:
            _every_field_written(value)


def records_schema(
    model: type[BaseModel], *, title: str, description: str, schema_url: str = ""
) -> dict[str, Any]:
    """A list of published records: the model as ``model_dump(mode="json")`` writes it, with the
    record's ``id`` (its folder name) first."""
    record = model_schema(model, title=title, description=description, mode="serialization")
    _every_field_written(record)
    definitions = record.pop("$defs", {})
    for key in ("$schema", "title", "description", "$comment"):
        record.pop(key, None)
    record["properties"] = {
        "id": {"type": "string", "pattern": f"^{SLUG_CORE}$", "title": "单位编号"},
        **record["properties"],
    }
    record["required"] = list(record["properties"])
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        **({"$id": schema_url} if schema_url else {}),
        "title": title,
        "description": description,
        "type": "array",
        "items": {"$ref": "#/$defs/Record"},
        "$defs": {"Record": record, **definitions},
        "$comment": beyond_schema_comment(),
    }


def schema_text(schema: dict[str, Any]) -> str:
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=False) + "\n"
