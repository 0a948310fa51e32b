"""``mkdocs.yml`` without MkDocs: the few settings the core reads, and a copy without our hooks.

The copy points plain MkDocs (or Zensical) at a folder written by ``jinglao generate``.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from .site_urls import SiteAddress


class _TolerantLoader(yaml.SafeLoader):
    """Safe loading that reads ``!!python/...`` and ``!ENV`` tags as plain nothing."""


def _ignore(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> None:
    return None


_TolerantLoader.add_multi_constructor("tag:yaml.org,2002:python/", _ignore)
_TolerantLoader.add_multi_constructor("!", _ignore)


def _settings(root: Path) -> dict[str, Any]:
    path = root / "mkdocs.yml"
    if not path.is_file():
        return {}
    try:
        config: Any = yaml.load(path.read_text(encoding="utf-8"), Loader=_TolerantLoader)
    except yaml.YAMLError:
        return {}
    return config if isinstance(config, dict) else {}


def site_url_text(url: str | None) -> str:
    """A ``site_url`` as the core uses it: ending in ``/``, empty when not set."""
    url = url or ""
    return url if not url or url.endswith("/") else url + "/"


def read_address(root: Path) -> SiteAddress:
    """``site_url`` and ``use_directory_urls`` (MkDocs' default: true) from mkdocs.yml."""
    settings = _settings(root)
    return SiteAddress(
        site_url_text(str(settings.get("site_url") or "")),
        settings.get("use_directory_urls") is not False,
    )


def hookless_config(
    project: Path, docs: Path, config: Path | None = None, *, material_search: bool = False
) -> Path:
    """The project's mkdocs.yml with no hooks, pointed at a generated docs folder (by default
    written beside it as ``mkdocs-baseline.yml``): what a site without this project builds. With
    ``material_search`` Material's own Chinese search plugin is back in, as a plain Material site
    has it (the project itself indexes with Pagefind after the build)."""
    text = (project / "mkdocs.yml").read_text(encoding="utf-8")
    if material_search:
        text = re.sub(r"\nplugins: \[\].*\n", "\nplugins:\n  - search:\n      lang: zh\n", text)
    text = re.sub(r"\nhooks:\n(  - .*\n)+", "\n", text)
    text = re.sub(r"\nwatch:\n(  - .*\n)+", "\n", text)
    text = text.replace("docs_dir: content", f"docs_dir: {docs}")
    text = text.replace("custom_dir: theme/overrides", f"custom_dir: {project / 'theme/overrides'}")
    config = config or project / "mkdocs-baseline.yml"
    config.write_text(text, encoding="utf-8")
    return config
