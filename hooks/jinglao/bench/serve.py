"""``mkdocs serve --dirty``: seconds from saving a unit file until the server shows the change.

One server per county; each round edits a commitment (the unit's page rebuilds) and renames the
unit (the lists that show its name rebuild too), so both are measured as often as the builds.
"""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable
from functools import partial
from pathlib import Path

from .arms import UnitEditor
from .measure import Run, Series

FIRST_BUILD_SECONDS = 3600
CHANGE_SECONDS = 900


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            body: bytes = response.read()
            return body.decode("utf-8")
    except OSError:
        return ""


def wait_until(condition: Callable[[], bool], seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return False


def _visible(change: Callable[[], str], urls: list[str]) -> float | None:
    """Seconds from making the change until every url shows the text it returns."""
    start = time.perf_counter()
    text = change()
    if not wait_until(lambda: all(text in fetch(url) for url in urls), CHANGE_SECONDS):
        return None
    return time.perf_counter() - start


def serve_rounds(
    project: Path, editor: UnitEditor, rounds: int, env: dict[str, str]
) -> tuple[Series, Series] | None:
    """Edit and rename ``rounds`` times each under one ``mkdocs serve --dirty``; None when the
    server never showed the site or a change."""
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    page = f"{base}units/{editor.file.parent.name}/"
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dirty", "-a", f"127.0.0.1:{port}"],
        cwd=project, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    edits, renames = Series(), Series()
    try:
        first = editor.commitment.group(1)
        if not wait_until(lambda: first in fetch(page), FIRST_BUILD_SECONDS):
            return None
        time.sleep(2)  # the watcher starts after the first build: let it settle
        for number in range(1, rounds + 1):
            edit = _visible(partial(editor.edit, f"（serve 第 {number} 次修改）"), [page])
            rename = _visible(
                partial(editor.rename, f"（第 {number} 次改名）"), [page, f"{base}units/"]
            )
            if edit is None or rename is None:
                return None
            edits.runs.append(Run(edit, 0.0, 0.0))
            renames.runs.append(Run(rename, 0.0, 0.0))
        return edits, renames
    finally:
        server.terminate()
        server.wait(timeout=60)
        editor.restore()
