"""The cross-file rules on a unit file that fails its model, so one run lists every problem.

A shape error (a missing field, a word where a number belongs) leaves no ``Unit`` to check, yet
the policy ids it cites and its township may be well-formed. Each of those values is taken from
the plain data and validated with its own field type; the rules in ``rules.py`` then run on the
ones that pass, exactly as for a valid unit. A value with a shape error of its own never reaches
a rule, so no place gets two problems. The titles a file claims (``honours``) are read the same
way, so the award ladder still counts them.
"""

from __future__ import annotations

from typing import Any, TypeVar

from pydantic import TypeAdapter, ValidationError

from ..problems import Finding, KeyPath, Problem, located
from ..schema.base import Base
from ..schema.fields import PolicyId
from ..source.yamldoc import SourceDoc
from .honours import Honour
from .model import Unit
from .rules import (
    POLICY_REFS,
    CountyLists,
    check_policy_refs,
    check_township,
    values_at,
)

T = TypeVar("T")


def _field_type(name: str) -> TypeAdapter[Any]:
    """A ``Unit`` field's own type, to validate its value alone (as the model would)."""
    annotation: Any = Unit.model_fields[name].annotation
    return TypeAdapter(annotation, config=Base.model_config)


_POLICY_ID: TypeAdapter[str] = TypeAdapter(PolicyId, config=Base.model_config)
_TOWNSHIP = _field_type("township")
_HONOURS = _field_type("honours")


def _valid(adapter: TypeAdapter[T], value: Any) -> T | None:
    try:
        return adapter.validate_python(value)
    except ValidationError:
        return None


def claimed_honours(data: Any) -> list[Honour]:
    """The titles a unit file claims, when its ``honours`` are well-formed (else none)."""
    honours = data.get("honours") if isinstance(data, dict) else None
    if honours is None:
        return []
    claimed: list[Honour] = _valid(_HONOURS, honours) or []
    return claimed


def partial_findings(data: Any, county: CountyLists) -> list[Finding]:
    """The cross-file rules on the parts of a unit's plain data that are well-formed."""
    if not isinstance(data, dict):
        return []
    refs: list[tuple[str, KeyPath]] = []
    for pattern in POLICY_REFS:
        for value, path in values_at(data, pattern):
            ref = _valid(_POLICY_ID, value)
            if ref is not None:
                refs.append((ref, path))
    township = _valid(_TOWNSHIP, data.get("township"))
    return [
        *check_township(township, county.townships),
        *check_policy_refs(refs, county.policy_ids),
    ]


def partial_problems(doc: SourceDoc, county: CountyLists) -> list[Problem]:
    return [located(doc, f) for f in partial_findings(doc.data, county)]
