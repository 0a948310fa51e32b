"""The canonical text of a data file (``jinglao fmt``; the web editor writes the same bytes).

The text is a function of the loaded data alone, so formatting twice gives the same bytes and a
changed value changes only its own lines. ruamel.yaml emits it; we only choose each scalar's style
(the rules are in the guide, ``content/guide/unit-file.md``, and in ``canonical_text``):

- block style everywhere, ``[]`` and ``{}`` for empty lists and mappings, indentation 2, a list
  under a key indented by 2 with its dash, a mapping in a list starting on the dash line;
- a one-line string is never folded: plain when plain text loads back as the same string under
  the loader's rules (``yamldoc.plain_value``), else single-quoted, else double-quoted;
- a string with a line break is a literal block (``|-``, or ``|`` when it ends with one line
  break; an indentation indicator when its first line starts with a space), double-quoted when a
  line would end in a space or the string ends with more than one line break, or is one (``|+`` would need
  blank lines at the end of the file, or a ``...`` marker, when it is the file's last value);
- a string with a control character (tab included) or a line break other than ``\n`` (U+0085,
  U+2028, U+2029) or U+FEFF is double-quoted with escapes;
- null is written as nothing (``key:`` and ``-``), booleans ``true``/``false``, numbers as the
  loader reads them back (``1.0e+20``, never ``1e+20``, which would be text);
- UTF-8, ``\\n`` line ends, one blank line before each top-level key but the first, no comments,
  no document markers, no trailing spaces.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from typing import Any

import yaml
from ruamel.yaml import YAML
from ruamel.yaml.emitter import Emitter
from ruamel.yaml.events import (
    DocumentEndEvent,
    DocumentStartEvent,
    Event,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
    StreamStartEvent,
)
from ruamel.yaml.tag import Tag

from .yamldoc import plain_value

WIDTH = 1 << 30  # never fold a line, however long (rule 5)
_TAG = {
    kind: Tag(suffix=f"tag:yaml.org,2002:{name}")
    for kind, name in (
        (type(None), "null"), (bool, "bool"), (int, "int"), (float, "float"), (str, "str"),
        (list, "seq"), (dict, "map"),
    )
}  # fmt: skip
_IMPLICIT = (True, False, True)  # written plain, no tag: what a null, boolean or number needs
# Written double-quoted, as escapes: controls (tab and line feed too) and the line breaks
# other than \n that YAML 1.1 parsers (libyaml, our loader) break lines at.
_ESCAPED = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff]")
# A literal block would end a line in a space, which the file must not have (rule 6).
_SPACE_AT_LINE_END = re.compile("[ \t](?:\n|$)")
_TOP_LEVEL_KEY = re.compile(r"\n(?=[^\s-])")
_COMMENT = re.compile(r"(?:^|[ \t])#")


class _QuotesSingly(Emitter):
    """ruamel double-quotes a string holding ``'``; the canonical form single-quotes it (``''``)
    whenever single quotes can hold it."""

    def choose_scalar_style(self) -> Any:
        style = super().choose_scalar_style()
        if style == '"' and not self.event.style and self.analysis.allow_single_quoted:
            return "'"
        return style


def _float_text(value: float) -> str:
    """A float as the loader reads it back: ``repr`` with ``.0`` before a bare exponent."""
    text = repr(value)
    if "e" in text and "." not in text:
        text = text.replace("e", ".0e", 1)
    return text


def _emitter() -> YAML:
    yaml = YAML(typ="rt")
    yaml.Emitter = _QuotesSingly
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.width = WIDTH
    yaml.allow_unicode = True
    return yaml


def _string(text: str) -> ScalarEvent:
    """A string's event: the style it is written in, and whether plain text would read back as
    this same string under the loader's rules (``plain_value``); ruamel quotes it when not."""
    if _ESCAPED.search(text):
        style: str | None = '"'
    elif "\n" not in text:
        style = None  # plain, else single-quoted: chosen by the emitter
    elif _SPACE_AT_LINE_END.search(text) or text.endswith("\n\n") or text == "\n":
        style = '"'
    else:
        style = "|"
    plain = text != "" and plain_value(text) == text and type(plain_value(text)) is str
    return ScalarEvent(None, _TAG[str], (plain, True, True), text, style=style)


def _events(value: Any) -> Iterator[Event]:
    """The YAML events of plain data, every collection in block style."""
    if isinstance(value, dict):
        yield MappingStartEvent(None, _TAG[dict], True, flow_style=False)
        for key, item in value.items():
            yield _string(str(key))
            yield from _events(item)
        yield MappingEndEvent()
    elif isinstance(value, list):
        yield SequenceStartEvent(None, _TAG[list], True, flow_style=False)
        for item in value:
            yield from _events(item)
        yield SequenceEndEvent()
    elif isinstance(value, str):
        yield _string(value)
    elif value is None:
        yield ScalarEvent(None, _TAG[type(None)], _IMPLICIT, "")
    elif isinstance(value, bool):
        yield ScalarEvent(None, _TAG[bool], _IMPLICIT, "true" if value else "false")
    elif isinstance(value, float):
        yield ScalarEvent(None, _TAG[float], _IMPLICIT, _float_text(value))
    else:
        yield ScalarEvent(None, _TAG[int], _IMPLICIT, str(int(value)))


def canonical_text(data: Any) -> str:
    """The canonical YAML text of ``data`` (plain data as the loader gives it, keys in the order
    they are to be written)."""
    out = io.StringIO()
    _emitter().emit(  # a fresh emitter each time: ruamel's is spent after one stream
        [StreamStartEvent(), DocumentStartEvent(explicit=False), *_events(data),
         DocumentEndEvent(explicit=False), StreamEndEvent()],
        out,
    )  # fmt: skip
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
