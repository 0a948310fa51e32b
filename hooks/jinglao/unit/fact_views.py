"""Plain data for the newer shapes of a unit's disclosure — commitments with kind and scope,
benefits with delivery and limits, facilities, timetables, inspections, distributions — worded
once here so the page, the screen and the boards print the same sentence."""

from __future__ import annotations

from datetime import date

from ..plain import Data
from ..schema.dates import earliest
from . import wording
from .activities import Evaluation, Share
from .benefits import Benefit
from .commitments import as_commitment
from .model import Unit
from .procedure_view import OTHER, named
from .timeline import in_force


def commitment_views(unit: Unit, today: date | None) -> list[Data]:
    views = []
    for commitment, note in in_force([as_commitment(c) for c in unit.commitments], today):
        text = wording.with_scope(commitment.text, commitment.scope, commitment.kind)
        views.append({"text": text + note, "kind": commitment.kind})
    return views


def benefit_summary(benefit: Benefit) -> str:
    """Every tier with its own people, then how it is given and its limits: one line for boards."""
    tiers = "；".join(f"{wording.eligibility(t.who)}，{t.content}" for t in benefit.tiers)
    extras = [
        f"{label}：{'、'.join(items)}"
        for label, items in (("兑现方式", named(benefit.delivery)), ("使用限制", benefit.limits))
        if items
    ]
    return tiers + ("（" + "；".join(extras) + "）" if extras else "")


def benefit_views(unit: Unit, today: date | None) -> list[Data]:
    return [
        b.model_dump(mode="json")
        | {
            "name": b.name + note,
            "tiers": [{"who": wording.eligibility(t.who), "content": t.content} for t in b.tiers],
            "summary": benefit_summary(b),
            "delivery_text": "、".join(named(b.delivery)),
        }
        for b, note in in_force(unit.benefits, today)
    ]


def facility_views(unit: Unit) -> list[Data]:
    views = []
    for f in unit.facilities:
        name = f.name or (f.kind if f.kind != OTHER else "其他设施")
        count = f" {f.count} {f.count_unit or '个'}" if f.count is not None else ""
        where = "、".join(x for x in (f.location, f"通往{f.leads_to}" if f.leads_to else None) if x)
        views.append({"name": name + count, "where": where, "note": f.note})
    return views


def timetable_views(unit: Unit) -> list[Data]:
    views = []
    for t in unit.timetables:
        span = t.span.replace("-", "—") if t.span else None
        runs = t.interval or t.times  # a bus line's first and last runs; a meal's serving time
        parts = [t.days, f"首末班 {span}" if span and runs else span, t.interval]
        parts.append("、".join(t.times) if t.times else None)
        text = "，".join(p for p in parts if p)
        views.append({"name": t.name, "text": text, "note": t.note})
    return views


def _share_text(share: Share) -> str:
    """15 分钟以内 72.4%（362）: the share as published, the count in brackets when given."""
    text = share.label
    if share.percent is not None:
        text += f" {wording.number(share.percent)}%"
    if share.count is not None:
        count = wording.number(share.count)
        text += f"（{count}）" if share.percent is not None else f" {count}"
    return text


def distribution_views(evaluation: Evaluation) -> list[Data]:
    return [
        {"title": d.title, "text": "；".join(_share_text(s) for s in d.shares)}
        for d in evaluation.distributions
    ]


def inspection_views(unit: Unit) -> list[Data]:
    return [
        {
            "date": i.date,
            "kind": i.kind if i.kind != OTHER else "检查",
            "by": i.by,
            "finding": i.finding,
            "rectification": i.rectification,
        }
        for i in sorted(unit.inspections, key=lambda i: earliest(i.date), reverse=True)
    ]
