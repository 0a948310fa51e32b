"""``jinglao bench``: build a synthetic county and print what it costs, next to a plain baseline.

Figures, not assertions: absolute times on shared machines are noisy, so the table also shows the
ratio of our build to plain mkdocs-material building the very same generated pages in the same run.
"""

from __future__ import annotations

import contextlib
import gzip
import importlib.metadata
import os
import platform
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..pipeline import build_pages, load, write_docs
from ..source.mkdocs_yml import hookless_config

Row = tuple[str, str]


@dataclass(frozen=True)
class Run:
    seconds: float
    peak_mb: float


def timed_process(command: list[str], cwd: Path) -> Run:
    """Wall time and peak RSS of one child process (os.wait4 gives that child's own rusage)."""
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        error = process.stderr.read().decode("utf-8", "replace")[-2000:] if process.stderr else ""
        raise RuntimeError(f"{' '.join(command)} 失败：{error}")
    return Run(seconds, usage.ru_maxrss / 1024)


def _mkdocs(config: Path, site: Path) -> list[str]:
    return [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(site)]


def _size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def _gz(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=6, mtime=0))


def page_weight(site: Path, page: Path) -> tuple[int, int]:
    """Bytes of a page with the CSS, JS and fonts it loads (raw, gzipped); no search index."""
    html = page.read_bytes()
    raw, packed = len(html), _gz(html)
    refs = re.findall(rb'<(?:link[^>]+rel="stylesheet"[^>]*href|script[^>]+src)="([^"]+)"', html)
    for ref in dict.fromkeys(refs):
        target = (page.parent / ref.decode().split("?")[0]).resolve()
        if target.is_file() and target.is_relative_to(site.resolve()):
            data = target.read_bytes()
            raw, packed = raw + len(data), packed + _gz(data)
    return raw, packed


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            body: bytes = response.read()
            return body.decode("utf-8")
    except OSError:
        return ""


def wait_until(condition: Callable[[], bool], seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.1)
    return False


def serve_edit_seconds(project: Path, unit_id: str) -> float | None:
    """Seconds from saving an edit to one unit's commitments until ``mkdocs serve --dirty``
    serves the changed page (renaming a unit also rebuilds the lists that show its name)."""
    port = free_port()
    url = f"http://127.0.0.1:{port}/units/{unit_id}/"
    unit = project / "units" / unit_id / "unit.yml"
    text = unit.read_text(encoding="utf-8")
    first = re.search(r"^commitments:\n- (.+)$", text, re.M)
    assert first is not None
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dirty", "-a", f"127.0.0.1:{port}"],
        cwd=project, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        if not wait_until(lambda: first.group(1) in fetch(url), 1800):
            return None
        time.sleep(2)  # let the watcher settle after the first build
        edited = first.group(1) + "（本条已修改）"
        start = time.perf_counter()
        unit.write_text(
            text.replace(first.group(0), f"commitments:\n- {edited}", 1), encoding="utf-8"
        )
        if not wait_until(lambda: edited in fetch(url), 900):
            return None
        return time.perf_counter() - start
    finally:
        server.terminate()
        server.wait(timeout=60)
        unit.write_text(text, encoding="utf-8")


def measure(project: Path, unit_ids: list[str], *, serve: bool) -> list[Row]:
    start = time.perf_counter()
    loaded = load(project)
    validate_s = time.perf_counter() - start
    assert not loaded.problems, loaded.problems[:3]
    ours = timed_process(_mkdocs(project / "mkdocs.yml", project / "site"), project)
    docs = project / "baseline-docs"
    write_docs(project, build_pages(project).pages, docs)
    base = timed_process(
        _mkdocs(hookless_config(project, docs), project / "baseline-site"), project
    )
    site = project / "site"
    pages = [site / "units" / u / "index.html" for u in unit_ids]
    sizes = sorted(p.stat().st_size for p in pages)
    raw, packed = page_weight(site, pages[0])
    rows = [
        ("单位数", f"{len(unit_ids):,}"),
        (
            "单位资料 YAML 合计",
            f"{sum((project / 'units' / u / 'unit.yml').stat().st_size for u in unit_ids) / 1e6:.1f} MB",
        ),
        ("校验（加载 + 校验全部单位）", f"{validate_s:.2f} s"),
        (
            "完整构建 mkdocs build（本项目钩子）",
            f"{ours.seconds:.1f} s，峰值内存 {ours.peak_mb:.0f} MB",
        ),
        (
            "基线：同样页面、纯 mkdocs-material、无钩子",
            f"{base.seconds:.1f} s，峰值内存 {base.peak_mb:.0f} MB",
        ),
        ("构建时间比（本项目 ÷ 基线）", f"{ours.seconds / base.seconds:.2f}×"),
        ("site/ 大小", f"{_size(site) / 1e6:.1f} MB"),
        (
            "单位页面 HTML 中位数 / 最大",
            f"{statistics.median(sizes) / 1024:.1f} KB / {sizes[-1] / 1024:.1f} KB",
        ),
        # the whole Pagefind bundle; a reader downloads only the chunks a query needs (search.py)
        ("搜索索引（Pagefind，全部文件）", f"{_size(site / 'pagefind') / 1e6:.1f} MB"),
        (
            "单位页面传输量（含 CSS/JS，不含搜索索引）原始 / gzip",
            f"{raw / 1024:.0f} KB / {packed / 1024:.0f} KB",
        ),
    ]
    if serve:
        seconds = serve_edit_seconds(project, unit_ids[0])
        rows.append(
            (
                "mkdocs serve --dirty：改一条承诺、保存到页面更新",
                f"{seconds:.1f} s" if seconds is not None else "超时",
            )
        )
    return rows


def table(columns: list[list[Row]]) -> str:
    """One Markdown table, a column of figures per county size."""
    header = "| 项目 | " + " | ".join(f"{rows[0][1]} 个单位" for rows in columns) + " |"
    lines = [header, "|" + " --- |" * (len(columns) + 1)]
    for i, (name, _) in enumerate(columns[0]):
        if i:
            lines.append(f"| {name} | " + " | ".join(rows[i][1] for rows in columns) + " |")
    return "\n".join(lines)


def machine() -> str:
    memory = next((line.split()[1] for line in Path("/proc/meminfo").read_text().splitlines()
                   if line.startswith("MemTotal")), "0") if Path("/proc/meminfo").is_file() else "0"  # fmt: skip
    versions = []
    for package in ("mkdocs", "mkdocs-material", "jieba", "PyYAML", "pydantic"):
        with contextlib.suppress(importlib.metadata.PackageNotFoundError):
            versions.append(f"{package} {importlib.metadata.version(package)}")
    return (f"{platform.machine()}，{os.cpu_count()} 核，内存 {int(memory) / 1024 / 1024:.0f} GiB，"
            f"Python {platform.python_version()}；" + "，".join(versions))  # fmt: skip


def run_bench(repo: Path, counts: list[int], out: Path | None, *, serve: bool) -> str:
    from .county import generate_county  # only the bench needs the generator

    columns = []
    for count in counts:
        with tempfile.TemporaryDirectory() as tmp:
            project = (out / str(count)) if out else Path(tmp) / "county"
            print(f"正在生成 {count} 个单位的模拟县……", file=sys.stderr)
            ids = generate_county(repo, project, count)
            print(
                "正在测量（校验、两次完整构建" + ("、mkdocs serve" if serve else "") + "）……",
                file=sys.stderr,
            )
            columns.append(measure(project, ids, serve=serve))
    return table(columns)


def bench_page(result: str, command: str) -> str:
    return (
        "---\ntitle: 性能基准\n---\n\n# 性能基准\n\n"
        "给开发者看的页面：`jinglao bench` 生成模拟县（每个单位 5 KB 以上的 YAML，九个行业、12 个乡镇、"
        "办事流程、政策、评议和一届评选），在同一次运行里测量本项目的构建和同样页面的纯 mkdocs-material 基线。"
        "共享机器上的绝对时间有波动，请看比值。\n\n"
        f"- 测量日期：{time.strftime('%Y-%m-%d')}\n- 机器：{machine()}\n- 重新生成本页：`{command}`\n\n"
        f"{result}\n"
    )
