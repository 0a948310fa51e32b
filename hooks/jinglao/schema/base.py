"""The base of every data model: unknown keys are errors, text is trimmed, values are frozen."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field


class Base(BaseModel):
    # Strict: the YAML loader decides what is a number, a boolean or a text, and pydantic takes
    # it as read — a quoted "15" is no number, ``yes`` or 1 no boolean (the JSON Schema says the
    # same). Only ``fields.Text`` opts out, to read an unquoted number as its text.
    model_config = ConfigDict(
        extra="forbid",
        str_strip_whitespace=True,
        strict=True,
        coerce_numbers_to_str=True,
        frozen=True,
    )


def text_list(title: str, *, required: bool = False) -> Any:
    """A list of texts: required ones must have at least one item, optional ones default empty."""
    if required:
        return Field(title=title, min_length=1)
    return Field(default_factory=list, title=title)
