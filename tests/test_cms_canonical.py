"""The web editor's writer (content/admin/canonical.js, run under node) writes the same bytes as
``jinglao fmt``: on every demo unit, on the same units written any other way, on the corpus of
awkward strings, and on numbers. Otherwise a save through the form would rewrite lines it did
not change."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import yaml
from hypothesis import Phase, given, settings
from hypothesis import strategies as st

from jinglao.source.canonical import canonical_text
from jinglao.source.yamldoc import load_bytes
from jinglao.unit.canonical import unit_text

from .conftest import REPO
from .support.scalars import TRICKY_STRINGS

NODE = shutil.which("node")
CLI = REPO / "tests" / "browser" / "canonical_cli.mjs"
UNIT_FILES = sorted(p for p in (REPO / "units").glob("*/unit.yml"))


def shape() -> Any:
    text = (REPO / "content" / "admin" / "unit-shape.js").read_text(encoding="utf-8")
    return json.loads(text.split("export default ", 1)[1].rstrip().rstrip(";"))


def run_js(requests: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Answers of canonical.js to ``requests`` (one node process for all of them)."""
    assert NODE, "需要 node（Debian 的 nodejs 软件包）"
    lines = "".join(json.dumps(r) + "\n" for r in requests)  # ASCII: no U+2028 inside a line
    done = subprocess.run(
        [NODE, "--experimental-detect-module", str(CLI), str(REPO)],
        input=lines,
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    assert done.returncode == 0, done.stderr
    answers = [json.loads(line) for line in done.stdout.split("\n") if line]
    assert len(answers) == len(requests), done.stderr
    return answers


def data_of(path: Path, text: str) -> Any:
    doc, problems = load_bytes(str(path), text.encode("utf-8"))
    assert doc is not None, problems
    return doc.data


def test_demo_units_come_back_byte_for_byte() -> None:
    """What the editor does to a file it saves untouched: load it and write it."""
    texts = [p.read_text(encoding="utf-8") for p in UNIT_FILES]
    answers = run_js([{"op": "format-unit", "shape": shape(), "text": t} for t in texts])
    for path, text, answer in zip(UNIT_FILES, texts, answers, strict=True):
        assert answer.get("text") == unit_text(data_of(path, text)), path


def _scrambled(data: Any) -> Any:
    """The same data with every mapping's keys in reverse order."""
    if isinstance(data, dict):
        return {key: _scrambled(data[key]) for key in reversed(list(data))}
    if isinstance(data, list):
        return [_scrambled(item) for item in data]
    return data


def test_units_written_any_other_way_become_the_canonical_text() -> None:
    """Keys out of order, flow style, quotes everywhere: the editor still writes what fmt writes."""
    sources = []
    for path in UNIT_FILES:
        data = data_of(path, path.read_text(encoding="utf-8"))
        odd = yaml.safe_dump(_scrambled(data), allow_unicode=True, default_flow_style=True)
        sources.append((path, odd, data))
    answers = run_js([{"op": "format-unit", "shape": shape(), "text": t} for _, t, _ in sources])
    for (path, odd, data), answer in zip(sources, answers, strict=True):
        assert data_of(path, odd) == data  # PyYAML's text means the same to our loader
        assert answer.get("text") == unit_text(data), path


def test_tricky_strings_written_as_fmt_writes_them() -> None:
    shapes = [
        shape
        for text in TRICKY_STRINGS
        for shape in ({"value": text}, {"values": [text]}, {"items": [{"value": text, "n": 1}]})
    ]
    written = run_js([{"op": "text", "data": d} for d in shapes])
    loaded = run_js([{"op": "load", "text": canonical_text(d)} for d in shapes])
    wrong = [
        (data, answer.get("text"), canonical_text(data))
        for data, answer in zip(shapes, written, strict=True)
        if answer.get("text") != canonical_text(data)
    ]
    assert wrong == []
    # and the editor reads the canonical text back as the same data
    assert [a.get("data") for a in loaded] == shapes


NUMBERS = [0, -3, 120, 13800000000, 1.5, 94.0, 6.0, -0.25, 0.1, 1e20, 1.5e-7, 123456.789]


def test_numbers_written_as_fmt_writes_them() -> None:
    """A whole float stays ``94.0`` (JavaScript has one number type; canonical.js keeps it)."""
    texts = [canonical_text({"value": number}) for number in NUMBERS]
    answers = run_js([{"op": "format", "text": text} for text in texts])
    assert [a.get("text") for a in answers] == texts


AWKWARD = list("ab 老人:#-?'\"\n\t,[]{}&*!|>%@`~.0123456789+eE\\\x85\u2028\xa0\ufeff\x7f\x01")
STRINGS = st.text(
    alphabet=st.sampled_from(AWKWARD) | st.characters(codec="utf-8"), max_size=8
) | st.sampled_from(["---", "...", "null", "yes", "17:30", "2025-03-01", "0x1F", "1e3", ".inf"])


# No shrinking: each example is one node process, and the assertion lists every string that differs.
@settings(max_examples=5, deadline=None, phases=[Phase.explicit, Phase.generate])
@given(st.lists(STRINGS, min_size=200, max_size=200))
def test_random_strings_written_as_fmt_writes_them(texts: list[str]) -> None:
    """Beyond the corpus: strings built from the characters that decide a scalar's style."""
    shapes = [{"k": text, "l": [text, {"m": text, "n": [text]}]} for text in texts]
    answers = run_js([{"op": "text", "data": d} for d in shapes])
    wrong = [
        (data["k"], answer.get("text"))
        for data, answer in zip(shapes, answers, strict=True)
        if answer.get("text") != canonical_text(data)
    ]
    assert wrong == []
