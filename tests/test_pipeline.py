"""The pipeline's contract: later stages never change what earlier ones made, and ``Reuse`` (the
caches of ``mkdocs serve``) gives the same pages as a fresh build."""

from __future__ import annotations

from jinglao.pipeline import Reuse, build_pages, load, site_data
from jinglao.unit.view import ViewContext, unit_view

from .conftest import REPO


def test_unit_views_stay_as_the_view_made_them() -> None:
    """Titles from award cycles are joined at render time, not written into cached views."""
    reuse = Reuse()
    project = load(REPO, reuse)
    site = site_data(project, reuse)
    build_pages(REPO, reuse)  # renders from the same cached views
    slugs = {t.name: t.slug for t in project.county.townships} if project.county else {}
    context = ViewContext(project.address, project.history, slugs)
    views = {u["id"]: u for u in site["units"]}
    assert views.keys() == {r.id for r in project.units}
    for record in project.units:
        assert views[record.id] == unit_view(record, context), record.id
    assert any(site["titles"].values())  # the demo county has titles to join


def test_reused_caches_give_the_same_pages_as_a_fresh_build() -> None:
    reuse = Reuse()
    first = build_pages(REPO, reuse).pages
    second = build_pages(REPO, reuse).pages
    assert reuse.views.entries and reuse.pages.entries and reuse.parsed.entries
    assert first == second == build_pages(REPO).pages
