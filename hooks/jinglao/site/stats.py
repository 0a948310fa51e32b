"""Stage 3, county-wide: the figures behind /stats/ and /status/, as plain rows for charts and tables."""

from __future__ import annotations

from collections import Counter

from ..plain import Data
from ..project import Project
from ..schema import vocab
from ..schema.dates import month_of
from ..schema.unpublished import given, listed
from ..unit.activities import dated
from ..unit.common import TimeSpan
from ..unit.time_limits import bounds_in_minutes


def _chart(
    chart_id: str, title: str, unit: str, rows: list[tuple[str, float]], note: str = ""
) -> Data:
    return {
        "id": chart_id,
        "title": title,
        "unit": unit,
        "note": note,
        "rows": [{"label": label, "value": round(value, 1)} for label, value in rows],
    }


def _ratio(promised: TimeSpan, statutory: TimeSpan) -> float | None:
    low_promised = bounds_in_minutes(promised)[0]
    low_statutory = bounds_in_minutes(statutory)[0]
    if low_statutory <= 0 or (promised.unit == "工作日") != (statutory.unit == "工作日"):
        return None  # working days and calendar time do not divide into a meaningful share
    return 100 * low_promised / low_statutory


def _time_limit_rows(project: Project) -> list[tuple[str, float]]:
    rows = []
    for record in project.units:
        short = record.unit.short_name or record.unit.name
        for proc in listed(record.unit.disclosure.procedures):
            limit = given(proc.time_limit)
            statutory = limit and limit.statutory
            ratio = _ratio(limit.promised, statutory) if limit and statutory else None
            if ratio is not None:
                rows.append((f"{short}·{proc.name}", ratio))
    return sorted(rows, key=lambda row: row[1])


def _ratings_totals(project: Project) -> list[tuple[str, float]]:
    totals: Counter[str] = Counter()
    for record in project.units:
        for evaluation in record.unit.evaluations:
            if evaluation.ratings is not None:
                totals.update(evaluation.ratings.model_dump())
    return [(label, totals[key]) for key, label in vocab.REVIEW_LEVELS.items()]


def _satisfaction_rows(project: Project) -> list[tuple[str, float]]:
    rows = []
    for record in project.units:
        scored = [e for e in record.unit.evaluations if e.satisfaction is not None]
        if scored:
            latest = max(scored, key=dated)
            rows.append((record.unit.short_name or record.unit.name, latest.satisfaction or 0.0))
    return sorted(rows, key=lambda row: -row[1])


def _activity_months(project: Project) -> list[tuple[str, float]]:
    named = (month_of(a.date) for r in project.units for a in r.unit.activities)
    months = Counter(month for month in named if month)  # a year or a range names no month
    return sorted(months.items())


def charts(
    project: Project, sectors: list[Data], townships: list[Data], units: list[Data]
) -> list[Data]:
    aspects = Counter(
        label for u in units for label, ok in u["completeness"]["aspects"].items() if ok
    )
    return [
        _chart(
            "by-sector",
            "各行业参与创建的单位数",
            "家",
            [(s["name"], len(s["units"])) for s in sectors],
        ),
        _chart(
            "by-township",
            "各乡镇（含县直）参与创建的单位数",
            "家",
            [(t["name"], len(t["units"])) for t in townships],
        ),
        _chart(
            "completeness",
            "创建标准六个方面：已填写的单位数",
            "家",
            [(label, aspects[label]) for label in vocab.ASPECTS.values()],
            note=f"共 {len(units)} 家单位；创建档案齐全 {sum(u['completeness']['archive_complete'] for u in units)} 家。",
        ),
        _chart(
            "time-limits",
            "承诺时限占法定时限的比例",
            "%",
            _time_limit_rows(project),
            note="只统计同时公布了法定时限的事项；比例越低，承诺办得越快。工作日与自然日不能直接相除的事项不计入。",
        ),
        _chart("satisfaction", "各单位最近一次群众满意度", "%", _satisfaction_rows(project)),
        _chart("ratings", "好差评：全县合计", "条", _ratings_totals(project)),
        _chart("activities", "特色活动：每月场次", "场", _activity_months(project)),
    ]
