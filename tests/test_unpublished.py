"""未公布: a unit declares what it has not published instead of inventing it, and every output,
``/status/`` and ``jinglao check`` say so — completeness is counted from the data."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from jinglao.pipeline import build_pages

from .conftest import FIXTURES, copy_project, run_cli

UNIT = "mini-window"


def _declare(project: Path) -> None:
    path = project / "units" / UNIT / "unit.yml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["address"] = "未公布：新址装修中"
    data["opening_hours"] = "未公布"
    data["phones"] = "未公布：新号码启用后公布"
    data["disclosure"]["services"] = "未公布"
    data["disclosure"]["procedures"][0]["time_limit"] = "未公布：正在核定"
    data["evaluations"] = [{"date": "未公布", "method": "调查问卷", "title": "满意度调查"}]
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")


@pytest.fixture
def declared(tmp_path: Path) -> Path:
    project = copy_project(FIXTURES / "minimal", tmp_path / "p")
    _declare(project)
    return project


def _text(pages: dict[str, str | bytes], path: str) -> str:
    page = pages[path]
    assert isinstance(page, str)
    return page


def test_declared_facts_read_unpublished_on_every_output(declared: Path) -> None:
    result = build_pages(declared)
    assert result.ok, result.problems
    page = _text(result.pages, f"units/{UNIT}/index.md")
    assert "<dd>未公布（新址装修中）</dd>" in page
    assert "未公布（新号码启用后公布）" in page
    assert "<dt>服务内容</dt><dd>未公布</dd>" in page
    assert "承诺时限 <strong>未公布（正在核定）</strong>" in page
    assert "服务内容✗" in page and "办结时限✗" in page and "政策法规✓" in page
    screen = _text(result.pages, f"screens/{UNIT}/index.html")
    board = _text(result.pages, f"print/{UNIT}/index.html")
    for output in (screen, board):
        assert "未公布（正在核定）" in output
        assert "监督电话：未公布（新号码启用后公布）" in output
    assert "办公时间：未公布" in board
    status = _text(result.pages, "status/index.md")
    assert "4/6" in status and "办公时间" in status and "电话" in status


def test_open_data_keeps_the_declaration_as_written(declared: Path) -> None:
    pages = build_pages(declared).pages
    unit = json.loads(_text(pages, f"data/units/{UNIT}.json"))
    assert unit["phones"] == "未公布：新号码启用后公布"
    assert unit["disclosure"]["services"] == "未公布"
    register = _text(pages, "data/units.csv")
    assert "电话：未公布（新号码启用后公布）" in register


def test_check_lists_each_declaration_as_a_gap(declared: Path) -> None:
    code, out = run_cli("check", UNIT, "--project", str(declared))
    assert code == 1
    assert "✗ 服务内容" in out and "✗ 办结时限" in out and "✓ 政策法规" in out
    assert "✗ 电话：未公布（新号码启用后公布）（phones）" in out
    assert "✗ 群众评议「满意度调查」·日期：未公布（evaluations.0.date）" in out


def test_a_fully_published_unit_counts_six_of_six(tmp_path: Path) -> None:
    project = copy_project(FIXTURES / "minimal", tmp_path / "p")
    page = _text(build_pages(project).pages, f"units/{UNIT}/index.md")
    assert "办结时限✓" in page and "✗" not in page.split("创建档案")[0]


def test_the_json_schema_accepts_the_declarations_too(declared: Path) -> None:
    from .test_contributor import _check_jsonschema

    result = _check_jsonschema(declared / "units" / UNIT / "unit.yml")
    assert result.returncode == 0, result.stdout + result.stderr
