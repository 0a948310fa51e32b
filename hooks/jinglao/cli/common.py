"""What every command shares: exit codes, finding the project, loading it with progress."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..problems import Problem, has_errors
from ..project import Project, load_project
from ..report import FORMATS

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
    """Stages 1 and 2 (what validate and check need): the renderer is not even imported."""
    return load_project(project_root(args), progress=_progress)


def fail_on_errors(problems: list[Problem]) -> bool:
    if has_errors(problems):
        print(FORMATS["text"](problems), file=sys.stderr)
        return True
    return False
