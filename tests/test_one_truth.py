"""One truth in every output: the unit page, the hall screen, the A4 and A3 boards, the service
cards and the open data carry the same facts as the unit's YAML — for every demo unit and for
units generated from the model (property-based). The facts come from ``support/facts.py``, which
reads the model by its own rules and shares no wording code with the templates."""

from __future__ import annotations

import json
import os
from functools import cache
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings

from jinglao.pipeline import load, renderer, site_data
from jinglao.site.signage import unit_signage
from jinglao.source.site_urls import SiteAddress
from jinglao.unit.load import UnitRecord
from jinglao.unit.model import Unit
from jinglao.unit.view import ViewContext, page_src, published, unit_view

from .conftest import REPO
from .support.details import detail_disagreements
from .support.facts import Facts, defects, facts_of, missing_in_order, plain_text
from .support.units import unit_data

EXAMPLES = int(os.environ.get("JINGLAO_ONE_TRUTH_EXAMPLES", "500"))
BASE_UNIT = "anlan-renmin-yiyuan"
# Sections whose facts must appear in the order the unit wrote them (a tier under its benefit).
ORDERED = {"commitments", "procedures", "benefits", "timetables", "steps"}


@cache
def _demo() -> tuple[Any, Any]:
    project = load(REPO)
    site = site_data(project)
    return project, renderer(REPO, site)


def outputs(record: UnitRecord) -> dict[str, str]:
    """Every public output of one unit, as a reader sees it (plain text)."""
    return {name: plain_text(text) for name, text in raw_outputs(record).items()}


def raw_outputs(record: UnitRecord) -> dict[str, str]:
    """Every public output of one unit as rendered (Markdown with HTML, or HTML)."""
    _, page = _demo()
    view = unit_view(record, ViewContext(address=SiteAddress("https://example.org/")))
    files = {"page": page("unit/page.md.j2", at=page_src(record.id), unit=view, titles=[])}
    signage = unit_signage(page, view)
    files["screen"] = signage[f"screens/{record.id}/index.html"]
    files["A4"] = signage[f"print/{record.id}/index.html"]
    files["A3"] = signage[f"print/{record.id}/a3/index.html"]
    files["cards"] = signage[f"print/{record.id}/cards/index.html"]
    return files


def disagreements(record: UnitRecord) -> list[str]:
    """Each fact an output that carries its section leaves out, and each defect it prints."""
    facts: Facts = facts_of(record.unit)
    raw = raw_outputs(record)
    found = {name: plain_text(text) for name, text in raw.items()}
    wrong = []
    signage = ("screen", "A4", "A3")
    carriers = {
        "commitments": ("page", *signage),
        "procedures": ("page", *signage),
        "benefits": ("page", *signage),
        "gaps": ("page", *signage),
        "hotline": signage,
        "timetables": ("page", *signage),
        "steps": ("page", *signage),
        "duties": ("page", *signage),
        "on_site": ("page",),
        "figures": ("page",),
        "phones": ("page",),
        "page_gaps": ("page",),
    }
    for section, names in carriers.items():
        value = getattr(facts, section)
        groups = value if value and isinstance(value[0], list) else [value]
        flat = [fact for group in groups for fact in group]
        for name in names:
            text = found[name]
            if section in ORDERED:
                lacking = missing_in_order(text, flat)
            else:
                lacking = [fact for fact in flat if fact not in text]
            wrong += [f"{name} lacks {section} fact {fact!r}" for fact in lacking]
    for name, text in found.items():
        wrong += [f"{name} prints a {defect}" for defect in defects(text)]
    return wrong + detail_disagreements(record.unit, raw)


def test_every_demo_unit_says_the_same_everywhere() -> None:
    project, _ = _demo()
    problems = {r.id: disagreements(r) for r in project.units}
    assert {k: v for k, v in problems.items() if v} == {}


def test_open_data_is_the_yaml() -> None:
    project, _ = _demo()
    for record in project.units:
        source = yaml.safe_load((REPO / record.path).read_text(encoding="utf-8"))
        data = published(record)
        assert Unit.model_validate({k: v for k, v in data.items() if k != "id"}) == record.unit
        assert json.loads(json.dumps(data))["name"] == source["name"]


@cache
def _base() -> dict[str, Any]:
    text = (REPO / "units" / BASE_UNIT / "unit.yml").read_text(encoding="utf-8")
    data: dict[str, Any] = yaml.safe_load(text)
    data.pop("honours", None)
    return data


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(data=unit_data(_base()))
def test_generated_units_say_the_same_everywhere(data: dict[str, Any]) -> None:
    unit = Unit.model_validate(data)
    record = UnitRecord(id="sheng-cheng", path="units/sheng-cheng/unit.yml", unit=unit)
    assert disagreements(record) == []
