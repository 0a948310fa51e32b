"""MkDocs hook of the bench's "plain Material + the same segmentation cache" arm.

It puts only the project's jieba memo (``jinglao.search``) in front of Material's search, and
runs none of the pipeline, so this arm against ours isolates what the hooks themselves cost. It
starts empty on every build, as ours does without ``.cache``.
"""

from __future__ import annotations

from typing import Any

from jinglao import search


def on_config(config: Any) -> Any:
    search.enable()
    return config
