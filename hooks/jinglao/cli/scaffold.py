"""New unit files: a commented template that holds only what the clerk stated (name, sector and
whatever else was given) and leaves every other required field empty, so validation lists what
remains and nothing plausible-looking is published that the unit never said."""

from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import Any, get_args

import jieba
from pypinyin import lazy_pinyin

from ..schema import vocab
from ..site.templates import make_environment

ID_LIMIT = 60
jieba.setLogLevel(logging.WARNING)

# The choices each comment lists, read from the model so the template never falls behind it.
CHOICES = {
    "sector": list(vocab.SECTOR_SLUGS),
    "level": list(get_args(vocab.Level)),
    "phone_role": list(get_args(vocab.PhoneRole)),
    "channel": list(get_args(vocab.Channel)),
    "delivery": list(get_args(vocab.Delivery)),
    "identity": list(get_args(vocab.IdentityMethod)),
}


def suggest_unit_id(name: str) -> str:
    """A readable pinyin id from a Chinese name: 安澜县人民医院 → anlanxian-renminyiyuan."""
    words = ["".join(lazy_pinyin(word)) for word in jieba.cut(name)]
    slug = "-".join(re.sub(r"[^a-z0-9]+", "", w.lower()) for w in words)
    slug = re.sub(r"-{2,}", "-", slug).strip("-")
    return slug[:ID_LIMIT].rstrip("-") or "danwei"


def scaffold_text(project_templates: Path | None, **fields: Any) -> str:
    """``fields`` are what the clerk stated (name, sector, level, township, address, phones);
    a field not given, or given empty, stays empty in the file."""
    env = make_environment(project_templates)
    stated: dict[str, Any] = {"level": None, "township": None, "address": None, "phones": []}
    stated["confirmed"] = None  # the date the office checked the sheet's row with the unit
    # One line each: a name typed with Alt+Enter in Excel must not break the template's comments.
    one_line = {k: " ".join(v.split()) if isinstance(v, str) else v for k, v in fields.items()}
    return env.get_template("unit/scaffold.yml.j2").render(**(stated | one_line), choices=CHOICES)
