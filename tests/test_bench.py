"""A smoke run of the benchmark, so the script keeps working (figures are printed, not asserted)."""

from __future__ import annotations

from .conftest import run_cli


def test_bench_runs_on_a_small_county() -> None:
    code, output = run_cli("bench", "--units", "20", "--no-serve")
    assert code == 0
    lines = output.splitlines()
    assert lines[0] == "| 项目 | 20 个单位 |"
    assert any(line.startswith("| 构建时间比（本项目 ÷ 基线） | ") for line in lines)
    assert any(line.startswith("| 单位页面 HTML 中位数 / 最大 | ") for line in lines)
