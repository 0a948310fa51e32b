"""New unit files: a commented template with the gaps left empty, so validation lists what remains."""

from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import Any

import jieba
from pypinyin import lazy_pinyin

from ..site.templates import make_environment

ID_LIMIT = 60
jieba.setLogLevel(logging.WARNING)


def suggest_unit_id(name: str) -> str:
    """A readable pinyin id from a Chinese name: 安澜县人民医院 → anlanxian-renminyiyuan."""
    words = ["".join(lazy_pinyin(word)) for word in jieba.cut(name)]
    slug = "-".join(re.sub(r"[^a-z0-9]+", "", w.lower()) for w in words)
    slug = re.sub(r"-{2,}", "-", slug).strip("-")
    return slug[:ID_LIMIT].rstrip("-") or "danwei"


def scaffold_text(project_templates: Path | None, **fields: Any) -> str:
    env = make_environment(project_templates)
    defaults: dict[str, Any] = {"level": "县级", "township": None, "address": None, "phones": []}
    # One line each: a name typed with Alt+Enter in Excel must not break the template's comments.
    one_line = {k: " ".join(v.split()) if isinstance(v, str) else v for k, v in fields.items()}
    return env.get_template("unit/scaffold.yml.j2").render(**(defaults | one_line))
