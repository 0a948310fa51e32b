"""From a file's bytes to text, and YAML's parser errors in words a clerk understands.

Every message is located (line and column) and says how to fix the file.
"""

from __future__ import annotations

import yaml

from ..problems import Problem, Severity

MAX_BYTES = 1024 * 1024


_YAML_PROBLEMS = [
    (
        "mapping values are not allowed",
        "这里不能出现「: 」",
        '冒号后面有空格就会被当成新字段；含冒号的文字请用引号括起来，例如 "时间: 8点"。',
    ),
    (
        "could not find expected ':'",
        "缺少冒号「:」",
        "每个字段写成「字段名: 值」，冒号是英文半角，后面跟一个空格。",
    ),
    (
        "expected <block end>",
        "缩进没有对齐",
        "同一层的字段要用同样多的空格缩进；列表项以「- 」开头。",
    ),
    (
        "found unexpected end of stream",
        "文件在引号或括号结束之前就结束了",
        "检查引号、方括号、花括号是否成对。",
    ),
    (
        "while scanning a quoted scalar",
        "引号没有成对",
        "每段用引号开头的文字都要用同样的引号结尾。",
    ),
    ("found character '\\t'", "用了制表符（Tab）", "YAML 只能用空格缩进。"),
    (
        "exceeded maximum nesting depth",
        "内容嵌套的层次太深",
        "单位资料最多只有几层缩进；请检查是否多写了成串的 [ 或 {。",
    ),
    (
        "did not find expected node content",
        "这里缺少内容",
        "方括号 [ ]、花括号 { } 里的内容没有写完，或多了一个逗号。",
    ),
    ("found undefined alias", "不支持 YAML 的锚点和别名（& 与 *）", "请把要重复的内容直接写出来。"),
    (
        "could not determine a constructor",
        "不支持以「!」开头的标签",
        "请删掉「!」开头的标记，直接写值。",
    ),
]


def syntax_problem(rel_path: str, exc: yaml.MarkedYAMLError) -> Problem:
    mark = exc.problem_mark or exc.context_mark
    where = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    detail = f"{exc.context or ''} {exc.problem or ''}".strip()
    for needle, message, hint in _YAML_PROBLEMS:
        if needle in detail:
            return Problem(rel_path, *where, Severity.ERROR, f"YAML 格式错误：{message}", hint)
    return Problem(
        rel_path,
        *where,
        Severity.ERROR,
        "YAML 格式错误",
        f"请检查这一行及上一行。解析器原文：{detail}",
    )


def tab_problems(rel_path: str, text: str) -> list[Problem]:
    problems = []
    for number, line in enumerate(text.splitlines(), start=1):
        indent = line[: len(line) - len(line.lstrip(" \t"))]
        if "\t" in indent:
            problems.append(
                Problem(
                    rel_path,
                    number,
                    indent.index("\t") + 1,
                    Severity.ERROR,
                    "用了制表符（Tab）缩进",
                    "YAML 只能用空格缩进：请把这一行开头的 Tab 换成空格（通常每层 2 个空格）。",
                )
            )
    return problems


def decode(rel_path: str, raw: bytes) -> tuple[str | None, list[Problem]]:
    """Bytes to text: UTF-8 (a BOM and CRLF are fine); anything else is a located error."""
    if len(raw) > MAX_BYTES:
        size = f"{len(raw) / 1024 / 1024:.1f} MiB"
        return None, [
            Problem(
                rel_path,
                1,
                1,
                Severity.ERROR,
                f"文件太大（{size}），上限是 1 MiB",
                "资料文件只放文字；图片请另存为文件，不要把大段内容粘进来。",
            )
        ]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        guess = "（看起来是 GBK/GB2312 编码，常见于 Windows 记事本或 WPS 的默认保存）"
        try:
            raw.decode("gbk")
        except UnicodeDecodeError:
            guess = ""
        return None, [
            Problem(
                rel_path,
                line,
                column,
                Severity.ERROR,
                f"文件不是 UTF-8 编码{guess}",
                "请用 UTF-8 重新保存：记事本选「另存为」→ 编码选「UTF-8」；"
                "VS Code 点右下角的编码 →「通过编码保存」→「UTF-8」。",
            )
        ]
    return text.removeprefix("\ufeff"), []


def control_character_problem(
    rel_path: str, text: str, position: int, character: object
) -> Problem:
    """A character YAML refuses (NUL and other controls), at its line and column."""
    raw = text.encode("utf-8")  # libyaml counts bytes of UTF-8
    line = raw.count(b"\n", 0, position) + 1
    start = raw.rfind(b"\n", 0, position) + 1
    column = len(raw[start:position].decode("utf-8", errors="ignore")) + 1
    point = ord(character) if isinstance(character, str) else character
    code = f"U+{point:04X}" if isinstance(point, int) else "?"
    return Problem(
        rel_path,
        line,
        column,
        Severity.ERROR,
        f"文件里有不可见的控制字符（{code}）",
        "通常是从别的软件复制时带进来的：请删掉这个字符，或把这一行重新输入一遍。",
    )
