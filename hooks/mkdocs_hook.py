"""MkDocs hook: the thin adapter between MkDocs and the ``jinglao`` core.

Runs the core pipeline once per build, stops the build with the located Chinese report when a
file has errors, and hands the generated pages to MkDocs (replacing hand-written ones at the same
path). Under ``serve --dirty`` pages are backed by files rewritten only when their text changes.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from jinglao import segmentation
from jinglao.build import BuildResult, build_pages, write_changed
from jinglao.history import pin_build_date
from jinglao.problems import Severity, format_text

log = logging.getLogger("mkdocs.hooks.jinglao")
_result: BuildResult | None = None
_backing: Path | None = None  # set under serve --dirty


def on_startup(command: str, dirty: bool) -> None:
    os.environ["JINGLAO_DIRTY"] = "1" if dirty else ""  # this module is reloaded on each rebuild


def on_config(config: Any) -> Any:
    global _result, _backing
    root = Path(config.config_file_path).parent
    pin_build_date(root)  # sitemap dates and the like come from the commit, not the clock
    segmentation.use_cache(root)
    _result = build_pages(root)
    for problem in _result.problems:
        if problem.severity is Severity.WARNING:
            log.warning(problem.as_text())
    if not _result.ok:
        raise PluginError("单位资料有错误，网站没有生成：\n" + format_text(_result.problems))
    _backing = root / ".cache" / "jinglao" / "pages" if os.environ.get("JINGLAO_DIRTY") else None
    if _backing is not None:
        write_changed(_backing, _result.pages)
    return config


def on_files(files: Files, config: Any) -> Files:
    assert _result is not None
    for path, text in _result.pages.items():
        if (existing := files.get_file_from_path(path)) is not None:
            files.remove(existing)
        if _backing is not None:
            files.append(File.generated(config, path, abs_src_path=str(_backing / path)))
        else:
            files.append(File.generated(config, path, content=text))
    return files


def on_post_build(config: Any) -> None:
    segmentation.save_cache(Path(config.config_file_path).parent)
