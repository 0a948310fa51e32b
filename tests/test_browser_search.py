"""Search as elderly readers use it, in Chromium on the built demo site: the query set of
tests/search_queries.yml finds the right unit in the first three, a whole word never its first
character, paste and input methods search with no key-up, results are readable in both modes,
guide pages are never results, and the search page passes axe."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from playwright.sync_api import expect

from tests.browser.harness import axe_violations, screenshot
from tests.test_browser_portal import new_page  # noqa: F401  (the shared page fixture)

QUERIES = yaml.safe_load((Path(__file__).parent / "search_queries.yml").read_text(encoding="utf-8"))
UNITS = "[data-jl-group='服务单位'] .jl-result__title"
ALL_RESULTS = ".jl-result__title"


def _search(page: Any, site_url: str, query: str) -> list[str]:
    """Type ``query`` on the search page (an insert: no key event, as a paste or an input method
    sends), wait until the results for it are announced, return the unit ids listed."""
    page.goto(site_url + "search/")
    page.locator("#jl-search-input").focus()
    page.keyboard.insert_text(query)
    expect(page.locator(".jl-search__status")).to_contain_text(f"「{query}」", timeout=30_000)
    hrefs = page.locator(UNITS).evaluate_all("links => links.map(a => a.pathname)")
    return [re.sub(r"^.*/units/([^/]+)/$", r"\1", h) for h in hrefs]


@pytest.mark.parametrize("case", QUERIES, ids=[c["query"] for c in QUERIES])
def test_each_query_finds_its_unit_in_the_first_three(
    new_page: Any,  # noqa: F811
    site_url: str,
    case: dict[str, Any],
) -> None:
    page = new_page(390, 844)
    units = _search(page, site_url, case["query"])
    assert case["expect"] in units[:3], (case, units)
    assert not set(case.get("excluded", [])) & set(units), units


def test_the_header_box_searches_from_any_page(new_page: Any, site_url: str) -> None:  # noqa: F811
    page = new_page()
    page.goto(site_url + "guide/")
    page.fill("#jl-header-search-input", "坐车")
    page.press("#jl-header-search-input", "Enter")
    expect(page).to_have_url(re.compile(r"/search/\?q="))
    first = page.locator(UNITS).first
    expect(first).to_be_visible(timeout=30_000)
    expect(page.locator("#jl-search-input")).to_have_value("坐车")


def test_a_phone_gets_a_search_button_in_the_header(new_page: Any, site_url: str) -> None:  # noqa: F811
    page = new_page(320, 700)
    page.goto(site_url)
    button = page.locator(".jl-header-search__button")
    expect(button).to_be_visible()
    box = button.bounding_box()
    assert box is not None and box["height"] >= 44 and box["width"] >= 44
    button.click()
    expect(page).to_have_url(re.compile(r"/search/(\?q=)?$"))


def test_no_guide_developer_or_archive_page_is_a_result(new_page: Any, site_url: str) -> None:  # noqa: F811
    page = new_page()
    for query in ("单位", "老年人", "提交", "归档", "性能"):
        _search(page, site_url, query)
        hrefs = page.locator(ALL_RESULTS).evaluate_all("links => links.map(a => a.pathname)")
        assert all(re.search(r"/(units|tasks|policies)/[^/]+/$", h) for h in hrefs), (query, hrefs)
    # and the bundles themselves hold nothing else
    indexed = page.evaluate(
        """async words => {
            const urls = [];
            for (const bundle of ['units', 'tasks', 'policies']) {
                const url = new URL(`../pagefind/${bundle}/pagefind.js`, location.href).href;
                const pagefind = await import(url);
                for (const word of words) {
                    const found = await pagefind.search(word);
                    for (const r of found.results) urls.push((await r.data()).url);
                }
            }
            return urls;
        }""",
        ["单位", "提交", "归档", "性能", "字段"],
    )
    assert indexed and all(re.search(r"^/(units|tasks|policies)/[^/]+/$", u) for u in indexed), (
        indexed
    )


def test_results_come_in_labelled_groups_units_first(new_page: Any, site_url: str) -> None:  # noqa: F811
    page = new_page()
    _search(page, site_url, "看病")
    groups = page.locator("[data-jl-group]:visible h2").all_inner_texts()
    assert groups == ["服务单位", "办事指南", "政策法规"]
    guides = "[data-jl-group='办事指南'] .jl-result__title"
    assert page.locator(guides).first.inner_text() == "看病就医"  # the 我要办事 page for it
    _search(page, site_url, "坐车")
    assert page.locator(guides).first.inner_text() == "乘车出行"


@pytest.mark.parametrize("elder", [False, True], ids=["normal", "elder"])
def test_results_are_at_body_size_titles_above_snippets(
    new_page: Any,  # noqa: F811
    site_url: str,
    elder: bool,
) -> None:
    page = new_page(390, 844, elder=elder)
    _search(page, site_url, "挂号")
    sizes = page.evaluate(
        """() => ['.jl-result__title', '.jl-result__excerpt', 'article h1 ~ p']
            .map(s => parseFloat(getComputedStyle(document.querySelector(s)).fontSize))"""
    )
    title, snippet, body = sizes
    assert snippet == body and body >= (24 if elder else 18), sizes
    assert title > snippet, sizes
    screenshot(page, f"search-{'elder' if elder else 'normal'}")


def test_a_query_with_no_result_says_so(new_page: Any, site_url: str) -> None:  # noqa: F811
    page = new_page()
    _search(page, site_url, "潜水艇")
    expect(page.locator(".jl-search__status")).to_contain_text("没有找到")
    expect(page.locator(ALL_RESULTS)).to_have_count(0)


@pytest.mark.parametrize("elder", [False, True], ids=["normal", "elder"])
def test_the_search_page_with_results_passes_axe(
    new_page: Any,  # noqa: F811
    site_url: str,
    elder: bool,
) -> None:
    page = new_page(elder=elder)
    _search(page, site_url, "乘车")
    assert axe_violations(page) == []


def test_the_search_works_from_the_keyboard(new_page: Any, site_url: str) -> None:  # noqa: F811
    page = new_page()
    page.goto(site_url + "search/")
    page.locator("#jl-search-input").focus()
    page.keyboard.type("水费")
    page.keyboard.press("Enter")
    expect(page.locator(UNITS).first).to_contain_text("自来水", timeout=30_000)
    page.keyboard.press("Tab")  # the search button
    page.keyboard.press("Tab")  # the first result
    assert page.evaluate("document.activeElement.classList.contains('jl-result__title')")


def test_the_engines_load_while_the_reader_is_still_typing(new_page: Any, site_url: str) -> None:  # noqa: F811
    """Before any input, both groups' engines fetch their WebAssembly and index metadata (Pagefind
    waits for a first search to do it), and the page says it is ready; a search then works."""
    page = new_page(390, 844)
    fetched: list[str] = []
    page.on("request", lambda request: fetched.append(request.url))
    page.goto(site_url + "search/")
    page.wait_for_selector("html[data-jl-search-ready]", state="attached", timeout=30_000)
    for bundle in ("units", "tasks", "policies"):
        assert any(f"/pagefind/{bundle}/wasm." in url for url in fetched), (bundle, fetched)
        assert any(re.search(rf"/pagefind/{bundle}/pagefind\.zh_\w+\.pf_meta", u) for u in fetched)
    assert page.locator(ALL_RESULTS).count() == 0  # warming up shows nothing
    page.locator("#jl-search-input").focus()
    page.keyboard.insert_text("挂号")
    expect(page.locator(UNITS).first).to_be_visible(timeout=30_000)


def test_a_unit_result_gives_its_window_and_a_phone_to_tap(new_page: Any, site_url: str) -> None:  # noqa: F811
    """What a reader came for is in the result itself: the elderly window, and the unit's first
    phone as a call link (both from the page's summary card)."""
    page = new_page(390, 844)
    _search(page, site_url, "病历复印")
    hospital = page.locator(
        ".jl-result", has=page.locator("a[href$='/units/anlan-renmin-yiyuan/']")
    )
    facts = hospital.locator(".jl-result__facts")
    expect(facts).to_contain_text("为老服务窗口：门诊大厅一楼 1 号窗口")
    expect(facts.locator("a[href='tel:05996822120']")).to_have_text("咨询电话 0599-6822120")
    assert facts.locator("a").bounding_box()["height"] >= 44
