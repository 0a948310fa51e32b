"""The ``jinglao`` command: validate unit files and generate the portal's pages, in Chinese."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from .build import build_pages, write_docs
from .printing import PrintError, print_unit
from .problems import FORMATS, Problem, has_errors
from .project import load_project

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2


class _Formatter(argparse.RawDescriptionHelpFormatter):
    def add_usage(self, usage: Any, actions: Any, groups: Any, prefix: str | None = None) -> None:
        super().add_usage(usage, actions, groups, prefix or "用法：")


class _Parser(argparse.ArgumentParser):
    def __init__(self, **kwargs: Any) -> None:
        super().__init__(formatter_class=_Formatter, add_help=False, **kwargs)
        self._positionals.title = "参数"
        self._optionals.title = "选项"
        self.add_argument("-h", "--help", action="help", help="显示本帮助并退出")

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}：参数不对（{message}）。用 --help 查看用法。\n")


def find_root(start: Path) -> Path:
    """The project folder: the nearest folder upward that has mkdocs.yml or units/."""
    for folder in (start, *start.parents):
        if (folder / "mkdocs.yml").is_file() or (folder / "units").is_dir():
            return folder
    return start


def _selected(problems: list[Problem], root: Path, paths: list[str]) -> list[Problem]:
    if not paths:
        return problems
    prefixes = []
    for raw in paths:
        path = Path(raw).resolve()
        rel = (
            path.relative_to(root.resolve()).as_posix()
            if path.is_relative_to(root.resolve())
            else raw
        )
        prefixes.append(rel.rstrip("/"))
    return [p for p in problems if any(p.path == x or p.path.startswith(x + "/") for x in prefixes)]


def cmd_validate(args: argparse.Namespace) -> int:
    root = args.project or find_root(Path.cwd())
    project = load_project(root)
    problems = _selected(project.problems, root, args.paths)
    print(FORMATS[args.format](problems))
    return EXIT_PROBLEMS if has_errors(problems) else EXIT_OK


def cmd_generate(args: argparse.Namespace) -> int:
    root = args.project or find_root(Path.cwd())
    result = build_pages(root)
    if not result.ok:
        print(FORMATS["text"](result.problems), file=sys.stderr)
        return EXIT_PROBLEMS
    write_docs(root, result.pages, args.out)
    print(f"已生成 {len(result.pages)} 个页面，连同 content/ 一起写入 {args.out}")
    return EXIT_OK


def cmd_print(args: argparse.Namespace) -> int:
    root = args.project or find_root(Path.cwd())
    result = build_pages(root)
    if not result.ok:
        print(FORMATS["text"](result.problems), file=sys.stderr)
        return EXIT_PROBLEMS
    try:
        written = print_unit(result.pages, args.unit_id, args.out or Path("pdf") / args.unit_id)
    except PrintError as exc:
        print(f"jinglao print：{exc}", file=sys.stderr)
        return EXIT_PROBLEMS
    for path in written:
        print(f"已生成 {path}")
    return EXIT_OK


def _add_project_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--project",
        type=Path,
        metavar="文件夹",
        help="项目文件夹（默认：当前文件夹或其上级中含 mkdocs.yml 的文件夹）",
    )


def make_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="jinglao", description="敬老文明号公开承诺平台：检查单位资料、生成网站页面。"
    )
    sub = parser.add_subparsers(title="命令", dest="command", parser_class=_Parser, metavar="命令")
    validate = sub.add_parser(
        "validate",
        help="检查单位资料，列出全部问题",
        description="检查单位资料：每个问题给出「文件:行:列」、说明和修改提示。有错误时退出码为 1。",
    )
    _add_project_option(validate)
    validate.add_argument(
        "paths", nargs="*", metavar="路径", help="只报告这些文件或文件夹的问题（默认：全部）"
    )
    validate.add_argument(
        "--format",
        choices=sorted(FORMATS),
        default="text",
        help="输出格式：text（给人看）、github（GitHub 注释）、json（给程序读）",
    )
    validate.set_defaults(func=cmd_validate)
    generate = sub.add_parser(
        "generate",
        help="把生成的页面连同 content/ 写到一个文件夹",
        description="把网站的全部页面写到一个文件夹，供不运行 MkDocs 钩子的构建工具（如 Zensical）使用。",
    )
    _add_project_option(generate)
    generate.add_argument(
        "--out", type=Path, required=True, metavar="文件夹", help="输出文件夹（会先清空）"
    )
    generate.set_defaults(func=cmd_generate)
    printer = sub.add_parser(
        "print",
        help="生成一个单位的公示牌（A4、A3）和服务卡 PDF",
        description="用无界面的 Chromium 把单位的公示牌（A4、A3）和工作人员服务卡打印成 PDF。",
    )
    _add_project_option(printer)
    printer.add_argument(
        "unit_id", metavar="单位编号", help="units/ 下的文件夹名，例如 anlan-renmin-yiyuan"
    )
    printer.add_argument(
        "--out", type=Path, metavar="文件夹", help="PDF 保存位置（默认：pdf/单位编号/）"
    )
    printer.set_defaults(func=cmd_print)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = make_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return EXIT_USAGE
    code: int = args.func(args)
    return code


if __name__ == "__main__":
    sys.exit(main())
