"""What every command shares: exit codes, finding the project, loading it with progress."""

from __future__ import annotations

import argparse
import gc
import sys
from pathlib import Path

from ..problems import Problem, has_errors
from ..project import Project, load_project
from ..report import FORMATS
from ..source.parse_cache import DiskCache
from ..unit.load import ParseCache

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2
PROGRESS_FROM = 200


def find_root(start: Path) -> Path:
    """The project folder: the nearest folder upward that has mkdocs.yml or units/."""
    for folder in (start, *start.parents):
        if (folder / "mkdocs.yml").is_file() or (folder / "units").is_dir():
            return folder
    return start


def project_root(args: argparse.Namespace) -> Path:
    root: Path = args.project or find_root(Path.cwd())
    return root


def _progress(done: int, total: int) -> None:
    if total >= PROGRESS_FROM and (done % 100 == 0 or done == total):
        print(f"已读取 {done}/{total} 个单位……", file=sys.stderr)


def load_for(args: argparse.Namespace) -> Project:
    """Stages 1 and 2 (what validate and check need): the renderer is not even imported. Unit
    files parsed by an earlier run are read back from the parse cache on disk."""
    root = project_root(args)
    project = load_project(root, _progress, ParseCache(disk=DiskCache(root)))
    gc.freeze()  # what was loaded lives until the command ends: no collection rescans it
    return project


def fail_on_errors(problems: list[Problem]) -> bool:
    if has_errors(problems):
        print(FORMATS["text"](problems), file=sys.stderr)
        return True
    return False
