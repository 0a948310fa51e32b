"""The field reference: every field of a model with its Chinese title, generated so it never drifts."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from .annotations import Shape, shape_of


def _word(shape: Shape) -> str:
    """A Chinese word for the kind of value a field holds."""
    if shape.choices:
        return "可选值：" + "、".join(map(str, shape.choices))
    if shape.model is not None:
        return "下级字段"
    names = {str: "文字", int: "整数", float: "数字", bool: "true 或 false"}
    is_date = getattr(shape.core, "__name__", "") == "date"
    return names.get(shape.core, "日期（YYYY-MM-DD）" if is_date else "文字")


def field_rows(model: type[BaseModel], prefix: str = "") -> list[dict[str, Any]]:
    """One row per field, depth first, with its dotted path."""
    rows: list[dict[str, Any]] = []
    for name, info in model.model_fields.items():
        path = f"{prefix}{name}"
        shape = shape_of(info.annotation)
        word = _word(shape)
        rows.append(
            {
                "path": path,
                "title": info.title or name,
                "required": info.is_required(),
                "kind": f"列表（每项：{word}）" if shape.in_list else word,
            }
        )
        if shape.model is not None:
            rows += field_rows(shape.model, path + ".")
    return rows
