"""The hint under a field of the web form, from the schema's description, in a clerk's words.

The descriptions serve VS Code users too, who edit YAML: there an example such as
``{value: 5, unit: 工作日}`` or a field name such as ``supervision`` helps. The form has its own
widgets, so such parts are dropped, field names become their Chinese titles, and a switch is
turned on rather than "written true".
"""

from __future__ import annotations

import re
from typing import Any

# What the form says under a field whose text does not fit its pattern; Decap writes it after
# 「“字段”不满足模式」, so each begins with a colon and says the rule in the clerk's words.
PATTERN_HINT = "：请照字段下方的说明和例子填写"
PATTERN_HINTS = {
    "Phone": "：固定电话写成「区号-号码」，例如 0599-6822120；也可以写 12345、95588 这类服务号码；数字用半角",
    "IsoDate": "：日期写成 2025-03-01 这样的年-月-日，数字用半角",
    "PublishedDate": "：日期写成 2025-03-01、2025-03、2025年3月 或 2025年3月1日起，数字用半角",
    "ClockPeriod": "：时段写成 08:00-12:00 这样的「开始-结束」，数字用半角",
    "Slug": "：编号只用小写英文字母、数字和连字符，例如 laonianren-quanyi-baozhangfa",
    "Url": "：网址以 http:// 或 https:// 开头",
    "PhotoFile": "：照片写文件名，例如 photos/window.jpg（jpg、png 或 webp）",
    "CycleId": "：届次写成 2024-2026 这样相差两年的两个年份",
    "GitHubHandle": "：写 GitHub 账号，以 @ 开头，例如 @anlan-yiyuan-office",
}
_FIELD_NAME = re.compile(r" ?(?<![A-Za-z0-9_./:-])([a-z][a-z_]{2,})(?![A-Za-z0-9_(/:-]) ?")
_SWITCH = {"写 true": "，打开这个开关", "写 false": "关上这个开关", "true": "打开", "false": "关上"}


def field_titles(schema: dict[str, Any]) -> dict[str, str]:
    """Each field name of the schema's models with its Chinese title (the first one found)."""
    titles: dict[str, str] = {}
    for model in [schema, *schema.get("$defs", {}).values()]:
        for name, prop in model.get("properties", {}).items():
            if isinstance(prop, dict) and "title" in prop:
                titles.setdefault(name, prop["title"])
    return titles


def form_hint(description: str, widget: str, titles: dict[str, str]) -> str:
    """``description`` for the form: parts written as YAML or JSON dropped, field names shown by
    their titles, a switch's true/false as on/off."""
    parts = [p for p in description.split("；") if p.strip() and not re.search(r"[\[{]", p)]
    text = "；".join(parts)
    if widget == "boolean":
        for written, said in _SWITCH.items():
            text = text.replace(written, said)
    return _FIELD_NAME.sub(lambda m: f"「{titles[m[1]]}」" if m[1] in titles else m[0], text)
