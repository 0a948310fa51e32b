"""Stage 3, one unit: the published model plus everything its pages show that is computed.

The result is plain data (dicts, lists, strings, numbers) for templates and open data, and is never
changed after it is made: what other files add (titles from award cycles) is joined at render time.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from ..plain import Data
from ..schema import vocab
from ..schema.dates import earliest
from ..schema.unpublished import listed
from ..source.git import History
from ..source.site_urls import SiteAddress
from . import basics, wording
from .activities import dated
from .completeness import completeness, completeness_data
from .disclosure import Staff
from .duties import sites_text
from .fact_views import (
    benefit_views,
    commitment_views,
    distribution_views,
    facility_views,
    inspection_views,
    timetable_views,
)
from .freshness import is_stale, last_confirmed
from .gaps import Gap, gaps
from .load import UnitRecord
from .model import Unit
from .procedure_view import OTHER, procedure_view
from .summary import call_buttons, main_procedure
from .timeline import changes, in_force
from .week_hours import week_hours


@dataclass(frozen=True)
class ViewContext:
    """What a unit's view reads besides the unit: the portal's address, git history, townships."""

    address: SiteAddress = field(default_factory=SiteAddress)
    history: History = field(default_factory=History)
    township_slugs: dict[str, str] = field(default_factory=dict)


SIGNAGE = (
    ("大厅显示屏（横屏 1920×1080 或竖屏 1080×1920，全屏打开）", "screens/{id}/index.html"),
    ("公示牌 A4", "print/{id}/index.html"),
    ("公示牌 A3", "print/{id}/a3/index.html"),
    ("工作人员服务卡", "print/{id}/cards/index.html"),
)


def page_src(unit_id: str) -> str:
    """The docs path of a unit's page."""
    return f"units/{unit_id}/index.md"


def _signage(unit_id: str, address: SiteAddress) -> list[Data]:
    """The unit's screen, boards and cards: full addresses a hall manager can type or copy
    (relative to the unit's page when the portal's address is not set)."""
    return [
        {
            "label": label,
            "src": src,  # for pages elsewhere, which link it with the ``url`` filter
            "url": address.absolute(src) or address.relative(src, page_src(unit_id)),
        }
        for label, path in SIGNAGE
        for src in [path.format(id=unit_id)]
    ]


def _disclosed_lists(unit: Unit, today: date | None) -> Data:
    """The four listed disclosures as lists (empty when 未公布; the gap says so)."""
    found = unit.disclosure
    return {
        "services": [
            s.model_dump(mode="json")
            | {
                "name": s.name + note,
                "rationing": [f"{r.when}：{r.measure}" for r in s.rationing],
            }
            for s, note in in_force(listed(found.services), today)
        ],
        "standards": [s.model_dump(mode="json") for s in listed(found.standards)],
        "policy_ids": listed(found.policies),
    }


SECTION_KEYS = ("policies", "services", "procedures", "standards")  # the sections with a notice


def _gap_texts(declared: list[Gap]) -> Data:
    """Top-level and disclosure-level declarations by key, for a section's own notice."""
    return dict.fromkeys(SECTION_KEYS) | {
        str(g.path[-1]): g.text for g in declared if len(g.path) <= 2
    }


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
        "revisions": history.revisions.get(record.id, {}).get("entries", []),
        "earlier_omitted": history.revisions.get(record.id, {}).get("earlier_omitted", False),
    }


def unit_view(record: UnitRecord, context: ViewContext) -> Data:
    """One unit as the templates see it: the published model plus derived wording."""
    unit = record.unit
    data = published(record)
    declared = gaps(unit)
    # the build's pinned date; a tree without git history reads today's date
    today = context.history.reference_date or date.today()
    address = context.address
    data.update(
        page_url=address.absolute(page_src(record.id)),
        history=_history(context.history, record),
        id=record.id,
        source=record.path,
        sector_slug=vocab.SECTOR_SLUGS[unit.sector],
        **basics.place(unit, context.township_slugs),
        opening=basics.opening_lines(unit, today),
        week_hours=week_hours(unit, today),
        call_buttons=call_buttons(unit),
        status_text=basics.status_text(unit),
        staffing_texts=[
            f"{s.post}不少于 {s.minimum} 名" + (f"（{s.note}）" if s.note else "")
            for s in unit.staffing
        ],
        sites_text=sites_text(unit.sites) if unit.sites else None,
        changes=changes(unit, today),
        address_text=basics.shown(unit.address),
        window=basics.elderly_window(unit),
        supervision_line=basics.supervision_line(unit),
        supervision_phones=[p.number for p in listed(unit.phones) if p.role == "投诉监督"],
        procedures=[
            procedure_view(i, p) | {"name": p.name + note}
            for i, (p, note) in enumerate(in_force(listed(unit.disclosure.procedures), today))
        ],
        unpublished=_gap_texts(declared),
        **_disclosed_lists(unit, today),
        gaps=[{"label": g.label, "text": g.text} for g in declared],
        benefit_views=benefit_views(unit, today),
        highlight_texts=[
            {"label": h.label, "text": wording.figure(h, h.scope)} for h in unit.highlights
        ],
        commitment_views=commitment_views(unit, today),
        facility_views=facility_views(unit),
        timetable_views=timetable_views(unit),
        inspection_views=inspection_views(unit),
        activity_views=[
            a.model_dump(mode="json")
            | {
                "reach": wording.figure(a.reach) if a.reach else None,
                "type": a.type if a.type != OTHER else None,
            }
            for a in sorted(unit.activities, key=lambda a: earliest(a.date), reverse=True)
        ],
        phone_groups=basics.phone_groups(unit),
        signage=_signage(record.id, address),
        supervision_channels=[
            {"kind": s.kind if s.kind != OTHER else "监督渠道", "detail": s.detail}
            for s in unit.supervision
        ],
        evaluation_views=[
            e.model_dump(mode="json")
            | {
                "sample": wording.figure(e.sample) if e.sample else None,
                "date": basics.shown(e.date),
                "distributions": distribution_views(e),
            }
            for e in sorted(unit.evaluations, key=dated, reverse=True)
        ],
        ratings=_reviews(unit),
        staff=data["disclosure"]["identification"]["staff"],
        creation_rows=_creation_rows(unit),
        completeness=completeness_data(completeness(unit)),
    )
    data["main_procedure"] = main_procedure(data["procedures"], data["unpublished"]["procedures"])
    # Commitments the unit numbered itself are listed as written, without a second number.
    data["commitments_own_numbers"] = wording.numbered_by_unit(
        c["text"] for c in data["commitment_views"]
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
        context.address, history.available, history.shallow, history.reference_date,
        tuple(history.changes.get(record.id, [])),
        repr(history.revisions.get(record.id)),
        tuple(sorted(context.township_slugs.items())),
    )  # fmt: skip
    hit = cache.entries.get(record.id)
    if hit is not None and hit[0] is record and hit[1] == key:
        return hit[2]
    view = unit_view(record, context)
    cache.entries[record.id] = (record, key, view)
    return view
