"""Reading the repository's files without leaving it: a pull request may add a symlink to any file
on the build machine, and the build (or an error message) would publish what it points at."""

from __future__ import annotations

import functools
import os
from collections.abc import Iterator
from pathlib import Path

from ..problems import Problem, Severity

# What MkDocs reads itself (hand-written pages, templates) and the bags, read as whole folders.
# Unit, county and cycle files are checked by their loaders, file by file, as they are read, so
# a build does not walk ten thousand unit folders a second time.
SCANNED_FOLDERS = ("content", "theme", "archive")


def is_inside(root: Path, path: Path) -> bool:
    """Whether ``path``, with every link on the way resolved, stays inside ``root``."""
    try:
        return path.resolve().is_relative_to(_resolved(root))
    except (OSError, RuntimeError):  # a loop of links
        return False


@functools.lru_cache(maxsize=64)
def _resolved(root: Path) -> Path:
    """The project folder resolved once, not once per unit file (a fifth of warm validation).
    Only the root is remembered: every path checked against it is resolved afresh."""
    return root.resolve()


def _links(folder: Path) -> Iterator[Path]:
    """Every symlink below ``folder``, without following any."""
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    for entry in entries:
        if entry.is_symlink():
            yield Path(entry.path)
        elif entry.is_dir(follow_symlinks=False):
            yield from _links(Path(entry.path))


def outside_link(root: Path, path: Path) -> Problem:
    """The error for a link that leads out of the repository (it is never read)."""
    rel = path.relative_to(root).as_posix()
    return Problem(
        rel,
        1,
        1,
        Severity.ERROR,
        f"「{rel}」是指向仓库以外的链接，不会被读取",
        "链接只能指向本仓库里的文件：请把文件本身放进仓库，删掉这个链接。",
    )


def links_leaving(root: Path) -> list[Problem]:
    """A located error for each link in the scanned folders that leads out of the repository."""
    return [
        outside_link(root, link)
        for name in SCANNED_FOLDERS
        for link in _links(root / name)
        if not is_inside(root, link)
    ]
