"""``jinglao bench``: build a synthetic county every way a user could, interleaved, and tabulate it.

Figures, not assertions. Each round runs every arm once, in the same order (A B C … A B C …), so a
slow spell on a shared machine touches every arm alike; each cell is the median of the rounds with
its min–max, and the ratios are taken on medians, of wall time and of CPU time.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from .arms import DOCS, UnitEditor, build_arms, has_zensical
from .measure import Series, ratio, timed_process
from .page import Column, Row, folder_bytes, gzipped, page_weight, table
from .search import search_rows
from .serve import serve_rounds

OURS_ONLY = "ours_cold"  # the one arm of an ``--ours-only`` county


def _env(repo: Path) -> dict[str, str]:
    """Children import this tree's ``jinglao``, whatever is installed."""
    paths = [str(repo / "hooks"), *filter(None, [os.environ.get("PYTHONPATH")])]
    return {**os.environ, "PYTHONPATH": os.pathsep.join(paths)}


def _last_line(error: str) -> str:
    """What a failed arm said last, short enough for a table cell."""
    lines = [line.strip() for line in error.splitlines() if line.strip()]
    return (lines[-1] if lines else error)[:300].replace("|", "/")


def _ratios(series: dict[str, Series]) -> list[Row]:
    pairs = [
        ("ours_cold", "plain", "比值：本项目冷 ÷ 纯 Material"),
        ("ours_one", "plain", "比值：本项目冷单进程 ÷ 纯 Material"),
        (
            "ours_cold",
            "memo",
            "比值：本项目冷 ÷ 纯 Material + 分词缓存和并行转换（钩子本身的代价）",
        ),
        ("ours_cold", "zensical_cold", "比值：本项目冷 ÷ Zensical 冷"),
        ("ours_warm", "zensical_warm", "比值：本项目热 ÷ Zensical 热"),
        ("ours_warm", "ours_cold", "比值：本项目热 ÷ 本项目冷"),
    ]
    return [
        (name, ratio(series[a], series[b])) for a, b, name in pairs if a in series and b in series
    ]


def _site_rows(project: Path, unit_ids: list[str]) -> list[Row]:
    site = project / "site"
    pages = [site / "units" / u / "index.html" for u in unit_ids]
    sizes = sorted(p.stat().st_size for p in pages)
    raw, packed = page_weight(site, pages[0])
    rows = [
        ("site/ 大小", f"{folder_bytes(site) / 1e6:.1f} MB"),
        (
            "单位页面 HTML 中位数 / 最大",
            f"{statistics.median(sizes) / 1024:.1f} KB / {sizes[-1] / 1024:.1f} KB",
        ),
        ("单位页面传输量（含 CSS/JS，不含搜索）原始 / gzip", f"{raw / 1024:.0f} KB / {packed / 1024:.0f} KB"),
    ]  # fmt: skip
    lunr = site / "search/search_index.json"
    if lunr.is_file():  # Material's own search: the phone downloads the whole index first
        index = lunr.read_bytes()
        rows += [
            ("Material 搜索索引 原始 / gzip", f"{len(index) / 1e6:.2f} MB / {gzipped(index) / 1e6:.2f} MB"),
            ("第一次搜索出结果前手机下载量（单位页面 + 搜索索引，gzip）", f"{(packed + gzipped(index)) / 1e6:.2f} MB"),
        ]  # fmt: skip
    return rows + search_rows(site, project)


def measure(
    repo: Path, project: Path, unit_ids: list[str], runs: int, *, serve: bool, ours_only: bool
) -> tuple[Column, list[str]]:
    """One county: every arm ``runs`` times, interleaved; the column of figures and arm order.
    ``ours_only``: only our cold build (a county too large to build every other way each round);
    the site and search rows come from it."""
    env = _env(repo)
    editor = UnitEditor(project, unit_ids[0])
    zensical = has_zensical() and not ours_only
    if not ours_only:
        timed_process(
            [sys.executable, "-m", "jinglao.cli", "generate", "--out", DOCS], project, env
        )
    arms = build_arms(project, editor, zensical=zensical)
    if ours_only:
        arms = [arm for arm in arms if arm.key == OURS_ONLY]
    series = {arm.key: Series() for arm in arms}
    failed: dict[str, str] = {}  # an arm that fails is reported as such; the others go on
    try:
        for number in range(1, runs + 1):
            for arm in (a for a in arms if a.key not in failed):
                print(f"  第 {number}/{runs} 轮：{arm.label}……", file=sys.stderr)
                arm.prepare(number)
                try:
                    series[arm.key].runs.append(timed_process(arm.command, project, env))
                except RuntimeError as exc:
                    failed[arm.key] = _last_line(str(exc))
    finally:
        editor.restore()
    for key in failed:
        del series[key]  # no figures, no ratios
    yaml_mb = sum((project / "units" / u / "unit.yml").stat().st_size for u in unit_ids) / 1e6
    rows: Column = [("单位数", f"{len(unit_ids):,}"), ("单位资料 YAML 合计", f"{yaml_mb:.1f} MB")]
    rows += [
        (arm.label, f"失败：{failed[arm.key]}" if arm.key in failed else series[arm.key].cell())
        for arm in arms
    ]
    if not has_zensical() and not ours_only:
        rows.append(("Zensical", "未安装（pip install -e '.[bench]'）"))
    rows += _ratios(series)
    rows += _site_rows(project, unit_ids)
    if serve and not ours_only:
        print("  mkdocs serve --dirty：改承诺、改名……", file=sys.stderr)
        timed = serve_rounds(project, editor, runs, env)
        rows += [
            ("mkdocs serve --dirty：改一条承诺，保存到页面更新", timed[0].spread("wall") if timed else "超时"),
            ("mkdocs serve --dirty：给单位改名，保存到单位页和名录都更新", timed[1].spread("wall") if timed else "超时"),
        ]  # fmt: skip
    return rows, [arm.label for arm in arms]


def run_bench(
    repo: Path,
    counts: list[int],
    out: Path | None,
    runs: int,
    *,
    serve: bool,
    ours_only: Sequence[int] = (),
) -> tuple[str, list[str]]:
    """The table for every county size (``counts`` with every arm, then ``ours_only`` with our
    cold build only), and the order the arms ran in each round of a full county."""
    from .county import generate_county  # only the bench needs the generator

    columns: list[Column] = []
    order: list[str] = []
    sizes = [(count, False) for count in counts] + [(count, True) for count in ours_only]
    for count, only in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            project = (out / str(count)) if out else Path(tmp) / "county"
            print(f"正在生成 {count} 个单位的模拟县……", file=sys.stderr)
            ids = generate_county(repo, project, count)
            print(f"正在测量 {count} 个单位（各方式交替，{runs} 轮）……", file=sys.stderr)
            column, arms = measure(repo, project, ids, runs, serve=serve, ours_only=only)
            columns.append(column)
            order = order if only else arms
    return table(columns), order
