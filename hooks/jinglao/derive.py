"""Stage 3: from validated records to plain data (dicts, lists, strings) for the templates.

Everything a page shows that is computed — wording, indexes, completeness, eligibility — is
computed here once, so templates stay logic-free and portable to other engines.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from . import vocab, wording
from .model import Procedure, Staff, TimeLimit, Unit
from .project import Project, UnitRecord
from .reference import field_rows
from .timelimits import describe

COUNTY_LEVEL_SLUG = "xianzhi"
COUNTY_LEVEL_NAME = "县直单位"

Data = dict[str, Any]


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
    return data


def _public_staff(staff: Staff) -> Data:
    """Post and window always; name, photo and job number only with the person's consent."""
    data = staff.model_dump(mode="json")
    if not staff.consent:
        data.update(name=None, photo=None, number=None)
    return data


def _completeness(unit: Unit) -> Data:
    creation = unit.creation
    aspects = {
        label: bool(creation and getattr(creation.aspects, key))
        for key, label in vocab.ASPECTS.items()
    }
    systems = {
        label: bool(creation and getattr(creation.systems, key))
        for key, label in vocab.SYSTEMS.items()
    }
    archive = unit.archive
    archive_items = {
        label: bool(archive and getattr(archive, key)) for key, label in vocab.ARCHIVE_ITEMS.items()
    }
    missing = [label for label, present in archive_items.items() if not present]
    return {
        "disclosure": dict.fromkeys(vocab.DISCLOSURE_ITEMS, True),
        "aspects": aspects,
        "systems": systems,
        "archive": archive_items,
        "archive_missing": missing,
        "archive_complete": not missing,
        "eligible": not missing,
    }


def _ratings(unit: Unit) -> list[Data]:
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
                    for key, label in vocab.RATING_LEVELS.items()
                ],
            }
        )
    return rows


def unit_view(record: UnitRecord, township_slugs: dict[str, str]) -> Data:
    """One unit as the templates see it: the published model plus derived wording."""
    unit = record.unit
    data = unit.model_dump(mode="json")
    data.update(
        id=record.id,
        source=record.path,
        sector_slug=vocab.SECTOR_SLUGS[unit.sector],
        place=unit.township or COUNTY_LEVEL_NAME,
        place_slug=township_slugs.get(unit.township or "", COUNTY_LEVEL_SLUG),
        opening=[wording.schedule(s) for s in unit.opening_hours.schedules],
        supervision_phones=[p.number for p in unit.phones if p.role == "投诉监督"],
        procedures=[_procedure(i, p) for i, p in enumerate(unit.disclosure.procedures)],
        benefits=[
            b.model_dump(mode="json")
            | {
                "tiers": [
                    {"who": wording.eligibility(t.who), "content": t.content} for t in b.tiers
                ]
            }
            for b in unit.benefits
        ],
        highlights=[{"label": h.label, "text": wording.figure(h)} for h in unit.highlights],
        activities=[
            a.model_dump(mode="json") | {"reach": wording.figure(a.reach) if a.reach else None}
            for a in sorted(unit.activities, key=lambda a: a.date, reverse=True)
        ],
        evaluations=[
            e.model_dump(mode="json") | {"sample": wording.figure(e.sample) if e.sample else None}
            for e in sorted(unit.evaluations, key=lambda e: e.date, reverse=True)
        ],
        ratings=_ratings(unit),
        staff=[_public_staff(s) for s in unit.disclosure.identification.staff],
        completeness=_completeness(unit),
    )
    return data


def _summary(unit: Data) -> Data:
    keys = (
        "id",
        "name",
        "sector",
        "sector_slug",
        "place",
        "place_slug",
        "address",
        "supervision_phones",
    )
    summary = {k: unit[k] for k in keys}
    summary["procedure_count"] = len(unit["procedures"])
    summary["eligible"] = unit["completeness"]["eligible"]
    return summary


def derive(project: Project) -> Data:
    """The whole site as plain data."""
    county = project.county
    township_slugs = {t.name: t.slug for t in county.townships} if county else {}
    units = sorted(
        (unit_view(r, township_slugs) for r in project.units),
        key=lambda u: (list(vocab.SECTOR_SLUGS).index(u["sector"]), u["id"]),
    )
    summaries = [_summary(u) for u in units]
    sectors = [
        {"name": name, "slug": slug, "units": [s for s in summaries if s["sector"] == name]}
        for name, slug in vocab.SECTOR_SLUGS.items()
    ]
    places = [(COUNTY_LEVEL_NAME, COUNTY_LEVEL_SLUG), *township_slugs.items()]
    townships = [
        {"name": name, "slug": slug, "units": [s for s in summaries if s["place_slug"] == slug]}
        for name, slug in places
    ]
    citations: dict[str, list[Data]] = {p.id: [] for p in project.policies}
    for unit in units:
        for ref in _cited_policies(unit):
            if ref in citations and unit["id"] not in [u["id"] for u in citations[ref]]:
                citations[ref].append({"id": unit["id"], "name": unit["name"]})
    policies = [
        p.policy.model_dump(mode="json") | {"id": p.id, "body": p.body, "cited_by": citations[p.id]}
        for p in project.policies
    ]
    sector_counts = Counter(u["sector"] for u in units)
    return {
        "county": county.model_dump(mode="json") if county else {"name": "本县", "townships": []},
        "units": units,
        "sectors": sectors,
        "townships": townships,
        "policies": policies,
        "policy_titles": {p["id"]: p.get("short_title") or p["title"] for p in policies},
        "home_text": project.home,
        "fields": field_rows(),
        "counts": {
            "units": len(units),
            "sectors": len(sector_counts),
            "townships": sum(1 for t in townships if t["units"] and t["slug"] != COUNTY_LEVEL_SLUG),
            "procedures": sum(len(u["procedures"]) for u in units),
            "benefits": sum(len(u["benefits"]) for u in units),
            "eligible": sum(1 for u in units if u["completeness"]["eligible"]),
        },
    }


def _cited_policies(unit: Data) -> list[str]:
    refs = list(unit["disclosure"]["policies"])
    refs += [ref for p in unit["procedures"] for ref in p["legal_basis"]]
    refs += [ref for b in unit["benefits"] for ref in b["legal_basis"]]
    return refs
