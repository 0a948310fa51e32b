"""Shared scalar types (``Text``, ``Phone``, ``IsoDate`` …) written in place of their ``$ref``, for
the web editor's form, which knows a text field with a pattern but not a reference."""

from __future__ import annotations

from typing import Any

# Shared types whose pattern only refuses blank text and control characters: the form's required
# check covers the first, and "格式不对" on a sentence would puzzle; the PR check reports the rest.
PLAIN_TEXT_DEFS = frozenset({"Text"})
SHARED_KEY = "x-shared"  # which shared type an inlined node came from (for the form's messages)


def ref_name(node: dict[str, Any]) -> str:
    return str(node["$ref"]).rsplit("/", 1)[-1]


def _tagged(node: dict[str, Any], name: str) -> dict[str, Any]:
    """``node`` and each of its alternatives marked as coming from the shared type ``name``."""
    tagged = {**node, SHARED_KEY: name}
    for key in ("anyOf", "oneOf"):
        if key in node:
            tagged[key] = [{**branch, SHARED_KEY: name} for branch in node[key]]
    return tagged


def inline_scalar_defs(schema: dict[str, Any]) -> dict[str, Any]:
    """The schema with each reference to a shared scalar type (``Text``, ``Phone``, ``IsoDate`` …:
    a definition without properties) replaced by the type itself, so the form sees a text field
    with its pattern where the schema says ``$ref``; references to models stay."""
    defs: dict[str, Any] = schema.get("$defs", {})
    scalars = {name for name, node in defs.items() if "properties" not in node}

    def walk(node: Any) -> Any:
        if isinstance(node, list):
            return [walk(item) for item in node]
        if not isinstance(node, dict):
            return node
        if "$ref" in node and ref_name(node) in scalars:
            rest = {k: v for k, v in node.items() if k != "$ref"}
            shared = defs[ref_name(node)]
            if ref_name(node) in PLAIN_TEXT_DEFS:
                shared = _without_patterns(shared)
            return walk({**_tagged(shared, ref_name(node)), **rest})
        return {key: walk(value) for key, value in node.items()}

    inlined: dict[str, Any] = walk(schema)
    return inlined


def _without_patterns(node: Any) -> Any:
    if isinstance(node, list):
        return [_without_patterns(item) for item in node]
    if isinstance(node, dict):
        return {k: _without_patterns(v) for k, v in node.items() if k != "pattern"}
    return node
