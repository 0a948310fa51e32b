"""#16 shapes: units above the county, validity over time, steps that branch, structured fees,
and duties and limits — accepted, checked and shown on the page, the screen and the board."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from jinglao.pipeline import build_pages, load

from .conftest import FIXTURES, copy_project

UNIT = "mini-window"


@pytest.fixture
def mini(tmp_path: Path) -> Path:
    return copy_project(FIXTURES / "minimal", tmp_path / "p")


def _edit(project: Path, change: Any) -> None:
    path = project / "units" / UNIT / "unit.yml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")


def _outputs(project: Path) -> dict[str, str]:
    result = build_pages(project)
    assert result.ok, result.problems
    names = {"page": f"units/{UNIT}/index.md", "screen": f"screens/{UNIT}/index.html",
             "board": f"print/{UNIT}/index.html"}  # fmt: skip
    return {k: str(result.pages[v]) for k, v in names.items()}


def _procedure(data: dict[str, Any]) -> dict[str, Any]:
    proc: dict[str, Any] = data["disclosure"]["procedures"][0]
    return proc


def test_a_city_window_needs_no_township_and_is_browsed_as_such(mini: Path) -> None:
    def change(data: dict[str, Any]) -> None:
        data["level"] = "市级"
        del data["township"]

    _edit(mini, change)
    result = build_pages(mini)
    assert result.ok, result.problems
    group = str(result.pages["townships/zhuxian/index.md"])
    assert "测试窗口" in group and "驻县及上级单位" in group


def test_a_branching_step_reads_as_a_branch_everywhere(mini: Path) -> None:
    def change(data: dict[str, Any]) -> None:
        _procedure(data)["steps"] = [
            {
                "name": "资格认证",
                "alternatives": [{"name": "窗口认证"}, {"name": "手机 App 认证"}],
                "fallbacks": [
                    {"name": "重新建模", "when": "不成功的"},
                    {"name": "上门认证", "when": "仍不成功的", "materials": ["医院证明"]},
                ],
                "proxy": "可由家属代办",
            },
            {
                "name": "网上预约",
                "time_limit": {"value": 12, "up_to": 72, "unit": "小时", "anchor": "发车前"},
            },
        ]

    _edit(mini, change)
    outputs = _outputs(mini)
    for name in ("screen", "board"):
        assert (
            "资格认证；可选：窗口认证 或 手机 App 认证；不成功的：重新建模；仍不成功的：上门认证，另需医院证明；可由家属代办"
            in outputs[name]
        ), name
    assert "发车前 12—72小时" in outputs["page"]


def test_structured_fees_add_up_and_keep_their_condition(mini: Path) -> None:
    def change(data: dict[str, Any]) -> None:
        _procedure(data)["fees"] = [
            {"item": "月费", "price": "每月 2,000 元", "amount": 2000, "unit": "元/月",
             "parts": [{"item": "床位费", "amount": 1200, "unit": "元/月"},
                       {"item": "护理费", "amount": 800, "unit": "元/月"}]},
            {"item": "接送", "price": "免费", "condition": "2 公里以内"},
        ]  # fmt: skip

    _edit(mini, change)
    outputs = _outputs(mini)
    for name in ("page", "screen", "board"):
        assert "月费 每月 2,000 元（床位费 1,200 元/月 + 护理费 800 元/月）" in outputs[name], name
        assert "接送 免费（2 公里以内）" in outputs[name], name

    def wrong(data: dict[str, Any]) -> None:
        _procedure(data)["fees"][0]["amount"] = 2100

    _edit(mini, wrong)
    messages = [p.message for p in load(mini).problems]
    assert messages == ["「月费」各分项合计 2,000 元/月，与金额 2,100 元/月 不符"]


def test_the_page_shows_what_holds_today_and_records_the_rest(mini: Path) -> None:
    def change(data: dict[str, Any]) -> None:
        data["commitments"] = [
            {"text": "预约时间延长到 19:30。", "valid": {"since": "2020年3月1日起", "replaces": "预约时间原到 18:00"}},
            {"text": "周六上午开放。", "valid": {"until": "2020-06-30"}},
            {"text": "夜间服务。", "valid": {"status": "暂停", "resume": "另行通知"}},
            {"text": "上门办理。", "valid": {"since": "2999-01"}},
        ]  # fmt: skip

    _edit(mini, change)
    outputs = _outputs(mini)
    for name in ("page", "screen", "board"):
        text = outputs[name]
        assert "预约时间延长到 19:30。（2020年3月1日起）" in text, name
        assert "夜间服务。（暂停，恢复时间另行通知）" in text, name
        assert "上门办理。（自 2999-01 起实行）" in text, name
        assert "周六上午开放" not in text.split("调整记录")[0], name
    assert "【公开承诺】周六上午开放。（已于 2020-06-30 停止）" in outputs["page"]
    assert "调整前：预约时间原到 18:00" in outputs["page"]


def test_a_suspended_unit_need_publish_no_hours_and_says_so(mini: Path) -> None:
    def change(data: dict[str, Any]) -> None:
        del data["opening_hours"]
        data["status"] = {"state": "暂停服务", "since": "2026-09", "resume": "另行通知"}

    _edit(mini, change)
    outputs = _outputs(mini)
    for name in ("page", "screen", "board"):
        assert "本单位暂停服务（自 2026-09 起，恢复时间另行通知）" in outputs[name], name

    def open_without_hours(data: dict[str, Any]) -> None:
        del data["status"]

    _edit(mini, open_without_hours)
    assert [p.message for p in load(mini).problems] == ["缺少必填项「办公时间」（opening_hours）"]


def test_duties_and_limits_are_typed_and_shown(mini: Path) -> None:
    def change(data: dict[str, Any]) -> None:
        _procedure(data)["recurring"] = [{"what": "领取资格认证", "every": "每年", "times": 2}]
        data["disclosure"]["services"][0]["rationing"] = [
            {"when": "高峰期", "measure": "暂停有偿用户"}
        ]
        data["staffing"] = [{"post": "爱心窗口", "minimum": 2}]
        data["sites"] = {"count": 10, "scope": "全市", "note": "就近办理"}

    _edit(mini, change)
    page = _outputs(mini)["page"]
    for text in ("定期要办：每年 2 次：领取资格认证", "高峰期：暂停有偿用户", "爱心窗口不少于 2 名",
                 "全市共 10 个受理点。就近办理"):  # fmt: skip
        assert text in page
