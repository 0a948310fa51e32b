"""The parse cache on disk: a second ``jinglao validate`` composes no YAML for unchanged unit files,
an edited file is read afresh, and a hostile cache file changes nothing and crashes nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from jinglao.source import yamldoc
from jinglao.source.parse_cache import CACHE_DIR, CODE_VERSION, content_key
from jinglao.unit import load as unit_load

from .conftest import REPO, copy_project, run_cli


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_project(REPO / "tests/fixtures/minimal", tmp_path / "p")


def _cache_file(project: Path) -> Path:
    return project / CACHE_DIR / f"parsed-{CODE_VERSION}.json"


def _unit_file(project: Path) -> Path:
    return sorted((project / "units").glob("*/unit.yml"))[0]


def _validate(project: Path) -> tuple[int, str]:
    return run_cli("validate", "--project", str(project))


def _composed(project: Path, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Run validate and list the unit files whose YAML was composed."""
    composed: list[str] = []
    original = unit_load.load_bytes

    def counting(rel: str, raw: bytes) -> tuple[yamldoc.SourceDoc | None, list[object]]:
        composed.append(rel)
        return original(rel, raw)  # type: ignore[return-value]

    monkeypatch.setattr(unit_load, "load_bytes", counting)
    _validate(project)
    monkeypatch.undo()
    return composed


def test_a_second_run_reads_unchanged_units_from_the_cache(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = _composed(project, monkeypatch)
    assert first, "the first run parses every unit file"
    assert _cache_file(project).is_file()
    assert _composed(project, monkeypatch) == []
    unit = _unit_file(project)
    unit.write_text(unit.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    rel = unit.relative_to(project).as_posix()
    assert _composed(project, monkeypatch) == [rel]


def test_cached_data_still_meets_every_rule(project: Path) -> None:
    """The same report with and without the cache, including an error added after it was warm."""
    code, cold = _validate(project)
    assert _validate(project) == (code, cold)
    unit = _unit_file(project)
    text = unit.read_text(encoding="utf-8")
    unit.write_text(text.replace("name: ", "name: \n  bad: [", 1), encoding="utf-8")
    code, broken = _validate(project)
    assert code == 1 and unit.relative_to(project).as_posix() in broken


@pytest.mark.parametrize(
    "content",
    [
        b"\x80\x81 not json",
        b"[1, 2, 3]",
        json.dumps({"version": "another-parser", "files": {}}).encode(),
        json.dumps({"version": CODE_VERSION, "files": [1]}).encode(),
        b"[" * 100_000,
    ],
    ids=["garbage", "a list", "another version", "files not a mapping", "deep nesting"],
)
def test_a_malformed_cache_is_ignored(project: Path, content: bytes) -> None:
    expected = _validate(project)
    cache = _cache_file(project)
    cache.write_bytes(content)
    assert _validate(project) == expected
    assert json.loads(cache.read_text(encoding="utf-8"))["version"] == CODE_VERSION  # rewritten


def test_a_forged_entry_is_checked_like_the_file_itself(project: Path) -> None:
    """An entry only stands in for parsing: data that breaks the model is reported, located in
    the file, with no traceback."""
    unit = _unit_file(project)
    key = content_key(unit.read_bytes())
    cache = _cache_file(project)
    cache.parent.mkdir(parents=True)
    forged = {"version": CODE_VERSION, "files": {key: {"name": 12, "sector": "no-such"}}}
    cache.write_text(json.dumps(forged), encoding="utf-8")
    code, output = _validate(project)
    assert code == 1
    assert f"{unit.relative_to(project).as_posix()}:" in output
    assert "Traceback" not in output


def test_a_cache_that_is_a_link_is_never_read_or_written_through(
    project: Path, tmp_path: Path
) -> None:
    outside = tmp_path / "outside.json"
    unit = _unit_file(project)
    forged = {"version": CODE_VERSION, "files": {content_key(unit.read_bytes()): {"name": 12}}}
    outside.write_text(json.dumps(forged), encoding="utf-8")
    cache = _cache_file(project)
    cache.parent.mkdir(parents=True)
    cache.symlink_to(outside)
    code, _ = _validate(project)
    assert code == 0, "the forged entry behind the link was not used"
    assert json.loads(outside.read_text(encoding="utf-8")) == forged, "nothing written through"
    assert not cache.is_symlink()
