"""The whole pipeline in one call — load, validate, derive, render — and writing pages to a folder."""

from __future__ import annotations

import gc
import shutil
from dataclasses import dataclass
from pathlib import Path

from .derive import derive
from .problems import Problem, has_errors
from .project import forget_parsed, load_project
from .render import forget_unit_pages, render_pages
from .unit_view import forget_views

CONTENT_DIR = "content"


@dataclass(frozen=True)
class BuildResult:
    problems: list[Problem]
    pages: dict[str, str]  # empty when there are errors

    @property
    def ok(self) -> bool:
        return not has_errors(self.problems)


def forget_reused() -> None:
    """Drop what is kept for the next rebuild (only ``mkdocs serve`` has one)."""
    forget_parsed()
    forget_views()
    forget_unit_pages()


def build_pages(root: Path, *, reuse: bool = False) -> BuildResult:
    """Run the pipeline on the project at ``root``; pages only when nothing blocks the build.

    With ``reuse`` (``mkdocs serve``) parsed units, views and unit pages are kept for the next
    rebuild; otherwise they are let go, so a one-off build holds no second copy of the site.
    """
    try:
        return _build_pages(root)
    finally:
        if not reuse:
            forget_reused()


def _build_pages(root: Path) -> BuildResult:
    project = load_project(root)
    if has_errors(project.problems):
        return BuildResult(project.problems, {})
    enabled = gc.isenabled()
    gc.disable()  # as in load_project: everything built here stays alive until the build ends
    try:
        pages = render_pages(derive(project), root / "theme" / "pages")
    finally:
        if enabled:
            gc.enable()
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


def write_changed(folder: Path, pages: dict[str, str]) -> int:
    """Mirror ``pages`` into ``folder``, rewriting only files whose text changed (their mtime then
    tells ``mkdocs serve --dirty`` which pages to rebuild). Returns how many were written."""
    written = 0
    for rel, text in pages.items():
        target = folder / rel
        data = text.encode("utf-8")
        if target.is_file() and target.stat().st_size == len(data) and target.read_bytes() == data:
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        written += 1
    return written
