"""The contributor workflow: new units, report formats, Excel in and out, schema, CODEOWNERS, help."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import Workbook

from jinglao.cli.check import CHECKLIST_AFTER_ERRORS
from jinglao.cli.main import make_parser
from jinglao.cli.scaffold import suggest_unit_id

from .conftest import REPO, assert_golden, copy_project, run_cli
from .test_validate_cases import CASES


def test_new_never_overwrites(demo: Path) -> None:
    args = (
        "new",
        "anlan-renmin-yiyuan",
        "--project",
        str(demo),
        "--name",
        "重复",
        "--sector",
        "卫生系统",
    )
    assert run_cli(*args)[0] == 1


def test_pinyin_id_from_name() -> None:
    assert suggest_unit_id("安澜县人民医院") == "anlan-xian-renmin-yiyuan"


@pytest.mark.parametrize("fmt", ["github", "json"])
@pytest.mark.parametrize("case", sorted(CASES))
def test_machine_formats_on_bad_input(demo: Path, case: str, fmt: str) -> None:
    CASES[case](demo)
    code, output = run_cli("validate", "--project", str(demo), "--format", fmt)
    assert code == 1
    if fmt == "json":
        report = json.loads(output)
        assert report["errors"] >= 1 and {
            "path",
            "line",
            "column",
            "severity",
            "message",
            "hint",
        } <= set(report["problems"][0])
    else:
        assert output.startswith("::error file=units/")
    assert_golden(f"validate-{fmt}/{case}.{'json' if fmt == 'json' else 'txt'}", output)


def _empty_project(tmp_path: Path) -> Path:
    project = tmp_path / "empty"
    (project / "units").mkdir(parents=True)
    (project / "units/county.yml").write_bytes((REPO / "units/county.yml").read_bytes())
    return project


def test_export_then_import_round_trips_ids_and_names(tmp_path: Path) -> None:
    sheet = tmp_path / "register.xlsx"
    assert run_cli("export", str(sheet), "--project", str(REPO))[0] == 0
    project = _empty_project(tmp_path)
    code, output = run_cli("import", str(sheet), "--project", str(project))
    assert code == 0, output
    original = {p.name for p in (REPO / "units").iterdir() if p.is_dir()}
    assert {p.name for p in (project / "units").iterdir() if p.is_dir()} == original
    for unit_id in original:
        name_line = next(
            line
            for line in (REPO / "units" / unit_id / "unit.yml")
            .read_text(encoding="utf-8")
            .splitlines()
            if line.startswith("name:")
        )
        # both files are canonical (jinglao fmt): the same name is the same line
        imported = (project / "units" / unit_id / "unit.yml").read_text(encoding="utf-8")
        assert name_line in imported.splitlines()


def test_import_reports_bad_rows_and_writes_nothing_for_them(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["单位名称", "行业类别", "所属乡镇", "监督电话", "单位编号"])
    sheet.append(["清溪镇卫生院", "卫生系统", "清溪镇", "0599-6871000", None])
    sheet.append(["石桥乡邮政所", "邮政", None, None, None])
    sheet.append([None, "金融业", None, None, None])
    sheet.append(["梅坑镇信用社", "金融业", "梅坑乡", None, None])
    sheet.append(["城关镇便民服务中心", "涉老部门", "城关镇", "12-34", None])
    sheet.append(["另一个卫生院", "卫生系统", None, None, "Bad_ID"])
    path = tmp_path / "in.xlsx"
    book.save(path)
    project = _empty_project(tmp_path)
    code, output = run_cli("import", str(path), "--project", str(project))
    assert code == 0  # a unit was made; exit 1 is for a sheet with nothing usable
    assert [p.name for p in (project / "units").iterdir() if p.is_dir()] == [
        "qingxizhen-weishengyuan"
    ]
    for expected in (
        "跳过 第 3 行：行业类别「邮政」不对",
        "跳过 第 4 行：缺少单位名称",
        "跳过 第 5 行：乡镇「梅坑乡」不在本县乡镇名单里",
        "跳过 第 6 行：监督电话「12-34」格式不对",
        "跳过 第 7 行：单位编号「Bad_ID」只能用小写字母、数字和连字符",
    ):
        assert expected in output
    assert "共建立 1 个单位，跳过 5 行。" in output


def test_committed_schema_and_codeowners_are_current() -> None:
    assert run_cli("schema", "--check", "--project", str(REPO))[0] == 0
    assert run_cli("codeowners", "--check", "--project", str(REPO))[0] == 0


def _check_jsonschema(*files: Path) -> subprocess.CompletedProcess[str]:
    schema = REPO / "content/schema/unit.schema.json"
    return subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--schemafile", str(schema), *map(str, files)],
        capture_output=True,
        text=True,
        check=False,
    )


def test_every_demo_unit_passes_the_independent_schema_validator() -> None:
    result = _check_jsonschema(*sorted((REPO / "units").glob("*/unit.yml")))
    assert result.returncode == 0, result.stdout + result.stderr


STRUCTURAL = [
    "unknown-key",
    "missing-disclosure",
    "missing-result",
    "empty-value",
    "wrong-type",
    "bad-sector",
    "bad-time-unit",
    "bad-date",
    "phones-as-one-line",
    "published-date-month-13",
    "commitment-kind-unknown",
    "age-in-words",
    "unpublished-commitment",
    "no-opening-hours",
]


@pytest.mark.parametrize("case", STRUCTURAL)
def test_structural_mistakes_fail_the_schema_too(demo: Path, case: str) -> None:
    CASES[case](demo)
    units = sorted((demo / "units").glob("*/unit.yml"))
    assert _check_jsonschema(*units).returncode == 1


def test_every_subcommand_has_chinese_help(capsys: pytest.CaptureFixture[str]) -> None:
    parser = make_parser()
    names = [
        "validate",
        "check",
        "new",
        "generate",
        "print",
        "export",
        "import",
        "schema",
        "codeowners",
    ]
    for name in names:
        with pytest.raises(SystemExit) as exc:
            parser.parse_args([name, "--help"])
        assert exc.value.code == 0
        text = capsys.readouterr().out
        assert text.startswith("用法：") and "显示本帮助并退出" in text


def test_check_reports_what_is_missing_and_where() -> None:
    code, output = run_cli("check", "dianxin-jiefang-yingyeting", "--project", str(REPO))
    assert code == 1
    assert "✗ 进度安排：还没有填写，请在 archive.schedule 里补充" in output
    assert "暂不能参加本届县级评选" in output
    code, output = run_cli("check", "anlan-renmin-yiyuan", "--project", str(REPO))
    assert code == 0 and "可以参加本届县级评选" in output


def test_check_on_a_unit_with_errors_says_the_checklist_comes_after(tmp_path: Path) -> None:
    project = copy_project(REPO, tmp_path / "county")
    code, _ = run_cli(
        "new", "--name", "东镇敬老院", "--sector", "基层为老服务组织", "--project", str(project)
    )
    assert code == 0
    code, output = run_cli("check", "dongzhen-jinglaoyuan", "--project", str(project))
    assert code == 1 and "错误" in output
    assert output.rstrip().endswith(CHECKLIST_AFTER_ERRORS)


def test_usage_errors_are_in_chinese(capsys: pytest.CaptureFixture[str]) -> None:
    for argv, expected in (
        (["new"], "jinglao new：缺少参数：--name, --sector。"),
        (["validate", "--format", "xml"], "jinglao validate：--format 不能是「xml」"),
        (["validate", "--zzz"], "jinglao：不认识的参数：--zzz。"),
    ):
        with pytest.raises(SystemExit) as exc:
            make_parser().parse_args(argv)
        assert exc.value.code == 2
        err = capsys.readouterr().err
        assert expected in err and err.startswith("用法：jinglao") and "用法：用法：" not in err
