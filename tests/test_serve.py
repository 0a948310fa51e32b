"""``mkdocs serve`` rebuilds when a unit file changes, so a contributor sees the edit at once."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            body: bytes = response.read()
            return body.decode("utf-8")
    except OSError:
        return ""


def _wait_for(url: str, text: str, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if text in _fetch(url):
            return True
        time.sleep(0.5)
    return False


def test_editing_a_unit_updates_the_served_page(demo: Path) -> None:
    port = _free_port()
    url = f"http://127.0.0.1:{port}/units/anlan-tushuguan/"
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
        cwd=demo,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        assert _wait_for(url, "安澜县图书馆", 90), "the served site never came up"
        unit = demo / "units/anlan-tushuguan/unit.yml"
        unit.write_text(
            unit.read_text(encoding="utf-8").replace("安澜县图书馆", "安澜县新图书馆"),
            encoding="utf-8",
        )
        assert _wait_for(url, "安澜县新图书馆", 60), "the edit never showed on the served page"
    finally:
        server.terminate()
        server.wait(timeout=20)
