"""PDF files of a unit's notice boards and service cards, printed by headless Chromium."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

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


def print_unit(pages: dict[str, str], unit_id: str, out: Path) -> list[Path]:
    """Write the unit's boards (A4, A3) and card sheet as PDFs into ``out``; return their paths."""
    if f"print/{unit_id}/index.html" not in pages:
        raise PrintError(f"没有编号为「{unit_id}」的单位。单位编号就是 units/ 下的文件夹名。")
    browser = find_browser()
    out.mkdir(parents=True, exist_ok=True)
    written = []
    with tempfile.TemporaryDirectory() as tmp:
        for page, name in OUTPUTS.items():
            html = Path(tmp) / page.replace("/", "-")
            html.write_text(pages[f"print/{unit_id}/{page}"], encoding="utf-8")
            pdf = out / f"{unit_id}-{name}"
            print_pdf(browser, html, pdf)
            written.append(pdf)
    return written
