"""Shapes real disclosures have: dates as published, single-digit hours, age tiers with gaps,
time limits with kind and exclusions, facilities, timetables, operators, inspections,
distributions and figures with their scope — each accepted and shown as the unit wrote it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from jinglao.pipeline import build_pages, load
from jinglao.problems import Severity
from jinglao.schema.dates import earliest

from .conftest import FIXTURES, copy_project, run_cli

UNIT = "mini-window"


def _edit(project: Path, change: dict[str, Any]) -> None:
    path = project / "units" / UNIT / "unit.yml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data.update(change)
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")


def _page(project: Path, path: str = f"units/{UNIT}/index.md") -> str:
    result = build_pages(project)
    assert result.ok, result.problems
    page = result.pages[path]
    assert isinstance(page, str)
    return page


@pytest.fixture
def mini(tmp_path: Path) -> Path:
    return copy_project(FIXTURES / "minimal", tmp_path / "p")


@pytest.mark.parametrize(
    ("written", "first_day"),
    [("2025-03-01", "2025-03-01"), ("2025-03", "2025-03-01"), ("2025", "2025-01-01"),
     ("2025年3月", "2025-03-01"), ("2024年以来", "2024-01-01"), ("2025年3月1日起", "2025-03-01")],
)  # fmt: skip
def test_dates_are_kept_as_published(mini: Path, written: str, first_day: str) -> None:
    activity = {"date": written, "type": "敬老宣传", "title": "重阳节慰问"}
    _edit(mini, {"activities": [activity]})
    assert f"{written} 【敬老宣传】重阳节慰问" in _page(mini)
    assert earliest(written).isoformat() == first_day


def test_single_digit_hours_are_accepted(mini: Path) -> None:
    schedule = {"days": "周一至周五", "periods": ["8:30-12:00", "14:30-17:30"]}
    _edit(mini, {"opening_hours": {"schedules": [schedule]}})
    assert "周一至周五 08:30-12:00、14:30-17:30" in _page(mini)


def test_an_age_left_between_two_tiers_is_a_warning(mini: Path) -> None:
    tiers = [
        {"who": {"age": {"min": 60, "max": 74}}, "content": "半价"},
        {"who": {"age": {"min": 76}}, "content": "免费"},
    ]
    benefit = {"name": "乘车优惠", "category": "交通出行", "forms": ["半价"], "tiers": tiers}
    _edit(mini, {"benefits": [benefit]})
    problems = load(mini).problems
    assert [(p.severity, p.message) for p in problems] == [
        (Severity.WARNING, "「乘车优惠」的年龄段之间空出了75周岁")
    ]


def test_nested_tiers_are_how_policies_write_a_higher_tier(mini: Path) -> None:
    tiers = [
        {"who": {"age": {"min": 60}}, "content": "优先办理"},
        {"who": {"age": {"min": 80}}, "content": "上门办理"},
    ]
    benefit = {"name": "优先服务", "category": "政务服务", "forms": ["优先"], "tiers": tiers}
    _edit(mini, {"benefits": [benefit]})
    assert load(mini).problems == []


def test_time_limit_kind_and_exclusions_travel_with_the_figure(mini: Path) -> None:
    path = mini / "units" / UNIT / "unit.yml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    limit = data["disclosure"]["procedures"][0]["time_limit"]
    limit.update(promised={"value": 3, "unit": "工作日"}, kind="平均", excludes=["不含鉴定时间"])
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    result = build_pages(mini)
    expected = "平均 3个工作日（不含鉴定时间）"
    for output in (
        f"units/{UNIT}/index.md",
        f"screens/{UNIT}/index.html",
        f"print/{UNIT}/index.html",
    ):
        assert expected in str(result.pages[output]), output


def test_site_facts_are_shown(mini: Path) -> None:
    _edit(
        mini,
        {
            "operator": {"name": "康乐养老服务有限公司", "role": "食堂日常运营"},
            "timetables": [{"name": "城关—东镇班车", "span": "6:00-19:30", "interval": "每 15 分钟一班"}],
            "facilities": [{"kind": "无障碍通道", "location": "东门", "leads_to": "二楼办事大厅"}],
            "inspections": [
                {"date": "2025-06", "kind": "暗访", "by": "县文明办", "finding": "叫号屏字太小",
                 "rectification": "已换大屏"}
            ],
            "highlights": [{"label": "全省热线接通", "value": 1256310, "unit": "次", "scope": "全省"}],
        },
    )  # fmt: skip
    page = _page(mini)
    assert "<dt>运营单位</dt><dd>康乐养老服务有限公司（食堂日常运营）</dd>" in page
    assert "<dt>城关—东镇班车</dt><dd>首末班 06:00—19:30，每 15 分钟一班</dd>" in page
    assert "<dt>无障碍通道</dt><dd>东门、通往二楼办事大厅</dd>" in page
    assert "2025-06 【暗访】县文明办：叫号屏字太小<br>整改情况：已换大屏" in page
    assert "1,256,310 次（全省数据）" in page


def test_new_refuses_a_township_not_in_the_county_list(mini: Path) -> None:
    code, _ = run_cli(
        "new", "--project", str(mini), "--name", "西镇卫生所", "--sector", "卫生系统",
        "--township", "西镇",
    )  # fmt: skip
    assert code == 2
    assert not (mini / "units/xizhen-weishengsuo").exists()
    assert sorted(p.name for p in (mini / "units").iterdir()) == ["county.yml", UNIT]


def test_a_unit_creating_never_shows_a_title_it_does_not_hold(mini: Path) -> None:
    _edit(
        mini,
        {
            "honours": [
                {"level": "县级", "status": "创建中", "round": "第二届"},
                {"level": "市级", "cycle": "2021-2023", "title": "老年友善医疗机构"},
                {"level": "省级", "cycle": "2021-2023", "status": "已撤销"},
            ]
        },
    )
    page = _page(mini)
    tags = page.split('<p class="jl-tags">')[1].split("</p>")[0]
    assert '<span class="jl-honour">2021-2023 届 市级老年友善医疗机构</span>' in tags
    assert tags.count("jl-honour") == 1
    assert "第二届县级敬老文明号（创建中，尚未命名）" in page
    assert "2021-2023 届省级敬老文明号（已撤销）" in page


@pytest.mark.parametrize(
    ("honour", "message"),
    [
        ({"level": "县级"}, "没有写届次"),
        ({"level": "县级", "cycle": "2021-2023", "revoked": {"date": "2024-01-02", "reason": "投诉"}},
         "写了摘牌信息，状态却不是「已撤销」"),
        ({"level": "县级", "round": "第二届", "status": "创建中", "awarded": "2024-01-02"},
         "「创建中」的称号还没有授予日期"),
    ],
)  # fmt: skip
def test_honour_states_must_agree(mini: Path, honour: dict[str, Any], message: str) -> None:
    _edit(mini, {"honours": [honour]})
    assert [p.message for p in load(mini).problems] == [message]
