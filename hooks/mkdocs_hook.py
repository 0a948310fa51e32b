"""MkDocs hook: the thin adapter between MkDocs and the ``jinglao`` core.

Runs the core pipeline once per build, stops the build with the located Chinese report on errors,
and hands the generated pages to MkDocs, replacing hand-written ones at the same path. What must
outlive one rebuild of ``mkdocs serve`` is kept by ``jinglao.pipeline.session()``, since MkDocs
loads this module afresh each time.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from jinglao.pipeline import session
from jinglao.problems import Severity
from jinglao.report import format_text
from jinglao.search.index import IndexingError, index_after_build
from jinglao.source.mkdocs_yml import read_address, site_url_text
from jinglao.source.site_urls import SiteAddress

log = logging.getLogger("mkdocs.hooks.jinglao")


def on_startup(command: str, dirty: bool) -> None:
    session().start(serve=command == "serve", dirty=dirty)


def on_config(config: Any) -> Any:
    root = Path(config.config_file_path).parent
    result = session().build(root, _address(config, root))
    log.info(session().clock)
    for problem in result.problems:
        if problem.severity is Severity.WARNING:
            log.warning(problem.as_text())
    if not result.ok:
        raise PluginError("单位资料有错误，网站没有生成：\n" + format_text(result.problems))
    return config


def _address(config: Any, root: Path) -> SiteAddress:
    """The site's address as this build has it: a preview's site_url, --no-directory-urls. Serve
    puts its local address in site_url; a board printed from it must still carry the public one."""
    public = read_address(root).site_url if session().serve else site_url_text(config.site_url)
    return SiteAddress(public, bool(config.use_directory_urls))


def on_files(files: Files, config: Any) -> Files:
    for page in session().take_pages():
        if (existing := files.get_file_from_path(page.path)) is not None:
            files.remove(existing)
        if page.file is not None:
            files.append(File.generated(config, page.path, abs_src_path=str(page.file)))
        else:
            files.append(File.generated(config, page.path, content=page.text))
    return files


def on_post_build(config: Any) -> None:
    built = session()
    try:
        indexed = index_after_build(Path(config.site_dir), built.synonyms, dirty=built.dirty)
    except IndexingError as exc:
        raise PluginError(str(exc)) from exc
    if indexed is not None:
        log.info(f"搜索索引：{indexed.pages} 个页面（{indexed.with_synonyms} 个加了同义词）")
