"""``jinglao print``: PDF files of a unit's notice boards and service cards, by headless Chromium.

A board sizes its type to its sheet in the browser (``theme/pages/unit/fit.js``); Chromium prints it
after the fit and hands back the page as printed, so the command can refuse a board whose fit did
not finish and tell the clerk when the A4 board's type is too small and the A3 one should go up.
Also prints the award list that ``jinglao bundle`` puts in a cycle's bundle.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from html.parser import HTMLParser
from pathlib import Path

from ..pipeline import build_pages
from ..plain import Pages
from ..site.signage import MIN_TEXT_PT
from .common import EXIT_OK, EXIT_PROBLEMS, fail_on_errors, project_root

BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
OUTPUTS = {  # generated page → PDF file name
    "index.html": "公示牌-A4.pdf",
    "a3/index.html": "公示牌-A3.pdf",
    "cards/index.html": "服务卡.pdf",
}
BOARDS = {"index.html": "A4", "a3/index.html": "A3"}  # pages that fit.js sizes to their sheet


class PrintError(Exception):
    """A Chinese message for the person who asked for the PDFs."""


def find_browser() -> str:
    for name in BROWSERS:
        found = shutil.which(name)
        if found:
            return found
    raise PrintError(
        "找不到 Chromium 浏览器，无法生成 PDF。请先安装：sudo apt-get install chromium"
    )


def print_pdf(browser: str, html: Path, pdf: Path) -> str:
    """Print ``html`` to ``pdf`` once its scripts are done; return the page as it was printed."""
    command = [
        browser, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
        "--disable-background-networking", "--disable-component-update",
        "--no-pdf-header-footer", "--virtual-time-budget=5000",
        "--dump-dom", f"--print-to-pdf={pdf}", html.as_uri(),
    ]  # fmt: skip
    result = subprocess.run(
        command, capture_output=True, text=True, encoding="utf-8", timeout=120, check=False
    )
    if result.returncode != 0 or not pdf.is_file():
        raise PrintError(f"Chromium 没能生成 {pdf.name}：{result.stderr.strip()[-300:]}")
    return result.stdout


class _BodyAttributes(HTMLParser):
    """The attributes of a page's ``<body>`` tag (where fit.js writes its outcome)."""

    def __init__(self) -> None:
        super().__init__()
        self.found: dict[str, str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "body" and self.found is None:
            self.found = {name: value or "" for name, value in attrs}


def board_advice(dom: str, paper: str, pdf: Path, a3: Path) -> str:
    """What the clerk should know about a printed board (``dom``: the page as printed); raise
    when it must not be posted."""
    parser = _BodyAttributes()
    parser.feed(dom)
    fit = parser.found or {}
    if fit.get("data-fit") != "done":
        raise PrintError(
            f"{paper} 公示牌的字号还没调整好 Chromium 就打印了，{pdf.name} 可能排版不对。请重新运行本命令。"
        )
    if "data-fit-overflow" in fit:
        raise PrintError(
            f"内容太多，{paper} 公示牌用最小的字也放不下，{pdf.name} 会缺内容。"
            "请精简承诺、服务标准或办理步骤的文字后重新打印。"
        )
    size, dropped = fit.get("data-fit-text-pt", ""), fit.get("data-fit-dropped", "0")
    if paper == "A4" and dropped != "0":
        return f"本单位内容较多，A4 公示牌放不下，有 {dropped} 项办事流程没有列出（公示牌上已注明），请张贴 A3 公示牌：{a3}"
    if "data-fit-small" not in fit:
        return ""
    if paper == "A4":
        return f"本单位内容较多，A4 公示牌上最小的字只有 {size} 磅（不到 {MIN_TEXT_PT} 磅），老年人看不清，请张贴 A3 公示牌：{a3}"
    return (
        f"{paper} 公示牌上最小的字只有 {size} 磅（不到 {MIN_TEXT_PT} 磅），建议精简公示牌上的文字。"
    )


def print_unit(pages: Pages, unit_id: str, out: Path) -> tuple[list[Path], list[str]]:
    """Write the unit's boards (A4, A3) and card sheet as PDFs into ``out``; return their paths
    and what the clerk should know about them."""
    if f"print/{unit_id}/index.html" not in pages:
        raise PrintError(f"没有编号为「{unit_id}」的单位。单位编号就是 units/ 下的文件夹名。")
    browser = find_browser()
    out.mkdir(parents=True, exist_ok=True)
    written, advice = [], []
    a3 = out / f"{unit_id}-{OUTPUTS['a3/index.html']}"
    with tempfile.TemporaryDirectory() as tmp:
        for page, name in OUTPUTS.items():
            html = Path(tmp) / page.replace("/", "-")
            content = pages[f"print/{unit_id}/{page}"]
            html.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
            pdf = out / f"{unit_id}-{name}"
            dom = print_pdf(browser, html, pdf)
            written.append(pdf)
            if page in BOARDS:
                advice.append(board_advice(dom, BOARDS[page], pdf, a3))
    return written, [text for text in advice if text]


def pdf_of(html_text: str, name: str) -> bytes:
    """One HTML page printed to PDF bytes (``name`` names the temporary files)."""
    with tempfile.TemporaryDirectory() as tmp:
        html, pdf = Path(tmp) / f"{name}.html", Path(tmp) / f"{name}.pdf"
        html.write_text(html_text, encoding="utf-8")
        print_pdf(find_browser(), html, pdf)
        return pdf.read_bytes()


def cmd_print(args: argparse.Namespace) -> int:
    result = build_pages(project_root(args))
    if fail_on_errors(result.problems):
        return EXIT_PROBLEMS
    try:
        written, advice = print_unit(
            result.pages, args.unit_id, args.out or Path("pdf") / args.unit_id
        )
    except PrintError as exc:
        print(f"jinglao print：{exc}", file=sys.stderr)
        return EXIT_PROBLEMS
    for path in written:
        print(f"已生成 {path}")
    for text in advice:
        print(f"提示：{text}")
    return EXIT_OK
