"""Which edits of a unit file make a promise worse for the public: a longer promised time limit,
more visits, a commitment, benefit, service or procedure taken away, a discount reduced or a
free service no longer free. Marked on the public change history in words, not colour alone."""

from __future__ import annotations

import re
from typing import Any

from pydantic import ValidationError

from .common import TimeSpan
from .time_limits import surely_longer

# Lists whose items are promises: taking one away weakens what the unit offers.
PROMISE_LISTS = frozenset(
    {"commitments", "benefits", "tiers", "services", "procedures", "facilities", "alternatives"}
)
_DISCOUNT = re.compile(r"(\d+(?:\.\d+)?)\s*折")
_FREE = ("免费", "免收", "免票", "不收费", "不收取")


def span(value: Any) -> TimeSpan | None:
    """A ``{value, unit}`` mapping as a time span, or None when it is not one."""
    if not isinstance(value, dict) or "unit" not in value:
        return None
    try:
        return TimeSpan.model_validate(value)
    except (ValidationError, TypeError, ValueError):
        return None


def removal_weakens(list_key: str) -> bool:
    return list_key in PROMISE_LISTS


def _discount(text: str) -> float | None:
    found = _DISCOUNT.search(text)
    return float(found[1]) if found else None


def text_weakens(old: str, new: str) -> bool:
    """A benefit's text that is no longer free (免费, 免收 …), or whose discount (N 折) went up, i.e. got smaller."""
    if any(w in old for w in _FREE) and not any(w in new for w in _FREE):
        return True
    before, after = _discount(old), _discount(new)
    return before is not None and after is not None and after > before


def change_weakens(key: str, old: Any, new: Any, in_promise: bool) -> bool:
    """Whether changing ``key`` from ``old`` to ``new`` makes the promise worse."""
    if key == "promised":
        before, after = span(old), span(new)
        return before is not None and after is not None and surely_longer(after, before)
    if key == "visits":
        return isinstance(old, int) and isinstance(new, int) and new > old
    if in_promise and isinstance(old, str) and isinstance(new, str):
        return text_weakens(old, new)
    return False
