"""Timing child processes and summarising repeated runs: median and min–max of wall time, CPU time
and peak memory.

Every figure comes from a separate process (``os.wait4`` gives that child's own rusage), so one
arm's caches, imports and memory never leak into another's.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class Run:
    wall: float  # seconds
    cpu: float  # user + system seconds
    peak_mb: float


def timed_process(command: Sequence[str], cwd: Path, env: dict[str, str] | None = None) -> Run:
    """Wall time, CPU time and peak RSS of one child process; a failure raises with its output."""
    start = time.perf_counter()
    process = subprocess.Popen(
        list(command), cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    error = process.stderr.read().decode("utf-8", "replace")[-2000:] if process.stderr else ""
    if process.stderr:
        process.stderr.close()
    if os.waitstatus_to_exitcode(status) != 0:
        raise RuntimeError(f"{' '.join(command)} 失败：{error}")
    return Run(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024)


def seconds(value: float) -> str:
    return f"{value:.2f}" if value < 10 else f"{value:.1f}"


@dataclass
class Series:
    """The runs of one arm, in the order they were made."""

    runs: list[Run] = field(default_factory=list)

    def median(self, what: str) -> float:
        return float(statistics.median(getattr(run, what) for run in self.runs))

    def spread(self, what: str) -> str:
        """``median s（min–max）``; one run has no spread."""
        values = [getattr(run, what) for run in self.runs]
        middle = seconds(statistics.median(values)) + " s"
        if len(values) < 2:
            return middle
        return f"{middle}（{seconds(min(values))}–{seconds(max(values))}）"

    def cell(self) -> str:
        return (
            f"{self.spread('wall')}；CPU {seconds(self.median('cpu'))} s；"
            f"峰值内存 {self.median('peak_mb'):.0f} MB"
        )


def ratio(ours: Series, other: Series) -> str:
    """Ours ÷ other by median wall time, and by median CPU time (steadier on a busy machine)."""
    wall = ours.median("wall") / other.median("wall")
    cpu = ours.median("cpu") / other.median("cpu")
    return f"{wall:.2f}×（CPU {cpu:.2f}×）"
