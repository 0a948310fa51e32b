"""The published facts of one unit, read from its model by this test's own rules (an oracle that
shares no wording code with the templates), and the checks that each output carries them."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from jinglao.schema.unpublished import is_unpublished, listed, reason
from jinglao.unit.commitments import as_commitment
from jinglao.unit.common import Figure, TimeSpan
from jinglao.unit.model import Unit

SPAN_UNITS = {"工作日": "个工作日", "日": "日", "小时": "小时", "分钟": "分钟"}


def plain_text(markup: str) -> str:
    """What a reader sees: tags dropped, entities decoded, runs of space made one."""
    text = re.sub(r"<(script|style)\b.*?</\1>", " ", markup, flags=re.S)
    text = re.sub(r'<[^>]*\bdata-title="([^"]*)"[^>]*>', r" \1 ", text)  # a slide's heading
    text = re.sub(r"<[^>]+>", " ", text)
    return re.sub(r"\s+", " ", html.unescape(text))


def number(value: float) -> str:
    if value == int(value):
        return f"{int(value):,}"
    return f"{value:,.4f}".rstrip("0").rstrip(".")


def span(value: TimeSpan) -> str:
    if value.unit == "即办":
        return "即办"
    return f"{number(value.value or 0)}{SPAN_UNITS[value.unit]}"


def figure(fig: Figure, scope: str) -> str:
    q = fig.qualifier or ""
    text = f"{number(fig.value)}{q}" if q == "余" else f"{q}{number(fig.value)}"
    notes = [n for n in (fig.period, f"{scope}数据" if scope != "本单位" else "") if n]
    space = "" if fig.unit.startswith("%") else " "
    return f"{text}{space}{fig.unit}" + (f"（{'，'.join(notes)}）" if notes else "")


def declared(value: str) -> str:
    why = reason(value)
    return f"未公布（{why}）" if why else "未公布"


@dataclass
class Facts:
    """Facts by section: each a list of texts that must appear, in order within a group."""

    commitments: list[str] = field(default_factory=list)
    procedures: list[list[str]] = field(default_factory=list)  # per procedure, in order
    benefits: list[list[str]] = field(default_factory=list)  # name, then its tiers and limits
    figures: list[str] = field(default_factory=list)
    hotline: list[str] = field(default_factory=list)
    phones: list[str] = field(default_factory=list)
    steps: list[str] = field(default_factory=list)  # every way through every step, and fees
    duties: list[str] = field(default_factory=list)  # what the citizen must do periodically
    timetables: list[list[str]] = field(default_factory=list)
    on_site: list[str] = field(default_factory=list)  # facilities, operator, inspections
    gaps: list[str] = field(default_factory=list)  # sections the signage carries
    page_gaps: list[str] = field(default_factory=list)


def _scoped(text: str, scope: str, kind: str) -> str:
    """The commitment with its scope before the closing full stop, if not this unit's own."""
    if scope == "本单位":
        return text
    word = {"服务指标": "指标", "覆盖数据": "数据"}.get(kind, "统一承诺")
    body = text.rstrip("。")
    return f"{body}（{scope}{word}）{text[len(body) :]}"


def _procedures(unit: Unit) -> Iterator[list[str]]:
    procedures = unit.disclosure.procedures
    if isinstance(procedures, str):
        return
    for proc in procedures:
        limit = proc.time_limit
        if isinstance(limit, str):
            yield [proc.name, declared(limit)]
            continue
        promised = span(limit.promised)
        group = [proc.name, promised]
        if limit.kind and limit.promised.unit != "即办":
            group[-1] = f"{limit.kind} {promised}"
        group += [e.removeprefix("不含") for e in limit.excludes]
        group += [limit.note] if limit.note else []
        for variant in limit.variants:
            group += [variant.condition, span(variant.promised)]
        yield group


def _steps(unit: Unit) -> Iterator[str]:
    """Steps in order with each alternative, fallback (its condition first) and proxy line,
    then the procedure's fees with their condition and parts: a branch must not vanish."""
    procedures = unit.disclosure.procedures
    for proc in procedures if not isinstance(procedures, str) else []:
        for step in proc.steps:
            yield step.name
            if step.time_limit and step.time_limit.anchor:
                yield step.time_limit.anchor
            for path in (*step.alternatives, *step.fallbacks):
                yield from (
                    x for x in (path.when, path.name, path.description, *path.materials) if x
                )
            if step.proxy:
                yield step.proxy
        for fee in proc.fees:
            yield from (x for x in (fee.item, fee.price, fee.condition) if x)
            yield from (part.item for part in fee.parts)


def facts_of(unit: Unit) -> Facts:
    facts = Facts()
    for item in unit.commitments:
        c = as_commitment(item)
        facts.commitments.append(_scoped(c.text, c.scope, c.kind))
    facts.procedures = list(_procedures(unit))
    facts.steps = list(_steps(unit))
    procedures = listed(unit.disclosure.procedures)
    facts.duties = [duty.what for proc in procedures for duty in proc.recurring]
    for b in unit.benefits:
        facts.benefits.append([b.name, *(t.content for t in b.tiers), *b.limits])
    facts.figures = [figure(h, h.scope) for h in unit.highlights]
    for t in unit.timetables:
        span = t.span.replace("-", "—") if t.span else None
        facts.timetables.append([x for x in (t.name, span, t.interval, *t.times, t.note) if x])
    facts.on_site = [f.name or f.kind for f in unit.facilities if f.name or f.kind != "其他"]
    facts.on_site += [unit.operator.name] if unit.operator else []
    facts.on_site += [i.finding for i in unit.inspections]
    if isinstance(unit.phones, str):
        facts.page_gaps.append(declared(unit.phones))
        if not unit.supervision:
            facts.hotline.append("监督电话：" + declared(unit.phones))
    else:
        facts.phones = [p.number for p in unit.phones]
        numbers = [p.number for p in unit.phones if p.role == "投诉监督"]
        facts.hotline = ["监督电话：" + "、".join(numbers)] if numbers else []
    for key in ("procedures", "standards"):
        value = getattr(unit.disclosure, key)
        if is_unpublished(value):
            facts.gaps.append(declared(value))
    for key in ("opening_hours", "elderly_window", "address"):
        value = getattr(unit, key)
        if is_unpublished(value):
            facts.page_gaps.append(declared(value))
    return facts


def missing_in_order(text: str, group: list[str]) -> list[str]:
    """The facts of a group not found in ``text`` in the group's order (after the first)."""
    missing, position = [], 0
    for fact in group:
        found = text.find(fact, position)
        if found < 0:
            missing.append(fact)
        else:
            position = found
    return missing


# Wording that is never right on a public output, whatever the unit wrote (they are built from
# fields the generator never fills with such text).
DEFECTS = {
    "qualifier before the number": re.compile(r"余\d"),
    "exponent": re.compile(r"\de[+-]\d"),
    "zero visits": re.compile(r"最多跑 ?0 ?次"),
    "catch-all printed": re.compile(r"（其他）|【其他】|其他电话|其他："),
    "nested brackets": re.compile(r"（[^（）]*（"),
    "clerk instruction": re.compile(r"unit\.yml|请在.{0,20}中填写"),
}


def defects(text: str) -> list[str]:
    return [name for name, pattern in DEFECTS.items() if pattern.search(text)]
