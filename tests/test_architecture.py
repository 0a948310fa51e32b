"""The layout's rules: the core never imports MkDocs, layers import only downward, no module reaches
into another's private names, tests keep out of the benchmark, and modules stay small."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import REPO

CORE = REPO / "hooks" / "jinglao"
TESTS = REPO / "tests"
MAX_LINES = 300

# Lowest first. A module may import from its own layer and the layers below, never above.
LAYERS = [
    {"__init__", "problems", "report", "plain"},
    {"source"},
    {"schema"},
    {"unit"},
    {"county"},
    {"cycles"},
    {"bags"},
    {"project"},
    {"site"},
    {"pipeline", "search"},
    {"cli", "bench"},
]
RANK = {name: rank for rank, names in enumerate(LAYERS) for name in names}


def _modules() -> list[Path]:
    return sorted(CORE.rglob("*.py"))


def _dotted(path: Path) -> str:
    parts = path.relative_to(CORE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path, source: str | None = None) -> list[tuple[str, list[str], int]]:
    """(absolute module, imported names, line) for each import in a core or test module."""
    tree = ast.parse(source if source is not None else path.read_text(encoding="utf-8"))
    if not path.is_relative_to(CORE):
        package = "tests"  # a test's relative imports stay inside tests/
    elif path.name == "__init__.py":
        package = _dotted(path)
    else:
        package = _dotted(path).rpartition(".")[0]
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(alias.name, [], node.lineno) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            found.append((base, [a.name for a in node.names], node.lineno))
    return found


def _layer(module: str) -> str:
    """``jinglao.unit.view`` → ``unit``; ``jinglao`` itself → ``__init__``."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def _upward_imports(path: Path, source: str | None = None) -> list[str]:
    own = _layer(_dotted(path))
    return [
        f"{path.relative_to(REPO)}:{line} {own} → {module}"
        for module, names, line in _imports(path, source)
        for target in [module, *(f"{module}.{n}" for n in names)]
        if target.startswith("jinglao.") and RANK[_layer(target)] > RANK[own]
    ]


def _private_imports(path: Path, source: str | None = None) -> list[str]:
    return [
        f"{path.relative_to(REPO)}:{line} {module}.{name}"
        for module, names, line in _imports(path, source)
        if module.startswith("jinglao")
        for name in names
        if name.startswith("_") and not name.startswith("__")
    ]


def test_every_core_folder_has_a_layer() -> None:
    names = {_layer(_dotted(p)) for p in _modules()}
    assert names <= set(RANK), names - set(RANK)


def test_no_core_module_imports_mkdocs() -> None:
    for module in _modules():
        names = [m for m, _, _ in _imports(module)]
        assert not any(n.split(".")[0] in {"mkdocs", "material"} for n in names), module


def test_lower_layers_never_import_higher_ones() -> None:
    upward = [found for path in _modules() for found in _upward_imports(path)]
    assert upward == []


def test_no_module_imports_another_modules_private_names() -> None:
    private = [found for path in _modules() for found in _private_imports(path)]
    assert private == []


def test_tests_do_not_import_the_benchmark() -> None:
    found = [
        f"{path.relative_to(REPO)}:{line}"
        for path in TESTS.rglob("*.py")
        if "fixtures" not in path.parts
        for module, names, line in _imports(path)
        if module.startswith("jinglao.bench") or (module == "jinglao" and "bench" in names)
    ]
    assert found == []


def test_modules_stay_small() -> None:
    long = {
        str(p.relative_to(REPO)): n
        for p in [*_modules(), REPO / "hooks" / "mkdocs_hook.py"]
        if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert long == {}


@pytest.mark.parametrize(
    ("source", "rule"),
    [
        ("from ..site.derive import derive\n", _upward_imports),
        ("from ..schema.errors import _title\n", _private_imports),
    ],
)
def test_the_rules_catch_a_violation(source: str, rule: object) -> None:
    """The guards above are live: a unit module importing the site, or a private name, is caught."""
    assert callable(rule) and rule(CORE / "unit" / "view.py", source) != []


def test_running_the_whole_core_loads_no_mkdocs_module() -> None:
    code = (
        "import sys, pathlib, pkgutil, importlib, jinglao\n"
        "for m in pkgutil.walk_packages(jinglao.__path__, 'jinglao.'):\n"
        "    if not m.name.endswith('__main__'): importlib.import_module(m.name)\n"
        "from jinglao.pipeline import build_pages\n"
        f"assert build_pages(pathlib.Path({str(REPO)!r})).ok\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in {'mkdocs', 'material'})\n"
        "assert not bad, bad\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_hook_stays_thin() -> None:
    hook = REPO / "hooks" / "mkdocs_hook.py"
    assert len(hook.read_text(encoding="utf-8").splitlines()) < 70  # four events, each delegating
