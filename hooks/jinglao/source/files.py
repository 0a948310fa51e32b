"""Reading the repository's files without leaving it: a pull request may add a symlink to any file
on the build machine, and the build (or an error message) would publish what it points at."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from ..problems import Problem, Severity

# Everything the build reads: data, hand-written pages, templates, bags.
DATA_FOLDERS = ("units", "content", "cycles", "archive", "theme")


def is_inside(root: Path, path: Path) -> bool:
    """Whether ``path``, with every link on the way resolved, stays inside ``root``."""
    try:
        return path.resolve().is_relative_to(root.resolve())
    except (OSError, RuntimeError):  # a loop of links
        return False


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


def links_leaving(root: Path) -> list[Problem]:
    """A located error for each link in the data folders that leads out of the repository."""
    problems = []
    for name in DATA_FOLDERS:
        for link in _links(root / name):
            if not is_inside(root, link):
                rel = link.relative_to(root).as_posix()
                problems.append(
                    Problem(
                        rel,
                        1,
                        1,
                        Severity.ERROR,
                        f"「{rel}」是指向仓库以外的链接，不会被读取",
                        "链接只能指向本仓库里的文件：请把文件本身放进仓库，删掉这个链接。",
                    )
                )
    return problems
