"""``jinglao generate --out``: every page, with ``content/``, in a folder for builders that run no
MkDocs hooks (Zensical)."""

from __future__ import annotations

import argparse
import sys

from ..pipeline import OutputFolderError, build_pages, check_output_folder, write_docs
from .common import EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, fail_on_errors, project_root


def cmd_generate(args: argparse.Namespace) -> int:
    root = project_root(args)
    try:
        check_output_folder(root, args.out)  # before the build: say it at once
    except OutputFolderError as exc:
        print(f"jinglao generate：{exc}", file=sys.stderr)
        return EXIT_USAGE
    result = build_pages(root)
    if fail_on_errors(result.problems):
        return EXIT_PROBLEMS
    write_docs(root, result.pages, args.out)
    print(f"已生成 {len(result.pages)} 个页面，连同 content/ 一起写入 {args.out}")
    return EXIT_OK
