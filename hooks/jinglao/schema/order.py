"""Key order from a model: the order its fields are declared in, through nested models, lists of
models and unions (the branch that fits the data); keys the model does not know keep their order
after the known ones. ``jinglao fmt`` writes files in this order."""

from __future__ import annotations

import types
from typing import Annotated, Any, Union, get_args, get_origin

from pydantic import BaseModel


def _branches(annotation: Any) -> list[Any]:
    """The shapes a value of ``annotation`` may take, with Annotated and unions unwrapped."""
    origin = get_origin(annotation)
    if origin is Annotated:
        return _branches(get_args(annotation)[0])
    if origin is Union or origin is types.UnionType:
        return [shape for arg in get_args(annotation) for shape in _branches(arg)]
    return [annotation]


def _model(annotation: Any) -> type[BaseModel] | None:
    return (
        annotation if isinstance(annotation, type) and issubclass(annotation, BaseModel) else None
    )


def _fields(model: type[BaseModel]) -> dict[str, Any]:
    """Key → annotation, by field name and by alias (``县级``), in declaration order."""
    found: dict[str, Any] = {}
    for name, info in model.model_fields.items():
        found[info.alias or name] = info.annotation
        found.setdefault(name, info.annotation)
    return found


def _best_model(annotation: Any, data: dict[str, Any]) -> type[BaseModel] | None:
    """The model among the branches that knows most of the mapping's keys (the first on a tie)."""
    models = [m for m in map(_model, _branches(annotation)) if m is not None]
    if not models:
        return None
    return max(models, key=lambda m: sum(key in _fields(m) for key in data))


def _mapping(annotation: Any, data: dict[str, Any]) -> dict[str, Any]:
    model = _best_model(annotation, data)
    if model is None:
        value_type = next(
            (get_args(b)[1] for b in _branches(annotation) if get_origin(b) is dict), Any
        )
        return {key: ordered(item, value_type) for key, item in data.items()}
    fields = _fields(model)
    rank = {key: index for index, key in enumerate(model.model_fields)}
    rank |= {info.alias: rank[name] for name, info in model.model_fields.items() if info.alias}
    known = sorted((key for key in data if key in rank), key=rank.__getitem__)
    unknown = [key for key in data if key not in rank]
    return {key: ordered(data[key], fields.get(key, Any)) for key in [*known, *unknown]}


def ordered(data: Any, annotation: Any) -> Any:
    """``data`` with every mapping's keys in the order ``annotation`` declares them."""
    if isinstance(data, dict):
        return _mapping(annotation, data)
    if isinstance(data, list):
        item_type = next(
            (
                get_args(b)[0]
                for b in _branches(annotation)
                if get_origin(b) is list and get_args(b)
            ),
            Any,
        )
        return [ordered(item, item_type) for item in data]
    return data
