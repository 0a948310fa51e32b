"""Accessible bar charts drawn at build time as HTML: a title, a description and a data table each.

Labels and values are page text, not SVG text scaled with the drawing, so they stay at body size
(and 长辈版 size) on a 320 px phone; a bar's length is a width in per cent of the longest bar.
"""

from __future__ import annotations

from html import escape

from markupsafe import Markup

from ..plain import Data


def bar_chart(chart: Data) -> Markup:
    """A horizontal bar chart; the table under it carries the same numbers for every reader."""
    rows, unit, cid = chart["rows"], chart["unit"], chart["id"]
    if not rows:
        return Markup(f"<p>{escape(chart['title'])}：暂无数据。</p>")
    peak = max(r["value"] for r in rows) or 1
    parts = [
        f'<div class="jl-bars" role="img" aria-labelledby="{cid}-title {cid}-desc">',
        f'<span hidden id="{cid}-title">{escape(chart["title"])}</span>',
        f'<span hidden id="{cid}-desc">共 {len(rows)} 项，数据见下表。</span>',
    ]
    for row in rows:
        share = max(0.5, 75 * row["value"] / peak)  # the longest bar leaves room for its value
        parts += [
            '<div class="jl-bar-row">',
            f'<span class="jl-bar-label">{escape(row["label"])}</span>',
            f'<span class="jl-bar-track"><span class="bar" style="width:{share:.1f}%"></span>',
            f'<span class="jl-bar-value">{row["value"]:g}{escape(unit)}</span></span>',
            "</div>",
        ]
    parts.append("</div>")
    table = [
        f"<details data-search-exclude><summary>查看「{escape(chart['title'])}」数据表</summary><table>",
        f'<thead><tr><th scope="col">项目</th><th scope="col">数值（{escape(unit)}）</th></tr></thead><tbody>',
        *(f"<tr><td>{escape(r['label'])}</td><td>{r['value']:g}</td></tr>" for r in rows),
        "</tbody></table></details>",
    ]
    note = f"<p>{escape(chart['note'])}</p>" if chart["note"] else ""
    return Markup(
        # the chart and its table stay out of search: a row per procedure grows with the county
        # (Zensical refuses a search field over 32 KB); the heading above them is still found
        f'<figure class="jl-chart" id="{cid}" data-search-exclude>{"".join(parts)}'
        f"<figcaption>{escape(chart['title'])}</figcaption></figure>{note}{''.join(table)}"
    )
