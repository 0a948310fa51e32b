"""Accessible SVG bar charts drawn at build time: a title, a description and a data table each."""

from __future__ import annotations

from html import escape

from markupsafe import Markup

from ..plain import Data

ROW_HEIGHT, LABEL_WIDTH, BAR_WIDTH, VALUE_WIDTH = 30, 220, 320, 80
MAX_LABEL = 14


def _label(text: str) -> str:
    return text if len(text) <= MAX_LABEL else text[: MAX_LABEL - 1] + "…"


def bar_chart(chart: Data) -> Markup:
    """A horizontal bar chart; the table under it carries the same numbers for every reader."""
    rows, unit, cid = chart["rows"], chart["unit"], chart["id"]
    if not rows:
        return Markup(f"<p>{escape(chart['title'])}：暂无数据。</p>")
    peak = max(r["value"] for r in rows) or 1
    height = ROW_HEIGHT * len(rows) + 10
    width = LABEL_WIDTH + BAR_WIDTH + VALUE_WIDTH
    parts = [
        f'<svg viewBox="0 0 {width} {height}" width="{width}" height="{height}" role="img" '
        f'aria-labelledby="{cid}-title {cid}-desc">',
        f'<title id="{cid}-title">{escape(chart["title"])}</title>',
        f'<desc id="{cid}-desc">共 {len(rows)} 项，数据见下表。</desc>',
    ]
    for i, row in enumerate(rows):
        y = i * ROW_HEIGHT + 5
        length = max(1.0, BAR_WIDTH * row["value"] / peak)
        parts += [
            f'<text x="{LABEL_WIDTH - 8}" y="{y + 19}" text-anchor="end">{escape(_label(row["label"]))}</text>',
            f'<rect class="bar" x="{LABEL_WIDTH}" y="{y + 4}" width="{length:.1f}" height="{ROW_HEIGHT - 10}"/>',
            f'<text x="{LABEL_WIDTH + length + 6:.1f}" y="{y + 19}">{row["value"]:g}{escape(unit)}</text>',
        ]
    parts.append("</svg>")
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
