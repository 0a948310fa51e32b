"""The published JSON Schema and ``jinglao validate`` give the same verdict, value by value.

For a field of a demo unit (walked through the model: every field of every object the unit
writes), a generated value — a string that matches a pattern of the schema and one a character
away, numbers, booleans, null, lists, objects, 未公布 declarations, dates in the published shapes,
phones, time periods — replaces the field's value. The unit file is written and read back by the
real per-file path of ``jinglao validate`` (``load_unit_folder``: the YAML loader, the model and
the unit's rules); the same data goes to the committed ``content/schema/unit.schema.json``
through the ``jsonschema`` library. Both must agree.

What JSON Schema cannot state is listed by name in ``patterns.BEYOND_SCHEMA``; when one of those
checks fires the validator must reject the file and the schema may accept it. CI runs a few
hundred examples; the long run is

    JINGLAO_HYPOTHESIS=long .venv/bin/python -m pytest tests/test_schema_parity.py
"""

from __future__ import annotations

import copy
import json
import os
import types
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Annotated, Any, Union, get_args, get_origin

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st
from jsonschema import Draft202012Validator
from pydantic import BaseModel, ValidationError

from jinglao.pipeline import load
from jinglao.problems import Finding, Severity, has_errors
from jinglao.schema import patterns
from jinglao.source.yamldoc import load_bytes
from jinglao.unit import rules
from jinglao.unit.load import load_unit_folder, missing_photos, unit_path
from jinglao.unit.model import Unit

from .conftest import REPO
from .support.properties import whole_file_settings

LONG = os.environ.get("JINGLAO_HYPOTHESIS") == "long"
EXAMPLES = 5_000 if LONG else 400
SCHEMA = REPO / "content" / "schema" / "unit.schema.json"
Path_ = tuple[str | int, ...]

# The checks of BEYOND_SCHEMA, by the name the validator gives them: pydantic error types ...
BEYOND_ERRORS = {"clock_order", "age_order", "span_range"}
# ... and the rules of rules.py / load.py that compare values or read other files.
BEYOND_RULES: dict[str, Callable[[Unit, rules.CountyLists, Path, str], list[Finding]]] = {
    "check_procedures": lambda unit, county, root, uid: list(rules.check_procedures(unit)),
    "check_fees": lambda unit, county, root, uid: list(rules.check_fees(unit)),
    "check_honours": lambda unit, county, root, uid: list(rules.check_honours(unit)),
    "check_benefits": lambda unit, county, root, uid: list(rules.check_benefits(unit.benefits)),
    "check_township": lambda unit, county, root, uid: list(
        rules.check_township(unit.township, county.townships)
    ),
    "check_policy_refs": lambda unit, county, root, uid: list(
        rules.check_policy_refs(rules.policy_refs(unit), county.policy_ids)
    ),
    "missing_photos": lambda unit, county, root, uid: missing_photos(root, uid, unit),
}
# Not generated: JSON Schema counts 2.0 as an integer (see BEYOND_SCHEMA["integral_float"]);
# duplicate_names needs a second unit, which this test never writes.
NOT_GENERATED = {"integral_float", "duplicate_names"}


def test_every_check_beyond_the_schema_is_excluded_by_name() -> None:
    """The exclusions here are exactly the published list: none added or dropped silently."""
    assert BEYOND_ERRORS | set(BEYOND_RULES) | NOT_GENERATED == set(patterns.BEYOND_SCHEMA)


def test_the_guide_lists_every_check_beyond_the_schema() -> None:
    guide = (REPO / "content" / "guide" / "contribute.md").read_text(encoding="utf-8")
    missing = [name for name, why in patterns.BEYOND_SCHEMA.items() if why not in guide]
    assert missing == []


@dataclass(frozen=True)
class Field:
    unit_id: str
    path: Path_


def _models(annotation: Any) -> list[type[BaseModel]]:
    """Every model class an annotation can hold (through Optional, Annotated, unions, lists)."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    origin = get_origin(annotation)
    if origin in (Union, types.UnionType, list, Annotated):
        args = get_args(annotation)[:1] if origin is Annotated else get_args(annotation)
        return [m for a in args for m in _models(a)]
    return []


def _fields(model: type[BaseModel], data: dict[str, Any], path: Path_) -> Iterator[Path_]:
    """Every field of ``model`` (written or not) and of the objects the data writes under it."""
    for name, info in model.model_fields.items():
        here = (*path, name)
        yield here
        value, inner = data.get(name), _models(info.annotation)
        items = value if isinstance(value, list) else [value]
        for i, item in enumerate(items):
            if isinstance(item, dict) and inner:
                where = (*here, i) if isinstance(value, list) else here
                yield from _fields(inner[-1], item, where)


HOSPITAL = "anlan-renmin-yiyuan"
# What no demo unit writes, added to a copy of the hospital so the walk reaches it too.
WITH_HONOURS = "parity-honours"
HONOURS = [
    {"level": "县级", "cycle": "2021-2023", "awarded": "2023-12-26"},
    {"level": "市级", "round": "第二届", "status": "创建中"},
    {
        "level": "县级",
        "cycle": "2018-2020",
        "status": "已撤销",
        "revoked": {"date": "2022-05-01", "reason": "暗访发现拒收现金"},
    },
]


@cache
def _demo_units() -> dict[str, dict[str, Any]]:
    units = {}
    for file in sorted((REPO / "units").glob("*/unit.yml")):
        doc, problems = load_bytes(str(file), file.read_bytes())
        assert doc is not None and not problems
        units[file.parent.name] = doc.data
    units[WITH_HONOURS] = units[HOSPITAL] | {
        "honours": HONOURS,
        "screen": {"interval": 20},
        "confirmed": "2025-06-01",
    }
    return units


@cache
def _all_fields() -> list[Field]:
    found = []
    for unit_id, data in _demo_units().items():
        found += [Field(unit_id, p) for p in _fields(Unit, data, ())]
    return found


@cache
def _county() -> rules.CountyLists:
    project = load(REPO)
    townships = [t.name for t in project.county.townships] if project.county else None
    return rules.CountyLists(townships, [p.id for p in project.policies])


@cache
def _schema() -> Draft202012Validator:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def _get(data: Any, path: Path_) -> Any:
    for part in path:
        data = data[part] if isinstance(data, list) else data.get(part)
    return data


def _set(data: dict[str, Any], path: Path_, value: Any) -> dict[str, Any]:
    changed = copy.deepcopy(data)
    parent = _get(changed, path[:-1])
    parent[path[-1]] = value
    return changed


# ---- values -------------------------------------------------------------------------------

SCHEMA_PATTERNS = [
    patterns.TEXT_PATTERN,
    patterns.DECLARATION_SCHEMA_PATTERN,
    patterns.PHONE_PATTERN,
    patterns.CLOCK_PERIOD_PATTERN,
    patterns.SLUG_PATTERN,
    patterns.CYCLE_PATTERN,
    patterns.URL_PATTERN,
    patterns.GITHUB_PATTERN,
    patterns.PHOTO_PATTERN,
    patterns.ISO_DATE_PATTERN,
    patterns.PUBLISHED_DATE_PATTERN,
]
FRIENDLY_PATTERNS = [  # shapes people write, to reach the interesting ones more often
    r"[0-9]{1,2}[:：][0-9]{1,2} ?[-~至—] ?[0-9]{1,2}([:：][0-9]{2})?",
    r"0[0-9]{2,3}[-－ ]?[0-9]{6,8}(-[0-9]{1,4})?",
    r"1[0-9]{2,10}|9[56][0-9]{3,4}|[48]00-?[0-9]{3}-?[0-9]{4}",
    r"[0-9]{4}(-[0-9]{1,2}(-[0-9]{1,2})?)?",
    r"[0-9]{4}年([0-9]{1,2}月([0-9]{1,2}日)?)?(以来|起|至今)?",
    r"20[0-9]{2}-20[0-9]{2}",
    r"@[a-z0-9-]{0,41}(/[a-z.]{1,5})?",
    r"https?://[a-z./ ]{0,12}",
    r"([a-z]{1,4}/)?[a-z0-9_-]{1,6}\.(jpe?g|png|webp|gif|JPG)",
    r"[a-z0-9-]{1,12}",
]
SPACES = ["", " ", "\t", "\u3000", "\n", "\x0b", "\x1c", "\x85", "\ufeff", "\u200b"]
# Controls, a bidi override, full-width hyphen and digits, the Kelvin sign and long s (which
# match [a-z] when a regex ignores case without ASCII).
ODD = ["\x00", "\x07", "\x1f", "\x85", "\u202e", "\uff0d", "\uff10", "\uff18", "\u3000"]
ODD_CHARS = [*ODD, "\n", "\u212a", "\u017f"]


def _mutated(text: str) -> st.SearchStrategy[str]:
    """A text one edit away: a character inserted, dropped or replaced, or spaces around it."""
    position = st.integers(0, len(text))
    char = st.sampled_from(ODD_CHARS) | st.characters(codec="utf-8")
    return st.one_of(
        st.tuples(position, char).map(lambda pc: text[: pc[0]] + pc[1] + text[pc[0] :]),
        position.map(lambda p: text[:p] + text[p + 1 :]),
        st.tuples(position, char).map(lambda pc: text[: pc[0]] + pc[1] + text[pc[0] + 1 :]),
        st.tuples(st.sampled_from(SPACES), st.sampled_from(SPACES)).map(
            lambda ab: ab[0] + text + ab[1]
        ),
    )


def _regex_text(pattern: str) -> st.SearchStrategy[str]:
    return st.from_regex(pattern, fullmatch=True)


MATCHING = st.sampled_from(SCHEMA_PATTERNS + FRIENDLY_PATTERNS).flatmap(_regex_text)
DECLARATIONS = st.sampled_from(
    [
        "未公布",
        "未公布：新号码启用后公布",
        " 未公布（装修中）",
        "未公布,待定",
        "未公布了",
        "未 公布",
        "未公布：\x01",
    ]
)
NUMBERS = st.one_of(
    st.integers(-5, 200),
    st.integers(-(10**12), 10**12),
    st.sampled_from([0, 1, 12, 120, 2025, 12345, 95588, 4008001234, 13912345678, 10**20]),
    st.floats(allow_nan=False, allow_infinity=False, min_value=-1e6, max_value=1e6).filter(
        lambda f: not f.is_integer()
    ),
)
SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    NUMBERS,
    st.sampled_from(["", " ", "\n", "yes", "null", "true", "15", "3.5", "-1", "2.0"]),
    st.text(max_size=12),
    DECLARATIONS,
    MATCHING,
    MATCHING.flatmap(_mutated),
)


def _values(current: Any) -> st.SearchStrategy[Any]:
    """Candidates for a field whose valid value is ``current`` (None when the unit omits it)."""
    near: list[st.SearchStrategy[Any]] = []
    if isinstance(current, str):
        near += [_mutated(current), st.just(current)]
    if isinstance(current, list) and current:
        near += [
            st.just([]),
            st.just(current[:1]),
            SCALARS.map(lambda v: [*current, v]),
            st.just([current[0], current[0]]),
        ]
        if isinstance(current[0], str):
            near.append(_mutated(current[0]).map(lambda v: [v, *current[1:]]))
    if isinstance(current, dict):
        keys = sorted(current)
        near += [
            st.just({}),
            st.sampled_from(keys).map(lambda k: {x: v for x, v in current.items() if x != k}),
            SCALARS.map(lambda v: {**current, "extra": v}),
        ]
    return st.one_of(
        *near,
        SCALARS,
        st.lists(SCALARS, max_size=3),
        st.dictionaries(st.sampled_from(["value", "unit", "name", "x"]), SCALARS, max_size=2),
    )


# ---- verdicts -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Verdicts:
    validator: bool  # ``jinglao validate`` accepts the file
    schema: bool  # the JSON Schema accepts its data
    beyond: frozenset[str]  # checks of BEYOND_SCHEMA that fired
    problems: tuple[str, ...]
    schema_errors: tuple[str, ...]


def _beyond(data: Any, root: Path, unit_id: str) -> set[str]:
    """Which checks the schema cannot make fired, by name."""
    try:
        unit = Unit.model_validate(data)
    except ValidationError as exc:
        return {e["type"] for e in exc.errors()} & BEYOND_ERRORS
    fired = set()
    for name, rule in BEYOND_RULES.items():
        if any(f.severity is Severity.ERROR for f in rule(unit, _county(), root, unit_id)):
            fired.add(name)
    return fired


class _NoAliases(yaml.SafeDumper):
    """A value used twice is written twice (the loader refuses YAML aliases)."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def verdicts(root: Path, unit_id: str, data: dict[str, Any]) -> Verdicts:
    folder = root / "units" / unit_id
    folder.mkdir(parents=True, exist_ok=True)
    text = yaml.dump(data, Dumper=_NoAliases, allow_unicode=True, sort_keys=False)
    (folder / "unit.yml").write_text(text, encoding="utf-8")
    problems = load_unit_folder(root, folder, _county()).problems
    doc, load_problems = load_bytes(unit_path(unit_id), text.encode())
    assert doc is not None, load_problems
    errors = sorted(_schema().iter_errors(doc.data), key=lambda e: e.json_path)
    return Verdicts(
        validator=not has_errors(problems),
        schema=not errors,
        beyond=frozenset(_beyond(doc.data, root, unit_id)),
        problems=tuple(p.as_text() for p in problems),
        schema_errors=tuple(f"{e.json_path}: {e.message[:200]}" for e in errors[:5]),
    )


def assert_agree(found: Verdicts, what: str) -> None:
    if found.beyond:  # a check the schema cannot make fired: the validator must still say no
        assert not found.validator, (what, found)
        return
    assert found.validator == found.schema, (
        f"{what}: validator {'accepts' if found.validator else 'rejects'}, "
        f"schema {'accepts' if found.schema else 'rejects'}\n"
        + "\n".join(found.problems + found.schema_errors)
    )


def test_every_demo_unit_passes_both(tmp_path: Path) -> None:
    for unit_id, data in _demo_units().items():
        found = verdicts(tmp_path, unit_id, data)
        assert found.validator and found.schema, (unit_id, found)


def _full_width(digits: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) for c in digits)


# The two disagreements issue 13 found, and neighbours of each.
KNOWN = [
    # An unquoted number where a phone is expected: the validator reads 120 as "120".
    (HOSPITAL, ("phones", 0, "number"), 120, True),
    (HOSPITAL, ("phones", 0, "number"), 12, False),
    (
        "anlan-renmin-yiyuan",
        ("phones", 0, "number"),
        _full_width("0599") + "-" + _full_width("6822120"),
        False,
    ),
    (HOSPITAL, ("phones", 0, "number"), "0599 － 6822120", True),
    (HOSPITAL, ("intro",), 120, True),
    # A period without its minutes is no period; 8:30 for 08:30 and 至 for - are fine.
    (HOSPITAL, ("opening_hours", "schedules", 0, "periods", 0), "7:30-12", False),
    (HOSPITAL, ("opening_hours", "schedules", 0, "periods", 0), "7:30至12:00", True),
    (HOSPITAL, ("opening_hours", "schedules", 0, "periods", 0), "7:30-24:00", True),
    (HOSPITAL, ("opening_hours", "schedules", 0, "periods", 0), "24:00-07:30", False),
    # Quoted numbers and yes/1 are no numbers and no booleans (the loader decides types).
    (HOSPITAL, ("screen",), {"interval": "15"}, False),
    (HOSPITAL, ("screen",), {"interval": 15}, True),
    (
        "anlan-renmin-yiyuan",
        ("disclosure", "identification", "staff"),
        [{"post": "导诊", "consent": "yes"}],
        False,
    ),
    (HOSPITAL, ("confirmed",), "2025-02-29", False),
    (HOSPITAL, ("confirmed",), "2024-02-29", True),
    (HOSPITAL, ("address",), " 未公布：搬迁中 ", True),
    (HOSPITAL, ("name",), "未公布", False),
    # Checks that tie fields of one object together, stated in the schema with if/then.
    (WITH_HONOURS, ("honours", 0), {"level": "县级"}, False),
    (WITH_HONOURS, ("honours", 0), {"level": "县级", "round": None, "cycle": "2021-2023"}, True),
    (WITH_HONOURS, ("honours", 1, "awarded"), "2024-01-01", False),
    (WITH_HONOURS, ("honours", 0, "cycle"), "2021-2024", False),  # three years: y to y + 2
    (WITH_HONOURS, ("honours", 0, "cycle"), " 2098-2100", True),
    (WITH_HONOURS, ("honours", 2, "status"), "已命名", False),
    (HOSPITAL, ("level",), "乡镇", False),
    (HOSPITAL, ("township",), "城关镇", False),
    (HOSPITAL, ("phones", 2, "role"), "咨询", True),  # the supervision list is not empty
    (HOSPITAL, ("supervision",), [], True),  # the phones name a complaint line
    (HOSPITAL, ("opening_hours",), None, False),
    (HOSPITAL, ("status",), {"state": "暂停服务", "since": "2025年3月1日起"}, True),
    (HOSPITAL, ("elderly_window",), "未公布：装修中", True),
    (HOSPITAL, ("confirmed",), 20250601, False),
]


@pytest.mark.parametrize(("unit_id", "path", "value", "valid"), KNOWN)
def test_known_cases_agree(
    tmp_path: Path, unit_id: str, path: Path_, value: Any, valid: bool
) -> None:
    found = verdicts(tmp_path, unit_id, _set(_demo_units()[unit_id], path, value))
    assert (found.validator, found.schema) == (valid, valid), found


def test_no_supervision_channel_fails_both(tmp_path: Path) -> None:
    """rules.check_supervision: a complaint phone or another channel, unless phones are 未公布."""
    unit = _set(_demo_units()[HOSPITAL], ("supervision",), [])
    unit = _set(unit, ("phones", 2, "role"), "咨询")
    found = verdicts(tmp_path, HOSPITAL, unit)
    assert (found.validator, found.schema) == (False, False), found
    declared = verdicts(tmp_path, HOSPITAL, _set(unit, ("phones",), "未公布"))
    assert (declared.validator, declared.schema) == (True, True), declared


def test_generated_values_get_the_same_verdict(tmp_path: Path) -> None:
    fields = _all_fields()
    assert len(fields) > 300  # the walk reaches nested fields, not only the top level

    @whole_file_settings(EXAMPLES)
    @given(data=st.data())
    def run(data: st.DataObject) -> None:
        field = data.draw(st.sampled_from(fields), label="field")
        unit = _demo_units()[field.unit_id]
        value = data.draw(_values(_get(unit, field.path)), label="value")
        found = verdicts(tmp_path, field.unit_id, _set(unit, field.path, value))
        assert_agree(found, f"{field.unit_id}:{'.'.join(map(str, field.path))} = {value!r}")

    run()
