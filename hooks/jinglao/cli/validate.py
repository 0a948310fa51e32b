"""``jinglao validate``: every problem, located, as text, GitHub annotations, a Markdown summary
for the pull request, or JSON."""

from __future__ import annotations

import argparse
import re
from pathlib import Path

from ..problems import Problem, has_errors
from ..report import FORMATS, format_markdown
from .common import EXIT_OK, EXIT_PROBLEMS, load_for


def _selected(problems: list[Problem], root: Path, paths: list[str]) -> list[Problem]:
    """Problems in the given files or folders, and problems elsewhere that are about a unit
    given (a cycle nominating it): those block the build just the same."""
    if not paths:
        return problems
    prefixes = []
    for raw in paths:
        path = Path(raw).resolve()
        inside = path.is_relative_to(root.resolve())
        prefixes.append(
            (path.relative_to(root.resolve()).as_posix() if inside else raw).rstrip("/")
        )
    units = {m[1] for x in prefixes if (m := re.fullmatch(r"units/([^/]+)(/unit\.yml)?", x))}
    return [
        p
        for p in problems
        if any(p.path == x or p.path.startswith(x + "/") for x in prefixes)
        or units.intersection(p.subjects)
    ]


def cmd_validate(args: argparse.Namespace) -> int:
    project = load_for(args)
    problems = _selected(project.problems, project.root, args.paths)
    if args.format == "markdown":
        links = args.links + ("" if not args.links or args.links.endswith("/") else "/")
        print(format_markdown(problems, links), end="")
    else:
        print(FORMATS[args.format](problems))
    return EXIT_PROBLEMS if has_errors(problems) else EXIT_OK
