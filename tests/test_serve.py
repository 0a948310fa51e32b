"""``mkdocs serve`` rebuilds when a unit file changes, so a contributor sees the edit at once."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.support.net import fetch, free_port, wait_until


def test_editing_a_unit_updates_the_served_page(demo: Path) -> None:
    port = free_port()
    url = f"http://127.0.0.1:{port}/units/anlan-tushuguan/"
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
        cwd=demo, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        assert wait_until(lambda: "安澜县图书馆" in fetch(url), 90), "the served site never came up"
        # serve puts its own address in site_url; boards printed from it keep the public one
        assert 'href="https://jinglao.example.org/print/anlan-tushuguan/"' in fetch(url)
        unit = demo / "units/anlan-tushuguan/unit.yml"
        unit.write_text(
            unit.read_text(encoding="utf-8").replace("安澜县图书馆", "安澜县新图书馆"),
            encoding="utf-8",
        )
        assert wait_until(lambda: "安澜县新图书馆" in fetch(url), 60), (
            "the edit never showed on the served page"
        )
    finally:
        server.terminate()
        server.wait(timeout=20)
