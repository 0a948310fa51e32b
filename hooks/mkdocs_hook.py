"""MkDocs hook: the thin adapter between MkDocs and the ``jinglao`` core.

Runs the core pipeline once per build, stops the build with the located Chinese report on errors,
and hands the generated pages to MkDocs, replacing hand-written ones at the same path.
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
_backing = Path()


def on_startup(command: str, dirty: bool) -> None:
    os.environ["JINGLAO_DIRTY"] = "1" if dirty else ""  # this module is reloaded on each rebuild
    os.environ["JINGLAO_SERVE"] = "1" if command == "serve" else ""


def on_config(config: Any) -> Any:
    global _result, _backing
    root = Path(config.config_file_path).parent
    pin_build_date(root)  # sitemap dates and the like come from the commit, not the clock
    segmentation.use_cache(root)
    _result = build_pages(root, reuse=bool(os.environ.get("JINGLAO_SERVE")))
    for problem in _result.problems:
        if problem.severity is Severity.WARNING:
            log.warning(problem.as_text())
    if not _result.ok:
        raise PluginError("单位资料有错误，网站没有生成：\n" + format_text(_result.problems))
    _backing = root / ".cache" / "jinglao" / "pages"
    write_changed(_backing, {p: t for p, t in _result.pages.items() if _from_disk(p)})
    return config


def _from_disk(path: str) -> bool:
    """Static files always (kept out of memory); Markdown under --dirty (unchanged ones skipped)."""
    return bool(os.environ.get("JINGLAO_DIRTY")) or not path.endswith(".md")


def on_files(files: Files, config: Any) -> Files:
    global _result
    assert _result is not None
    for path, text in _result.pages.items():
        if (existing := files.get_file_from_path(path)) is not None:
            files.remove(existing)
        if _from_disk(path):
            files.append(File.generated(config, path, abs_src_path=str(_backing / path)))
        else:
            files.append(File.generated(config, path, content=text))
    _result = None  # MkDocs' files hold what it needs now; let the rest go
    return files


def on_post_build(config: Any) -> None:
    segmentation.save_cache(Path(config.config_file_path).parent)
