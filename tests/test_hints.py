"""Every hint fits the field it is about: a wrong value put into each field of each model gives a
hint that names no field the model there does not have, and that shows the field's own example.

The translator is reached the way a unit file reaches it; the models are walked with
``schema/annotations.py``, so a field added later is covered without touching this test.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from jinglao.county.model import County
from jinglao.cycles.model import Cycle
from jinglao.problems import KeyPath
from jinglao.schema.annotations import field_info, field_model, shape_of
from jinglao.schema.errors import model_at, translate
from jinglao.schema.unpublished import UNION_TAGS
from jinglao.unit.model import Unit

ROOTS: list[type[BaseModel]] = [Unit, Cycle, County]
# Words, numbers, a percentage, a mapping, a list, a boolean, blanks: a wrong type for every field.
WRONG: list[Any] = ["百岁", "99.99%", "挂号 2", 3.5, -1, {"x": 1}, ["a"], True, "  ", None]
# A field name in a hint: a lone lower-case word, not part of an id, path or address.
NAMED = re.compile(r"(?<![\w./@:-])[a-z_]+(?![\w./@-])")


def models(root: type[BaseModel]) -> Iterator[type[BaseModel]]:
    seen: set[type[BaseModel]] = set()
    todo = [root]
    while todo:
        model = todo.pop()
        if model in seen:
            continue
        seen.add(model)
        yield model
        for name in model.model_fields:
            inner = field_model(model, name)
            if inner is not None:
                todo.append(inner)


MODELS = sorted({m for root in ROOTS for m in models(root)}, key=lambda m: m.__name__)
FIELD_NAMES = {name for model in MODELS for name in model.model_fields}


def errors(model: type[BaseModel], name: str, value: Any) -> list[ErrorDetails]:
    """The errors ``value`` in ``model.name`` gives (not the other fields' missing ones)."""
    key = getattr(field_info(model, name), "alias", None) or name
    try:
        model.model_validate({key: value})
    except ValidationError as exc:
        return [e for e in exc.errors(include_url=False) if e["loc"][:1] == (key,)]
    return []


def nearby(model: type[BaseModel], loc: KeyPath) -> set[str]:
    """Fields a hint about ``loc`` may name: the keys on the way, and the fields of every model
    along it and of the model the last key holds."""
    keys = [p for p in loc if isinstance(p, str)]
    names = set(keys)
    for depth in range(len(loc) + 1):
        at = model_at(model, loc[:depth])
        names |= set(at.model_fields) if at else set()
        names |= {f.alias for f in at.model_fields.values() if f.alias} if at else set()
    last = model_at(model, loc[:-1])
    inner = field_model(last, keys[-1]) if keys else None
    return names | (set(inner.model_fields) if inner else set())


def own_example(model: type[BaseModel], loc: KeyPath) -> str | None:
    """The example of the field a value at ``loc`` belongs to, as the hint should show it."""
    item = isinstance(loc[-1], int)
    owner = model_at(model, loc[:-2] if item else loc[:-1])
    info = field_info(owner, str(loc[-2] if item else loc[-1]))
    if info is None or not info.examples:
        return None
    first = info.examples[0]
    first = first[0] if item and isinstance(first, list) and first else first
    return str(first) if isinstance(first, str | int | float) else None


def wrong_values(model: type[BaseModel], name: str) -> list[Any]:
    info = field_info(model, name)
    in_list = info is not None and shape_of(info.annotation).in_list
    return WRONG + ([[value] for value in WRONG] if in_list else [])


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_hints_fit_the_field(model: type[BaseModel]) -> None:
    checked = 0
    for name in model.model_fields:
        for value in wrong_values(model, name):
            for error in errors(model, name, value):
                _, _, message, hint = translate(model, error)
                loc = tuple(p for p in error["loc"] if p not in UNION_TAGS)
                where = f"{model.__name__}.{name} = {value!r} ({error['type']}): {message} / {hint}"
                named = set(NAMED.findall(hint)) & FIELD_NAMES
                assert named <= nearby(model, loc), where
                example = own_example(model, loc) if loc and "例如" in hint else None
                assert example is None or example in hint, where
                checked += 1
    assert checked, f"no wrong value was reported for {model.__name__}"


@pytest.mark.parametrize(
    ("model", "name", "value", "hint"),
    [
        (Unit, "evaluations", [{"satisfaction": "99.99%"}], "例如 98.5，不要写 %"),
        (Unit, "benefits", [{"tiers": [{"who": {"age": {"min": "百岁"}}}]}], "（整数），例如 60"),
        (Unit, "disclosure", {"procedures": [{"id": "挂号"}]}, "例如 guahao。"),
        (Unit, "disclosure", {"policies": ["政策"]}, "例如 laonianren-quanyi-baozhangfa。"),
        (Cycle, "awards", [{"unit": "张三"}], "例如 anlan-renmin-yiyuan。"),
    ],
    ids=["percentage", "age", "procedure-id", "policy-id", "unit-id"],
)
def test_a_hint_shows_the_fields_own_example(
    model: type[BaseModel], name: str, value: Any, hint: str
) -> None:
    hints = [translate(model, e)[3] for e in errors(model, name, value)]
    assert any(hint in h for h in hints), hints
