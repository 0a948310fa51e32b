"""New unit files: the canonical form of a unit that holds only what the clerk stated (name,
sector and whatever else was given) and leaves every other required field empty, so validation
lists what remains and nothing plausible-looking is published that the unit never said.

The file has no comments (the canonical form has none): how to fill each field is in the JSON
Schema's titles and descriptions, which VS Code and the web form show, and ``NEXT_STEPS`` is
printed by the command that made the file.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import Any

import jieba
from pypinyin import lazy_pinyin

from ..unit.canonical import unit_text

ID_LIMIT = 60
jieba.setLogLevel(logging.WARNING)

NEXT_STEPS = (
    "新文件只写了建立时给出的内容，其余各项都空着，等本单位照实填写，不会替单位补上任何内容。",
    "用 VS Code（装 YAML 扩展）打开文件，每个字段都有中文说明和可选值；"
    "写法也可以看网站「参与指南 → 单位资料填写说明」。",
    "还没有对外公布的事项（地址、电话、办公时间、为老服务窗口、四项公开事项），"
    "照实写「未公布」或「未公布：原因」，不要编造。",
)


def suggest_unit_id(name: str) -> str:
    """A readable pinyin id from a Chinese name: 安澜县人民医院 → anlanxian-renminyiyuan."""
    words = ["".join(lazy_pinyin(word)) for word in jieba.cut(name)]
    slug = "-".join(re.sub(r"[^a-z0-9]+", "", w.lower()) for w in words)
    slug = re.sub(r"-{2,}", "-", slug).strip("-")
    return slug[:ID_LIMIT].rstrip("-") or "danwei"


def _empty_disclosure() -> dict[str, Any]:
    """The six disclosure items with one empty entry each, so the clerk sees their shape."""
    return {
        "channels": [],
        "policies": [],
        "services": [{"name": None, "description": None}],
        "procedures": [
            {
                "name": None,
                "steps": [{"name": None}],
                "time_limit": {"promised": None},
                "result": {"delivery": [], "description": None},
            }
        ],
        "standards": [{"name": None, "content": None}],
        "identification": {"methods": []},
    }


def _phones(numbers: list[str]) -> list[dict[str, str | None]]:
    """The register's 监督电话 is stated as the supervision phone; none stated, one empty entry."""
    if not numbers:
        return [{"role": None, "number": None}]
    return [{"role": "投诉监督", "number": number} for number in numbers]


def scaffold_data(
    name: str,
    sector: str,
    level: str | None = None,
    township: str | None = None,
    address: str | None = None,
    phones: list[str] | None = None,
) -> dict[str, Any]:
    """A new unit's data: what the clerk stated (a phone from the register is its supervision
    phone), every other required field empty."""
    data: dict[str, Any] = {"name": name, "sector": sector, "level": level}
    if township:
        data["township"] = township
    data |= {
        "address": address,
        "intro": None,
        "opening_hours": {"schedules": [{"days": None, "periods": []}]},
        "elderly_window": {"location": None},
        "phones": _phones(phones or []),
        "commitments": [None],
        "disclosure": _empty_disclosure(),
    }
    return data


def scaffold_text(_templates: Path | None = None, /, **fields: Any) -> str:
    """``fields`` are what the clerk stated (name, sector, level, township, address, phones);
    a field not given, or given empty, stays empty in the file. (``_templates`` is no longer
    read: a canonical file is not a template a project could override.)"""
    # One line each: a name typed with Alt+Enter in Excel stays one line in the file.
    one_line: dict[str, Any] = {
        k: " ".join(v.split()) or None if isinstance(v, str) else v for k, v in fields.items()
    }
    return unit_text(scaffold_data(**one_line))
