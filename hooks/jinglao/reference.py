"""The field reference: every field of the unit model with its Chinese title, generated so it never drifts."""

from __future__ import annotations

import types
from typing import Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel

from .model import Unit


def _kind(annotation: Any) -> tuple[str, type[BaseModel] | None]:
    """A Chinese word for the value's shape, and the model it nests, if any."""
    origin = get_origin(annotation)
    if origin in (Union, types.UnionType):
        args = [a for a in get_args(annotation) if a is not type(None)]
        return _kind(args[0])
    if origin is list:
        word, model = _kind(get_args(annotation)[0])
        return f"列表（每项：{word}）", model
    if origin is Literal:
        return "可选值：" + "、".join(map(str, get_args(annotation))), None
    if get_origin(annotation) is not None and hasattr(annotation, "__metadata__"):
        return _kind(get_args(annotation)[0])
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return "下级字段", annotation
    names = {str: "文字", int: "整数", float: "数字", bool: "true 或 false"}
    if hasattr(annotation, "__origin__"):
        return _kind(annotation.__origin__)
    return names.get(
        annotation,
        "日期（YYYY-MM-DD）" if getattr(annotation, "__name__", "") == "date" else "文字",
    ), None


def field_rows(model: type[BaseModel] = Unit, prefix: str = "") -> list[dict[str, Any]]:
    """One row per field, depth first, with its dotted path."""
    rows: list[dict[str, Any]] = []
    for name, info in model.model_fields.items():
        path = f"{prefix}{name}"
        kind, nested = _kind(info.annotation)
        rows.append(
            {
                "path": path,
                "title": info.title or name,
                "required": info.is_required(),
                "kind": kind,
            }
        )
        if nested is not None:
            rows += field_rows(nested, path + ".")
    return rows
