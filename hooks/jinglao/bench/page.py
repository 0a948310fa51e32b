"""The benchmark's output: one Markdown table (a column per county size) and the developer page
``content/dev/benchmark.md``, written whole by ``jinglao bench --page`` (nothing on it is typed
by hand, so regenerating it loses nothing)."""

from __future__ import annotations

import contextlib
import gzip
import importlib.metadata
import os
import platform
import re
import time
from collections.abc import Sequence
from pathlib import Path

Row = tuple[str, str]
Column = list[Row]

PACKAGES = ("mkdocs", "mkdocs-material", "zensical", "jieba", "PyYAML", "pydantic")


def gzipped(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=6, mtime=0))


def folder_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def page_weight(site: Path, page: Path) -> tuple[int, int]:
    """Bytes of a page with the CSS and JS it loads (raw, gzipped); no search index."""
    html = page.read_bytes()
    raw, packed = len(html), gzipped(html)
    refs = re.findall(rb'<(?:link[^>]+rel="stylesheet"[^>]*href|script[^>]+src)="([^"]+)"', html)
    for ref in dict.fromkeys(refs):
        target = (page.parent / ref.decode().split("?")[0]).resolve()
        if target.is_file() and target.is_relative_to(site.resolve()):
            data = target.read_bytes()
            raw, packed = raw + len(data), packed + gzipped(data)
    return raw, packed


def table(columns: list[Column]) -> str:
    """One Markdown table, a column of figures per county size (the first row names the size)."""
    header = "| 项目 | " + " | ".join(f"{rows[0][1]} 个单位" for rows in columns) + " |"
    lines = [header, "|" + " --- |" * (len(columns) + 1)]
    names = list(dict.fromkeys(name for rows in columns for name, _ in rows[1:]))
    for name in names:
        cells = [dict(rows).get(name, "—") for rows in columns]
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def machine() -> str:
    meminfo = Path("/proc/meminfo")
    lines = meminfo.read_text().splitlines() if meminfo.is_file() else []
    memory = next((line.split()[1] for line in lines if line.startswith("MemTotal")), "0")
    versions = []
    for package in PACKAGES:
        with contextlib.suppress(importlib.metadata.PackageNotFoundError):
            versions.append(f"{package} {importlib.metadata.version(package)}")
    load = f"，测量开始时负载 {os.getloadavg()[0]:.1f}" if hasattr(os, "getloadavg") else ""
    return (
        f"{platform.machine()}，{os.cpu_count()} 核，内存 {int(memory) / 1024 / 1024:.0f} GiB{load}，"
        f"Python {platform.python_version()}；" + "，".join(versions)
    )


def _ours_only_note(counts: Sequence[int]) -> str:
    if not counts:
        return ""
    sizes = "、".join(f"{n:,}" for n in counts)
    return (
        f"{sizes} 个单位的一列只测本项目的冷构建（同样 {{runs}} 轮）、页面大小和搜索："
        "其余构建方式在这个规模每轮要一个小时以上，这一列里标「—」的格子没有测。\n\n"
    )


def bench_page(
    result: str, command: str, order: str, runs: int, host: str, ours_only: Sequence[int] = ()
) -> str:
    return (
        "---\ntitle: 性能基准\n---\n\n# 性能基准\n\n"
        "给开发者看的页面，全文由 `jinglao bench` 生成（不要手改，重新生成会整页覆盖）。"
        "它生成模拟县（每个单位 5 KB 以上的 YAML，九个行业、12 个乡镇、办事流程、政策、评议和一届评选），"
        "在同一次运行里测量本项目和同样页面的其他构建方式。各方式交替运行"
        f"（每轮依次：{order}；共 {runs} 轮），每格是中位数（最小–最大），另有 CPU 时间（用户 + 系统）"
        "和峰值内存的中位数。共享机器上的墙钟时间受别的任务影响，请看比值，尤其是 CPU 时间的比值。\n\n"
        f"- 测量日期：{time.strftime('%Y-%m-%d')}\n- 机器：{host}\n"
        f"- 重新生成本页：`{command}`\n\n"
        + _ours_only_note(ours_only).format(runs=runs)
        + f"{result}\n"
    )
