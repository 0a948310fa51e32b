"""A smoke run of the benchmark, so the command keeps working (figures are printed, not asserted):
every arm is timed in every round, the ratios are there, and the page is written whole."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

from .conftest import run_cli

ARMS = [
    "本项目：完整构建，冷（没有 .cache）",
    "本项目：重建，热（保留 .cache，改了一个单位）",
    "本项目：完整构建，冷，单进程（JINGLAO_BUILD_WORKERS=1）",
    "纯 Material：同样页面，无钩子",
    "纯 Material + 同样的分词缓存和并行转换",
    "校验 jinglao validate，冷（没有解析缓存）",
    "校验 jinglao validate，热（有解析缓存）",
]
ZENSICAL = ["Zensical：同样页面，冷（--clean）", "Zensical：同样页面，热（保留它自己的缓存）"]
TWO_RUNS = re.compile(r"[\d.]+ s（[\d.]+–[\d.]+）；CPU [\d.]+ s；峰值内存 \d+ MB")


def test_bench_times_every_arm_and_writes_the_page_whole(tmp_path: Path) -> None:
    page = tmp_path / "benchmark.md"
    page.write_text("后来手写的一段，重新生成时应当消失。\n", encoding="utf-8")
    code, output = run_cli(
        "bench", "--units", "12", "--ours-only", "8", "--runs", "2", "--no-serve", "--page", str(page)
    )  # fmt: skip
    assert code == 0
    cells = {
        name: rest.split(" | ")
        for name, rest in (
            line.strip("| ").split(" | ", 1)
            for line in output.splitlines()[2:]
            if line.startswith("|")
        )
    }
    rows = {name: both[0] for name, both in cells.items()}
    assert output.splitlines()[0] == "| 项目 | 12 个单位 | 8 个单位 |"
    zensical = importlib.util.find_spec("zensical") is not None
    for arm in ARMS + (ZENSICAL if zensical else []):
        assert TWO_RUNS.fullmatch(rows[arm]), (arm, rows[arm])
    assert re.fullmatch(r"[\d.]+×（CPU [\d.]+×）", rows["比值：本项目冷 ÷ 纯 Material"])
    assert "比值：本项目冷 ÷ 纯 Material + 分词缓存和并行转换（钩子本身的代价）" in rows
    assert "比值：本项目冷单进程 ÷ 纯 Material" in rows
    assert ("比值：本项目冷 ÷ Zensical 冷" in rows) == zensical
    assert any(name.startswith("jinglao validate units/") for name in rows)
    # the --ours-only county: our cold build in every round, its pages and search; no other arm
    ours_only = {name: both[1] for name, both in cells.items()}
    assert TWO_RUNS.fullmatch(ours_only[ARMS[0]]), ours_only[ARMS[0]]
    assert all(ours_only[arm] == "—" for arm in ARMS[1:])
    assert ours_only["site/ 大小"].endswith("MB")
    for when in ("页面一打开就输入", "页面准备好后输入"):
        assert re.match(
            r"中位数 [\d.]+ s", ours_only[f"Pagefind：输入到第一个结果（CPU 降速 4×，{when}）"]
        )
    text = page.read_text(encoding="utf-8")
    assert "后来手写" not in text
    assert "`jinglao bench --units 12 --ours-only 8 --runs 2 --no-serve --page " in text
    assert "8 个单位的一列只测本项目的冷构建（同样 2 轮）" in text
    assert f"每轮依次：{'、'.join(ARMS[:5])}" in text and "共 2 轮" in text
