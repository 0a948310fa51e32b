"""New unit files (`jinglao new`, `jinglao import`) hold only what the clerk stated: every other
required field starts empty, validation lists each one, and nothing is published from a file the
unit has not filled — no 县级, 展示板, 工作牌 or 当场办结 that nobody said."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from openpyxl import Workbook

from jinglao.pipeline import build_pages
from jinglao.source.yamldoc import parse_text
from jinglao.unit.canonical import unit_text

from .conftest import REPO, assert_golden, run_cli

# What a clerk types into the gaps, by key path: text first, then the fields that are a choice
# from a list (each filled with a value the old template used to fill in by itself nowhere).
TEXT_FILLED: dict[tuple[str | int, ...], Any] = {
    ("address",): "安澜县城关镇中山路 9 号",
    ("intro",): "县中医院设老年病科和老年人优先窗口。",
    ("opening_hours", "schedules", 0, "days"): "周一至周日",
    ("opening_hours", "schedules", 0, "periods"): ["08:00-12:00"],
    ("elderly_window", "location"): "门诊一楼 2 号窗口",
    ("phones", 0, "number"): "0599-6822999",
    ("commitments", 0): "老年人就诊优先。",
    ("disclosure", "policies"): ["laonianren-quanyi-baozhangfa"],
    ("disclosure", "services", 0, "name"): "中医理疗",
    ("disclosure", "services", 0, "description"): "针灸推拿，老年人优先预约。",
    ("disclosure", "procedures", 0, "name"): "中医理疗预约",
    ("disclosure", "procedures", 0, "steps", 0, "name"): "电话预约",
    ("disclosure", "procedures", 0, "time_limit", "promised"): {"value": 1, "unit": "工作日"},
    ("disclosure", "procedures", 0, "result", "description"): "约定理疗时间。",
    ("disclosure", "standards", 0, "name"): "预约时限",
    ("disclosure", "standards", 0, "content"): "一个工作日内回电。",
}
CHOICES_FILLED: dict[tuple[str | int, ...], Any] = {
    ("level",): "县级",
    ("phones", 0, "role"): "投诉监督",
    ("disclosure", "channels"): ["网站", "微信公众号"],
    ("disclosure", "procedures", 0, "result", "delivery"): ["短信通知"],
    ("disclosure", "identification", "methods"): ["佩戴标徽", "桌牌"],
}
# What the old template wrote by itself; none may reach a page unless the clerk wrote it.
UNSTATED = ("展示板", "工作牌", "当场办结")


def fill(text: str, filled: dict[tuple[str | int, ...], Any]) -> str:
    """The file with each empty place a path names filled in, written as the web editor writes
    it (canonical form); a place that holds a value already is left as it is, so a default the
    scaffold wrote would stay."""
    doc, problems = parse_text("unit.yml", text)
    assert doc is not None, problems
    for path, value in filled.items():
        *parents, last = path
        node = doc.data
        for key in parents:
            node = node[key]
        if node[last] in (None, []):
            node[last] = value
    return unit_text(doc.data)


def _new(demo: Path, *options: str, unit_id: str = "anlan-xian-zhongyiyuan") -> Path:
    code, output = run_cli(
        "new", unit_id, "--project", str(demo), "--name", "安澜县中医院", "--sector", "卫生系统",
        *options,
    )  # fmt: skip
    assert code == 0, output
    return demo / "units" / unit_id / "unit.yml"


def test_scaffold_lists_the_gaps_then_validates_when_filled(demo: Path) -> None:
    unit = _new(demo)
    written = unit.read_text(encoding="utf-8")
    assert "#" not in written and written == unit_text(yaml.safe_load(written))  # canonical
    code, report = run_cli("validate", "--project", str(demo), str(unit))
    assert code == 1
    assert_golden("scaffold/fresh.txt", report)
    text = fill(unit.read_text(encoding="utf-8"), TEXT_FILLED | CHOICES_FILLED)
    unit.write_text(text, encoding="utf-8")
    assert run_cli("validate", "--project", str(demo)) == (0, "检查通过：没有发现问题。\n")


def _values(node: Any) -> list[str]:
    """Every value written in a YAML tree (keys left out), empty ones left out."""
    if isinstance(node, dict):
        return [v for child in node.values() for v in _values(child)]
    if isinstance(node, list):
        return [v for child in node for v in _values(child)]
    return [] if node is None or node == "" else [str(node)]


def _import(demo: Path, header: list[str], row: list[Any]) -> Path:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(header)
    sheet.append(row)
    path = demo / "register.xlsx"
    book.save(path)
    code, output = run_cli("import", str(path), "--project", str(demo))
    assert code == 0, output
    return demo / "units/qingxizhen-weishengyuan/unit.yml"


def test_a_new_file_writes_only_what_the_clerk_stated(demo: Path) -> None:
    made = [
        (("安澜县中医院", "卫生系统"), _new(demo)),
        (
            ("安澜县中医院", "卫生系统", "清溪镇"),
            _new(demo, "--township", "清溪镇", unit_id="zhongyiyuan-qingxi"),
        ),
        (
            # The sheet's column is 「监督电话」: the number is stated as the supervision phone.
            ("清溪镇卫生院", "卫生系统", "清溪镇", "清溪镇溪口路 3 号", "投诉监督", "0599-6871000"),
            _import(
                demo,
                ["单位名称", "行业类别", "所属乡镇", "地址", "监督电话"],
                ["清溪镇卫生院", "卫生系统", "清溪镇", "清溪镇溪口路 3 号", "0599-6871000"],
            ),
        ),
    ]
    for stated, path in made:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert sorted(_values(data)) == sorted(stated), path
        assert data["level"] is None  # a township is no level: a city window sits in one too


def test_a_level_is_written_when_the_clerk_gives_it(demo: Path) -> None:
    unit = _new(demo, "--level", "乡镇", "--township", "清溪镇")
    data = yaml.safe_load(unit.read_text(encoding="utf-8"))
    assert (data["level"], data["township"]) == ("乡镇", "清溪镇")


def test_a_scaffold_never_builds_a_page_with_an_unstated_value(demo: Path) -> None:
    """Text filled, choices not: the build refuses and names each choice; filled in full, the
    pages show the clerk's choices and none of the values the template used to fill in."""
    unit = _new(demo)
    unit.write_text(fill(unit.read_text(encoding="utf-8"), TEXT_FILLED), encoding="utf-8")
    result = build_pages(demo)
    assert result.pages == {}
    left = sorted(
        re.sub(r".*（(\w+)）没有填写内容", r"\1", p.message)
        for p in result.problems
        if p.path.endswith("zhongyiyuan/unit.yml")
    )
    assert left == ["channels", "delivery", "level", "methods", "role"]
    unit.write_text(fill(unit.read_text(encoding="utf-8"), CHOICES_FILLED), encoding="utf-8")
    pages = build_pages(demo).pages
    own = {k: v for k, v in pages.items() if "/anlan-xian-zhongyiyuan" in k}
    assert {
        "units/anlan-xian-zhongyiyuan/index.md",
        "print/anlan-xian-zhongyiyuan/index.html",
    } <= set(own)
    for path, text in own.items():
        assert [word for word in UNSTATED if word in text] == [], path
    page = own["units/anlan-xian-zhongyiyuan/index.md"]
    assert "佩戴标徽、桌牌" in page and "网站、微信公众号" in page and "短信通知" in page


def test_import_leaves_the_level_to_the_unit(demo: Path) -> None:
    unit = _import(demo, ["单位名称", "行业类别"], ["清溪镇卫生院", "卫生系统"])
    code, report = run_cli("validate", "--project", str(demo), str(unit))
    assert code == 1 and "「层级」（level）没有填写内容" in report


@pytest.mark.parametrize("level", ["区级", "县直"])
def test_import_refuses_a_level_not_on_the_list(demo: Path, level: str) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["单位名称", "行业类别", "层级"])
    sheet.append(["清溪镇卫生院", "卫生系统", level])
    path = demo / "in.xlsx"
    book.save(path)
    code, output = run_cli("import", str(path), "--project", str(demo))
    assert code == 1 and f"层级「{level}」应为县级、乡镇" in output
    assert not (demo / "units/qingxizhen-weishengyuan").exists()


def test_the_guidance_new_files_no_longer_carry_as_comments_is_in_the_schema() -> None:
    """Editors (VS Code via .vscode/settings.json, the web form) show these beside each field."""
    schema = json.loads((REPO / "content/schema/unit.schema.json").read_text(encoding="utf-8"))
    fields = schema["properties"]
    defs = schema["$defs"]
    assert "投诉监督" in fields["phones"]["description"]
    assert "乡镇" in fields["township"]["description"]
    assert "六项" in fields["disclosure"]["description"]
    for name in ("address", "phones", "opening_hours", "elderly_window"):
        assert "未公布" in fields[name]["description"], name
    assert "即办" in defs["TimeLimit"]["properties"]["promised"]["description"]
    assert "交到办事人手里" in defs["Result"]["properties"]["delivery"]["description"]
    assert "未公布" in defs["Disclosure"]["properties"]["procedures"]["description"]
    settings = json.loads((REPO / ".vscode/settings.json").read_text(encoding="utf-8"))
    assert settings["yaml.schemas"] == {"./content/schema/unit.schema.json": "units/*/unit.yml"}
