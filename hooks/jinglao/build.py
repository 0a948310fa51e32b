"""The whole pipeline in one call — load, validate, derive, render — and writing pages to a folder."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from .derive import derive
from .problems import Problem, has_errors
from .project import load_project
from .render import render_pages

CONTENT_DIR = "content"


@dataclass(frozen=True)
class BuildResult:
    problems: list[Problem]
    pages: dict[str, str]  # empty when there are errors

    @property
    def ok(self) -> bool:
        return not has_errors(self.problems)


def build_pages(root: Path) -> BuildResult:
    """Run the pipeline on the project at ``root``; pages only when nothing blocks the build."""
    project = load_project(root)
    if has_errors(project.problems):
        return BuildResult(project.problems, {})
    pages = render_pages(derive(project), root / "theme" / "pages")
    return BuildResult(project.problems, pages)


def write_docs(root: Path, pages: dict[str, str], out: Path) -> None:
    """A complete docs folder: the hand-written content, overlaid with every generated page.

    ``mkdocs.yml`` pointed at this folder (or Zensical, which runs no MkDocs hooks) builds the
    same site as the hook does.
    """
    if out.exists():
        shutil.rmtree(out)
    shutil.copytree(root / CONTENT_DIR, out)
    for rel, text in pages.items():
        target = out / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
