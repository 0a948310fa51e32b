"""The clerks' guides: each annotated example is a valid file and writes every field of its model.

A guide's example is the ```yaml block(s) in its ``{#example}`` section, read as one file. When a
field is added to a model, ``test_example_uses_every_field`` lists its key path until the field is
written into the guide's example with a Chinese comment.
"""

from __future__ import annotations

import inspect
import re
import types
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, Literal, Union, get_args, get_origin

import pytest
from pydantic import BaseModel

from jinglao.county.model import Policy
from jinglao.county.tasks import TaskList
from jinglao.cycles.model import Cycle
from jinglao.source.yamldoc import load_bytes
from jinglao.unit.model import Unit

from .conftest import REPO, copy_project, run_cli

KeyPath = tuple[str, ...]
ANY_KEY = "*"  # a key of a free mapping (dict[str, X]): any key the example writes matches it


def _nested(annotation: Any, under: KeyPath = ()) -> Iterator[tuple[type[BaseModel], KeyPath]]:
    """The models a field can hold, through Optional, every member of a union (``Maybe[X]`` is
    ``X`` or 未公布), Annotated, list and dict; ``under`` is what stands between the field and
    the model's keys."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        yield annotation, under
        return
    origin, args = get_origin(annotation), get_args(annotation)
    if origin is Annotated:
        yield from _nested(args[0], under)
    elif origin is dict:
        yield from _nested(args[1], (*under, ANY_KEY))
    elif origin in (Union, types.UnionType, list, tuple, set, frozenset):
        for arg in args:
            yield from _nested(arg, under)
    elif origin is not Literal:
        for arg in args:  # any other generic: look inside it too
            yield from _nested(arg, under)


@dataclass(frozen=True)
class FieldAt:
    """A field at one key path of a file, with the model that declares it."""

    path: KeyPath
    title: str
    owner: type[BaseModel]

    @property
    def field(self) -> tuple[type[BaseModel], str]:
        return self.owner, self.path[-1]


def _declaring(model: type[BaseModel], name: str) -> type[BaseModel]:
    """The class that declares a field (``Figure`` for ``Highlight.period``)."""
    return next(c for c in model.__mro__ if name in inspect.get_annotations(c))


def model_fields_at(model: type[BaseModel], prefix: KeyPath = ()) -> list[FieldAt]:
    """Every key path a file of ``model`` can hold (keys as written: an alias when there is one),
    depth first, with its Chinese title."""
    found: list[FieldAt] = []
    for name, info in model.model_fields.items():
        path = (*prefix, info.alias or name)
        found.append(FieldAt(path, info.title or "", _declaring(model, name)))
        for inner, under in _nested(info.annotation):
            found += model_fields_at(inner, (*path, *under))
    return found


def data_paths(value: Any, prefix: KeyPath = ()) -> set[KeyPath]:
    """Every key path written in loaded YAML data; list items share their list's path."""
    if isinstance(value, dict):
        found: set[KeyPath] = set()
        for key, item in value.items():
            found |= {(*prefix, str(key))} | data_paths(item, (*prefix, str(key)))
        return found
    if isinstance(value, list):
        return set().union(*(data_paths(item, prefix) for item in value))
    return set()


def _written(path: KeyPath, written: set[KeyPath]) -> bool:
    return any(
        len(w) == len(path) and all(p in (ANY_KEY, x) for p, x in zip(path, w, strict=True))
        for w in written
    )


def missing_fields(model: type[BaseModel], example: dict[str, Any]) -> list[str]:
    """The key paths the example does not write, one line each with the field's title.

    A building block used at several places (a time span, an age band, a figure, who is
    eligible) shows each of its fields once: a field of it written at one of its places counts
    for the others, as long as each place itself is written."""
    written = data_paths(example)
    fields = model_fields_at(model)
    places: dict[tuple[type[BaseModel], str], list[KeyPath]] = {}
    for f in fields:
        places.setdefault(f.field, []).append(f.path)
    done = {key for key, paths in places.items() if any(_written(p, written) for p in paths)}
    lines: dict[str, None] = {}  # ordered, each line once
    for f in fields:
        if _written(f.path, written) or (f.field in done and _written(f.path[:-1], written)):
            continue
        alternatives = places[f.field] if f.field not in done else [f.path]
        lines[" or ".join(".".join(p) for p in alternatives) + f"  ({f.title})"] = None
    return list(lines)


def example_text(page: str) -> str:
    """The ```yaml blocks of the page's ``{#example}`` section, joined as one file."""
    section = re.search(r"^## [^\n]*\{#example\}\n(.*?)(?=^## |\Z)", page, re.S | re.M)
    assert section, "the guide has no section headed '## … {#example}'"
    blocks = re.findall(r"^```yaml\n(.*?)^```", section.group(1), re.S | re.M)
    assert blocks, "the {#example} section has no ```yaml block"
    return "\n".join(blocks)


def _place_unit(project: Path, text: str) -> None:
    folder = project / "units/shifan-dating"
    (folder / "photos").mkdir(parents=True)
    (folder / "unit.yml").write_text(text, encoding="utf-8")
    (folder / "photos/wang.jpg").write_bytes(b"\xff\xd8\xff")  # the photo the example names


def _place_cycle(project: Path, text: str) -> None:
    doc, _ = load_bytes("example.yml", text.encode("utf-8"))
    assert doc is not None
    (project / f"cycles/{doc.data['id']}.yml").write_text(text, encoding="utf-8")


def _place_policy(project: Path, text: str) -> None:
    # As the guide lays the file out: front matter between two --- lines, then the text.
    page = f"---\n{text}---\n文件要点。\n"
    (project / "content/policies/shili-zhengce.md").write_text(page, encoding="utf-8")


def _place_tasks(project: Path, text: str) -> None:
    (project / "content/tasks.yml").write_text(text, encoding="utf-8")


@dataclass(frozen=True)
class Guide:
    page: str
    model: type[BaseModel]
    place: Callable[[Path, str], None]  # writes the example where the build reads such a file

    def example(self) -> str:
        return example_text((REPO / self.page).read_text(encoding="utf-8"))


GUIDES = {
    "unit": Guide("content/guide/unit-file.md", Unit, _place_unit),
    "cycle": Guide("content/guide/cycle-file.md", Cycle, _place_cycle),
    "policy": Guide("content/guide/policy-file.md", Policy, _place_policy),
    "tasks": Guide("content/guide/tasks-file.md", TaskList, _place_tasks),
}


@pytest.mark.parametrize("kind", sorted(GUIDES))
def test_example_is_a_valid_file(kind: str, tmp_path: Path) -> None:
    guide = GUIDES[kind]
    project = copy_project(REPO, tmp_path / "p")
    guide.place(project, guide.example())
    code, report = run_cli("validate", "--project", str(project))
    assert (code, report) == (0, "检查通过：没有发现问题。\n"), f"{guide.page}:\n{report}"


@pytest.mark.parametrize("kind", sorted(GUIDES))
def test_example_uses_every_field(kind: str) -> None:
    guide = GUIDES[kind]
    doc, problems = load_bytes(guide.page, guide.example().encode("utf-8"))
    assert doc is not None and not problems, [p.as_text() for p in problems]
    missing = missing_fields(guide.model, doc.data)
    assert not missing, (
        f"{guide.page}: the annotated example does not use {len(missing)} field(s) of "
        f"{guide.model.__name__}; write each into it with a Chinese comment:\n  "
        + "\n  ".join(missing)
    )


def test_the_walk_sees_nested_aliased_and_union_fields() -> None:
    paths = {f.path for f in model_fields_at(Unit)}
    assert ("disclosure", "procedures", "time_limit", "note") in paths
    assert ("notice", "quotas", "县级") in {f.path for f in model_fields_at(Cycle)}
    assert {f.path for f in model_fields_at(Policy)} == {
        ("title",), ("short_title",), ("issuer",), ("number",), ("date",), ("level",)
    }  # fmt: skip
