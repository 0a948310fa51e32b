"""JSON Schema for checks that tie fields of one object together (a model validator or a rule of
``unit/rules.py``), so editors flag them too. A field written ``null`` counts as not written, as
it does for the validator. ``tests/test_schema_parity.py`` keeps each in step with its check."""

from __future__ import annotations

from typing import Any

from pydantic import ConfigDict

Schema = dict[str, Any]


def written(name: str) -> Schema:
    """The object has ``name`` with a value other than null."""
    return {"required": [name], "properties": {name: {"not": {"type": "null"}}}}


def is_value(name: str, value: Any) -> Schema:
    return {"required": [name], "properties": {name: {"const": value}}}


def not_both(first: str, second: str) -> Schema:
    return {"not": {"allOf": [written(first), written(second)]}}


def one_of_written(*names: str) -> Schema:
    """At least one of ``names`` is written."""
    return {"anyOf": [written(n) for n in names]}


def none_written(*names: str) -> Schema:
    return {"not": {"anyOf": [written(n) for n in names]}}


def when(condition: Schema, then: Schema, otherwise: Schema | None = None) -> Schema:
    return {"if": condition, "then": then, **({"else": otherwise} if otherwise else {})}


def config(*checks: Schema) -> ConfigDict:
    """A model config adding ``checks`` to the model's JSON Schema."""
    return ConfigDict(json_schema_extra={"allOf": list(checks)})
