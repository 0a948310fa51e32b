"""MkDocs hook of the bench's "plain Material + the same segmentation cache" arm.

Material's Chinese search calls ``jieba.cut`` once per run of Han characters, and the same runs
recur on every unit page. This hook remembers each run's words (jieba is deterministic for one
dictionary), the memo the project used before it moved to Pagefind; against plain Material it
shows what a segmentation cache alone gains, against ours what the hooks cost. It starts empty
on every build, as ours does without ``.cache``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import jieba

_MARK = "_jinglao_memo"
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


def on_config(config: Any) -> Any:
    if not getattr(jieba.cut, _MARK, False):
        jieba.cut = _memoised(jieba.cut)
    return config
