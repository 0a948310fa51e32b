"""Load one YAML file safely into plain data, remembering where every key and value stands.

PyYAML composes the document once; we then walk the node tree ourselves so that we can reject
what a plain ``safe_load`` lets through (duplicate keys, aliases) and keep the line and column of
each key path for the validator's messages. Scalars are resolved by a small YAML-1.2-like rule set,
so ``17:30`` stays text and ``yes`` is not a boolean.
"""

from __future__ import annotations

import operator
import re
from dataclasses import dataclass, field
from typing import Any, ClassVar

import yaml

from .problems import Problem, Severity

MAX_BYTES = 1024 * 1024

_Base: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_Base):  # type: ignore[misc]
    """libyaml's parser and composer; tags are left alone since scalars are typed by ``_scalar``."""

    _TAGS: ClassVar[dict[type, str]] = {
        yaml.ScalarNode: "tag:yaml.org,2002:str",
        yaml.SequenceNode: "tag:yaml.org,2002:seq",
    }

    def resolve(self, kind: Any, value: Any, implicit: Any) -> str:
        return self._TAGS.get(kind, "tag:yaml.org,2002:map")

    # Path-based resolvers are not used: C-level no-ops save half a million Python calls per
    # thousand units (a builtin stored on a class is not bound, so it gets the arguments as given).
    descend_resolver = operator.is_
    ascend_resolver = tuple


Path = tuple[str | int, ...]
Mark = tuple[int, int]

_NULLS = {"", "~", "null", "Null", "NULL"}
_BOOLS = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_INT = re.compile(r"[-+]?(0|[1-9][0-9]*)")
_NUMBER_START = frozenset("0123456789+-.")
_PLAIN_TAGS = frozenset({"tag:yaml.org,2002:str", "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map"})
_TAB_INDENT = re.compile(r"^[ \t]*\t", re.M)
_FLOAT = re.compile(r"[-+]?([0-9]+\.[0-9]*|\.[0-9]+)([eE][-+]?[0-9]+)?")


@dataclass
class Positions:
    """Line/column (1-based) of each value and each mapping key, by key path."""

    values: dict[Path, Mark] = field(default_factory=dict)
    keys: dict[Path, Mark] = field(default_factory=dict)

    def locate(self, path: Path, *, at_key: bool = False) -> Mark:
        """The nearest known position for ``path``: itself, else its closest ancestor."""
        for end in range(len(path), -1, -1):
            prefix = path[:end]
            if at_key and prefix in self.keys:
                return self.keys[prefix]
            if prefix in self.values:
                return self.values[prefix]
            if prefix in self.keys:
                return self.keys[prefix]
        return (1, 1)

    def shifted(self, lines: int) -> Positions:
        """The same positions, ``lines`` further down (for front matter inside a page)."""
        return Positions(
            {p: (ln + lines, c) for p, (ln, c) in self.values.items()},
            {p: (ln + lines, c) for p, (ln, c) in self.keys.items()},
        )


@dataclass
class SourceDoc:
    """Loaded data. Positions are worked out only when a problem needs them (they cost time)."""

    path: str
    data: Any
    text: str = ""
    line_offset: int = 0  # for YAML that starts below line 1 of its file (front matter)
    known: Positions | None = None

    @property
    def positions(self) -> Positions:
        if self.known is None:
            walk = _Walk(self.path)
            root = yaml.compose(self.text, Loader=_Loader)
            if root is not None:
                walk.node(root, ())
            self.known = walk.positions.shifted(self.line_offset)
        return self.known


class _UnusualError(Exception):
    """Raised by the fast walk for anything that needs the careful one (and a located message)."""


def _fast(node: yaml.Node, seen: set[int] | None) -> Any:
    """Data from a node tree, quickly; duplicates, aliases, merge keys, explicit tags and odd keys
    raise ``_UnusualError`` for the careful walk. ``seen`` is None for a document without ``&``
    and ``*``, which can hold no alias, so most unit files skip that bookkeeping."""
    if seen is not None:
        if id(node) in seen:
            raise _UnusualError
        seen.add(id(node))
    if node.tag not in _PLAIN_TAGS:
        raise _UnusualError
    kind = type(node)
    if kind is yaml.MappingNode:
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if type(key_node) is not yaml.ScalarNode:
                raise _UnusualError
            key = key_node.value
            if key in result or (key == "<<" and not key_node.style):
                raise _UnusualError
            result[key] = _fast(value_node, seen)
        return result
    if kind is yaml.SequenceNode:
        return [_fast(item, seen) for item in node.value]
    return _scalar(node)


def _scalar(node: Any) -> Any:
    text = node.value
    if node.style:  # quoted, literal or folded: always text
        return text
    if text in _NULLS:
        return None
    if text in _BOOLS:
        return _BOOLS[text]
    if text[0] not in _NUMBER_START:
        return text
    if _INT.fullmatch(text):
        return int(text)
    if _FLOAT.fullmatch(text):
        return float(text)
    return text


class _Walk:
    def __init__(self, rel_path: str) -> None:
        self.rel_path = rel_path
        self.positions = Positions()
        self.problems: list[Problem] = []
        self._seen: set[int] = set()

    def error(self, mark: Mark, message: str, hint: str = "") -> None:
        self.problems.append(Problem(self.rel_path, *mark, Severity.ERROR, message, hint))

    def node(self, node: yaml.Node, path: Path) -> Any:
        mark = (node.start_mark.line + 1, node.start_mark.column + 1)
        if id(node) in self._seen:
            self.error(
                self.positions.keys.get(path, mark),
                "不支持 YAML 的锚点和别名（& 与 *）",
                "请把要重复的内容直接写出来；别名会让文件难读，还可能被用来撑爆程序。",
            )
            return None
        self._seen.add(id(node))
        self.positions.values[path] = mark
        if node.tag not in _PLAIN_TAGS:
            self.error(mark, "不支持以「!」开头的标签", "请删掉「!」开头的标记，直接写值。")
            return None
        if isinstance(node, yaml.MappingNode):
            return self.mapping(node, path)
        if isinstance(node, yaml.SequenceNode):
            return [self.node(item, (*path, i)) for i, item in enumerate(node.value)]
        assert isinstance(node, yaml.ScalarNode)
        return _scalar(node)

    def mapping(self, node: yaml.MappingNode, path: Path) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key_mark = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            if not isinstance(key_node, yaml.ScalarNode):
                self.error(
                    key_mark, "字段名必须是一个词", "字段名写在冒号前面，例如 name: 某某单位"
                )
                continue
            if key_node.value == "<<" and not key_node.style:
                self.error(key_mark, "不支持 YAML 的合并键「<<」", "请把内容直接写出来。")
                continue
            key = str(key_node.value)
            if key in result:
                first = self.positions.keys[(*path, key)]
                self.error(
                    key_mark,
                    f"字段「{key}」重复出现（第一次在第 {first[0]} 行）",
                    "同一层里每个字段只能写一次：请把两处内容合并，删掉多余的一处。",
                )
                continue
            self.positions.keys[(*path, key)] = key_mark
            result[key] = self.node(value_node, (*path, key))
        return result


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


def _syntax_problem(rel_path: str, exc: yaml.MarkedYAMLError) -> Problem:
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


def _tab_problems(rel_path: str, text: str) -> list[Problem]:
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
                "单位文件只放文字资料；图片请另存为文件，不要把大段内容粘进来。",
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


def parse_text(
    rel_path: str, text: str, line_offset: int = 0
) -> tuple[SourceDoc | None, list[Problem]]:
    """Text to data (positions on demand), or the problems that stop it."""
    tabs = _tab_problems(rel_path, text) if _TAB_INDENT.search(text) else []
    if tabs:
        return None, tabs
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        return None, [_syntax_problem(rel_path, exc)]
    except yaml.YAMLError as exc:
        return None, [Problem(rel_path, 1, 1, Severity.ERROR, "YAML 格式错误", str(exc))]
    if root is None:
        return None, [
            Problem(rel_path, 1, 1, Severity.ERROR, "文件是空的", "请按模板填写单位资料。")
        ]
    try:
        aliases_possible = "&" in text or "*" in text
        data = _fast(root, set() if aliases_possible else None)
        return SourceDoc(rel_path, data, text, line_offset), []
    except _UnusualError:
        walk = _Walk(rel_path)
        data = walk.node(root, ())
        if walk.problems:
            return None, walk.problems
        return SourceDoc(rel_path, data, text, line_offset, walk.positions), []


def load_bytes(rel_path: str, raw: bytes) -> tuple[SourceDoc | None, list[Problem]]:
    text, problems = decode(rel_path, raw)
    if text is None:
        return None, problems
    return parse_text(rel_path, text)
