"""``jinglao generate --out``: every page, with ``content/``, in a folder for builders that run no
MkDocs hooks (Zensical)."""

from __future__ import annotations

import argparse

from ..pipeline import build_pages, write_docs
from .common import EXIT_OK, EXIT_PROBLEMS, fail_on_errors, project_root


def cmd_generate(args: argparse.Namespace) -> int:
    root = project_root(args)
    result = build_pages(root)
    if fail_on_errors(result.problems):
        return EXIT_PROBLEMS
    write_docs(root, result.pages, args.out)
    print(f"已生成 {len(result.pages)} 个页面，连同 content/ 一起写入 {args.out}")
    return EXIT_OK
