"""The public portal as a person uses it, in real Chromium: accessibility, 长辈版, search, layout."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.browser.harness import AXE, axe_violations, screenshot
from tests.conftest import ELDER

PAGES = {
    "home": "",
    "unit": "units/anlan-renmin-yiyuan/",
    "sector": "sectors/weisheng/",
    "stats": "stats/",
}


@pytest.fixture
def new_page(browser: Any, site_url: str) -> Iterator[Any]:
    contexts = []

    def make(
        width: int = 1366, height: int = 768, *, elder: bool = False, dark: bool = False
    ) -> Any:
        context = browser.new_context(
            viewport={"width": width, "height": height}, color_scheme="dark" if dark else "light"
        )
        if elder:
            context.add_init_script(ELDER)
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()


@pytest.mark.parametrize("mode", ["normal", "elder", "dark"])
@pytest.mark.parametrize("name", sorted(PAGES))
def test_no_wcag_aa_violation(new_page: Any, site_url: str, name: str, mode: str) -> None:
    page = new_page(elder=mode == "elder", dark=mode == "dark")
    page.goto(site_url + PAGES[name])
    if mode == "dark":
        page.evaluate("document.body.setAttribute('data-md-color-scheme', 'slate')")
    assert axe_violations(page) == []


@pytest.mark.parametrize("name", sorted(PAGES))
def test_no_request_leaves_the_site(new_page: Any, site_url: str, name: str) -> None:
    page = new_page()
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(site_url + PAGES[name], wait_until="networkidle")
    foreign = [u for u in requested if not u.startswith((site_url, "data:", "blob:"))]
    assert foreign == []


def _body_font_px(page: Any) -> float:
    size: str = page.evaluate(
        "getComputedStyle(document.querySelector('.md-typeset .jl-unit-head p, .md-typeset p')).fontSize"
    )
    return float(size.removesuffix("px"))


def test_elder_mode_is_large_and_stays_on(new_page: Any, site_url: str) -> None:
    page = new_page()
    page.goto(site_url + PAGES["unit"])
    assert _body_font_px(page) >= 18
    assert (
        float(
            page.evaluate(
                "getComputedStyle(document.querySelector('.md-typeset')).lineHeight"
            ).removesuffix("px")
        )
        >= 1.5 * 18
    )
    page.get_by_role("button", name="长辈版").click()
    assert page.get_by_role("button", name="长辈版").get_attribute("aria-pressed") == "true"
    assert _body_font_px(page) >= 24
    for selector in (".jl-elder-toggle", ".jl-speak"):
        box = page.locator(selector).bounding_box()
        assert box["width"] >= 60 and box["height"] >= 60, selector
    assert (
        page.evaluate("getComputedStyle(document.querySelector('.md-sidebar--secondary')).display")
        == "none"
    )
    page.locator(".jl-tags a[href$='sectors/weisheng/']").click()
    page.wait_for_url("**/sectors/weisheng/")
    assert "jl-elder" in page.evaluate("document.documentElement.className")
    assert _body_font_px(page) >= 24
    page.get_by_role("button", name="长辈版").click()  # and back
    page.reload()
    assert _body_font_px(page) < 24


def test_elder_mode_works_from_the_keyboard_with_visible_focus(
    new_page: Any, site_url: str
) -> None:
    page = new_page()
    page.goto(site_url + PAGES["unit"])
    button = page.get_by_role("button", name="长辈版")
    button.focus()
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") in {
        "solid",
        "auto",
    }
    page.keyboard.press("Enter")
    assert button.get_attribute("aria-pressed") == "true"


def test_voice_reading_shown_only_with_speech_synthesis(
    browser: Any, new_page: Any, site_url: str
) -> None:
    page = new_page()
    page.goto(site_url + PAGES["unit"])
    has_speech = page.evaluate("'speechSynthesis' in window")
    assert page.locator(".jl-speak").is_visible() == has_speech
    context = browser.new_context()
    context.add_init_script(
        "delete window.speechSynthesis; delete window.SpeechSynthesisUtterance;"
    )
    bare = context.new_page()
    bare.goto(site_url + PAGES["unit"])
    assert not bare.locator(".jl-speak").is_visible()
    context.close()


@pytest.mark.parametrize("elder", [False, True], ids=["normal", "elder"])
def test_phone_numbers_are_buttons_that_never_break(
    new_page: Any, site_url: str, elder: bool
) -> None:
    page = new_page(320, 700, elder=elder)
    page.goto(site_url + "units/anlan-renmin-yiyuan/")
    boxes = page.evaluate(
        """() => [...document.querySelectorAll('article a[href^="tel:"]')].map(a => {
            const r = a.getBoundingClientRect();
            return {h: r.height, lines: a.getClientRects().length};
        })"""
    )
    assert boxes, "the hospital publishes phone numbers"
    assert all(b["h"] >= (60 if elder else 44) and b["lines"] == 1 for b in boxes), boxes


@pytest.mark.parametrize("name", sorted(PAGES))
def test_screenshots_and_no_horizontal_scroll(new_page: Any, site_url: str, name: str) -> None:
    for width, height in ((360, 800), (1366, 768)):
        page = new_page(width, height)
        page.goto(site_url + PAGES[name])
        screenshot(page, f"{name}-{width}x{height}")
    for width, elder in ((320, False), (320, True), (683, False)):  # 683 px = 1366 px at 200 % zoom
        page = new_page(width, 700, elder=elder)
        page.goto(site_url + PAGES[name])
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, (name, width, elder)


def test_supervision_phone_is_a_tel_link_and_qr_is_inline_svg(new_page: Any, site_url: str) -> None:
    page = new_page()
    page.goto(site_url + PAGES["unit"])
    assert page.locator(".jl-supervision a[href^='tel:']").count() >= 1
    assert page.locator(".jl-qr svg[role='img']").count() == 1
    assert page.locator(".jl-qr").is_visible()  # on a desktop, for a phone to scan
    assert page.locator("ol.jl-steps > li").count() >= 3
    phone = new_page(390, 844, elder=True)
    phone.goto(site_url + PAGES["unit"])
    assert not phone.locator(".jl-qr").is_visible()  # on the phone itself it only took room


def test_developer_pages_are_not_in_the_public_menu(demo_site: Any) -> None:
    home = (demo_site / "index.html").read_text(encoding="utf-8")
    assert "性能基准" not in home and "字段一览" not in home
    guide = (demo_site / "guide/contribute/index.html").read_text(encoding="utf-8")
    assert 'href="../fields/"' in guide and 'href="../../dev/benchmark/"' in guide


@pytest.mark.parametrize("dark", [False, True])
def test_body_text_reaches_7_to_1(new_page: Any, site_url: str, dark: bool) -> None:
    page = new_page(dark=dark)
    page.goto(site_url + PAGES["unit"])
    if dark:
        page.evaluate("document.body.setAttribute('data-md-color-scheme', 'slate')")
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "axe.run({include: [['article.md-content__inner']]},"
        " {runOnly: {type: 'rule', values: ['color-contrast-enhanced']}})"
    )
    assert [n["target"] for v in result["violations"] for n in v["nodes"]] == []


def test_status_table_sorts_by_township(new_page: Any, site_url: str) -> None:
    page = new_page()
    page.goto(site_url + "status/")
    column = "table.jl-status tbody tr td:nth-child(3)"
    page.get_by_role("button", name="乡镇").click()
    places = page.locator(column).all_inner_texts()
    assert places == sorted(places, key=lambda p: p.encode("gb18030"))  # zh-CN collation ≈ pinyin
    assert page.locator("th[aria-sort='ascending']").inner_text() == "乡镇"


@pytest.mark.parametrize("elder", [False, True], ids=["normal", "elder"])
def test_time_limit_tables_read_as_labelled_lines_on_a_narrow_phone(
    new_page: Any, site_url: str, elder: bool
) -> None:
    """At 320 px the cells of a row stack, each with its column's name, instead of running
    together as 「3个工作日7个工作日」."""
    page = new_page(320, 700, elder=elder)
    page.goto(site_url + PAGES["unit"])
    rows = page.evaluate(
        """() => [...document.querySelectorAll('table.jl-limits tbody tr')].map(tr =>
            [...tr.cells].map(td => ({
                top: td.getBoundingClientRect().top,
                label: getComputedStyle(td, '::before').content,
            })))"""
    )
    assert rows
    for cells in rows:
        tops = [c["top"] for c in cells]
        assert tops == sorted(tops) and len(set(tops)) == len(tops), cells  # one per line
        assert [c["label"] for c in cells] == ['"事项："', '"承诺时限："', '"法定时限："']
    wide = new_page(1366, 768, elder=elder)
    wide.goto(site_url + PAGES["unit"])
    assert (
        wide.evaluate("getComputedStyle(document.querySelector('table.jl-limits thead')).position")
        != "absolute"
    )  # a real table where there is room
