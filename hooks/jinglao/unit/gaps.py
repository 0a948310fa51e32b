"""The facts a unit declared 未公布: found by walking the loaded model, named in Chinese.

One list feeds the unit page's notice, ``/status/``, ``jinglao check`` and completeness, so every
output names the same gaps the YAML declares.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from pydantic import BaseModel

from ..problems import KeyPath
from ..schema.unpublished import is_unpublished, unpublished_text


@dataclass(frozen=True)
class Gap:
    path: KeyPath
    label: str  # 办事流程「补办社保卡」·办结时限
    text: str  # 未公布（新系统上线后公布）


def _item_name(item: object, index: int) -> str:
    name = getattr(item, "name", None) or getattr(item, "title", None)
    return f"「{name}」" if isinstance(name, str) else f"第 {index + 1} 项"


def _walk(model: BaseModel, path: KeyPath, label: str) -> Iterator[Gap]:
    for key, info in type(model).model_fields.items():
        value = getattr(model, key)
        here = f"{label}·{info.title or key}" if label else info.title or key
        if is_unpublished(value):
            yield Gap((*path, key), here, unpublished_text(value))
        elif isinstance(value, BaseModel):
            yield from _walk(value, (*path, key), here)
        elif isinstance(value, list):
            for i, item in enumerate(value):
                if isinstance(item, BaseModel):
                    yield from _walk(item, (*path, key, i), here + _item_name(item, i))


def gaps(model: BaseModel) -> list[Gap]:
    """Every field of ``model`` (at any depth) whose value is a 未公布 declaration."""
    return list(_walk(model, (), ""))
