"""``jinglao print``: PDF files of a unit's notice boards and service cards, by headless Chromium.

Also prints the award list that ``jinglao bundle`` puts in a cycle's bundle.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from ..pipeline import build_pages
from ..plain import Pages
from .common import EXIT_OK, EXIT_PROBLEMS, fail_on_errors, project_root

BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
OUTPUTS = {  # generated page → PDF file name
    "index.html": "公示牌-A4.pdf",
    "a3/index.html": "公示牌-A3.pdf",
    "cards/index.html": "服务卡.pdf",
}


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


def print_pdf(browser: str, html: Path, pdf: Path) -> None:
    command = [
        browser, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
        "--disable-background-networking", "--disable-component-update",
        "--no-pdf-header-footer", "--virtual-time-budget=5000",
        f"--print-to-pdf={pdf}", html.as_uri(),
    ]  # fmt: skip
    result = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    if result.returncode != 0 or not pdf.is_file():
        raise PrintError(f"Chromium 没能生成 {pdf.name}：{result.stderr.strip()[-300:]}")


def print_unit(pages: Pages, unit_id: str, out: Path) -> list[Path]:
    """Write the unit's boards (A4, A3) and card sheet as PDFs into ``out``; return their paths."""
    if f"print/{unit_id}/index.html" not in pages:
        raise PrintError(f"没有编号为「{unit_id}」的单位。单位编号就是 units/ 下的文件夹名。")
    browser = find_browser()
    out.mkdir(parents=True, exist_ok=True)
    written = []
    with tempfile.TemporaryDirectory() as tmp:
        for page, name in OUTPUTS.items():
            html = Path(tmp) / page.replace("/", "-")
            content = pages[f"print/{unit_id}/{page}"]
            html.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
            pdf = out / f"{unit_id}-{name}"
            print_pdf(browser, html, pdf)
            written.append(pdf)
    return written


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
        written = print_unit(result.pages, args.unit_id, args.out or Path("pdf") / args.unit_id)
    except PrintError as exc:
        print(f"jinglao print：{exc}", file=sys.stderr)
        return EXIT_PROBLEMS
    for path in written:
        print(f"已生成 {path}")
    return EXIT_OK
