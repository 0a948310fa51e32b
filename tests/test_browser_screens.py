"""Hall screens and printed boards in real Chromium: fit, rotation, days of running, offline, PDF."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest

from tests.browser.harness import ARTIFACTS, screenshot

from .conftest import REPO
from .support.net import fetch

UNITS = ["anlan-renmin-yiyuan", "nongshang-chengguan", "anlan-zilaishui"]
ORIENTATIONS = {"landscape": (1920, 1080), "portrait": (1080, 1920)}
ALL_UNITS = sorted(p.name for p in (REPO / "units").iterdir() if p.is_dir())
COUNT_ROTATIONS = """
window.__rotations = 0;
document.addEventListener('DOMContentLoaded', () => {
  new MutationObserver(() => { window.__rotations += 1; })
    .observe(document.body, {attributes: true, attributeFilter: ['data-slide']});
});
"""


@pytest.fixture
def screen(browser: Any) -> Iterator[Any]:
    contexts = []

    def open_screen(width: int, height: int) -> tuple[Any, list[str]]:
        context = browser.new_context(viewport={"width": width, "height": height})
        contexts.append(context)
        page = context.new_page()
        errors: list[str] = []
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: errors.append(str(e)))
        return page, errors

    yield open_screen
    for context in contexts:
        context.close()


def _heap_mb(page: Any) -> float:
    cdp = page.context.new_cdp_session(page)
    cdp.send("HeapProfiler.collectGarbage")
    used: float = cdp.send("Runtime.getHeapUsage")["usedSize"]
    cdp.detach()
    return used / 1024 / 1024


@pytest.mark.parametrize("orientation", sorted(ORIENTATIONS))
@pytest.mark.parametrize("unit_id", UNITS)
def test_screen_fits_rotates_and_stays_local(
    screen: Any, site_url: str, unit_id: str, orientation: str
) -> None:
    page, errors = screen(*ORIENTATIONS[orientation])
    requested: list[str] = []
    page.on("request", lambda r: requested.append(r.url))
    page.goto(f"{site_url}screens/{unit_id}/?interval=1")
    first = page.evaluate("document.body.dataset.slide")
    page.wait_for_function(f"document.body.dataset.slide !== '{first}'", timeout=3000)
    overflow = page.evaluate(
        """() => {
          const slides = [...document.querySelectorAll('section.slide')];
          const bad = [];
          const doc = document.documentElement;
          if (doc.scrollHeight > innerHeight || doc.scrollWidth > innerWidth) bad.push('document');
          slides.forEach((s, i) => {
            const was = s.classList.contains('current');
            s.classList.add('current');
            const b = s.querySelector('.slide-body');
            if (b.scrollHeight > b.clientHeight + 1 || b.scrollWidth > b.clientWidth + 1) bad.push(i);
            if (!was) s.classList.remove('current');
          });
          return bad;
        }"""
    )
    assert overflow == []
    assert errors == []
    assert [u for u in requested if not u.startswith((site_url, "data:"))] == []
    screenshot(page, f"screen-{unit_id}-{orientation}")


# Hall panels and monitors, and the smallest window a screen must stay readable in, both ways up.
FIT_VIEWPORTS = {
    "1920x1080": (1920, 1080),
    "1366x768": (1366, 768),
    "960x540": (960, 540),
    "1080x1920": (1080, 1920),
    "768x1366": (768, 1366),
    "540x960": (540, 960),
}
MIN_FILL = 0.6  # a slide's content takes ≥ 60 % of its height, unless its type is already largest
MAX_SCALE = 1.75  # screen.js: the largest type is 1.75 × the base size
SLIDE_FIT = """() => [...document.querySelectorAll('section.slide')].map(s => {
  const was = s.classList.contains('current');
  s.classList.add('current');
  const b = s.querySelector('.slide-body');
  const top = b.getBoundingClientRect().top;
  const bottom = Math.max(top, ...[...b.children].map(c => c.getBoundingClientRect().bottom));
  const fit = {title: s.querySelector('h2').firstChild.textContent, fill: (bottom - top) / b.clientHeight,
               scale: parseFloat(s.dataset.scale), overflow: b.scrollHeight > b.clientHeight + 1};
  if (!was) s.classList.remove('current');
  return fit;
})"""
SMALLEST_TEXT = """() => {
  const sizes = [];
  document.querySelectorAll('section.slide').forEach(s => {
    const was = s.classList.contains('current');
    s.classList.add('current');
    s.querySelectorAll('*').forEach(e => {
      if ([...e.childNodes].some(n => n.nodeType === 3 && n.textContent.trim()))
        sizes.push(parseFloat(getComputedStyle(e).fontSize));
    });
    if (!was) s.classList.remove('current');
  });
  document.querySelectorAll('header *, footer *').forEach(e => {
    if ([...e.childNodes].some(n => n.nodeType === 3 && n.textContent.trim()))
      sizes.push(parseFloat(getComputedStyle(e).fontSize));
  });
  return Math.min(...sizes);
}"""


@pytest.mark.parametrize("viewport", sorted(FIT_VIEWPORTS))
@pytest.mark.parametrize("unit_id", UNITS)
def test_screen_type_grows_to_fill_each_slide_and_stays_readable(
    screen: Any, site_url: str, unit_id: str, viewport: str
) -> None:
    width, height = FIT_VIEWPORTS[viewport]
    page, errors = screen(width, height)
    page.goto(f"{site_url}screens/{unit_id}/")
    page.wait_for_function("document.querySelectorAll('section.slide[data-fill]').length > 0")
    slides = page.evaluate(SLIDE_FIT)
    assert slides and not [s for s in slides if s["overflow"]], slides
    short = [s for s in slides if s["fill"] < MIN_FILL and s["scale"] < MAX_SCALE - 0.01]
    assert short == [], short
    assert all(s["scale"] >= 1 for s in slides), slides
    main = page.evaluate("document.querySelector('main').clientHeight / innerHeight")
    assert main >= 0.6, main  # header and footer leave the slides most of the screen
    assert page.evaluate(SMALLEST_TEXT) >= max(16, 0.025 * min(width, height))
    assert errors == []
    screenshot(page, f"screen-fit-{unit_id}-{viewport}")


def test_kiosk_command_copies_with_the_units_real_address(browser: Any, site_url: str) -> None:
    context = browser.new_context(viewport={"width": 1366, "height": 768})
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(f"{site_url}screens/#anlan-zilaishui")
    block = page.locator("#anlan-zilaishui ~ pre").first
    block.scroll_into_view_if_needed()
    block.hover()
    page.locator("#anlan-zilaishui ~ pre [data-md-type='copy']").first.click()
    copied = page.evaluate("navigator.clipboard.readText()").strip()
    context.close()
    assert copied.startswith("chromium --kiosk ")
    assert copied.endswith(" https://jinglao.example.org/screens/anlan-zilaishui/")


def test_long_content_is_paginated_not_cut(screen: Any, site_url: str) -> None:
    page, _ = screen(1920, 1080)
    page.goto(f"{site_url}screens/anlan-renmin-yiyuan/")
    page.evaluate(
        "document.querySelector('body').style.fontSize = '64px'; dispatchEvent(new Event('resize'))"
    )
    page.wait_for_timeout(800)
    counters = page.locator("section.slide h2 .page").all_text_contents()
    assert any(re.fullmatch(r"1/\d", c) for c in counters)


def test_runs_a_day_without_growing(screen: Any, site_url: str) -> None:
    page, errors = screen(1920, 1080)
    page.clock.install()
    page.add_init_script(COUNT_ROTATIONS)
    page.goto(f"{site_url}screens/anlan-renmin-yiyuan/")
    page.clock.run_for(60_000)
    slides = page.locator("section.slide").count()
    before = _heap_mb(page)
    for _hour in range(24):
        page.clock.run_for(3_600_000)
    after = _heap_mb(page)
    rotations = page.evaluate("window.__rotations")
    assert rotations >= 24 * 3600 // 15 - 10
    assert slides > 1 and page.locator("section.slide").count() == slides  # nothing piles up
    assert page.locator("section.slide.current").count() == 1
    assert after - before < 5, (before, after)
    assert errors == []


def test_keeps_showing_when_the_network_drops(screen: Any, site_url: str) -> None:
    page, _ = screen(1920, 1080)
    page.clock.install()
    page.goto(f"{site_url}screens/anlan-renmin-yiyuan/")
    title = page.title()
    page.route("**/*", lambda route: route.abort())
    page.clock.run_for(11 * 60_000)  # two version checks
    assert page.title() == title
    assert page.locator("section.slide.current").count() == 1
    assert "安澜县人民医院" in page.locator("header h1").inner_text()


def _served_version(page: Any) -> str:
    version: str = page.evaluate(
        "JSON.parse(document.getElementById('screen-config').textContent).version"
    )
    return version


@pytest.mark.parametrize(
    "announcement",
    [[], {}, {"version": None}, {"version": "<script>"}],
    ids=["list", "empty", "null", "not-a-version"],
)
def test_a_version_file_that_says_nothing_never_reloads(
    screen: Any, site_url: str, announcement: Any
) -> None:
    page, _ = screen(1920, 1080)
    page.clock.install()
    page.goto(f"{site_url}screens/anlan-renmin-yiyuan/")
    page.evaluate("window.__marker = 1")
    fetched: list[str] = []
    page.on("request", lambda r: fetched.append(r.url))
    page.route("**/version.json", lambda route: route.fulfill(json=announcement))
    page.clock.run_for(11 * 60_000)  # two version checks
    assert page.evaluate("window.__marker") == 1
    assert not any(url.endswith("/screens/anlan-renmin-yiyuan/") for url in fetched)


def test_reloads_only_into_this_units_screen_at_the_new_version(screen: Any, site_url: str) -> None:
    url = f"{site_url}screens/anlan-renmin-yiyuan/"
    page, _ = screen(1920, 1080)
    page.clock.install()
    page.goto(url)
    page.evaluate("window.__marker = 1")
    served = fetch(url)
    old, new = _served_version(page), "0123456789abcdef"
    page.route("**/version.json", lambda route: route.fulfill(json={"version": new}))
    wrong_pages = [
        "<html><body>请先登录酒店网络</body></html>",  # a captive portal, 200 OK
        served,  # still the old version: the new one is not there yet
        fetch(f"{site_url}screens/anlan-zilaishui/").replace(
            _version_of(fetch(f"{site_url}screens/anlan-zilaishui/")), new
        ),  # another unit's screen
    ]
    for wrong in wrong_pages:
        page.route(url, _answer(wrong))
        page.clock.run_for(6 * 60_000)
        assert page.evaluate("window.__marker") == 1  # still running, no reload
        page.unroute(url)
    page.route(url, _answer(served.replace(old, new)))
    with page.expect_navigation():
        page.clock.run_for(6 * 60_000)
    assert page.evaluate("typeof window.__marker") == "undefined"


def _answer(body: str) -> Any:
    """A route handler that serves ``body`` as the page."""
    return lambda route: route.fulfill(body=body, content_type="text/html")


def _version_of(html: str) -> str:
    found = re.search(r'"version": "([0-9a-f]{16})"', html)
    assert found is not None
    return found[1]


@pytest.mark.parametrize("unit_id", ALL_UNITS)
def test_a4_board_prints_on_one_page(browser: Any, site_url: str, unit_id: str) -> None:
    page = browser.new_page()
    page.goto(f"{site_url}print/{unit_id}/")
    page.wait_for_function("document.body.dataset.fit === 'done'")
    assert page.evaluate("document.body.dataset.fitOverflow") is None
    folder = ARTIFACTS / "print"
    folder.mkdir(parents=True, exist_ok=True)
    pdf = page.pdf(prefer_css_page_size=True, print_background=True)
    (folder / f"{unit_id}-A4.pdf").write_bytes(pdf)
    assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) == 1
    screenshot(page, f"board-{unit_id}")
    page.close()


def test_service_cards_show_names_only_with_consent(browser: Any, site_url: str) -> None:
    page = browser.new_page()
    page.goto(f"{site_url}print/anlan-renmin-yiyuan/cards/")
    cards = page.locator(".card").all_inner_texts()
    assert len(cards) == 3
    assert sum("林晓燕" in c for c in cards) == 1
    assert not any("姓名" in c for c in cards if "导诊员" in c)
    box = page.locator(".card").first.bounding_box()
    assert abs(box["width"] - 85.6 * 96 / 25.4) < 2 and abs(box["height"] - 54 * 96 / 25.4) < 2
    page.close()


def test_print_command_writes_the_pdfs(tmp_path: Any) -> None:
    from .conftest import run_cli

    code, output = run_cli(
        "print", "anlan-zilaishui", "--project", str(REPO), "--out", str(tmp_path)
    )
    assert code == 0, output
    files = sorted(p.name for p in tmp_path.iterdir())
    assert files == sorted(
        f"anlan-zilaishui-{n}" for n in ("公示牌-A4.pdf", "公示牌-A3.pdf", "服务卡.pdf")
    )
    board = (tmp_path / "anlan-zilaishui-公示牌-A4.pdf").read_bytes()
    assert board.startswith(b"%PDF") and len(re.findall(rb"/Type\s*/Page[^s]", board)) == 1


def test_print_command_names_an_unknown_unit(tmp_path: Any) -> None:
    from .conftest import run_cli

    code, _ = run_cli("print", "no-such-unit", "--project", str(REPO), "--out", str(tmp_path))
    assert code == 1
