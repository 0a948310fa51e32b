"""The search integration: a memo in front of jieba's word segmentation, which dominates
Material's Chinese search indexing.

Material's search plugin calls ``jieba.cut`` once per run of Han characters, and the same runs recur
on every unit page (headings, labels, shared phrases). Remembering each run's words keeps results
identical (jieba is deterministic for a given dictionary) while skipping the repeated work, and the
memo survives the rebuilds of one ``mkdocs serve`` process. A JSON file carries it across builds:
plain data, never pickle, since a file in the working tree may come from a pull request (a
committed pickle ran code during the build).
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jieba

_MARK = "_jinglao_memo"
CACHE_NAME = f"jieba-{getattr(jieba, '__version__', 'x')}.json"  # another dictionary, another cache
_memo: dict[str, tuple[str, ...]] = {}


def _run(sentence: Any) -> str | None:
    """The memo's key: the run as text. Material (9.6 and later) passes UTF-8 bytes, which jieba
    decodes itself; a memo that took only ``str`` never saw a single call."""
    if isinstance(sentence, str):
        return sentence
    if isinstance(sentence, bytes):
        try:
            return sentence.decode("utf-8")
        except UnicodeDecodeError:
            return None  # jieba would try GBK next: leave such input to jieba
    return None


def _memoised(original: Any) -> Any:
    def cut(sentence: Any, *args: Any, **kwargs: Any) -> Iterator[str]:
        run = None if args or kwargs else _run(sentence)
        if run is None:
            return original(sentence, *args, **kwargs)  # type: ignore[no-any-return]
        words = _memo.get(run)
        if words is None:
            words = _memo[run] = tuple(original(run))
        return iter(words)

    setattr(cut, _MARK, True)
    return cut


def enable() -> None:
    """Put the memo in front of ``jieba.cut`` (once per process)."""
    if not getattr(jieba.cut, _MARK, False):
        jieba.cut = _memoised(jieba.cut)


def load(path: Path) -> None:
    """Fill the memo from a JSON file of {run: [words]}; anything else in it is ignored."""
    if not path.is_file() or path.is_symlink() or _memo:
        return
    with contextlib.suppress(OSError, ValueError):
        data = json.loads(path.read_text(encoding="utf-8"))
        if isinstance(data, dict):
            _memo.update(
                (run, tuple(words))
                for run, words in data.items()
                if isinstance(words, list) and all(isinstance(w, str) for w in words)
            )


def save(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(_memo, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def cache_file(root: Path) -> Path:
    return root / ".cache" / "jinglao" / CACHE_NAME


def use_cache(root: Path) -> None:
    """Enable the memo and fill it from the project's cache file, if any."""
    enable()
    load(cache_file(root))


def save_cache(root: Path) -> None:
    save(cache_file(root))
