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

from ..problems import KeyPath, Problem, Severity
from .text import control_character_problem, decode, syntax_problem, tab_problems

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


Mark = tuple[int, int]
MAX_DEPTH = 50  # far deeper than any real file; the walk's recursion limit is about 900

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

    values: dict[KeyPath, Mark] = field(default_factory=dict)
    keys: dict[KeyPath, Mark] = field(default_factory=dict)

    def locate(self, path: KeyPath, *, at_key: bool = False) -> Mark:
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

    def locate(self, path: KeyPath, *, at_key: bool = False) -> Mark:
        """Line and column of ``path`` (or of its nearest located ancestor)."""
        return self.positions.locate(path, at_key=at_key)


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
    if node.style:  # quoted, literal or folded: always text
        return node.value
    return plain_value(node.value)


def plain_value(text: str) -> Any:
    """What an unquoted scalar means: null, a boolean, an integer, a float, else the text itself
    (the rule ``jinglao fmt`` follows to decide whether a string needs quotes)."""
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

    def node(self, node: yaml.Node, path: KeyPath) -> Any:
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

    def mapping(self, node: yaml.MappingNode, path: KeyPath) -> dict[str, Any]:
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


def parse_text(
    rel_path: str, text: str, line_offset: int = 0
) -> tuple[SourceDoc | None, list[Problem]]:
    """Text to data (positions on demand), or the problems that stop it."""
    tabs = tab_problems(rel_path, text) if _TAB_INDENT.search(text) else []
    if tabs:
        return None, tabs
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        return None, [syntax_problem(rel_path, exc)]
    except yaml.reader.ReaderError as exc:
        return None, [control_character_problem(rel_path, text, exc.position, exc.character)]
    except yaml.YAMLError as exc:
        return None, [Problem(rel_path, 1, 1, Severity.ERROR, "YAML 格式错误", str(exc))]
    if root is None:
        return None, [
            Problem(rel_path, 1, 1, Severity.ERROR, "文件是空的", "请按模板填写单位资料。")
        ]
    try:
        return _data(rel_path, root, text, line_offset)
    except RecursionError:
        return None, [_too_deep(rel_path, root)]


def _data(
    rel_path: str, root: yaml.Node, text: str, line_offset: int
) -> tuple[SourceDoc | None, list[Problem]]:
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


def _too_deep(rel_path: str, root: yaml.Node) -> Problem:
    """Where nesting passes MAX_DEPTH, found without recursion (which is what overflowed)."""
    stack: list[tuple[yaml.Node, int]] = [(root, 0)]
    mark = root.start_mark
    while stack:
        node, depth = stack.pop()
        if depth > MAX_DEPTH:
            mark = node.start_mark
            break
        if isinstance(node, yaml.MappingNode):
            stack += [(value, depth + 1) for _, value in node.value]
        elif isinstance(node, yaml.SequenceNode):
            stack += [(item, depth + 1) for item in node.value]
    return Problem(
        rel_path,
        mark.line + 1,
        mark.column + 1,
        Severity.ERROR,
        f"内容嵌套的层次太深（超过 {MAX_DEPTH} 层）",
        "单位资料最多只有几层缩进；请检查是否多写了成串的 [ 或 {。",
    )


def split_front_matter(text: str) -> tuple[str, str] | None:
    """``---`` YAML ``---`` body, as (yaml, body); None when the page has no front matter."""
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].strip() != "---":
        return None
    for end in range(1, len(lines)):
        if lines[end].strip() == "---":
            return "".join(lines[1:end]), "".join(lines[end + 1 :])
    return None


def load_bytes(rel_path: str, raw: bytes) -> tuple[SourceDoc | None, list[Problem]]:
    text, problems = decode(rel_path, raw)
    if text is None:
        return None, problems
    return parse_text(rel_path, text)
