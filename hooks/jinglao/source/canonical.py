"""The canonical text of a data file (``jinglao fmt``; the web editor writes the same bytes).

The text is a function of the loaded data alone, so formatting twice gives the same bytes and a
changed value changes only its own lines. ruamel.yaml emits it; we only choose each scalar's style
(the rules are in the guide, ``content/guide/unit-file.md``, and in ``canonical_text``):

- block style everywhere, ``[]`` and ``{}`` for empty lists and mappings, indentation 2, a list
  under a key indented by 2 with its dash, a mapping in a list starting on the dash line;
- a one-line string is never folded: plain when plain text loads back as the same string under
  the loader's rules (``yamldoc.plain_value``), else single-quoted, else double-quoted;
- a string with a line break is a literal block (``|-``, ``|`` or ``|+``), double-quoted only when
  a literal block cannot hold it (a line ending in a space, a control character);
- null is written as nothing (``key:`` and ``-``), booleans ``true``/``false``, numbers as the
  loader reads them back (``1.0e+20``, never ``1e+20``, which would be text);
- UTF-8, ``\\n`` line ends, one blank line before each top-level key but the first, no comments,
  no document markers, no trailing spaces.
"""

from __future__ import annotations

import io
import re
from typing import Any

import yaml
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.nodes import MappingNode, ScalarNode, SequenceNode
from ruamel.yaml.resolver import BaseResolver
from ruamel.yaml.scalarstring import DoubleQuotedScalarString, LiteralScalarString
from ruamel.yaml.tag import Tag

from .yamldoc import plain_value

WIDTH = 1 << 30  # never fold a line, however long (rule 5)
_TAGS = {
    type(None): "tag:yaml.org,2002:null",
    bool: "tag:yaml.org,2002:bool",
    int: "tag:yaml.org,2002:int",
    float: "tag:yaml.org,2002:float",
    str: "tag:yaml.org,2002:str",
}
# Characters a literal block cannot carry as they are: controls (but line feed) and the line
# breaks other than \n that YAML 1.1 parsers (libyaml, our loader) break lines at.
_NOT_LITERAL = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff]|[ \t]\n|[ \t]$")
_TOP_LEVEL_KEY = re.compile(r"\n(?=[^\s-])")
_COMMENT = re.compile(r"(?:^|[ \t])#")


class _LoaderRules(BaseResolver):
    """ruamel's plain-or-quoted decision made by our loader's rules, not by YAML 1.2's: a string
    is written plain exactly when ``plain_value`` gives it back unchanged."""

    def __init__(self, version: Any = None, loader: Any = None) -> None:
        super().__init__(loader)
        self._loader_version = version

    def resolve(self, kind: Any, value: Any, implicit: Any) -> Any:
        if kind is ScalarNode:
            if implicit[0]:
                return Tag(suffix=_TAGS[type(plain_value(str(value)))])
            return Tag(suffix=_TAGS[str])
        if kind is SequenceNode:
            return Tag(suffix="tag:yaml.org,2002:seq")
        assert kind is MappingNode
        return Tag(suffix="tag:yaml.org,2002:map")


class _Float(str):
    """A float as the loader reads it back: ``repr`` with ``.0`` before a bare exponent."""


def _float_text(value: float) -> str:
    text = repr(value)
    if "e" in text and "." not in text:
        text = text.replace("e", ".0e", 1)
    return text


def _emitter() -> YAML:
    yaml = YAML(typ="rt")
    yaml.Resolver = _LoaderRules
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.width = WIDTH
    yaml.allow_unicode = True
    yaml.default_flow_style = False
    yaml.representer.add_representer(
        _Float, lambda rep, data: rep.represent_scalar("tag:yaml.org,2002:float", str(data))
    )
    return yaml


_YAML = _emitter()


def _styled(value: Any) -> Any:
    """``value`` as ruamel objects carrying the style each scalar is written in."""
    if isinstance(value, dict):
        return CommentedMap((key, _styled(item)) for key, item in value.items())
    if isinstance(value, list):
        return CommentedSeq(_styled(item) for item in value)
    if isinstance(value, bool) or value is None or isinstance(value, int):
        return value
    if isinstance(value, float):
        return _Float(_float_text(value))
    text = str(value)
    if "\n" not in text:
        return text  # plain, single- or double-quoted: decided by the emitter with our rules
    if _NOT_LITERAL.search(text):
        return DoubleQuotedScalarString(text)
    return LiteralScalarString(text)


def canonical_text(data: Any) -> str:
    """The canonical YAML text of ``data`` (plain data as the loader gives it, keys in the order
    they are to be written)."""
    out = io.StringIO()
    _YAML.dump(_styled(data), out)
    text = "\n".join(line.rstrip(" ") for line in out.getvalue().split("\n"))
    if isinstance(data, dict):
        text = _TOP_LEVEL_KEY.sub("\n\n", text)
    return text.rstrip("\n") + "\n"


def same_data(a: Any, b: Any) -> bool:
    """Equal and of the same types all the way down (``1``, ``1.0`` and ``true`` differ); the
    order of keys does not count."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(same_data(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(map(same_data, a, b))
    return bool(a == b)


def comment_marks(text: str) -> list[tuple[int, int]]:
    """Line and column (1-based) of each comment in a YAML text that parses: a ``#`` at the start
    of a line or after a space, outside every scalar (a block scalar's header line may hold one)."""
    if "#" not in text:
        return []
    inside: list[tuple[tuple[int, int], tuple[int, int]]] = []
    for token in yaml.scan(text, Loader=yaml.SafeLoader):
        if isinstance(token, yaml.ScalarToken):
            start = (token.start_mark.line, token.start_mark.column)
            if token.style in ("|", ">"):  # content begins on the line after the header
                start = (token.start_mark.line + 1, 0)
            inside.append((start, (token.end_mark.line, token.end_mark.column)))
    marks = []
    for number, line in enumerate(text.split("\n")):
        for match in _COMMENT.finditer(line):
            at = (number, match.end() - 1)
            if not any(start <= at < end for start, end in inside):
                marks.append((number + 1, at[1] + 1))
                break  # the rest of the line is the same comment
    return marks
