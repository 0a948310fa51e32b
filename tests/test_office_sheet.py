"""The Excel sheet an office really sends, in and out: `jinglao import` reads every mess in it and
says row by row what it did; `jinglao export` gives dropdowns, a filter, linked names and the
gaps `jinglao check` finds; and a unit survives export → import unchanged."""

from __future__ import annotations

import io
import re
import shutil
import zipfile
from datetime import date, datetime
from pathlib import Path
from typing import Any, get_args

import pytest
import yaml
from openpyxl import Workbook, load_workbook

from jinglao.cli import sheet as sheet_module
from jinglao.cli.cells import cell_date, phone_texts, prose_text, restore_lost_zero
from jinglao.cli.scaffold import NEXT_STEPS
from jinglao.schema.vocab import SECTOR_SLUGS, Level

from .conftest import FIXTURES, REPO, copy_project, run_cli

FULL_WIDTH_PHONE = "\uff10\uff15\uff19\uff19\uff0d\uff16\uff18\uff12\uff15\uff16\uff17\uff18"
FULL_WIDTH_DATE = "\uff12\uff10\uff12\uff16年\uff13月\uff15日"  # 2026年3月5日
FULL_WIDTH_NUMBER = "\uff11\uff12\uff0d\uff11"  # 12-1, a house number
COLUMNS = "、".join(
    ["单位编号", "单位名称", "行业类别", "层级", "所属乡镇", "地址", "监督电话", "确认日期"]
)


def messy_sheet(path: Path) -> Path:
    """Every case at once, on the rows the expected report names."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["安澜县敬老文明号创建单位名录"])  # 1: title, merged
    sheet.merge_cells("A1:I1")
    sheet.append(["（2026 年 3 月汇总）"])  # 2: a second title row, merged
    sheet.merge_cells("A2:I2")
    header = ["序号", "单位名称", "行业类别", "层\u3000级", "所属乡镇", "地址", "监督电话"]
    sheet.append([*header, "确认日期", "联系人"])  # 3: full-width space, an unknown column
    sheet.append([
        1, "清溪镇卫生院", "卫生系统", "乡镇", "清溪镇", "清溪镇溪口路\uff13号",
        5996871000, datetime(2026, 3, 2), "王医生",
    ])  # 4: phone as a number (0 lost), a date cell, a full-width digit in the address  # fmt: skip
    sheet.append([
        2, "清溪镇敬老院（老街）", "基层为老服务组织", "乡镇", None,
        f"老街{FULL_WIDTH_NUMBER}号", FULL_WIDTH_PHONE, 46085, None,
    ])  # 5: township merged down from row 4, full-width phone, a date as a number  # fmt: skip
    sheet.merge_cells("E4:E5")
    sheet.append([])  # 6: blank
    sheet.append([
        3, "县老年大学", "老年社会组织", "县级", None, None, 5916825678, FULL_WIDTH_DATE, None,
    ])  # 7: a number that is not this county's area code, a full-width date text  # fmt: skip
    sheet.append([4, None, "金融业", "县级", None, None, None, None, None])  # 8: no name
    sheet.append([5, "石桥乡邮政所", "企事业单位", "乡镇", "石桥", None, 13905990000, None, None])
    # 9: the township without 乡, a mobile stored as a number (it never had a 0)
    sheet.append(["注：监督电话为单位对外公布的号码。"])  # 10: footnote, merged across
    sheet.merge_cells("A10:I10")
    sheet.append(["填表人：张三", None, None, None, None, None, "联系电话：0599-6821234"])  # 11
    book.save(path)
    return path


# What to do next, printed once the sheet made new files (the files carry no comments).
NEXT = "\n".join(NEXT_STEPS)
EXPECTED_REPORT = f"""\
提示 第 1–2 行在表头上面（标题），没有读取
提示 第 3 行：不认识的列「联系人」（I 列）没有读取；可用的列名：{COLUMNS}
提示 第 4–5 行：「所属乡镇」（E 列）是合并单元格，这几行都读作「清溪镇」
已建立 units/qingxizhen-weishengyuan/unit.yml（第 4 行）
提示 第 4 行：监督电话被 Excel 存成了数字 5996871000（开头的 0 丢了），按本县区号补成 0599-6871000，请核对
已建立 units/qingxizhen-jinglaoyuan-laojie/unit.yml（第 5 行）
提示 第 5 行：确认日期是数字 46085（Excel 的日期序号），读作 2026-03-04，请核对
已建立 units/xian-laoniandaxue/unit.yml（第 7 行）
提示 第 7 行：监督电话被 Excel 存成了数字 5916825678，开头的 0 可能丢了，看不出原来的号码，没有写入；请在 unit.yml 里填写，并把表格这一列设成「文本」格式
跳过 第 8 行：缺少单位名称
已建立 units/shiqiao-xiang-youzhengsuo/unit.yml（第 9 行）
提示 第 9 行：所属乡镇「石桥」读作「石桥乡」，请核对
提示 第 10 行是说明文字，没有读取
提示 第 11 行是说明文字，没有读取
{NEXT}
共建立 4 个单位，跳过 1 行。有 4 条提示，请核对建立的文件。
"""

EXPECTED_UNITS = {
    "qingxizhen-weishengyuan": {
        "name": "清溪镇卫生院", "sector": "卫生系统", "level": "乡镇", "township": "清溪镇",
        "address": "清溪镇溪口路3号", "phones": ["0599-6871000"], "confirmed": "2026-03-02",
    },
    "qingxizhen-jinglaoyuan-laojie": {
        "name": "清溪镇敬老院（老街）", "sector": "基层为老服务组织", "level": "乡镇",
        "township": "清溪镇", "address": "老街12-1号", "phones": ["0599-6825678"],
        "confirmed": "2026-03-04",
    },
    "xian-laoniandaxue": {
        "name": "县老年大学", "sector": "老年社会组织", "level": "县级", "township": None,
        "address": None, "phones": [], "confirmed": "2026-03-05",
    },
    "shiqiao-xiang-youzhengsuo": {
        "name": "石桥乡邮政所", "sector": "企事业单位", "level": "乡镇", "township": "石桥乡",
        "address": None, "phones": ["13905990000"], "confirmed": None,
    },
}  # fmt: skip


def stated(unit_file: Path) -> dict[str, Any]:
    """The register's fields as a unit file holds them, however the writer lays the file out."""
    data = yaml.safe_load(unit_file.read_text(encoding="utf-8"))
    phones = data.get("phones") or []
    confirmed = data.get("confirmed")
    return {
        "name": data["name"], "sector": data["sector"], "level": data.get("level"),
        "township": data.get("township"), "address": data.get("address"),
        "phones": [p["number"] for p in phones if p.get("number")],
        "confirmed": str(confirmed) if confirmed else None,
    }  # fmt: skip


def units_of(project: Path) -> dict[str, dict[str, Any]]:
    return {p.name: stated(p / "unit.yml") for p in (project / "units").iterdir() if p.is_dir()}


def empty_county(tmp_path: Path, name: str = "county") -> Path:
    """The demo county with its policies and townships but no units (nor cycles naming them)."""
    project = copy_project(REPO, tmp_path / name)
    for folder in [*(project / "units").iterdir(), project / "cycles", project / "archive"]:
        if folder.is_dir():
            shutil.rmtree(folder)
    return project


def test_the_messy_office_sheet_imports_with_every_case_handled(tmp_path: Path) -> None:
    project = empty_county(tmp_path)
    code, output = run_cli("import", str(messy_sheet(tmp_path / "office.xlsx")), "--project", str(project))  # fmt: skip
    assert output == EXPECTED_REPORT
    assert code == 0  # units were made, with warnings
    assert units_of(project) == EXPECTED_UNITS


# What a clerk fills in afterwards, so the imported units validate and export.
FILLED: dict[str, Any] = {
    "intro": "为老服务窗口。",
    "opening_hours": {"schedules": [{"days": "周一至周五", "periods": ["08:00-12:00"]}]},
    "elderly_window": {"location": "一楼 1 号窗口"},
    "commitments": ["老年人办事优先。"],
    "disclosure": {
        "channels": ["网站"],
        "policies": ["laonianren-quanyi-baozhangfa"],
        "services": [{"name": "咨询", "description": "政策咨询。"}],
        "procedures": [
            {
                "name": "优待证办理",
                "steps": [{"name": "受理"}],
                "time_limit": {"promised": {"unit": "即办"}},
                "result": {"delivery": ["窗口领取"], "description": "当场领证。"},
            }
        ],
        "standards": [{"name": "告知", "content": "一次性告知。"}],
        "identification": {"methods": ["工作牌"]},
    },
}


def _fill_in(unit_file: Path) -> None:
    data = yaml.safe_load(unit_file.read_text(encoding="utf-8")) | FILLED
    data["address"] = data.get("address") or "未公布"
    numbers = [p.get("number") for p in data.get("phones") or []] or [None]
    data["phones"] = [{"role": "投诉监督", "number": n or "0599-6820000"} for n in numbers]
    unit_file.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")


def test_the_sheet_survives_export_then_import(tmp_path: Path) -> None:
    project = empty_county(tmp_path)
    run_cli("import", str(messy_sheet(tmp_path / "office.xlsx")), "--project", str(project))
    for unit in (project / "units").iterdir():
        if unit.is_dir():
            _fill_in(unit / "unit.yml")
    code, report = run_cli("validate", "--project", str(project))
    assert code == 0, report
    book = tmp_path / "register.xlsx"
    assert run_cli("export", str(book), "--project", str(project)) == (
        0,
        f"已导出 4 个单位到 {book}（「单位名录」和「缺项」两张表）\n",
    )
    again = empty_county(tmp_path, "again")
    code, output = run_cli("import", str(book), "--project", str(again))
    *made, summary = output.splitlines()
    assert code == 0 and summary == "共建立 4 个单位，跳过 0 行。"  # no warning, nothing skipped
    assert made[-len(NEXT_STEPS) :] == list(NEXT_STEPS)
    made = made[: -len(NEXT_STEPS)]
    assert sorted(re.sub(r"（第 \d+ 行）$", "", line) for line in made) == sorted(
        f"已建立 units/{unit_id}/unit.yml" for unit_id in EXPECTED_UNITS
    )
    assert units_of(again) == units_of(project)
    assert units_of(again)["xian-laoniandaxue"]["phones"] == ["0599-6820000"]
    # The same sheet into the county that has the units: nothing to do is not a failure.
    code, output = run_cli("import", str(book), "--project", str(project))
    assert code == 0 and output.endswith(
        "共建立 0 个单位，跳过 0 行。4 行的单位已经存在，没有改动。\n"
    )


def test_a_sheet_with_nothing_usable_exits_1(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["单位名称", "行业类别"])
    sheet.append(["某单位", "邮政"])
    sheet.append(["另一个单位", None])
    sheet.append(["注：无"])
    book.save(tmp_path / "in.xlsx")
    code, output = run_cli("import", str(tmp_path / "in.xlsx"), "--project", str(empty_county(tmp_path)))  # fmt: skip
    sectors = "、".join(SECTOR_SLUGS)
    assert (code, output) == (1, (
        f"跳过 第 2 行：行业类别「邮政」不对，应为九类之一：{sectors}\n"
        f"跳过 第 3 行：缺少行业类别，应为九类之一：{sectors}\n"
        "提示 第 4 行是说明文字，没有读取\n"
        "共建立 0 个单位，跳过 2 行。表格里没有找到可以建立的单位。\n"
    ))  # fmt: skip


def test_the_register_may_follow_an_instructions_sheet(tmp_path: Path) -> None:
    book = Workbook()
    first = book.active
    assert first is not None
    first.title = "填表说明"
    first.append(["单位名称：写全称；行业类别：九类之一"])
    hidden = book.create_sheet("旧表")
    hidden.append(["单位名称", "行业类别"])
    hidden.append(["不该读的单位", "涉老部门"])
    hidden.sheet_state = "hidden"
    register = book.create_sheet("名录")
    register.append(["单位名称", "行业类别"])
    register.append(["东镇敬老院", "基层为老服务组织"])
    book.save(tmp_path / "in.xlsx")
    project = empty_county(tmp_path)
    code, output = run_cli("import", str(tmp_path / "in.xlsx"), "--project", str(project))
    assert (code, output) == (0, (
        "提示 读取的是工作表「名录」；「填表说明」里没有单位名录的表头\n"
        "已建立 units/dongzhen-jinglaoyuan/unit.yml（第 2 行）\n"
        f"{NEXT}\n"
        "共建立 1 个单位，跳过 0 行。\n"
    ))  # fmt: skip
    english = Workbook()
    sheet = english.active
    assert sheet is not None
    sheet.append(["Name", "Sector"])
    sheet.append(["x", "y"])
    english.save(tmp_path / "english.xlsx")
    code, output = run_cli("import", str(tmp_path / "english.xlsx"), "--project", str(project))
    assert (code, output) == (1, (
        f"提示 第 1 行：不认识的列「Name」（A 列）、「Sector」（B 列）没有读取；可用的列名：{COLUMNS}\n"
        f"无法导入：工作表「Sheet」第 1 行：表头缺少「单位名称」「行业类别」列；可用的列名：{COLUMNS}\n"
    ))  # fmt: skip


@pytest.mark.parametrize(
    ("number", "phone", "restored"),
    [
        (5996871000, "0599-6871000", True),  # the county's code, 7-digit local number
        (59968712345, "0599-68712345", True),  # 8-digit local number
        (13905990000, "13905990000", False),  # a mobile never had a 0
        (12345, "12345", False),  # a service line
        (5916825678, "", False),  # another county's code, or not a code at all: not guessed
        (599123, "599123", False),  # too short to have lost anything
    ],
)
def test_a_lost_zero_is_put_back_only_when_certain(number: int, phone: str, restored: bool) -> None:
    got, note = restore_lost_zero(number, "0599")
    assert got == phone
    assert ("补成" in note) == restored and (not note) == (phone == str(number))


def test_cells_are_normalised_as_codes_or_as_prose() -> None:
    assert phone_texts(FULL_WIDTH_PHONE) == ["0599-6825678"]
    assert phone_texts(f"（{FULL_WIDTH_PHONE[:4]}）{FULL_WIDTH_PHONE[5:]}、13905990000") == [
        "0599-6825678",
        "13905990000",
    ]
    assert phone_texts("0599 6825678转8001") == ["0599-6825678-8001"]
    # Prose keeps its Chinese punctuation; full-width digits, and a hyphen or colon between two
    # digits, become ASCII.
    assert prose_text("县医院（北院），解放路\uff18\uff18－\uff12号，\uff18：\uff10\uff10开门") == (
        "县医院（北院），解放路88-2号，8:00开门"
    )
    assert prose_text("东镇\u3000\n图书馆") == "东镇 图书馆"
    assert cell_date(date(2026, 3, 1)) == ("2026-03-01", "")
    assert cell_date(20260301) == ("2026-03-01", "")
    assert cell_date("2026/3/1") == ("2026-03-01", "")
    assert cell_date("2026.13.1")[0] == ""
    assert cell_date("明年")[1] == "确认日期「明年」看不懂（应写成 2026-03-01），没有写入"


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def _zip(*names: str) -> bytes:
    """A zip holding these (empty) parts: another office format than a workbook."""
    data = io.BytesIO()
    with zipfile.ZipFile(data, "w") as archive:
        for name in names:
            archive.writestr(name, "")
    return data.getvalue()


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        # Real files (made by the scripts in tests/fixtures/office): Excel 97-2003, and a
        # workbook saved with an opening password.
        (
            "old.xls",
            (FIXTURES / "office/old.xls").read_bytes(),
            "是旧版 Excel（.xls）或 WPS 表格文件",
        ),
        ("locked.xlsx", (FIXTURES / "office/locked.xlsx").read_bytes(), "设了打开密码，无法读取"),
        ("list.csv", "单位名称,行业类别\n".encode(), "不是 Excel 工作簿（.xlsx），是 CSV 文本"),
        ("cut.xlsx", b"PK\x03\x04" + b"\0" * 100, "不是 Excel 工作簿（.xlsx），或者文件已损坏"),
        (
            "名录.ods",
            _zip("mimetype", "content.xml"),
            "是 OpenDocument 表格（.ods），不是 Excel 工作簿",
        ),
        ("名录.xlsx", _zip("word/document.xml"), "是 Word 文档，不是 Excel 工作簿"),
    ],
)
def test_a_file_that_is_no_workbook_gets_one_chinese_sentence(
    tmp_path: Path, name: str, content: bytes, message: str
) -> None:
    path = _write(tmp_path / name, content)
    code, output = run_cli("import", str(path), "--project", str(empty_county(tmp_path)))
    assert code == 1 and output.startswith(f"无法导入：{path} {message}")
    assert "Traceback" not in output and output.count("\n") == 1


def test_paths_that_are_no_file_get_a_chinese_reason(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = empty_county(tmp_path)
    code, output = run_cli("import", str(tmp_path / "none.xlsx"), "--project", str(project))
    assert (code, output) == (1, f"无法导入：找不到文件 {tmp_path / 'none.xlsx'}\n")
    code, output = run_cli("import", str(tmp_path), "--project", str(project))
    assert (code, output) == (1, f"无法导入：{tmp_path} 不是文件\n")
    capsys.readouterr()
    code, output = run_cli("export", str(tmp_path), "--project", str(project))
    assert (code, output) == (1, "")
    assert capsys.readouterr().err == (
        f"jinglao export：无法写入 {tmp_path}（这是一个文件夹，不是文件）；"
        "文件在 Excel 里打开着时请先关掉，或换一个文件名。\n"
    )


def test_a_broken_sheet_and_a_zip_bomb_are_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = empty_county(tmp_path)
    good = messy_sheet(tmp_path / "good.xlsx")
    broken = tmp_path / "broken.xlsx"
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(broken, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = data[: len(data) // 2]  # the XML stops half-way
            target.writestr(item, data)
    code, output = run_cli("import", str(broken), "--project", str(project))
    assert code == 1 and output.startswith(f"无法导入：{broken} 的内容读不出来，文件可能已损坏")
    huge = _write(tmp_path / "huge.xlsx", good.read_bytes() + bytes(21 * 1024 * 1024))
    code, output = run_cli("import", str(huge), "--project", str(project))
    assert code == 1 and output.startswith(
        f"无法导入：{huge} 太大（21.0 MiB），名录表格不会超过 20 MiB"
    )
    monkeypatch.setattr(sheet_module, "MAX_UNPACKED", 1000)  # as if the sheet unpacked to GBs
    code, output = run_cli("import", str(good), "--project", str(project))
    assert code == 1 and output.startswith(f"无法导入：{good} 解压后超过 ")
    assert output.endswith(" MiB，不像一份名录；请只保留名录那张表\n")
    assert not [p for p in (project / "units").iterdir() if p.is_dir()]


def test_export_gives_dropdowns_a_filter_linked_names_and_the_gaps(
    demo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1893456000")  # 2030-01-01: a 2025 date is stale
    stale = demo / "units/anlan-tushuguan/unit.yml"
    stale.write_text(stale.read_text("utf-8").rstrip("\n") + "\nconfirmed: 2025-01-02\n", "utf-8")
    path = demo / "register.xlsx"
    assert run_cli("export", str(path), "--project", str(demo))[0] == 0
    book = load_workbook(path)
    sheet = book["单位名录"]
    header = [c.value for c in sheet[1]]
    choices = book["选项"]
    assert choices.sheet_state == "hidden"
    lists = {
        "行业类别": list(SECTOR_SLUGS),
        "层级": list(get_args(Level)),
        "所属乡镇": [t["name"] for t in yaml.safe_load((REPO / "units/county.yml").read_text("utf-8"))["townships"]],
    }  # fmt: skip
    rules = {str(v.sqref).split(":")[0]: v.formula1 for v in sheet.data_validations.dataValidation}
    assert len(rules) == 3
    for column, values in lists.items():
        letter = "ABCDEFGHIJKL"[header.index(column)]
        source = rules[f"{letter}2"].split("!")[1].replace("$", "").split(":")
        assert [c.value for row in choices[source[0] : source[1]] for c in row] == values
    units = sorted(p.name for p in (REPO / "units").iterdir() if p.is_dir())
    assert sheet.auto_filter.ref == f"A1:L{len(units) + 1}"
    names = {row[1].value: row[1] for row in sheet.iter_rows(min_row=2) if row[0].value}
    ids = {row[1].value: row[0].value for row in sheet.iter_rows(min_row=2) if row[0].value}
    assert sorted(ids.values()) == units
    for name, cell in names.items():
        assert cell.hyperlink.target == f"https://jinglao.example.org/units/{ids[name]}/"
    assert sheet["G500"].number_format == "@"  # a phone typed below the units keeps its 0
    gaps = [[c.value for c in row] for row in book["缺项"].iter_rows(min_row=2)]
    warned = 0
    for unit_id in units:  # exactly the ✗ items and the warnings `jinglao check` prints
        _, report = run_cli("check", unit_id, "--project", str(demo))
        rows = [g for g in gaps if g[0] == unit_id]
        assert len(rows) == report.count("  ✗ ") + report.count(": 警告 "), unit_id
        for area, item, where, note in (g[2:] for g in rows):
            if area == "检查提示":
                warned += 1
                assert f"{where}:1: 警告 {item}\n  提示：{note}" in report
            else:
                assert f"  ✗ {item}" in report and (where or "") in report
    assert warned == 1


def test_export_without_a_site_url_links_nothing_and_says_so(demo: Path) -> None:
    mkdocs = demo / "mkdocs.yml"
    mkdocs.write_text(
        "\n".join(line for line in mkdocs.read_text("utf-8").splitlines() if not line.startswith("site_url:")),
        encoding="utf-8",
    )  # fmt: skip
    path = demo / "register.xlsx"
    code, output = run_cli("export", str(path), "--project", str(demo))
    assert (
        code == 0 and "mkdocs.yml 没有写 site_url（网站的公开地址），单位名称没有加链接" in output
    )
    sheet = load_workbook(path)["单位名录"]
    assert all(cell.hyperlink is None for row in sheet.iter_rows(min_row=2) for cell in row)


def test_units_just_imported_are_named_and_their_errors_listed_on_export(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Imported units are unfinished on purpose, so they fail validation and stay out of the
    register; the office must still see them and what they lack."""
    project = empty_county(tmp_path)
    run_cli("import", str(messy_sheet(tmp_path / "office.xlsx")), "--project", str(project))
    capsys.readouterr()
    path = tmp_path / "register.xlsx"
    code, _ = run_cli("export", str(path), "--project", str(project))
    err = capsys.readouterr().err
    assert code == 0
    assert f"{len(EXPECTED_UNITS)} 个单位的资料有错误，没有导出到「单位名录」" in err
    assert all(unit_id in err for unit_id in EXPECTED_UNITS)
    gaps = list(load_workbook(path)["缺项"].iter_rows(min_row=2, values_only=True))
    listed = {row[0] for row in gaps if row[2] == "资料有错误，未导出"}
    assert listed == set(EXPECTED_UNITS)
    assert all(
        str(row[4]).startswith(f"units/{row[0]}/unit.yml:") for row in gaps if row[0] in listed
    )
