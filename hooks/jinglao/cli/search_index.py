"""``jinglao search-index 网站文件夹``: the search index for a site built by any tool (the
Zensical path: ``jinglao generate --out`` and another builder); the MkDocs hook does the same."""

from __future__ import annotations

import argparse
import sys

from ..county.synonyms import load_synonyms
from ..search.index import IndexingError, index_site
from .common import EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, fail_on_errors, project_root


def cmd_search_index(args: argparse.Namespace) -> int:
    site = args.site
    if not (site / "index.html").is_file():
        print(
            f"jinglao search-index：{site} 不是建好的网站（里面没有 index.html）；"
            "请先运行 mkdocs build，或 jinglao generate 之后用别的工具构建。",
            file=sys.stderr,
        )
        return EXIT_USAGE
    synonyms, problems = load_synonyms(project_root(args))
    if fail_on_errors(problems):
        return EXIT_PROBLEMS
    try:
        result = index_site(site, synonyms)
    except IndexingError as exc:
        print(f"jinglao search-index：{exc}", file=sys.stderr)
        return EXIT_PROBLEMS
    print(
        f"已为 {result.pages} 个页面建立搜索索引（{result.with_synonyms} 个页面加了同义词），"
        f"写入 {site / 'pagefind'}"
    )
    return EXIT_OK
