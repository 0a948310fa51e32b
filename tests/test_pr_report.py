"""The pull request's report: every problem in one Chinese summary, grouped by file, each linked
to its line — GitHub marks only the first 10 errors and 10 warnings of a step on the diff."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

from jinglao.problems import Problem, Severity
from jinglao.report import GITHUB_SHOWN, MARKDOWN_LIMIT, format_github, format_markdown

from .conftest import run_cli

LINKS = "https://github.com/county/jinglao/blob/0123abc/"
PREVIEW = "https://county.github.io/jinglao/pr/12"


def problems(files: int, each: int, severity: Severity = Severity.ERROR) -> list[Problem]:
    return [
        Problem(f"units/unit-{f}/unit.yml", line, 3, severity, f"问题 {f}-{line}", "这样改")
        for f in range(files)
        for line in range(1, each + 1)
    ]


def test_every_problem_is_listed_under_its_file_with_a_link_to_its_line() -> None:
    found = problems(3, 9) + problems(1, 4, Severity.WARNING)  # 31: beyond what GitHub marks
    report = format_markdown(found, LINKS)
    assert report.startswith("### 资料检查：发现 27 个错误、4 个警告\n")
    headings = re.findall(r"^#### (.*)$", report, flags=re.MULTILINE)
    assert headings == [
        f"[units/unit\\-{f}/unit\\.yml]({LINKS}units/unit-{f}/unit.yml)（{n}）"
        for f, n in [(0, "9 个错误、4 个警告"), (1, "9 个错误"), (2, "9 个错误")]
    ]
    items = [line for line in report.splitlines() if line.startswith("- ")]
    assert len(items) == len(found)
    assert (
        f"- ❌ **错误** [第 7 行第 3 列]({LINKS}units/unit-2/unit.yml#L7)：问题 2\\-7<br>提示：这样改"
        in items
    )
    assert sum(item.startswith("- ⚠️ **警告**") for item in items) == 4
    # every item sits under its own file's heading
    sections = re.split(r"^#### ", report, flags=re.MULTILINE)[1:]
    for f, section in enumerate(sections):
        assert all(f"unit-{f}/unit.yml#L" in line for line in section.splitlines()[2:] if line)


def test_text_from_a_unit_file_cannot_format_or_script_the_report() -> None:
    hostile = Problem(
        "units/x/unit.yml", 2, 1, Severity.ERROR, "不能是「<img src=x onerror=alert(1)>**粗**」",
        "[点我](https://evil.example)\n\n# 大标题",
    )  # fmt: skip
    report = format_markdown([hostile])
    assert "<img" not in report and "**粗**" not in report and "](https://evil" not in report
    assert "\n# " not in report
    assert "&lt;img src=x onerror=alert\\(1\\)&gt;\\*\\*粗\\*\\*" in report


def test_without_links_each_place_is_still_named() -> None:
    report = format_markdown(problems(1, 1))
    assert "- ❌ **错误** 第 1 行第 3 列：问题 0\\-1<br>提示：这样改" in report
    assert "](" not in report


def test_a_clean_project_says_so() -> None:
    assert format_markdown([]) == "### 资料检查：通过\n\n检查通过：没有发现问题。\n"


def test_a_report_too_long_for_a_comment_counts_what_it_leaves_out() -> None:
    found = problems(400, 12)
    report = format_markdown(found, LINKS)
    assert len(report) <= MARKDOWN_LIMIT + 200
    listed = sum(line.startswith("- ") for line in report.splitlines())
    assert 0 < listed < len(found)
    assert f"还有 {len(found) - listed} 个问题没有列在这里" in report


def test_annotations_say_where_the_rest_went_when_github_hides_them() -> None:
    many = format_github(problems(1, GITHUB_SHOWN + 1))
    assert many.count("::error ") == GITHUB_SHOWN + 1
    assert "::notice::" in many and "摘要" in many
    assert "::notice::" not in format_github(problems(1, GITHUB_SHOWN))


def test_validate_prints_the_summary_with_line_links(demo: Path) -> None:
    unit = demo / "units/anlan-gongjiao/unit.yml"
    text = unit.read_text(encoding="utf-8")
    unit.write_text(text.replace("level: 县级", "level: 乡级", 1), encoding="utf-8")
    code, output = run_cli(
        "validate", "--project", str(demo), "--format", "markdown", "--links", LINKS.rstrip("/")
    )
    assert code == 1
    line = next(i for i, t in enumerate(text.splitlines(), 1) if t.startswith("level:"))
    assert (
        f"]({LINKS}units/anlan-gongjiao/unit.yml#L{line})：「层级」（level）不能是「乡级」"
        in output
    )


def _git(project: Path, *args: str) -> None:
    subprocess.run(
        [
            "git",
            "-C",
            str(project),
            "-c",
            "user.name=测试",
            "-c",
            "user.email=t@example.org",
            *args,
        ],
        check=True,
        capture_output=True,
    )


def test_changed_lists_the_pages_a_pull_request_changes_with_preview_links(demo: Path) -> None:
    _git(demo, "init", "-q", "-b", "main")
    _git(demo, "add", "-A")
    _git(demo, "commit", "-qm", "县里的资料")
    _git(demo, "checkout", "-qb", "pr")
    unit = demo / "units/anlan-tushuguan/unit.yml"
    unit.write_text(unit.read_text(encoding="utf-8") + "# 改了一处\n", encoding="utf-8")
    policy = demo / "content/policies/laonianren-quanyi-baozhangfa.md"
    policy.write_text(policy.read_text(encoding="utf-8") + "\n补充。\n", encoding="utf-8")
    shutil.rmtree(demo / "units/anlan-huochezhan")
    _git(demo, "commit", "-qam", "合并请求")
    code, output = run_cli(
        "changed", "--project", str(demo), "--base", "main", "--site-url", PREVIEW
    )
    assert code == 0
    assert output.splitlines() == [
        "- 单位：anlan\\-huochezhan（已删除）",
        f"- [单位：安澜县图书馆]({PREVIEW}/units/anlan-tushuguan/)",
        f"- [页面：policies/laonianren\\-quanyi\\-baozhangfa\\.md]({PREVIEW}/policies/"
        "laonianren-quanyi-baozhangfa/)",
    ]


def test_changed_says_when_there_is_nothing_to_compare_with(demo: Path) -> None:
    assert run_cli("changed", "--project", str(demo), "--base", "main")[0] == 2
