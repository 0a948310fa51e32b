"""Stage 3: from validated records to plain data (dicts, lists, strings) for the templates.

Everything a page shows that is computed — wording, indexes, completeness, eligibility — is
computed here once, so templates stay logic-free and portable to other engines.
"""

from __future__ import annotations

from collections import Counter

from ..bags.view import bags_data
from ..cycles.view import cycles_data, titles_by_unit
from ..plain import Data
from ..project import Project
from ..schema import vocab
from ..schema.reference import field_rows
from ..unit.basics import (
    ABOVE_COUNTY_NAME,
    ABOVE_COUNTY_SLUG,
    COUNTY_LEVEL_NAME,
    COUNTY_LEVEL_SLUG,
)
from ..unit.model import Unit
from ..unit.view import (
    ViewCache,
    ViewContext,
    cached_unit_view,
)
from .stats import charts
from .tasks import tasks_data
from .weakened import weakened_promises


def _summary(unit: Data) -> Data:
    keys = (
        "id",
        "name",
        "sector",
        "sector_slug",
        "place",
        "place_slug",
        "address_text",
        "supervision_phones",
        "window",
        "opening",
        "week_hours",
    )
    summary = {k: unit[k] for k in keys}
    summary["procedure_count"] = len(unit["procedures"])
    summary["procedures_unpublished"] = unit["unpublished"]["procedures"]
    summary["eligible"] = unit["completeness"]["eligible"]
    return summary


def derive(project: Project, views: ViewCache | None = None) -> Data:
    """The whole site as plain data; ``views`` keeps unit views for the next call (serve)."""
    county = project.county
    township_slugs = {t.name: t.slug for t in county.townships} if county else {}
    context = ViewContext(project.address, project.history, township_slugs)
    units = sorted(
        (cached_unit_view(r, context, views) for r in project.units),
        key=lambda u: (list(vocab.SECTOR_SLUGS).index(u["sector"]), u["id"]),
    )
    summaries = [_summary(u) for u in units]
    sectors = [
        {"name": name, "slug": slug, "units": [s for s in summaries if s["sector"] == name]}
        for name, slug in vocab.SECTOR_SLUGS.items()
    ]
    places = [(COUNTY_LEVEL_NAME, COUNTY_LEVEL_SLUG), *township_slugs.items()]
    if any(s["place_slug"] == ABOVE_COUNTY_SLUG for s in summaries):
        places.append((ABOVE_COUNTY_NAME, ABOVE_COUNTY_SLUG))
    townships = [
        {"name": name, "slug": slug, "units": [s for s in summaries if s["place_slug"] == slug]}
        for name, slug in places
    ]
    citations: dict[str, list[Data]] = {p.id: [] for p in project.policies}
    for unit in units:
        for ref in dict.fromkeys(_cited_policies(unit)):
            if ref in citations:
                citations[ref].append({"id": unit["id"], "name": unit["name"]})
    policies = [
        p.policy.model_dump(mode="json") | {"id": p.id, "body": p.body, "cited_by": citations[p.id]}
        for p in project.policies
    ]
    sector_counts = Counter(u["sector"] for u in units)
    names = {u["id"]: u["name"] for u in units}
    return {
        **cycles_data(project.cycles, names, project.history.reference_date),
        "archives": bags_data(project.bags, project.address),
        "titles": titles_by_unit(project.cycles, project.units),
        "county": county.model_dump(mode="json") if county else {"name": "本县", "townships": []},
        "units": units,
        "sectors": sectors,
        "townships": townships,
        "tasks": tasks_data(project.tasks, units),
        "weakened": weakened_promises(units),
        "policies": policies,
        "policy_titles": {p["id"]: p.get("short_title") or p["title"] for p in policies},
        "home_text": project.home,
        "fields": field_rows(Unit),
        "charts": charts(project, sectors, townships, units),
        "site_url": project.site_url,
        "directory_urls": project.directory_urls,  # how the ``url`` filter names pages
        "history": {"available": project.history.available, "shallow": project.history.shallow},
        "open_data_fields": ["id", *Unit.model_fields],
        "counts": {
            "units": len(units),
            "sectors": len(sector_counts),
            "townships": sum(
                1
                for t in townships
                if t["units"] and t["slug"] not in (COUNTY_LEVEL_SLUG, ABOVE_COUNTY_SLUG)
            ),
            "procedures": sum(len(u["procedures"]) for u in units),
            "benefits": sum(len(u["benefits"]) for u in units),
            "eligible": sum(1 for u in units if u["completeness"]["eligible"]),
        },
    }


def _cited_policies(unit: Data) -> list[str]:
    refs = list(unit["disclosure"]["policies"])
    refs += [ref for p in unit["procedures"] for ref in p["legal_basis"]]
    refs += [ref for b in unit["benefit_views"] for ref in b["legal_basis"]]
    return refs
