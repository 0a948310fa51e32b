"""Stage 3 for bags: each frozen cycle as plain data, with its winners' views as they stood."""

from __future__ import annotations

import json

from ..cycles.tally import stated_note, unit_tallies
from ..plain import Data
from ..source.site_urls import SiteAddress
from ..unit.view import ViewContext, unit_view
from .load import BagRecord


def bag_view(record: BagRecord, address: SiteAddress) -> Data:
    """A frozen unit is shown without history or township links: only what the bag holds."""
    frozen = ViewContext(address=address)
    units = {u.id: unit_view(u, frozen) for u in record.units}
    provenance = json.loads(record.files.get("data/provenance.json", b"{}").decode("utf-8"))
    cycle = record.cycle
    return {
        "id": record.id,
        "title": cycle.title,
        "label": cycle.label,
        "heading": cycle.heading,
        # a number stated without names (named_counts) beside the listed units
        "stated": [n for t in unit_tallies(cycle) if (n := stated_note(t, "表中"))],
        "total": sum(t.actual for t in unit_tallies(cycle)),
        "info": record.info,
        "provenance": [
            {"path": path, "source": detail.get("来源", ""), "commit": detail.get("提交")}
            for path, detail in sorted(provenance.items())
        ],
        "bag_files": sorted(record.files),
        "files": record.files,
        "bundle_sha256": record.bundle_sha256,
        "awards": [
            a.model_dump(mode="json") | {"unit_view": units.get(a.unit)} for a in cycle.awards
        ],
    }


def bags_data(records: list[BagRecord], address: SiteAddress) -> list[Data]:
    return [bag_view(r, address) for r in sorted(records, key=lambda r: r.id, reverse=True)]
