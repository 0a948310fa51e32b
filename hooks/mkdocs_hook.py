"""MkDocs hook: the thin adapter between MkDocs and the ``jinglao`` core.

It runs the core pipeline once per build, stops the build with the validator's located Chinese
report when a unit file has errors, logs warnings, and hands the generated pages to MkDocs as
in-memory files (replacing any hand-written file at the same path, e.g. ``index.md``).
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from jinglao.build import BuildResult, build_pages
from jinglao.history import pin_build_date
from jinglao.problems import Severity, format_text

log = logging.getLogger("mkdocs.hooks.jinglao")
_result: BuildResult | None = None


def on_config(config: Any) -> Any:
    global _result
    root = Path(config.config_file_path).parent
    pin_build_date(root)  # sitemap dates and the like come from the commit, not the clock
    _result = build_pages(root)
    for problem in _result.problems:
        if problem.severity is Severity.WARNING:
            log.warning(problem.as_text())
    if not _result.ok:
        raise PluginError("单位资料有错误，网站没有生成：\n" + format_text(_result.problems))
    return config


def on_files(files: Files, config: Any) -> Files:
    assert _result is not None
    for path, text in _result.pages.items():
        existing = files.get_file_from_path(path)
        if existing is not None:
            files.remove(existing)
        files.append(File.generated(config, path, content=text))
    return files
