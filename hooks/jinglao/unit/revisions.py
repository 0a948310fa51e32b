"""The public change history of a unit, from the data itself: two versions of its file compared
field by field and said in Chinese (「修改：病历复印 承诺时限 3 → 1 个工作日」).

Fields are named by the model's Chinese titles; items of a list are matched by their name (or
text), never by their place in the list, so reordering is no change. Pure: the versions come in
as plain data (read by ``source.versions``); nothing here reads files or runs anything.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from itertools import pairwise
from typing import Any

from pydantic import BaseModel, ValidationError

from ..plain import Data
from ..schema.annotations import field_info, field_model
from .common import Eligibility
from .model import Unit
from .time_limits import describe
from .weakening import change_weakens, removal_weakens, span, text_weakens
from .wording import eligibility, number

# Keys that name an item of a list, in the order they are tried.
_NAME_KEYS = ("name", "text", "item", "title", "condition", "post", "number", "period", "content",
              "detail", "location")  # fmt: skip
# Not public, or not a promise; 所获荣誉 on the page also come from the county's award records,
# so a line moved from the unit's file to those records would read as an honour taken away.
_HIDDEN = frozenset({"maintainers", "screen", "honours"})
_LONG = 40
ITEMS_SHOWN = 12


@dataclass(frozen=True)
class Edit:
    kind: str  # 新增, 删除, 修改
    text: str
    weaker: bool = False


@dataclass(frozen=True)
class _Place:
    model: type[BaseModel] | None
    where: str  # the named items the field belongs to (病历复印), or the section's title
    in_promise: bool = False
    named: bool = False  # whether ``where`` names items (kept) or a section (replaced)


def _title(model: type[BaseModel] | None, key: str) -> str:
    info = field_info(model, key)
    return info.title if info and info.title else key


def _who(value: Any) -> str | None:
    """A benefit tier's 适用人群 in words (60周岁及以上、未满70周岁)."""
    try:
        return eligibility(Eligibility.model_validate(value)) or None
    except (ValidationError, TypeError, ValueError):
        return None


def _item_name(item: Any) -> str | None:
    if isinstance(item, str | int | float):
        return str(item)
    if isinstance(item, dict) and isinstance(item.get("who"), dict):
        return _who(item["who"])
    if isinstance(item, dict):
        for key in _NAME_KEYS:
            if isinstance(item.get(key), str | int | float):
                return str(item[key])
    return None


def _unnamed(item: dict[str, Any]) -> dict[str, Any]:
    """An item without the field that names it (its renaming is said once)."""
    key = next((k for k in _NAME_KEYS if isinstance(item.get(k), str | int | float)), None)
    return {k: v for k, v in item.items() if k != key}


def _shown(value: Any) -> str:
    """A value as the page says it: a time span in words, long text shortened."""
    found = span(value)
    if found is not None:
        return describe(found)
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, list):
        return "、".join(_shown(v) for v in value)
    if isinstance(value, dict):
        return _item_name(value) or "（一组内容）"
    text = " ".join(str(value).split())
    return text if len(text) <= _LONG else text[: _LONG - 1] + "…"


def _from_to(old: Any, new: Any) -> str:
    """「3 → 1 个工作日」 when both spans count the same unit, else both in full."""
    before, after = span(old), span(new)
    if before and after and before.unit == after.unit and before.unit != "即办":
        first, then = number(before.value or 0.0), number(after.value or 0.0)
        return f"{first} → {then} {describe(after).removeprefix(then)}"
    return f"{_shown(old)} → {_shown(new)}"


def _label(place: _Place, title: str) -> str:
    return f"{place.where} {title}" if place.where and place.where != title else title


def _diff_lists(place: _Place, key: str, old: list[Any], new: list[Any]) -> Iterator[Edit]:
    title = _title(place.model, key)
    model = field_model(place.model, key)
    weakens = removal_weakens(key)
    old_named, new_named = _keyed(old), _keyed(new)
    gone = [k for k in old_named if k not in new_named]
    came = [k for k in new_named if k not in old_named]
    # items in both versions, renamed or not: (name now, before, after), compared field by field
    same = [(k[0], old_named[k], item) for k, item in new_named.items() if k in old_named]
    kept: list[tuple[str, Any, Any]] = []
    for was, now in _renamed(gone, came):
        gone.remove(was)
        came.remove(now)
        before, after = old_named[was], new_named[now]
        renamed = f"{_label(place, title)}「{_shown(was[0])}」改为「{_shown(now[0])}」"
        text_worse = isinstance(before, str) and isinstance(after, str) and weakens
        yield Edit("修改", renamed, text_worse and text_weakens(before, after))
        if isinstance(before, dict) and isinstance(after, dict):  # its renaming is said once
            kept.append((now[0], _unnamed(before), _unnamed(after)))
    for was in gone:
        yield Edit("删除", f"{_label(place, title)}「{_shown(was[0])}」", weakens)
    for now in came:
        yield Edit("新增", f"{_label(place, title)}「{_shown(now[0])}」")
    for name, before, after in kept + same:
        if isinstance(before, dict) and isinstance(after, dict):
            where = f"{place.where} {name}" if place.named else name
            inner = _Place(model, where, place.in_promise or weakens, named=True)
            yield from _diff_maps(inner, before, after)


COMPARISON_VERSION = 2  # raise when compare() says something else: cached comparisons are dropped
RENAMED = 0.6  # how alike two names must be (difflib's ratio) to read as one item renamed


Key = tuple[str, int]  # an item's name and how many before had that name


def _renamed(gone: list[Key], came: list[Key]) -> list[tuple[Key, Key]]:
    """Items taken away paired with items added whose names are alike: one item renamed or
    reworded (养老待遇资格认证 → 养老金领取资格认证), not a promise taken away and another
    given. Each is paired once, most alike first."""
    scored = sorted(
        ((SequenceMatcher(None, w[0], n[0]).ratio(), w, n) for w in gone for n in came),
        key=lambda t: -t[0],
    )
    pairs: list[tuple[Key, Key]] = []
    used: set[Key] = set()
    for score, was, now in scored:
        if score >= RENAMED and was not in used and now not in used:
            pairs.append((was, now))
            used.update((was, now))
    return pairs


def _leaves(value: Any) -> Iterator[str]:
    if isinstance(value, dict):
        for inner in value.values():
            yield from _leaves(inner)
    elif isinstance(value, list):
        for inner in value:
            yield from _leaves(inner)
    elif value is not None:
        yield str(value)


def _keyed(items: list[Any]) -> dict[tuple[str, int], Any]:
    """Items by (name, how many before had that name); an item without a name is named by
    all it says, so any change to it reads as one item taken away and another added."""
    keyed: dict[tuple[str, int], Any] = {}
    seen: dict[str, int] = {}
    for item in items:
        name = _item_name(item) or " ".join(_leaves(item))
        seen[name] = seen.get(name, 0) + 1
        keyed[(name, seen[name])] = item
    return keyed


def _as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [] if value is None else [value]


def _diff_value(place: _Place, key: str, old: Any, new: Any) -> Iterator[Edit]:
    title = _title(place.model, key)
    if isinstance(old, list) or isinstance(new, list):  # a list left out is an empty list
        yield from _diff_lists(place, key, _as_list(old), _as_list(new))
    elif isinstance(old, dict) != isinstance(new, dict) and None in (old, new):
        weaker = new is None and removal_weakens(key)
        yield Edit("新增" if old is None else "删除", _label(place, title), weaker)
    elif old is None:
        yield Edit("新增", f"{_label(place, title)}：{_shown(new)}")
    elif new is None:
        weaker = removal_weakens(key) or key == "promised"
        yield Edit("删除", f"{_label(place, title)}（原为 {_shown(old)}）", weaker)
    elif span(old) and span(new):
        weaker = change_weakens(key, old, new, place.in_promise)
        yield Edit("修改", f"{_label(place, title)} {_from_to(old, new)}", weaker)
    elif isinstance(old, dict) and isinstance(new, dict):
        inner = _Place(field_model(place.model, key), place.where or title, place.in_promise,
                       place.named)  # fmt: skip
        yield from _diff_maps(inner, old, new)
    else:
        weaker = change_weakens(key, old, new, place.in_promise)
        yield Edit("修改", f"{_label(place, title)} {_shown(old)} → {_shown(new)}", weaker)


def _diff_maps(place: _Place, old: dict[str, Any], new: dict[str, Any]) -> Iterator[Edit]:
    for key in list(old) + [k for k in new if k not in old]:
        if key in _HIDDEN or old.get(key) == new.get(key):
            continue
        yield from _diff_value(place, key, old.get(key), new.get(key))


def compare(old: Any, new: Any) -> list[Edit]:
    """What changed from ``old`` to ``new`` (two versions of one unit file, as plain data)."""
    if not isinstance(old, dict) or not isinstance(new, dict):
        return []
    return list(_diff_maps(_Place(Unit, ""), old, new))


def edit_records(old: Any, new: Any) -> list[Data] | None:
    """``compare`` as plain data (for a JSON cache); None when a version is not readable."""
    if not isinstance(old, dict) or not isinstance(new, dict):
        return None
    return [{"kind": e.kind, "text": e.text, "weaker": e.weaker} for e in compare(old, new)]


def are_edit_records(value: Any) -> bool:
    """Whether ``value`` (read back from the cache, which anyone could have edited) is what
    :func:`edit_records` makes."""
    return value is None or (
        isinstance(value, list)
        and all(
            isinstance(e, dict)
            and isinstance(e.get("kind"), str)
            and isinstance(e.get("text"), str)
            and isinstance(e.get("weaker"), bool)
            for e in value
        )
    )


EditsBetween = Callable[[str, str], list[Data] | None]


def revision_history(
    versions: Sequence[tuple[str, str]], edits: EditsBetween, complete: bool
) -> Data:
    """The page's 更新记录 from ``(date, version)`` pairs, newest first; ``edits(old, new)``
    says what changed between two versions (None when one of them was not readable YAML, a
    version CI never lets into the main branch: that step is then left out). One entry per
    version that changed something a reader sees; ``complete`` when the oldest version is the
    first ever, which is then said to be the first publication."""
    entries: list[Data] = []
    for (day, new), (_, old) in pairwise(versions):
        found = edits(old, new)
        if found:
            entries.append(_entry(day, found))
    if complete and versions:
        entries.append(
            {"date": versions[-1][0], "first": True, "weaker": False, "edits": [], "more": 0}
        )
    return {"entries": entries, "earlier_omitted": not complete}


def _entry(day: str, edits: list[Data]) -> Data:
    shown = sorted(edits, key=lambda e: not e["weaker"])[:ITEMS_SHOWN]  # what got worse first
    return {
        "date": day,
        "first": False,
        "weaker": any(e["weaker"] for e in edits),
        "edits": shown,
        "more": len(edits) - len(shown),
    }
