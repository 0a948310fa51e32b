"""What the public reads is what the unit wrote: qualifiers where they belong, numbers as people
write them, no catch-all 「其他」, no brackets inside brackets, no clerk instructions."""

from __future__ import annotations

from pathlib import Path

import pytest

from jinglao.pipeline import build_pages
from jinglao.unit.common import Eligibility, Figure
from jinglao.unit.wording import eligibility, figure, numbered_by_unit, visits

from .conftest import REPO


@pytest.mark.parametrize(
    ("fig", "text"),
    [
        (Figure(value=1500, unit="人次", qualifier="余"), "1,500余 人次"),
        (
            Figure(value=3000, unit="人次", qualifier="约", period="2025年"),
            "约3,000 人次（2025年）",
        ),
        (Figure(value=1256310, unit="人"), "1,256,310 人"),
        (Figure(value=2.5, unit="万人次", qualifier="近"), "近2.5 万人次"),
    ],
)
def test_figures_read_as_written(fig: Figure, text: str) -> None:
    assert figure(fig) == text


def test_a_note_on_eligibility_never_nests_brackets() -> None:
    who = Eligibility.model_validate({"age": {"min": 80}, "note": "免收复印费"})
    assert eligibility(who) == "80周岁及以上；免收复印费"


def test_no_visit_reads_as_such() -> None:
    assert (visits(0), visits(1), visits(None)) == ("不用跑", "最多跑 1 次", None)


@pytest.fixture(scope="module")
def pages() -> dict[str, str]:
    result = build_pages(REPO)
    assert result.ok
    return {p: c for p, c in result.pages.items() if isinstance(c, str)}


def test_demo_pages_carry_no_known_defect(pages: dict[str, str]) -> None:
    public = {
        p: c
        for p, c in pages.items()
        if p.startswith(("units/", "screens/", "print/", "policies/"))
    }
    for path, text in public.items():
        assert "余1,500" not in text and "余1500" not in text, path
        assert "e+0" not in text, path
        assert "最多跑 0 次" not in text, path
        assert "（其他）" not in text and "【其他】" not in text and "其他电话" not in text, path
        assert "（80周岁及以上（" not in text, path
        assert "unit.yml" not in text and "单位文件引用时" not in text, path  # no clerk text
    assert "1,500余 人次" in pages["units/anlan-qiche-zhan/index.md"]


def test_boards_and_screens_keep_time_limit_notes_and_benefit_names(pages: dict[str, str]) -> None:
    for path in ("print/anlan-renmin-yiyuan/index.html", "screens/anlan-renmin-yiyuan/index.html"):
        text = pages[path]
        assert "高峰时段（每天 08:00-09:30）排队不超过 10 分钟。" in text, path  # a note on a limit
    unit_page = pages["units/anlan-renmin-yiyuan/index.md"]
    assert len(_benefit_names(unit_page)) >= 2  # tiers of different benefits must stay apart
    for board in ("print/anlan-renmin-yiyuan/index.html", "screens/anlan-renmin-yiyuan/index.html"):
        for name in _benefit_names(unit_page):
            assert f"<strong>{name}</strong>：" in pages[board], (board, name)


def _benefit_names(unit_page: str) -> list[str]:
    import re

    return re.findall(r'<h3 id="benefit-\d+">([^<]+)</h3>', unit_page)


def test_service_cards_say_nothing_meant_for_clerks(tmp_path: Path) -> None:
    from .conftest import FIXTURES, copy_project

    project = copy_project(FIXTURES / "minimal", tmp_path / "p")
    cards = build_pages(project).pages["print/mini-window/cards/index.html"]
    assert isinstance(cards, str)
    assert "本单位尚未公布窗口人员。" in cards and "unit.yml" not in cards


def test_each_unit_page_gives_its_screen_and_boards_by_full_address(pages: dict[str, str]) -> None:
    import yaml

    site_url = yaml.safe_load(
        (REPO / "mkdocs.yml").read_text(encoding="utf-8").split("\ntheme:")[0]
    )["site_url"]
    page = pages["units/anlan-renmin-yiyuan/index.md"]
    for path in ("screens/anlan-renmin-yiyuan/", "print/anlan-renmin-yiyuan/a3/"):
        url = site_url + path
        assert f'<a href="{url}">{url}</a>' in page
        assert path + "index.html" in pages  # the address leads to a page that exists


@pytest.mark.parametrize(
    ("text", "numbered"),
    [
        ("1. 老年人优先办理。", True),
        ("2、材料齐全的当场办结。", True),
        ("（一）窗口服务", True),
        ("三、上门服务", True),
        ("③ 首问负责", True),
        ("第一条 老年人优先", True),
        ("1.5 小时内到场。", False),  # a decimal is a figure, not an item number
        ("一次性告知所需材料。", False),
        ("24 小时服务热线。", False),
    ],
)
def test_a_unit_s_own_item_numbers_are_recognised(text: str, numbered: bool) -> None:
    """Lists whose items the unit numbered itself are shown as written, never numbered again."""
    assert numbered_by_unit(["老年人优先。", text]) is numbered


def test_screens_and_boards_give_the_booking_phone_and_clean_hours(pages: dict[str, str]) -> None:
    """The hospital's screen and boards promise 电话预约: they give its number, as the unit file
    does, beside the supervision phone; an hours line ending in 。 is not followed by ；."""
    screen = pages["screens/anlan-renmin-yiyuan/index.html"]
    assert "咨询电话 0599-6822120 · 预约电话 0599-6822333<br>监督电话：0599-6822001" in screen
    for board in (
        "print/anlan-renmin-yiyuan/index.html",
        "print/anlan-renmin-yiyuan/a3/index.html",
    ):
        assert "预约电话 0599-6822333 · 监督电话：0599-6822001" in pages[board], board
    assert not [p for p, text in pages.items() if p.startswith("print/") and "。；" in text]
