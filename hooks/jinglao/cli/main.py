"""The ``jinglao`` command line: Chinese help, exit codes 0 (ok) / 1 (problems found) / 2 (usage)."""

from __future__ import annotations

import argparse
import importlib
import os
import re
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, get_args

from ..report import FORMATS
from ..schema.vocab import SECTOR_SLUGS, Level
from .common import EXIT_PROBLEMS, EXIT_USAGE


class _Formatter(argparse.RawDescriptionHelpFormatter):
    def add_usage(self, usage: Any, actions: Any, groups: Any, prefix: str | None = None) -> None:
        super().add_usage(usage, actions, groups, "用法：" if prefix is None else prefix)


# argparse's own messages, in the words a clerk reads them.
_USAGE_ERRORS = [
    (r"the following arguments are required: (.+)", "缺少参数：{0}"),
    (
        r"argument (.+?): invalid choice: '(.*?)' \(choose from (.+)\)",
        "{0} 不能是「{1}」，可选：{2}",
    ),
    (r"argument (.+?): invalid (\w+) value: '(.*?)'", "{0} 的值「{2}」不对，应当是数字"),
    (r"argument (.+?): expected one argument", "{0} 后面要写一个值"),
    (r"unrecognized arguments: (.+)", "不认识的参数：{0}"),
]


def chinese_usage_error(message: str) -> str:
    for pattern, template in _USAGE_ERRORS:
        match = re.fullmatch(pattern, message)
        if match:
            return template.format(*match.groups())
    return f"参数不对（{message}）"


class _Parser(argparse.ArgumentParser):
    def __init__(self, **kwargs: Any) -> None:
        super().__init__(formatter_class=_Formatter, add_help=False, **kwargs)
        self._positionals.title = "参数"
        self._optionals.title = "选项"
        self.add_argument("-h", "--help", action="help", help="显示本帮助并退出")

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(
            EXIT_USAGE, f"{self.prog}：{chinese_usage_error(message)}。用 --help 查看用法。\n"
        )


Command = Callable[[argparse.Namespace], int]


def _lazy(module: str, name: str) -> Command:
    """A command imported only when it runs: ``jinglao validate`` (the pre-commit hook) then
    loads no renderer, spreadsheet or pinyin library."""

    def run(args: argparse.Namespace) -> int:
        command: Command = getattr(importlib.import_module(f"jinglao.cli.{module}"), name)
        return command(args)

    return run


def _command(
    sub: Any, name: str, func: Command, summary: str, description: str
) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = sub.add_parser(name, help=summary, description=description)
    parser.add_argument(
        "--project", type=Path, metavar="文件夹",
        help="项目文件夹（默认：当前文件夹或其上级中含 mkdocs.yml 的文件夹）",
    )  # fmt: skip
    parser.set_defaults(func=func)
    return parser


def _unit_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "unit_id", metavar="单位编号", help="units/ 下的文件夹名，例如 anlan-renmin-yiyuan"
    )


def make_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="jinglao",
        description="敬老文明号公开承诺平台：检查单位资料、生成网站、打印公示牌、导入导出名录。",
    )
    sub = parser.add_subparsers(title="命令", dest="command", parser_class=_Parser, metavar="命令")

    p = _command(sub, "validate", _lazy("validate", "cmd_validate"), "检查单位资料，列出全部问题",
                 "检查单位资料：每个问题给出「文件:行:列」、说明和修改提示。有错误时退出码为 1。")  # fmt: skip
    p.add_argument(
        "paths", nargs="*", metavar="路径", help="只报告这些文件或文件夹的问题（默认：全部）"
    )
    p.add_argument("--format", choices=sorted(FORMATS), default="text",
                   help="输出格式：text（给人看）、github（合并请求上的行内注释）、"
                        "markdown（按文件分组的摘要，合并请求的检查摘要和评论用）、json（给程序读）")  # fmt: skip
    p.add_argument("--links", default="", metavar="网址",
                   help="markdown 格式里每个位置链接到「网址/文件#L行号」，例如 "
                        "https://github.com/县/仓库/blob/提交/")  # fmt: skip

    p = _command(sub, "fmt", _lazy("fmt", "cmd_fmt"), "把资料文件整理成规范格式",
                 "把单位资料文件整理成规范格式（字段顺序、缩进、引号统一，内容不变），"
                 "网页编辑器保存时写出的也是这个格式，改一个值只改动一两行。"
                 "不写路径时整理全部 units/*/unit.yml；也可以写 units/county.yml 或 cycles/ 下的届次文件。"
                 "有注释或读不出来的文件只报告行号，不改动。")  # fmt: skip
    p.add_argument("paths", nargs="*", metavar="路径",
                   help="要整理的文件或文件夹（默认：全部 units/*/unit.yml）")  # fmt: skip
    p.add_argument("--check", action="store_true",
                   help="只检查，不改文件：列出不是规范格式的文件和第一处不同的行，有就退出码 1")  # fmt: skip
    p.add_argument("--drop-comments", action="store_true",
                   help="删掉文件里的注释再整理（默认：有注释的文件只报告，不改动）")  # fmt: skip

    p = _command(sub, "check", _lazy("check", "cmd_check"), "查看一个单位各项资料是否齐全",
                 "逐项列出公开事项、创建标准、创建档案是否齐全，缺什么、在哪里补，以及能否参加本届评选。")  # fmt: skip
    _unit_argument(p)

    p = _command(sub, "new", _lazy("new", "cmd_new"), "为新单位建立资料文件模板",
                 "在 units/ 下建立新单位的文件夹和规范格式的 unit.yml：只写给出的内容，其余各项空着等单位填写。")  # fmt: skip
    p.add_argument(
        "unit_id", nargs="?", metavar="单位编号", help="文件夹名（可省略：按单位名称的拼音生成）"
    )
    p.add_argument("--name", required=True, metavar="名称", help="单位全称，例如 安澜县人民医院")
    p.add_argument("--sector", required=True, choices=list(SECTOR_SLUGS), metavar="行业",
                   help="行业类别：" + "、".join(SECTOR_SLUGS))  # fmt: skip
    p.add_argument("--level", choices=list(get_args(Level)), metavar="层级",
                   help="层级：" + "、".join(get_args(Level)) + "（不写时留空，由单位填写）")  # fmt: skip
    p.add_argument("--township", metavar="乡镇", help="乡镇单位写所属乡镇；县直单位不写")

    p = _command(sub, "generate", _lazy("generate", "cmd_generate"), "把生成的页面连同 content/ 写到一个文件夹",
                 "把网站的全部页面写到一个文件夹，供不运行 MkDocs 钩子的构建工具（如 Zensical）使用。")  # fmt: skip
    p.add_argument(
        "--out", type=Path, required=True, metavar="文件夹", help="输出文件夹（会先清空）"
    )

    p = _command(sub, "search-index", _lazy("search_index", "cmd_search_index"), "为建好的网站建立搜索索引",
                 "为任何工具建好的网站文件夹（mkdocs build、jinglao generate 之后的 Zensical）建立搜索索引，"
                 "写到 网站文件夹/pagefind/（原有的会被替换）；同义词取自 content/search/synonyms.yml。")  # fmt: skip
    p.add_argument("site", type=Path, metavar="网站文件夹", help="建好的网站，例如 site")

    p = _command(sub, "print", _lazy("printing", "cmd_print"), "生成一个单位的公示牌（A4、A3）和服务卡 PDF",
                 "用无界面的 Chromium 把单位的公示牌（A4、A3）和工作人员服务卡打印成 PDF。")  # fmt: skip
    _unit_argument(p)
    p.add_argument("--out", type=Path, metavar="文件夹", help="PDF 保存位置（默认：pdf/单位编号/）")

    p = _command(sub, "export", _lazy("export", "cmd_export"), "把全部单位导出为 Excel 名录",
                 "导出单位名录（一行一个单位：基本信息、监督电话、资料是否齐全、能否参加评选；"
                 "下拉选项、筛选、单位名称链接到单位页面），另有一张「缺项」表列出 jinglao check 找到的缺项和提示。")  # fmt: skip
    p.add_argument(
        "file", type=Path, metavar="文件", help="要写入的 .xlsx 文件，例如 register.xlsx"
    )

    p = _command(sub, "import", _lazy("register", "cmd_import"), "从 Excel 名录为新单位建立资料模板",
                 "读取办公室发来的 Excel 表，按表头「单位编号、单位名称、行业类别、层级、所属乡镇、地址、监督电话、确认日期」"
                 "为每一行建立单位模板。标题行、合并单元格、全角字符、被存成数字的电话和日期、说明行都能处理；"
                 "已有的单位不会被覆盖，逐行报告建立、跳过（及原因）和提示。一个能用的单位都没有时退出码为 1。")  # fmt: skip
    p.add_argument("file", type=Path, metavar="文件", help="要读取的 .xlsx 文件")

    p = _command(sub, "archive", _lazy("bags", "cmd_archive"), "归档一届已结束的评选（BagIt 归档包）",
                 "把该届表彰名单和每个获奖单位在表彰当日的公开资料封存到 archive/届次/（BagIt，RFC 8493）。"
                 "资料取自 git 历史；历史中没有的取自工作区，并在归档里注明。已有的归档不会被覆盖。")  # fmt: skip
    p.add_argument("cycle_id", metavar="届次", help="例如 2021-2023")
    p.add_argument("--by", metavar="姓名", help="封存人（默认：git 的 user.name）")

    p = _command(sub, "verify", _lazy("bags", "cmd_verify"), "核对全部归档是否被改动",
                 "按清单重新计算每个归档文件的 SHA-256，列出被改动、被加入或丢失的文件，核对记录的压缩包校验值，"
                 "并列出封存后改动过归档的提交；有不符时退出码为 1。")  # fmt: skip
    p.add_argument("--base", metavar="提交",
                   help="与这个提交比较，归档有任何改动都算不符（合并请求检查用，例如 origin/main）")  # fmt: skip

    p = _command(sub, "bundle", _lazy("bags", "cmd_bundle"), "把一届归档打成交给档案馆的压缩包",
                 "生成确定性的 zip（归档包、归档页面、表彰名单及其 PDF），并把 SHA-256 写入 archive/届次.bundle.sha256。")  # fmt: skip
    p.add_argument("cycle_id", metavar="届次", help="例如 2021-2023")
    p.add_argument(
        "--out", type=Path, metavar="文件", help="zip 文件位置（默认：dist/archive-届次.zip）"
    )

    p = _command(sub, "changed", _lazy("changed", "cmd_changed"), "列出合并请求改动的网页及其预览网址",
                 "列出从 --base 分出以来改动的单位、评选、政策和说明页，每项链接到它的网页（合并请求的评论用）。")  # fmt: skip
    p.add_argument("--base", required=True, metavar="提交", help="比较的起点，例如 origin/main")
    p.add_argument("--site-url", metavar="网址",
                   help="网站地址，例如预览的 https://县.github.io/仓库/pr/12/（默认：mkdocs.yml 的 site_url）")  # fmt: skip

    p = sub.add_parser("bench", help="生成模拟县并测量校验、构建、页面大小和预览刷新的耗时",
                       description="生成 N 个单位的模拟县，各方式交替运行几轮，测量本项目冷、热构建，同样页面的纯 mkdocs-material、"
                                   "加同样分词缓存的 mkdocs-material 和 Zensical 的时间和峰值内存及比值，校验时间，"
                                   "site/ 大小、页面大小、搜索索引大小和 mkdocs serve 的刷新时间，输出 Markdown 表格。")  # fmt: skip
    p.add_argument(
        "--units", type=int, action="append", metavar="N", help="单位数，可写多次（默认 100）"
    )
    p.add_argument(
        "--page",
        type=Path,
        metavar="文件",
        help="同时把结果写成网站的开发者页面，例如 content/dev/benchmark.md",
    )
    p.add_argument(
        "--out",
        type=Path,
        metavar="文件夹",
        help="把模拟县保存在这里（默认：临时文件夹，测完删除）",
    )
    p.add_argument("--ours-only", type=int, action="append", default=[], metavar="N",
                   help="这个单位数只测本项目冷构建、页面大小和搜索，可写多次（例如 10000：其余方式每轮要一小时以上）")  # fmt: skip
    p.add_argument("--no-serve", action="store_true", help="不测 mkdocs serve 的刷新时间")
    p.add_argument("--runs", type=int, default=3, metavar="N",
                   help="每种构建方式运行几轮，各方式交替（默认 3）")  # fmt: skip
    p.set_defaults(func=_lazy("bench", "cmd_bench"))

    for name, func, what in (("schema", _lazy("generated", "cmd_schema"), "编辑器用的 JSON Schema"),
                             ("codeowners", _lazy("generated", "cmd_codeowners"), ".github/CODEOWNERS")):  # fmt: skip
        p = _command(sub, name, func, f"重新生成{what}", f"根据数据重新生成{what}。")
        p.add_argument("--check", action="store_true", help="只检查是否最新，不写文件")
    p = _command(sub, "cms-config", _lazy("generated", "cmd_cms_config"), "重新生成网页编辑器（/admin/）的配置",
                 "根据数据模型重新生成 content/admin/config.yml 和网页编辑器写文件用的字段顺序。")  # fmt: skip
    p.add_argument("--check", action="store_true", help="只检查是否最新，不写文件")
    p.add_argument("--repo", metavar="账号/仓库名",
                   help="县里的 GitHub 仓库，例如 anlan-laoling/jinglao（默认：沿用现有配置里的）")  # fmt: skip
    p.add_argument("--oauth-url", metavar="网址",
                   help="GitHub 登录用的授权服务地址，例如 https://decap-proxy.example.workers.dev（默认：沿用现有配置里的）")  # fmt: skip
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = make_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return EXIT_USAGE
    try:
        code: int = args.func(args)
        sys.stdout.flush()
    except BrokenPipeError:  # `jinglao check x | head`: the reader has all it wanted
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # no error at exit
        return EXIT_PROBLEMS
    except KeyboardInterrupt:
        print("已中断。", file=sys.stderr)
        return EXIT_PROBLEMS
    except Exception as exc:  # a bug, not a user's mistake: say so plainly, details on request
        if os.environ.get("JINGLAO_DEBUG"):
            raise
        print(f"jinglao：程序内部出错（{type(exc).__name__}: {exc}）。这不是您资料的问题，"
              "请把这段话发给平台维护人员；设置 JINGLAO_DEBUG=1 可看到详细信息。", file=sys.stderr)  # fmt: skip
        return EXIT_PROBLEMS
    return code


if __name__ == "__main__":
    sys.exit(main())
