"""The few settings the core needs from ``mkdocs.yml`` (read as plain YAML, MkDocs not imported)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml


class _TolerantLoader(yaml.SafeLoader):
    """Safe loading that reads ``!!python/...`` and ``!ENV`` tags as plain nothing."""


def _ignore(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> None:
    return None


_TolerantLoader.add_multi_constructor("tag:yaml.org,2002:python/", _ignore)
_TolerantLoader.add_multi_constructor("!", _ignore)


def read_site_url(root: Path) -> str:
    """The public address of the portal (``site_url``), ending in ``/``; empty when not set."""
    path = root / "mkdocs.yml"
    if not path.is_file():
        return ""
    try:
        config: Any = yaml.load(path.read_text(encoding="utf-8"), Loader=_TolerantLoader)
    except yaml.YAMLError:
        return ""
    url = str((config or {}).get("site_url") or "")
    return url if not url or url.endswith("/") else url + "/"
