"""The arms of the benchmark: what each one runs, and what it puts in place before each run.

All arms build the same pages. Ours builds them through the hook; the others build the folder
``jinglao generate --out build/docs`` wrote: plain Material (what a user has without this
project), plain Material with the project's generic speed-ups — the jieba memo and the Markdown
conversion on every core (``hooks/mkdocs_parallel.py``) — so that ours ÷ it is what the hooks
cost, and Zensical (what a Material user would move to), cold and with its own cache. Ours is
also built on one process (``JINGLAO_BUILD_WORKERS=1``), its own arm.
"""

from __future__ import annotations

import re
import shutil
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ..source.mkdocs_yml import hookless_config
from ..source.parse_cache import CACHE_DIR

DOCS = "build/docs"  # where ``jinglao generate`` writes the pages for the hookless arms
ZENSICAL_CONFIG = "zensical.yml"
MEMO_HOOK = Path(__file__).with_name("memo_hook.py")
PARALLEL_HOOK = Path(__file__).resolve().parents[2] / "mkdocs_parallel.py"
ONE_PROCESS = ["env", "JINGLAO_BUILD_WORKERS=1"]


def _nothing(_: int) -> None:
    return None


@dataclass(frozen=True)
class Arm:
    key: str
    label: str
    command: list[str]
    prepare: Callable[[int], None] = field(default=_nothing)  # given the round number


def _mkdocs(config: Path, site: str) -> list[str]:
    return [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", site]


def _jinglao(*args: str) -> list[str]:
    return [sys.executable, "-m", "jinglao.cli", *args]


def _remove(*paths: Path) -> None:
    for path in paths:
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path)
        elif path.exists() or path.is_symlink():
            path.unlink()


class UnitEditor:
    """Edits one unit's first commitment (a new text each round) or its name, as a clerk would."""

    def __init__(self, project: Path, unit_id: str) -> None:
        self.file = project / "units" / unit_id / "unit.yml"
        self.original = self.file.read_text(encoding="utf-8")
        commitment = re.search(r"^commitments:\n- (.+)$", self.original, re.M)
        name = re.search(r"^name: (.+)$", self.original, re.M)
        assert commitment is not None and name is not None  # the bench county writes both
        self.commitment, self.name = commitment, name

    def edit(self, mark: str) -> str:
        """Change the first commitment; returns its new text."""
        text = self.commitment.group(1) + mark
        self._write(self.commitment, f"commitments:\n- {text}")
        return text

    def rename(self, mark: str) -> str:
        """Change the unit's name (every list that shows it changes too); returns the new name."""
        name = self.name.group(1) + mark
        self._write(self.name, f"name: {name}")
        return name

    def _write(self, match: re.Match[str], replacement: str) -> None:
        start, end = match.span()
        self.file.write_text(
            self.original[:start] + replacement + self.original[end:], encoding="utf-8"
        )

    def restore(self) -> None:
        self.file.write_text(self.original, encoding="utf-8")


def memo_config(project: Path, docs: Path) -> Path:
    """The hookless config with only the generic speed-ups hooked in: the jieba memo and the
    Markdown conversion on every core."""
    config = hookless_config(project, docs, project / "mkdocs-memo.yml", material_search=True)
    text = config.read_text(encoding="utf-8").rstrip("\n")
    hooks = f"\nhooks:\n  - {MEMO_HOOK}\n  - {PARALLEL_HOOK}\n"
    config.write_text(text + hooks, encoding="utf-8")
    return config


def build_arms(project: Path, editor: UnitEditor, *, zensical: bool) -> list[Arm]:
    """Every arm, in the order each round runs them."""
    docs = project / DOCS
    cache = project / ".cache"
    parsed = project / CACHE_DIR

    def cold(_: int) -> None:
        _remove(cache, project / "site")

    def edited(round_number: int) -> None:
        editor.edit(f"（第 {round_number} 轮修改）")

    def without_parse_cache(_: int) -> None:
        _remove(*parsed.glob("parsed-*.json"))

    arms = [
        Arm("ours_cold", "本项目：完整构建，冷（没有 .cache）", _mkdocs(project / "mkdocs.yml", "site"), cold),
        Arm("ours_warm", "本项目：重建，热（保留 .cache，改了一个单位）", _mkdocs(project / "mkdocs.yml", "site"), edited),
        Arm("ours_one", "本项目：完整构建，冷，单进程（JINGLAO_BUILD_WORKERS=1）", [*ONE_PROCESS, *_mkdocs(project / "mkdocs.yml", "site")], cold),
        Arm("plain", "纯 Material：同样页面，无钩子", _mkdocs(hookless_config(project, docs, material_search=True), "baseline-site")),
        Arm("memo", "纯 Material + 同样的分词缓存和并行转换", _mkdocs(memo_config(project, docs), "memo-site")),
    ]  # fmt: skip
    if zensical:
        command = [sys.executable, "-m", "zensical", "build", "-f", ZENSICAL_CONFIG]
        arms += [
            Arm("zensical_cold", "Zensical：同样页面，冷（--clean）", [*command, "--clean"]),
            Arm("zensical_warm", "Zensical：同样页面，热（保留它自己的缓存）", command),
        ]
    arms += [
        Arm("validate_cold", "校验 jinglao validate，冷（没有解析缓存）", _jinglao("validate"), without_parse_cache),
        Arm("validate_warm", "校验 jinglao validate，热（有解析缓存）", _jinglao("validate")),
        Arm("validate_one", f"jinglao validate units/{editor.file.parent.name}（提交前检查；含解释器启动）",
            _jinglao("validate", f"units/{editor.file.parent.name}")),
    ]  # fmt: skip
    return arms


def has_zensical() -> bool:
    import importlib.util

    return importlib.util.find_spec("zensical") is not None
