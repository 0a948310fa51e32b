"""A unit file's canonical text: the unit model's key order, written by ``source/canonical.py``.

``jinglao fmt``, ``jinglao new`` and ``jinglao import`` write unit files with it, and the web
editor must write the same bytes, so that a value changed through the form changes only its lines.
"""

from __future__ import annotations

from typing import Any

from ..schema.order import ordered
from ..source.canonical import canonical_text
from .model import Unit


def unit_text(data: Any) -> str:
    """The canonical text of a unit's data (as the loader gives it)."""
    return canonical_text(ordered(data, Unit))
