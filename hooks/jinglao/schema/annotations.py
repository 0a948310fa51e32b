"""What a model field holds, seen through Optional, Annotated and list: one walk for every reader
of annotations (the error translator, the field reference)."""

from __future__ import annotations

import types
from dataclasses import dataclass
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel
from pydantic.fields import FieldInfo


@dataclass(frozen=True)
class Shape:
    core: Any  # the innermost type: a model class, str, int, float, bool, date or a Literal
    in_list: bool = False

    @property
    def model(self) -> type[BaseModel] | None:
        """The nested model, when the field holds one (or a list of them)."""
        core = self.core
        return core if isinstance(core, type) and issubclass(core, BaseModel) else None

    @property
    def choices(self) -> list[Any]:
        return list(get_args(self.core)) if get_origin(self.core) is Literal else []


def shape_of(annotation: Any, in_list: bool = False) -> Shape:
    origin = get_origin(annotation)
    if origin in (Union, types.UnionType):
        inner = [a for a in get_args(annotation) if a is not type(None)]
        return shape_of(inner[0], in_list)
    if origin is list:
        return shape_of(get_args(annotation)[0], True)
    if origin is Annotated:
        return shape_of(get_args(annotation)[0], in_list)
    return Shape(annotation, in_list)


def field_info(model: type[BaseModel] | None, key: str) -> FieldInfo | None:
    """A field by its name or by its alias (``县级`` for ``Quotas.county``), as errors name it."""
    if model is None:
        return None
    fields = model.model_fields
    return fields.get(key) or next((f for f in fields.values() if f.alias == key), None)


def field_model(model: type[BaseModel] | None, key: str) -> type[BaseModel] | None:
    """The model nested under ``model.key``, if any."""
    info = field_info(model, key)
    return shape_of(info.annotation).model if info else None
