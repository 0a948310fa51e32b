"""``hooks/mkdocs_parallel.py``: the pages' Markdown converted in forked workers gives the very same
site as MkDocs's own one-page-after-another loop (tables of contents, titles, anchors included)."""

from __future__ import annotations

import filecmp
import os
import subprocess
import sys
from pathlib import Path

from .conftest import REPO


def _build(site: Path, workers: str) -> str:
    env = {**os.environ, "JINGLAO_BUILD_WORKERS": workers, "SOURCE_DATE_EPOCH": "1700000000"}
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site)],
        cwd=REPO, env=env, capture_output=True, text=True, encoding="utf-8", check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stderr


def _differences(left: Path, right: Path) -> list[str]:
    compared = filecmp.dircmp(left, right)
    found = [*compared.left_only, *compared.right_only, *compared.diff_files, *compared.funny_files]
    for name in compared.common_files:  # dircmp compares sizes and times only: read the bytes
        if (left / name).read_bytes() != (right / name).read_bytes():
            found.append(name)
    for name in compared.common_dirs:
        found += [f"{name}/{d}" for d in _differences(left / name, right / name)]
    return sorted(set(found))


def test_two_workers_build_the_same_site_as_one(tmp_path: Path) -> None:
    one, two = tmp_path / "one", tmp_path / "two"
    assert "页面转换" not in _build(one, "1")
    log = _build(two, "2")
    assert "个页面，2 个进程同时进行" in log, log
    assert _differences(one, two) == []
    hospital = (two / "units/anlan-renmin-yiyuan/index.html").read_text(encoding="utf-8")
    assert 'href="#procedures"' in hospital and "md-nav--secondary" in hospital  # its TOC is there
