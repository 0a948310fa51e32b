"""The county's search synonyms (``content/search/synonyms.yml``): the words people type, mapped
to the words the unit pages use, validated like every other county file.

The search index applies them at build time (``jinglao.search.index``): a page that contains one
of the words a group ``means`` is indexed under that group's ``words`` too.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pydantic import Field

from ..problems import Problem
from ..schema.base import Base
from ..schema.errors import parse_model
from ..schema.fields import Text
from ..source.files import is_inside, outside_link
from ..source.yamldoc import load_bytes

SYNONYMS_FILE = "content/search/synonyms.yml"


class SynonymGroup(Base):
    words: list[Text] = Field(title="群众会搜的词", min_length=1, examples=[["看病", "看医生"]])
    means: list[Text] = Field(title="页面上写的词", min_length=1, examples=[["挂号", "门诊"]])


class SynonymList(Base):
    """``content/search/synonyms.yml``: maintained by the county office."""

    synonyms: list[SynonymGroup] = Field(title="同义词", default_factory=list)


@dataclass(frozen=True)
class Synonyms:
    """Plain pairs: each page word with the query words that should also find it."""

    pairs: tuple[tuple[str, tuple[str, ...]], ...] = ()

    def extra_terms(self, text: str) -> list[str]:
        """The query words a page with ``text`` should also be found by, in file order."""
        found: dict[str, None] = {}
        for target, words in self.pairs:
            if target in text:
                found.update(dict.fromkeys(w for w in words if w not in text))
        return list(found)

    def expansions(self) -> dict[str, list[str]]:
        """Each query word with the page words it stands for, in file order."""
        found: dict[str, dict[str, None]] = {}
        for target, words in self.pairs:
            for word in words:
                found.setdefault(word, {})[target] = None
        return {word: list(targets) for word, targets in found.items()}


def _plain(model: SynonymList) -> Synonyms:
    return Synonyms(
        tuple((target, tuple(group.words)) for group in model.synonyms for target in group.means)
    )


def load_synonyms(root: Path) -> tuple[Synonyms, list[Problem]]:
    """The synonym list, or an empty one with the located problems (a search without synonyms
    still works, so a broken list never loses the site: the problems are errors all the same)."""
    path = root / SYNONYMS_FILE
    if not path.is_file() and not path.is_symlink():
        return Synonyms(), []
    if not is_inside(root, path):
        return Synonyms(), [outside_link(root, path)]  # never read
    doc, problems = load_bytes(SYNONYMS_FILE, path.read_bytes())
    if doc is None:
        return Synonyms(), problems
    if doc.data is None:
        return Synonyms(), []
    model, more = parse_model(SynonymList, doc)
    if model is None:
        return Synonyms(), problems + more
    return _plain(model), problems
