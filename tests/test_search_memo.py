"""The jieba memo in front of Material's search really serves Material's calls (Material passes
each Han run as UTF-8 bytes), and gives the words jieba gives."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import jieba
import pytest
from material.plugins.search.plugin import SearchIndex

from jinglao.bench import memo_hook as search

TEXT = "老年人优先办理，老年人优先办理。窗口提供老花镜"


def test_materials_repeated_runs_are_segmented_once(monkeypatch: pytest.MonkeyPatch) -> None:
    segmented: list[Any] = []
    original = jieba.cut
    expected = SearchIndex._segment_chinese(None, TEXT)  # plain jieba

    def counting(sentence: Any, *args: Any, **kwargs: Any) -> Iterator[str]:
        segmented.append(sentence)
        return original(sentence, *args, **kwargs)  # type: ignore[no-any-return]

    monkeypatch.setattr(jieba, "cut", counting)
    monkeypatch.setattr(search, "_memo", {})
    search.on_config(None)
    first = SearchIndex._segment_chinese(None, TEXT)
    second = SearchIndex._segment_chinese(None, TEXT)
    assert first == second == expected
    assert len(segmented) == 2, segmented  # two distinct runs, each segmented once
    assert search._memo["老年人优先办理"] == tuple(original("老年人优先办理"))
