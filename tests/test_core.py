"""Small, fast checks of the core's building blocks."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from jinglao.problems import Problem, Severity
from jinglao.report import format_github, format_json
from jinglao.source.yamldoc import load_bytes
from jinglao.unit.common import AgeBand, TimeSpan
from jinglao.unit.time_limits import describe, surely_longer
from jinglao.unit.wording import age_band

from .conftest import REPO, copy_project, run_cli


def test_scalars_resolve_like_people_expect() -> None:
    doc, problems = load_bytes("x.yml", b"a: 17:30\nb: yes\nc: 0599\nd: 2025-10-29\ne: 3\nf: '3'\n")
    assert not problems and doc is not None
    assert doc.data == {"a": "17:30", "b": "yes", "c": "0599", "d": "2025-10-29", "e": 3, "f": "3"}


def test_positions_are_one_based() -> None:
    doc, _ = load_bytes("x.yml", b"a:\n  b: [1, 2]\n")
    assert doc is not None
    assert doc.positions.keys[("a", "b")] == (2, 3)
    assert doc.positions.values[("a", "b", 1)] == (2, 10)


def test_billion_laughs_is_rejected_quickly() -> None:
    lines = ['a0: &a0 ["lol"]'] + [
        f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 12)
    ]
    doc, problems = load_bytes("x.yml", "\n".join(lines).encode())
    assert doc is None and problems and "别名" in problems[0].message


@pytest.mark.parametrize(
    ("promised", "statutory", "longer"),
    [
        (TimeSpan(value=6, unit="工作日"), TimeSpan(value=5, unit="工作日"), True),
        (TimeSpan(value=5, unit="工作日"), TimeSpan(value=5, unit="工作日"), False),
        (TimeSpan(value=7, unit="日"), TimeSpan(value=5, unit="工作日"), False),  # may be equal
        (TimeSpan(value=30, unit="日"), TimeSpan(value=5, unit="工作日"), True),
        (TimeSpan(value=2, unit="日"), TimeSpan(value=24, unit="小时"), True),
        (TimeSpan(unit="即办"), TimeSpan(value=1, unit="分钟"), False),
    ],
)
def test_promised_is_longer_only_when_surely_so(
    promised: TimeSpan, statutory: TimeSpan, longer: bool
) -> None:
    assert surely_longer(promised, statutory) is longer


def test_wording() -> None:
    assert age_band(AgeBand(min=60, below=70)) == "60周岁及以上、未满70周岁"
    assert describe(TimeSpan(value=5, unit="工作日")) == "5个工作日"
    assert describe(TimeSpan(unit="即办")) == "即办（当场办结）"


def test_report_formats() -> None:
    problem = Problem("units/a/unit.yml", 3, 5, Severity.ERROR, "坏了", "这样修")
    assert (
        format_github([problem]).splitlines()[0]
        == "::error file=units/a/unit.yml,line=3,col=5::坏了%0A提示：这样修"
    )
    assert '"line": 3' in format_json([problem])


def test_validate_reports_only_the_given_paths(demo: Path) -> None:
    bad = demo / "units/anlan-tushuguan/unit.yml"
    bad.write_text(
        bad.read_text(encoding="utf-8").replace("sector: 企事业单位", "sector: 图书馆"),
        encoding="utf-8",
    )
    code, output = run_cli("validate", "--project", str(demo), str(demo / "units/anlan-gongjiao"))
    assert (code, output) == (0, "检查通过：没有发现问题。\n")
    code, output = run_cli("validate", "--project", str(demo), str(bad))
    assert code == 1 and "图书馆" in output


def test_annotated_example_in_the_guide_is_valid(tmp_path: Path) -> None:
    guide = (REPO / "content/guide/unit-file.md").read_text(encoding="utf-8")
    example = re.search(r"```yaml\n(.*?)```", guide, re.S)
    assert example is not None
    project = copy_project(REPO, tmp_path / "p")
    (project / "units/shifan-dating").mkdir()
    (project / "units/shifan-dating/unit.yml").write_text(example.group(1), encoding="utf-8")
    (project / "units/shifan-dating/photos").mkdir()
    (project / "units/shifan-dating/photos/wang.jpg").write_bytes(
        b"\xff\xd8\xff"
    )  # as the guide says
    assert run_cli("validate", "--project", str(project)) == (0, "检查通过：没有发现问题。\n")


def test_usage_error_exits_2() -> None:
    with pytest.raises(SystemExit) as exc:
        run_cli("validate", "--format", "xml")
    assert exc.value.code == 2


def test_explicit_tags_are_rejected_not_silently_read() -> None:
    doc, problems = load_bytes("x.yml", b"name: !!python/object:os.system ls\n")
    assert doc is None and problems[0].message == "不支持以「!」开头的标签"
    assert (problems[0].line, problems[0].column) == (1, 7)


def test_a_file_that_is_a_list_says_what_it_should_be(tmp_path: Path) -> None:
    project = copy_project(REPO / "tests/fixtures/minimal", tmp_path / "p")
    (project / "units/mini-window/unit.yml").write_text("- 1\n- 2\n", encoding="utf-8")
    code, output = run_cli("validate", "--project", str(project))
    assert code == 1
    assert output.startswith("units/mini-window/unit.yml:1:1: 错误 文件内容应当是若干「字段: 值」")


def test_reused_unit_pages_follow_an_edited_template(tmp_path: Path) -> None:
    from jinglao.pipeline import Reuse, build_pages

    project = copy_project(REPO / "tests/fixtures/minimal", tmp_path / "p")
    (project / "theme").mkdir(exist_ok=True)
    shutil.copytree(REPO / "theme/pages", project / "theme/pages", dirs_exist_ok=True)
    reuse = Reuse()
    first = build_pages(project, reuse).pages["units/mini-window/index.md"]
    template = project / "theme/pages/unit/page.md.j2"
    template.write_text(template.read_text(encoding="utf-8") + "\n模板已修改\n", encoding="utf-8")
    second = build_pages(project, reuse).pages["units/mini-window/index.md"]
    assert "模板已修改" not in first and "模板已修改" in second
