"""The home page's 「我要办事」 entries and a task page as a person uses them, in real Chromium:
every entry visible, big enough to tap (60 px in 长辈版), at body size or larger, no sideways
scrolling on a 320 px phone, and the task page free of WCAG AA violations."""

from __future__ import annotations

from typing import Any

import pytest

from tests.browser.harness import AXE, axe_violations, screenshot

EVERYDAY = ["看病就医", "乘车出行", "办优待证", "银行办事", "水电气", "助餐养老", "文化活动"]

ENTRIES = """() => [...document.querySelectorAll('a.jl-task')].map(a => {
  const r = a.getBoundingClientRect();
  const name = a.querySelector('strong');
  return {name: name.textContent, w: r.width, h: r.height, right: r.right,
          size: parseFloat(getComputedStyle(name).fontSize), top: r.top + scrollY};
})"""


@pytest.mark.parametrize("elder", [False, True], ids=["normal", "elder"])
@pytest.mark.parametrize("width", [320, 390, 1366])
def test_task_entries_are_big_tappable_and_all_shown(
    open_page: Any, width: int, elder: bool
) -> None:
    page = open_page("", width, elder=elder)
    entries = page.evaluate(ENTRIES)
    assert [e["name"] for e in entries] == EVERYDAY
    target, body = (60, 24) if elder else (44, 18)
    assert all(e["h"] >= target and e["w"] >= target for e in entries), entries
    assert all(e["size"] >= body for e in entries), entries
    assert all(e["right"] <= width for e in entries), entries
    if width < 600:  # two a row on a phone: all seven within about two screens of 长辈版
        rows = sorted({round(e["top"]) for e in entries})
        assert len(rows) == 4, rows
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0
    screenshot(page, f"tasks-home-{width}-{'elder' if elder else 'normal'}")


def test_an_entry_leads_to_its_units_and_procedures(open_page: Any) -> None:
    page = open_page("", 390, 844, elder=True)
    page.locator("a.jl-task", has_text="看病就医").click()
    page.wait_for_url("**/tasks/kanbing/")
    assert page.locator("h1").inner_text().splitlines()[0] == "看病就医"
    page.locator("a", has_text="老年人门诊优先挂号").first.click()
    page.wait_for_url("**/units/anlan-renmin-yiyuan/#proc-guahao")
    assert page.locator("#proc-guahao").count() == 1


@pytest.mark.parametrize("elder", [False, True], ids=["normal", "elder"])
def test_task_page_has_no_wcag_aa_violation(open_page: Any, elder: bool) -> None:
    assert AXE.exists(), "npm install --prefix tests/browser（.ci/run 会安装 axe-core）"
    page = open_page("tasks/chengche/", 1366, elder=elder)
    assert axe_violations(page) == []


@pytest.mark.parametrize("width", [390, 1366])
def test_the_search_tip_matches_what_the_screen_shows(open_page: Any, width: int) -> None:
    page = open_page("", width)
    tip = page.locator("article p", has_text="想找某一项服务").inner_text()
    field = page.locator(".jl-header-search__input").is_visible()
    button = page.locator(".jl-header-search__button").is_visible()
    assert (
        "搜索框" in tip and "「搜索」按钮" in tip
    )  # the field on a computer, the button on a phone
    assert button and field == (width >= 600)
