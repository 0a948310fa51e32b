"""``jinglao bench``: the benchmark's command (the measuring is in ``jinglao.bench``)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..bench.run import bench_page, run_bench
from .common import EXIT_OK


def cmd_bench(args: argparse.Namespace) -> int:
    repo = Path(__file__).resolve().parents[3]
    counts = args.units or [100]
    result = run_bench(repo, counts, args.out, serve=not args.no_serve)
    print(result)
    if args.page:
        command = (
            "jinglao bench " + " ".join(f"--units {n}" for n in counts) + f" --page {args.page}"
        )
        args.page.write_text(bench_page(result, command), encoding="utf-8")
        print(f"已写入 {args.page}", file=sys.stderr)
    return EXIT_OK
