"""未公布: a disclosure a unit has not (yet) published, declared as such instead of invented.

A field typed ``Maybe[X]`` holds either an ``X`` or the text ``未公布`` (optionally with a reason:
``未公布：新号码启用后公布``). Every output shows the declaration as it was written and every
completeness count treats it as a gap; nothing is ever filled in for the unit.
"""

from __future__ import annotations

import re
from typing import Annotated, Any, TypeVar, Union

from pydantic import AfterValidator, Discriminator, StringConstraints, Tag

from .fields import DECLARATION_PATTERN, Text, is_declaration, visible
from .patterns import DECLARATION_SCHEMA_PATTERN, JsonSchemaOf

UNPUBLISHED = "未公布"
PUBLISHED_TAG = "published"
UNPUBLISHED_TAG = "unpublished"
PLAIN_TAG = "（一段文字）"
STRUCTURED_TAG = "（分项写）"
UNION_TAGS = frozenset({PUBLISHED_TAG, UNPUBLISHED_TAG, PLAIN_TAG, STRUCTURED_TAG})
"""Branch names pydantic puts into an error's location; they are not keys of the file."""
UNPUBLISHED_HINT = "还没有公布的，写「未公布」或「未公布：原因」，不要编造。"

UNPUBLISHED_DEF = "Unpublished"  # the shared JSON Schema definition of the declaration

_REASON = re.compile(r"^未公布\s*[：:，,。（(]?\s*(.*?)\s*[）)]?$", re.DOTALL)


def is_unpublished(value: object) -> bool:
    return isinstance(value, str) and is_declaration(value)


def reason(value: str) -> str:
    """The reason written after 未公布, or "" when there is none."""
    match = _REASON.match(value.strip())
    return match[1] if match else ""


def unpublished_text(value: str) -> str:
    """How every output shows the declaration: 未公布, or 未公布（reason）."""
    why = reason(value)
    return f"{UNPUBLISHED}（{why}）" if why else UNPUBLISHED


def _branch(value: Any) -> str:
    return UNPUBLISHED_TAG if is_unpublished(value) else PUBLISHED_TAG


Unpublished = Annotated[
    str,
    StringConstraints(strip_whitespace=True, pattern=DECLARATION_PATTERN),
    AfterValidator(visible),
    JsonSchemaOf(UNPUBLISHED_DEF, *[{"type": "string", "pattern": DECLARATION_SCHEMA_PATTERN}] * 2),
]

T = TypeVar("T")

Maybe = Annotated[
    Union[Annotated[T, Tag(PUBLISHED_TAG)], Annotated[Unpublished, Tag(UNPUBLISHED_TAG)]],  # noqa: UP007
    Discriminator(_branch),
]
"""``X`` or a 未公布 declaration (the declaration is chosen when the text starts with 未公布)."""


def listed(value: list[T] | str) -> list[T]:
    """The published items of a list, none when the unit declared it 未公布."""
    return [] if isinstance(value, str) else value


def given(value: T | str) -> T | None:
    """The published value, or None when the unit declared it 未公布."""
    return None if is_unpublished(value) else value  # type: ignore[return-value]


def _plain_or_structured(value: Any) -> str:
    """A text, or an unquoted number read as its text (as every text field reads it)."""
    plain = isinstance(value, str | int | float) and not isinstance(value, bool)
    return PLAIN_TAG if plain else STRUCTURED_TAG


TextOr = Annotated[
    Union[Annotated[Text, Tag(PLAIN_TAG)], Annotated[T, Tag(STRUCTURED_TAG)]],  # noqa: UP007
    Discriminator(_plain_or_structured),
]
"""A line of text, or the same fact written field by field (``T``)."""
