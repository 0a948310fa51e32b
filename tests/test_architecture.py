"""The core never imports MkDocs; only the thin hook does."""

from __future__ import annotations

import ast
import subprocess
import sys

from .conftest import REPO

CORE = REPO / "hooks" / "jinglao"


def test_no_core_module_imports_mkdocs() -> None:
    for module in CORE.rglob("*.py"):
        tree = ast.parse(module.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            assert not any(n.split(".")[0] in {"mkdocs", "material"} for n in names), module


def test_running_the_whole_core_loads_no_mkdocs_module() -> None:
    code = (
        "import sys, pathlib, pkgutil, importlib, jinglao\n"
        "for m in pkgutil.iter_modules(jinglao.__path__): importlib.import_module('jinglao.' + m.name)\n"
        "from jinglao.build import build_pages\n"
        f"assert build_pages(pathlib.Path({str(REPO)!r})).ok\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in {'mkdocs', 'material'})\n"
        "assert not bad, bad\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_hook_stays_thin() -> None:
    hook = REPO / "hooks" / "mkdocs_hook.py"
    assert len(hook.read_text(encoding="utf-8").splitlines()) < 70  # four events, each delegating
