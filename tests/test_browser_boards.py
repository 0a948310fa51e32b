"""Printed boards in real Chromium: each board fits its one sheet by shrinking and by growing its
type, stays readable, and says A3 when an A4 sheet cannot hold it; ``jinglao print`` prints a board
only once its fit is done."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from jinglao.cli.printing import PrintError, board_advice, find_browser, print_pdf
from jinglao.pipeline import build_pages

from .conftest import REPO, run_cli

ALL_UNITS = sorted(p.name for p in (REPO / "units").iterdir() if p.is_dir())
PAPERS = {"A4": "", "A3": "a3/"}
FILL = 0.85  # of the sheet's height, unless the type is already at the board's largest size
MIN_TEXT_PT = 10
DONE = "document.body.dataset.fit === 'done'"
# Measured in print media after the fit ran in screen media, as both PDF printers do it.
MEASURE = """() => {
  const sheet = document.querySelector('.sheet'), fit = document.querySelector('.fit');
  const top = fit.getBoundingClientRect().top;
  const bottom = Math.max(...[...fit.children].map(c => c.getBoundingClientRect().bottom));
  const height = sheet.getBoundingClientRect().height;
  let smallest = Infinity;
  const walker = document.createTreeWalker(sheet, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const element = walker.currentNode.parentElement;
    if (walker.currentNode.data.trim() && element.getClientRects().length)
      smallest = Math.min(smallest, parseFloat(getComputedStyle(element).fontSize));
  }
  const note = document.querySelector('.fit-note');
  return {
    used: (height - Math.max(0, fit.clientHeight - (bottom - top))) / height,
    overflow: fit.scrollHeight > fit.clientHeight || fit.scrollWidth > fit.clientWidth
      || bottom > fit.getBoundingClientRect().bottom + 0.5,
    text_pt: smallest * 72 / 96,
    root_pt: parseFloat(getComputedStyle(document.documentElement).fontSize) * 72 / 96,
    max_pt: parseFloat(getComputedStyle(sheet).getPropertyValue('--fit-max-pt')),
    note: note && note.getClientRects().length ? note.innerText : '',
    rows: document.querySelectorAll('[data-fit-drop]').length,
    shown: [...document.querySelectorAll('[data-fit-drop]')].filter(r => r.getClientRects().length).length,
  };
}"""


def fitted(browser: Any, url: str) -> dict[str, Any]:
    page = browser.new_page()
    page.goto(url)
    page.wait_for_function(DONE)
    page.emulate_media(media="print")
    measured: dict[str, Any] = page.evaluate(MEASURE)
    page.close()
    return measured


def ten_procedures(text: str, count: int = 10) -> str:
    """A unit file whose procedures are repeated, renamed, up to ``count``."""
    start = text.index("\n  procedures:\n") + len("\n  procedures:\n")
    following = re.search(r"(?m)^  \S", text[start:])
    end = start + following.start() if following else len(text)
    items = re.split(r"(?m)^(?=    - id: )", text[start:end])[1:]
    more = []
    for n in range(len(items), count):
        item = re.sub(r"(?m)^(    - id: \S+)", rf"\g<1>-{n}", items[n % len(items)], count=1)
        more.append(re.sub(r"(?m)^(      name: .+)", rf"\g<1>（第 {n + 1} 项）", item, count=1))
    return text[:end] + "".join(more) + text[end:]


@pytest.fixture
def crowded(demo: Path) -> Path:
    """The demo county with ten procedures at a unit that lists much (县医院) and one that lists
    little (公交公司)."""
    for unit_id in ("anlan-renmin-yiyuan", "anlan-gongjiao"):
        path = demo / "units" / unit_id / "unit.yml"
        path.write_text(ten_procedures(path.read_text(encoding="utf-8")), encoding="utf-8")
    return demo


@pytest.mark.parametrize("paper", sorted(PAPERS))
@pytest.mark.parametrize("unit_id", ALL_UNITS)
def test_board_fills_its_sheet_and_stays_readable(
    browser: Any, site_url: str, unit_id: str, paper: str
) -> None:
    board = fitted(browser, f"{site_url}print/{unit_id}/{PAPERS[paper]}")
    assert not board["overflow"], board
    assert board["used"] >= FILL or board["root_pt"] >= board["max_pt"] - 0.05, board
    crowded = board["shown"] < board["rows"] or board["text_pt"] < MIN_TEXT_PT
    assert board["text_pt"] >= MIN_TEXT_PT or (paper == "A4" and board["note"]), board
    assert bool(board["note"]) == (paper == "A4" and crowded), board  # the note only when needed


@pytest.mark.parametrize("unit_id", ["anlan-renmin-yiyuan", "anlan-gongjiao"])
def test_ten_procedures_stay_readable_on_a4_or_say_a3(
    browser: Any, crowded: Path, tmp_path: Path, unit_id: str
) -> None:
    pages = build_pages(crowded).pages
    boards = {}
    for paper, folder in PAPERS.items():
        html = tmp_path / f"{paper}.html"
        html.write_text(pages[f"print/{unit_id}/{folder}index.html"], encoding="utf-8")
        boards[paper] = fitted(browser, html.as_uri())
    a4, a3 = boards["A4"], boards["A3"]
    assert not a4["overflow"] and not a3["overflow"], boards
    assert a4["text_pt"] >= MIN_TEXT_PT or "完整公示牌请用 A3 打印" in a4["note"], a4
    if a4["shown"] < a4["rows"]:
        assert f"本页只列出前 {a4['shown']} 项办事流程，共 10 项" in a4["note"], a4
    assert a3["rows"] == a3["shown"] == 10 and a3["note"] == "", a3  # A3 is the whole board


def test_print_command_tells_the_clerk_to_post_a3(crowded: Path, tmp_path: Path) -> None:
    code, output = run_cli(
        "print", "anlan-gongjiao", "--project", str(crowded), "--out", str(tmp_path)
    )
    assert code == 0, output
    a3 = tmp_path / "anlan-gongjiao-公示牌-A3.pdf"
    assert re.search(rf"提示：.*A4 公示牌.*请张贴 A3 公示牌：{re.escape(str(a3))}", output), output
    board = (tmp_path / "anlan-gongjiao-公示牌-A4.pdf").read_bytes()
    assert len(re.findall(rb"/Type\s*/Page[^s]", board)) == 1


def _board(tmp_path: Path, mark_done: str) -> Path:
    """The demo hospital's A4 board, its fit marked done by ``mark_done`` (JavaScript)."""
    page = build_pages(REPO).pages["print/anlan-renmin-yiyuan/index.html"]
    assert 'body.dataset.fit = "done";' in page
    board = tmp_path / "board.html"
    board.write_text(page.replace('body.dataset.fit = "done";', mark_done), encoding="utf-8")
    return board


def test_print_waits_for_a_fit_that_finishes_late(tmp_path: Path) -> None:
    late = 'setTimeout(function () { body.dataset.fit = "done"; }, 1500);'
    pdf = tmp_path / "board.pdf"
    dom = print_pdf(find_browser(), _board(tmp_path, late), pdf)
    assert board_advice(dom, "A4", pdf, tmp_path / "a3.pdf") == ""


def test_print_refuses_a_board_whose_fit_never_finished(tmp_path: Path) -> None:
    pdf = tmp_path / "board.pdf"
    dom = print_pdf(find_browser(), _board(tmp_path, ""), pdf)
    with pytest.raises(PrintError, match="字号还没调整好"):
        board_advice(dom, "A4", pdf, tmp_path / "a3.pdf")
