"""The header, footer and chart labels on a phone and a desktop, in both modes, in real Chromium:
one theme toggle, no hidden button shown by 长辈版's larger targets, the site title whole, and small
print raised to a readable size."""

from __future__ import annotations

from typing import Any

import pytest

from tests.browser.harness import screenshot

WIDTHS = [320, 390, 1366]
# Footer and chart labels: body size is 18 px (24 px in 长辈版); nothing a reader needs below 16 px.
MIN_SMALL_PRINT_PX = 16

VISIBLE_HEADER_BUTTONS = """() => [...document.querySelectorAll('.md-header__button')]
  .filter(e => getComputedStyle(e).display !== 'none' && e.getClientRects().length)
  .map(e => {
    const r = e.getBoundingClientRect();
    return {kind: e.classList.contains('md-logo') ? 'logo' : (e.getAttribute('for') || ''),
            w: r.width, h: r.height};
  })"""

SITE_TITLE = """() => {
  const name = document.querySelector('.md-header__title .md-header__topic .md-ellipsis');
  const header = document.querySelector('.md-header').getBoundingClientRect();
  const r = name.getBoundingClientRect();
  return {text: name.textContent.trim(), width: r.width, clippedX: name.scrollWidth > name.clientWidth + 1,
          clippedY: name.scrollHeight > name.clientHeight + 1,
          inside: r.top >= header.top - 1 && r.bottom <= header.bottom + 1,
          size: parseFloat(getComputedStyle(name).fontSize)};
}"""

SMALL_PRINT = """selector => [...document.querySelectorAll(selector)]
  .filter(e => e.getClientRects().length && [...e.childNodes].some(n => n.nodeType === 3 && n.textContent.trim()))
  .map(e => parseFloat(getComputedStyle(e).fontSize))"""


@pytest.mark.parametrize("elder", [False, True], ids=["normal", "elder"])
@pytest.mark.parametrize("width", WIDTHS)
def test_header_shows_one_toggle_and_the_whole_title(
    open_page: Any, width: int, elder: bool
) -> None:
    page = open_page("", width, elder=elder)
    buttons = page.evaluate(VISIBLE_HEADER_BUTTONS)
    kinds = [b["kind"] for b in buttons]
    assert sum(k.startswith("__palette") for k in kinds) == 1, kinds
    if width < 1220:  # Material's drawer breakpoint: the title needs the room of the logo
        assert "logo" not in kinds and "__drawer" in kinds, kinds
    else:  # the drawer and the search icon are phone controls; the desktop has tabs and a field
        assert "__drawer" not in kinds and "__search" not in kinds, kinds
    if elder:
        assert all(b["w"] >= 60 and b["h"] >= 60 for b in buttons if b["kind"] != "logo"), buttons
    title = page.evaluate(SITE_TITLE)
    assert title["text"] == "安澜县敬老文明号公开承诺平台"
    assert not title["clippedX"] and not title["clippedY"] and title["inside"], title
    assert title["size"] >= 16, title
    screenshot(page, f"header-{width}-{'elder' if elder else 'normal'}")


@pytest.mark.parametrize("elder", [False, True], ids=["normal", "elder"])
@pytest.mark.parametrize("width", WIDTHS)
def test_footer_and_chart_labels_are_readable(open_page: Any, width: int, elder: bool) -> None:
    page = open_page("stats/", width, elder=elder)
    body = 24 if elder else 18
    footer = page.evaluate(SMALL_PRINT, ".md-footer *")
    labels = page.evaluate(SMALL_PRINT, ".jl-chart .jl-bar-label, .jl-chart .jl-bar-value")
    assert footer and min(footer) >= max(MIN_SMALL_PRINT_PX, body), footer
    assert len(labels) >= 2 * 7 and min(labels) >= body, labels
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0


@pytest.mark.parametrize("width", [320, 390])
def test_the_phone_menu_reads_at_page_size_in_elder_mode(open_page: Any, width: int) -> None:
    """The drawer's entries are as large as the 长辈版 page text (they were 16 px beside 24 px)."""
    page = open_page("", width, elder=True)
    page.locator("label.md-header__button[for='__drawer']").click()
    page.wait_for_selector(".md-sidebar--primary .md-nav__link", state="visible")
    sizes = page.evaluate(SMALL_PRINT, ".md-sidebar--primary .md-nav__item .md-nav__link *, "
                                        ".md-sidebar--primary .md-nav__item .md-nav__link")  # fmt: skip
    assert sizes and min(sizes) >= 24, sizes
