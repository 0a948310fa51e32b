"""``jinglao check``: one unit's completeness, item by item, with where to add what is missing."""

from __future__ import annotations

from typing import Any

from . import vocab

_AREAS = (
    ("创建标准：六个方面", "aspects", "creation.aspects", vocab.ASPECTS),
    ("创建标准：三项内部制度", "systems", "creation.systems", vocab.SYSTEMS),
    ("创建档案", "archive", "archive", vocab.ARCHIVE_ITEMS),
)


def check_report(unit: dict[str, Any]) -> tuple[str, bool]:
    """The report text, and whether nothing is missing."""
    done = unit["completeness"]
    lines = [f"{unit['name']}（{unit['source']}）", "", "公开事项（《实施方案》要求的六项）："]
    lines += [f"  ✓ {item}" for item in done["disclosure"]]
    missing_any = False
    for title, key, prefix, items in _AREAS:
        lines += ["", f"{title}："]
        for field, label in items.items():
            if done[key][label]:
                lines.append(f"  ✓ {label}")
            else:
                missing_any = True
                lines.append(f"  ✗ {label}：还没有填写，请在 {prefix}.{field} 里补充")
    lines.append("")
    if done["eligible"]:
        lines.append("结论：创建档案齐全，可以参加本届县级评选。")
    else:
        lines.append(
            "结论：创建档案不齐全（缺" + "、".join(done["archive_missing"]) + "），"
            "按《实施方案》暂不能参加本届县级评选。"
        )
    return "\n".join(lines), not missing_any
