"""Stage 3, one unit: the published model plus everything its pages show that is computed.

The result is plain data (dicts, lists, strings, numbers) for templates and open data, and is never
changed after it is made: what other files add (titles from award cycles) is joined at render time.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from ..plain import Data
from ..schema import vocab
from ..source.git import History
from . import wording
from .completeness import completeness, completeness_data
from .disclosure import Procedure, Staff, TimeLimit
from .freshness import is_stale, last_confirmed
from .load import UnitRecord
from .model import Unit
from .time_limits import describe

COUNTY_LEVEL_SLUG = "xianzhi"
COUNTY_LEVEL_NAME = "县直单位"
HISTORY_SHOWN = 10


@dataclass(frozen=True)
class ViewContext:
    """What a unit's view reads besides the unit: the portal's address, git history, townships."""

    site_url: str = ""
    history: History = field(default_factory=History)
    township_slugs: dict[str, str] = field(default_factory=dict)


def _time_limit(limit: TimeLimit) -> Data:
    return {
        "promised": describe(limit.promised),
        "statutory": describe(limit.statutory) if limit.statutory else None,
        "statutory_note": limit.statutory_note,
        "note": limit.note,
        "variants": [
            {
                "condition": v.condition,
                "promised": describe(v.promised),
                "statutory": describe(v.statutory) if v.statutory else None,
            }
            for v in limit.variants
        ],
    }


def _procedure(index: int, proc: Procedure) -> Data:
    data = proc.model_dump(mode="json")
    data["anchor"] = f"proc-{proc.id or index + 1}"
    data["time_limit"] = _time_limit(proc.time_limit)
    data["steps"] = [
        s.model_dump(mode="json") | {"time_limit": describe(s.time_limit) if s.time_limit else None}
        for s in proc.steps
    ]
    data["fees"] = [
        f.model_dump(mode="json")
        | {"applies_to": wording.eligibility(f.applies_to) if f.applies_to else None}
        for f in proc.fees
    ]
    data["visits_text"] = wording.visits(proc.visits)
    data["delivery_text"] = "、".join(_named(proc.result.delivery))
    return data


OTHER = "其他"  # a vocabulary's catch-all: never printed as if it were a name


def _named(choices: Sequence[str]) -> list[str]:
    return [c for c in choices if c != OTHER]


SIGNAGE = (
    ("大厅显示屏（横屏 1920×1080 或竖屏 1080×1920，全屏打开）", "screens/{id}/"),
    ("公示牌 A4", "print/{id}/"),
    ("公示牌 A3", "print/{id}/a3/"),
    ("工作人员服务卡", "print/{id}/cards/"),
)


def _signage(unit_id: str, site_url: str) -> list[Data]:
    """The unit's screen, boards and cards: full addresses a hall manager can type or copy
    (relative ones when the portal's address is not set)."""
    base = site_url or "../../"
    return [{"label": label, "url": base + path.format(id=unit_id)} for label, path in SIGNAGE]


def _phone_groups(unit: Unit) -> list[Data]:
    """Phones under one heading per role, in the order first listed (「其他」 reads 「电话」)."""
    groups: dict[str, list[Data]] = {}
    for phone in unit.phones:
        label = "电话" if phone.role == OTHER else f"{phone.role}电话"
        groups.setdefault(label, []).append({"number": phone.number, "hours": phone.hours})
    return [{"label": label, "phones": phones} for label, phones in groups.items()]


def _public_staff(staff: Staff) -> Data:
    """Post and window always; name, photo and job number only with the person's consent."""
    data = staff.model_dump(mode="json")
    if not staff.consent:
        data.update(name=None, photo=None, number=None)
    return data


def _creation_rows(unit: Unit) -> list[Data]:
    """The standards a unit set itself, one labelled row per aspect, system and industry list."""
    creation = unit.creation
    if creation is None:
        return []
    rows = [
        {"label": label, "items": getattr(creation.aspects, key)}
        for key, label in vocab.ASPECTS.items()
    ]
    rows += [
        {"label": label, "items": getattr(creation.systems, key)}
        for key, label in vocab.SYSTEMS.items()
    ]
    rows.append({"label": "行业服务标准", "items": creation.industry_standards})
    return [row for row in rows if row["items"]]


def _reviews(unit: Unit) -> list[Data]:
    """好差评 tables: each evaluation's counts per level, with shares."""
    rows = []
    for evaluation in unit.evaluations:
        if evaluation.ratings is None:
            continue
        counts = evaluation.ratings.model_dump()
        total = sum(counts.values())
        rows.append(
            {
                "title": evaluation.title,
                "total": total,
                "levels": [
                    {
                        "label": label,
                        "count": counts[key],
                        "percent": round(100 * counts[key] / total, 1) if total else 0.0,
                    }
                    for key, label in vocab.REVIEW_LEVELS.items()
                ],
            }
        )
    return rows


def published(record: UnitRecord) -> Data:
    """The unit as open data publishes it: the model's own fields, staff names only with consent."""
    data = record.unit.model_dump(mode="json")
    data["disclosure"]["identification"]["staff"] = [
        _public_staff(s) for s in record.unit.disclosure.identification.staff
    ]
    return {"id": record.id} | data


def _history(history: History, record: UnitRecord) -> Data:
    changes = history.changes.get(record.id, [])
    confirmed = last_confirmed(record.unit, changes)
    return {
        "state": "available" if history.available else "shallow" if history.shallow else "none",
        "updated": changes[0].date.isoformat() if changes else None,
        "confirmed": confirmed.isoformat() if confirmed else None,
        "stale": is_stale(record.unit, changes, history.reference_date),
        "changes": [
            {"date": c.date.isoformat(), "summary": c.summary, "commit": c.commit}
            for c in changes[:HISTORY_SHOWN]
        ],
        "more_changes": max(0, len(changes) - HISTORY_SHOWN),
    }


def unit_view(record: UnitRecord, context: ViewContext) -> Data:
    """One unit as the templates see it: the published model plus derived wording."""
    unit = record.unit
    data = published(record)
    site_url = context.site_url
    data.update(
        page_url=f"{site_url}units/{record.id}/" if site_url else "",
        history=_history(context.history, record),
        id=record.id,
        source=record.path,
        sector_slug=vocab.SECTOR_SLUGS[unit.sector],
        place=unit.township or COUNTY_LEVEL_NAME,
        place_slug=context.township_slugs.get(unit.township or "", COUNTY_LEVEL_SLUG),
        opening=[wording.schedule(s) for s in unit.opening_hours.schedules],
        supervision_phones=[p.number for p in unit.phones if p.role == "投诉监督"],
        procedures=[_procedure(i, p) for i, p in enumerate(unit.disclosure.procedures)],
        benefit_views=[
            b.model_dump(mode="json")
            | {
                "tiers": [
                    {"who": wording.eligibility(t.who), "content": t.content} for t in b.tiers
                ]
            }
            for b in unit.benefits
        ],
        highlight_texts=[{"label": h.label, "text": wording.figure(h)} for h in unit.highlights],
        activity_views=[
            a.model_dump(mode="json")
            | {
                "reach": wording.figure(a.reach) if a.reach else None,
                "type": a.type if a.type != OTHER else None,
            }
            for a in sorted(unit.activities, key=lambda a: a.date, reverse=True)
        ],
        phone_groups=_phone_groups(unit),
        signage=_signage(record.id, site_url),
        supervision_channels=[
            {"kind": s.kind if s.kind != OTHER else "监督渠道", "detail": s.detail}
            for s in unit.supervision
        ],
        evaluation_views=[
            e.model_dump(mode="json") | {"sample": wording.figure(e.sample) if e.sample else None}
            for e in sorted(unit.evaluations, key=lambda e: e.date, reverse=True)
        ],
        ratings=_reviews(unit),
        staff=data["disclosure"]["identification"]["staff"],
        creation_rows=_creation_rows(unit),
        completeness=completeness_data(completeness(unit)),
    )
    return data


@dataclass
class ViewCache:
    """Views by unit id, reused across ``mkdocs serve`` rebuilds while the record (re-parsed only
    when its file changed) and everything else a view reads stay the same."""

    entries: dict[str, tuple[UnitRecord, tuple[object, ...], Data]] = field(default_factory=dict)


def cached_unit_view(record: UnitRecord, context: ViewContext, cache: ViewCache | None) -> Data:
    if cache is None:
        return unit_view(record, context)
    history = context.history
    key = (
        context.site_url, history.available, history.shallow, history.reference_date,
        tuple(history.changes.get(record.id, [])), tuple(sorted(context.township_slugs.items())),
    )  # fmt: skip
    hit = cache.entries.get(record.id)
    if hit is not None and hit[0] is record and hit[1] == key:
        return hit[2]
    view = unit_view(record, context)
    cache.entries[record.id] = (record, key, view)
    return view
