"""The open data has its own published schema, and the built files follow it.

``/data/units.json`` is the model as published (every field written, ``id`` first), which the
unit file's schema rightly refuses; ``/data/units.schema.json`` (written by every build from the
model) describes it, and each ``/data/units/<id>.json`` is its ``#/$defs/Record``.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from jinglao.pipeline import build_pages
from jinglao.plain import Pages

from .conftest import REPO

UNIT_SCHEMA = REPO / "content" / "schema" / "unit.schema.json"


@cache
def _built() -> Pages:
    result = build_pages(REPO)
    assert result.ok, result.problems
    return result.pages


def _validator(path: Path | None = None, ref: str = "") -> Draft202012Validator:
    text = path.read_text(encoding="utf-8") if path else _built()["data/units.schema.json"]
    schema = json.loads(text)
    Draft202012Validator.check_schema(schema)
    if ref:
        schema = {**schema, "$ref": ref}
        schema.pop("type")
        schema.pop("items")
    return Draft202012Validator(schema)


def _errors(validator: Draft202012Validator, data: Any) -> list[str]:
    return [f"{e.json_path}: {e.message[:200]}" for e in validator.iter_errors(data)]


def test_built_units_json_follows_its_schema() -> None:
    units = json.loads(_built()["data/units.json"])
    assert len(units) == len(list((REPO / "units").glob("*/unit.yml")))
    assert _errors(_validator(), units) == []


def test_each_unit_file_follows_the_record_schema() -> None:
    record = _validator(ref="#/$defs/Record")
    files = {k: v for k, v in _built().items() if k.startswith("data/units/")}
    assert files
    for name, text in files.items():
        assert _errors(record, json.loads(text)) == [], name


def test_a_record_fails_the_unit_file_schema_but_not_its_own() -> None:
    """Why the open data needs its own schema: a record carries ``id``."""
    first = json.loads(_built()["data/units.json"])[0]
    assert any("'id'" in e for e in _errors(_validator(UNIT_SCHEMA), first))
    assert _errors(_validator(ref="#/$defs/Record"), first) == []


@pytest.mark.parametrize(
    ("change", "why"),
    [
        (lambda r: r.pop("id"), "every record names its unit"),
        (lambda r: r.update(id="Not A Slug"), "the id is the folder name"),
        (lambda r: r.pop("village"), "every field is written, null when empty"),
        (lambda r: r.update(extra=1), "no field the model does not have"),
        (lambda r: r["phones"].append({"role": "咨询", "number": "12", "hours": None}), "phones"),
        (lambda r: r.update(level="县"), "choices"),
    ],
)
def test_the_record_schema_is_not_empty(change: Any, why: str) -> None:
    record = json.loads(_built()["data/units.json"])[0]
    assert isinstance(record["phones"], list)
    change(record)
    assert _errors(_validator(ref="#/$defs/Record"), record), why


def test_the_data_page_links_the_schema_and_states_the_licence() -> None:
    page = _built()["data/index.md"]
    assert "(units.schema.json)" in page
    assert "data/units.schema.json" in _built()
    assert "**许可**：" in page and "CC BY 4.0" in page
    assert "https://creativecommons.org/licenses/by/4.0/" in page
