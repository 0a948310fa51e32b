"""``jinglao bench``: the benchmark's command (the measuring is in ``jinglao.bench``)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..bench.page import bench_page, machine
from ..bench.run import run_bench
from .common import EXIT_OK, EXIT_USAGE

DEFAULT_RUNS = 3


def _command(args: argparse.Namespace, counts: list[int]) -> str:
    """The command that regenerates the page, as it was given."""
    words = ["jinglao bench", *(f"--units {n}" for n in counts)]
    words += [f"--ours-only {n}" for n in args.ours_only]
    if args.runs != DEFAULT_RUNS:
        words.append(f"--runs {args.runs}")
    if args.no_serve:
        words.append("--no-serve")
    return " ".join([*words, f"--page {args.page}"])


def cmd_bench(args: argparse.Namespace) -> int:
    if args.runs < 1:
        print("jinglao bench：--runs 至少是 1。", file=sys.stderr)
        return EXIT_USAGE
    repo = Path(__file__).resolve().parents[3]
    counts = args.units or ([] if args.ours_only else [100])
    host = machine()  # before the runs: the load average then says how busy the machine was
    result, order = run_bench(
        repo, counts, args.out, args.runs, serve=not args.no_serve, ours_only=args.ours_only
    )
    print(result)
    if args.page:
        command = _command(args, counts)
        page = bench_page(result, command, "、".join(order), args.runs, host, args.ours_only)
        args.page.write_text(page, encoding="utf-8")
        print(f"已写入 {args.page}", file=sys.stderr)
    return EXIT_OK
