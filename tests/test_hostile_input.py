"""Hostile input at scale (property-based): unit, cycle and county files with wrong types at every
level, missing and extra keys, extreme strings, huge and negative numbers and impossible dates.

For every document: loading never raises, every problem is located (path:line:col), and the
report formats all work; when a document is valid, the site builds and no unit text reaches a
page as markup. CI runs a few hundred examples; the long run is

    JINGLAO_HYPOTHESIS=long .venv/bin/python -m pytest tests/test_hostile_input.py

(10,000 examples per file kind; its last result is in the README's developer notes).
"""

from __future__ import annotations

import json
import os
import shutil
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from jinglao.pipeline import build_pages, load
from jinglao.problems import has_errors
from jinglao.report import FORMATS

from .conftest import FIXTURES, REPO
from .support.properties import whole_file_settings

LONG = os.environ.get("JINGLAO_HYPOTHESIS") == "long"
EXAMPLES = 10_000 if LONG else 150
SCRIPT = "<script>alert(1)</script>"

EXTREME_TEXT = st.sampled_from(
    [
        "字" * 10_000,
        "\u202e反转的文字",
        "控制\x00字符",
        "\x07响铃",
        "𠀀𠀁𪚥",  # astral-plane characters
        SCRIPT,
        "<img src=x onerror=alert(2)>",
        "[链接](javascript:alert(3))",
        "",
        "   ",
        '=HYPERLINK("http://x")',
        "-1",
        "null",
        "17:30",
    ]
)
SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=True, allow_infinity=True),
    EXTREME_TEXT,
    st.text(max_size=30),
    st.sampled_from(["2025-02-30", "9999-99-99", "0000-00-00", "2025-13-01", "1900-01-01"]),
    st.dates().map(str),
)
VALUES = st.one_of(
    SCALARS,
    st.lists(SCALARS, max_size=3),
    st.dictionaries(
        st.sampled_from(["name", "x", "value", "unit", "date", ""]), SCALARS, max_size=3
    ),
)


# Text no YAML library writes: appended to a document as a clerk's editor might leave it.
RAW_TAILS = st.sampled_from(
    [
        "",
        "deep: " + "[" * 600 + "]" * 600,
        "\tindented: 1",
        "name: again",
        "a: &x 1\nb: *x",
        "x: !!python/object/apply:os.system [ls]",
        "<<: {a: 1}",
        "k: [1, 2",
        "nul: \x00",
        'q: "unterminated',
    ]
)


def _paths(node: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix]
    if isinstance(node, dict):
        for key, value in node.items():
            found += _paths(value, (*prefix, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found += _paths(value, (*prefix, index))
    return found


def _mutate(document: Any, data: st.DataObject) -> Any:
    """One to three edits at random places: replace a value, drop a key or item, add a key."""
    for _ in range(data.draw(st.integers(1, 3), label="edits")):
        paths = _paths(document)
        path = data.draw(st.sampled_from(paths), label="path")
        kind = data.draw(st.sampled_from(["replace", "text", "delete", "extra"]), label="kind")
        if not path:
            document = data.draw(VALUES) if kind == "replace" else document
            continue
        parent = document
        for part in path[:-1]:
            parent = parent[part]
        last = path[-1]
        if kind == "replace":
            parent[last] = data.draw(VALUES, label="value")
        elif kind == "text":  # same shape, hostile text: keeps many documents valid
            if isinstance(parent[last], str):
                parent[last] = data.draw(EXTREME_TEXT, label="text")
        elif kind == "delete":
            del parent[last]
        elif isinstance(parent, dict):
            parent[data.draw(st.text(min_size=1, max_size=8), label="key")] = data.draw(SCALARS)
    return document


def _dump(document: Any) -> str:
    return yaml.safe_dump(document, allow_unicode=True, sort_keys=False, width=10**6)


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("hostile") / "p"
    shutil.copytree(FIXTURES / "minimal", root)
    (root / "cycles").mkdir()
    return root


@contextmanager
def _production_stack() -> Iterator[None]:
    """Hypothesis raises the recursion limit for its own frames; give the code under test the
    headroom it has when run from the command line (about 1,000 frames), not more."""
    depth, frame = 0, sys._getframe()
    while frame.f_back is not None:
        depth, frame = depth + 1, frame.f_back
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(depth + 1000)
    try:
        yield
    finally:
        sys.setrecursionlimit(limit)


def _check(root: Path) -> None:
    with _production_stack():
        project = load(root)  # raises on a bug: hypothesis then shrinks the document
    for problem in project.problems:
        assert problem.path and problem.line >= 1 and problem.column >= 1, problem
        assert problem.message and problem.path.split("/")[0] in {"units", "cycles", "content"}
    for format_problems in FORMATS.values():
        format_problems(project.problems)
    json.loads(FORMATS["json"](project.problems))
    if has_errors(project.problems):
        return
    result = build_pages(root)
    assert result.ok
    for path, content in result.pages.items():
        if isinstance(content, str) and not path.startswith("data/"):
            assert SCRIPT not in content, path  # escaped wherever unit text lands


FILES = {
    "unit": ("units/mini-window/unit.yml", FIXTURES / "minimal/units/mini-window/unit.yml"),
    "county": ("units/county.yml", FIXTURES / "minimal/units/county.yml"),
    "cycle": ("cycles/2024-2026.yml", REPO / "cycles/2024-2026.yml"),
}


@pytest.mark.parametrize("kind", sorted(FILES))
def test_hostile_documents_never_crash_and_every_problem_is_located(
    project: Path, kind: str
) -> None:
    target, source = FILES[kind]
    original = yaml.safe_load(source.read_text(encoding="utf-8"))
    pristine = {
        name: (project / rel).read_bytes()
        for name, (rel, _) in FILES.items()
        if (project / rel).exists()
    }

    @whole_file_settings(EXAMPLES)
    @given(data=st.data())
    def run(data: st.DataObject) -> None:
        document = _mutate(json.loads(json.dumps(original, default=str)), data)
        tail = data.draw(RAW_TAILS, label="tail")
        (project / target).write_text(_dump(document) + tail + "\n", encoding="utf-8")
        _check(project)

    try:
        run()
    finally:
        for name, content in pristine.items():
            (project / FILES[name][0]).write_bytes(content)
        if kind == "cycle":
            (project / target).unlink(missing_ok=True)
