"""The pipeline in one place — load → validate → derive → render — and what is kept between runs.

Every caller goes through here: the MkDocs adapter, ``jinglao generate``/``print``/``bundle``/
``export``, and the benchmark. ``Reuse`` holds the caches a ``mkdocs serve`` process keeps between
rebuilds (parsed units, unit views, unit pages); a one-off build keeps none, so it holds no second
copy of the site. ``Session`` is what the MkDocs adapter keeps for the life of its process: the
hook module itself is loaded afresh on every rebuild, this module is not.
"""

from __future__ import annotations

import gc
import shutil
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from .county.synonyms import Synonyms
from .plain import Data, Pages
from .problems import Problem, has_errors
from .project import Progress, Project, load_project, unit_revisions
from .site.derive import derive
from .site.render import PageCache, page_renderer, render_pages
from .source.git import pin_build_date
from .source.parse_cache import DiskCache
from .source.site_urls import SiteAddress
from .unit.load import ParseCache
from .unit.view import ViewCache

CONTENT_DIR = "content"
TEMPLATES_DIR = "theme/pages"
BACKING_DIR = ".cache/jinglao/pages"


@dataclass
class Reuse:
    parsed: ParseCache = field(default_factory=ParseCache)
    views: ViewCache = field(default_factory=ViewCache)
    pages: PageCache = field(default_factory=PageCache)


@dataclass(frozen=True)
class BuildResult:
    problems: list[Problem]
    pages: Pages  # empty when there are errors
    synonyms: Synonyms = field(default_factory=Synonyms)  # for the search index after the build

    @property
    def ok(self) -> bool:
        return not has_errors(self.problems)


@contextmanager
def _no_cyclic_gc() -> Iterator[None]:
    """Everything built here stays alive until the build ends: rescanning it is wasted time."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def load(root: Path, reuse: Reuse | None = None, progress: Progress | None = None) -> Project:
    """Stages 1 and 2: every file loaded and validated, every problem located. The first load
    of a process reads unit files parsed before from the parse cache on disk; later ones (serve's
    rebuilds) have them in memory."""
    parsed = reuse.parsed if reuse else ParseCache()
    parsed.disk = DiskCache(root) if not parsed.entries else None
    return load_project(root, progress, parsed)


def site_data(project: Project, reuse: Reuse | None = None) -> Data:
    """Stage 3: the whole site as plain data. Each unit's 更新记录 is read from git here, for
    builds only: checking files (``jinglao validate``) never needs it."""
    history = project.history
    if history.available and not history.revisions:
        history.revisions = unit_revisions(project.root)
    with _no_cyclic_gc():
        return derive(project, reuse.views if reuse else None)


def renderer(root: Path, site: Data) -> Callable[..., str]:
    """``page(template, **context)`` for one-off files (the award list, a bag's page)."""
    return page_renderer(site, root / TEMPLATES_DIR)


def build_pages(
    root: Path, reuse: Reuse | None = None, address: SiteAddress | None = None
) -> BuildResult:
    """All four stages; pages only when nothing blocks the build. ``address`` is what the MkDocs
    build was told (``--no-directory-urls``, a preview's ``site_url``), else mkdocs.yml's."""
    with _no_cyclic_gc():  # one pause for all stages: re-enabling between them costs a collection
        project = load(root, reuse)
        if address is not None:
            project.address = address
        if has_errors(project.problems):
            return BuildResult(project.problems, {})
        site = site_data(project, reuse)
        pages = render_pages(site, root / TEMPLATES_DIR, reuse.pages if reuse else None)
    return BuildResult(project.problems, pages, project.synonyms)


# Folders of the project that an output folder must never be, contain, or lie in.
SOURCE_FOLDERS = ("units", "content", "cycles", "archive", "hooks", "theme", ".git")
GENERATED_MARKER = ".jinglao-generated"


class OutputFolderError(Exception):
    """Why a folder may not be emptied and written, in Chinese."""


def check_output_folder(root: Path, out: Path) -> None:
    """Refuse a target that would delete the project's own files: the project itself, a folder
    that holds it, anything inside its source folders, or a non-empty folder ``generate`` did not
    make (it has no marker file)."""
    project, target = root.resolve(), out.resolve()
    if project == target or project.is_relative_to(target):
        raise OutputFolderError(f"{out} 是项目文件夹本身或包含项目文件夹，不能作为输出位置。")
    for name in SOURCE_FOLDERS:
        if target.is_relative_to(project / name):
            raise OutputFolderError(
                f"{out} 在项目的 {name}/ 里面，写入会覆盖资料；请换一个文件夹，例如 build/docs。"
            )
    if target.is_file() or (
        target.is_dir() and any(target.iterdir()) and not (target / GENERATED_MARKER).is_file()
    ):
        raise OutputFolderError(
            f"{out} 已有别的内容（不是 jinglao generate 生成的），不会清空它；请换一个空文件夹。"
        )


def write_docs(root: Path, pages: Pages, out: Path) -> None:
    """A complete docs folder: the hand-written content, overlaid with every generated page.

    ``mkdocs.yml`` pointed at this folder (or Zensical, which runs no MkDocs hooks) builds the
    same site as the hook does. Raises ``OutputFolderError`` rather than delete a folder that is
    not its own.
    """
    check_output_folder(root, out)
    if out.exists():
        shutil.rmtree(out)
    shutil.copytree(root / CONTENT_DIR, out, symlinks=True)
    for rel, content in pages.items():
        target = out / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(_bytes(content))
    (out / GENERATED_MARKER).write_text("jinglao generate\n", encoding="utf-8")


def _bytes(content: str | bytes) -> bytes:
    return content.encode("utf-8") if isinstance(content, str) else content


def write_changed(folder: Path, pages: Pages) -> int:
    """Mirror ``pages`` into ``folder``, rewriting only files whose text changed (their mtime then
    tells ``mkdocs serve --dirty`` which pages to rebuild). Returns how many were written."""
    written = 0
    for rel, content in pages.items():
        target = folder / rel
        data = _bytes(content)
        if target.is_file() and target.stat().st_size == len(data) and target.read_bytes() == data:
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        written += 1
    return written


@dataclass(frozen=True)
class GeneratedPage:
    """A page for MkDocs: its text in memory, or (``file``) a file on disk that holds it."""

    path: str
    text: str | bytes = ""
    file: Path | None = None


@dataclass
class Session:
    """What one MkDocs process keeps: the caches when it serves, whether it rebuilds only changed
    pages (``--dirty``), and the pages of the build under way."""

    dirty: bool = False
    serve: bool = False
    reuse: Reuse | None = None
    result: BuildResult | None = None
    backing: Path = field(default_factory=Path)
    clock: str = ""  # which clock dates this build, for the build log
    synonyms: Synonyms = field(default_factory=Synonyms)  # read with the project, for the index

    def start(self, *, serve: bool, dirty: bool) -> None:
        self.dirty = dirty
        self.serve = serve
        self.reuse = Reuse() if serve else None

    def build(self, root: Path, address: SiteAddress | None = None) -> BuildResult:
        # sitemap dates and the like come from the commit, not the clock
        self.clock = pin_build_date(root)
        self.result = build_pages(root, self.reuse, address)
        self.backing = root / BACKING_DIR
        self.synonyms = self.result.synonyms
        if self.result.ok:
            pages = self.result.pages
            write_changed(self.backing, {p: t for p, t in pages.items() if self._from_disk(p)})
        return self.result

    def _from_disk(self, path: str) -> bool:
        """Static files always (kept out of memory); Markdown under --dirty (unchanged ones are
        then skipped by MkDocs)."""
        return self.dirty or not path.endswith(".md")

    def take_pages(self) -> list[GeneratedPage]:
        """The build's pages, once: MkDocs holds what it needs from here on."""
        pages = self.result.pages if self.result else {}
        self.result = None
        return [
            GeneratedPage(path, file=self.backing / path)
            if self._from_disk(path)
            else GeneratedPage(path, text)
            for path, text in pages.items()
        ]


_SESSION = Session()


def session() -> Session:
    return _SESSION
