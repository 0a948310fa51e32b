"""Talking to a local server from a test: a free port, a page's text, waiting for a state."""

from __future__ import annotations

import socket
import time
import urllib.request
from collections.abc import Callable


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def fetch(url: str) -> str:
    """The page's text, or "" while the server is not up (or answers with an error)."""
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return bytes(response.read()).decode("utf-8")
    except OSError:
        return ""


def wait_until(state: Callable[[], bool], seconds: float, poll: float = 0.1) -> bool:
    """Poll for a state (never sleep a fixed time and hope); False when it never came."""
    deadline = time.monotonic() + seconds
    while not state():
        if time.monotonic() >= deadline:
            return False
        time.sleep(poll)
    return True
