"""Stage 4: plain site data → Markdown pages (path → text), through Jinja templates in ``theme/pages``.

Text from units is never trusted: in HTML blocks Jinja's autoescape escapes it, and in Markdown
context templates pass it through the ``md`` filter, which also escapes Markdown syntax, so a unit
file cannot add a link, an image, a script or a style to the site.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jinja2 import Environment

from ..plain import Data, Pages
from ..unit.view import page_src
from .open_data import CSV_COLUMNS, DATA_LICENCE, DATA_LICENCE_URL, open_data_files
from .signage import KIOSK_COMMAND, unit_signage
from .templates import DEFAULT_TEMPLATES, make_environment

OVERVIEW_MARKER = "<!-- jinglao:overview -->"
HOME = "index.md"


def _home(env: Environment, site: Data) -> str:
    overview = env.get_template("overview.md.j2").render(site=site, page_path=HOME)
    text: str = site["home_text"] or env.get_template("home.md.j2").render(
        site=site, page_path=HOME
    )
    if OVERVIEW_MARKER in text:
        return text.replace(OVERVIEW_MARKER, overview)
    return text.rstrip() + "\n\n" + overview


def page_renderer(site: Data, project_templates: Path | None = None) -> Callable[..., str]:
    """``page(template, at=docs path, **context)``: renders one template with the site data;
    ``at`` is where the page goes, from which its ``url`` filter writes relative links."""
    env = make_environment(project_templates)

    def page(template: str, at: str | None = None, **context: Any) -> str:
        where = {"page_path": at} if at is not None else {}
        return env.get_template(template).render(site=site, **where, **context)

    return page


def templates_stamp(project_templates: Path | None) -> list[int]:
    folders = [p for p in (project_templates, DEFAULT_TEMPLATES) if p is not None and p.is_dir()]
    return [
        f.stat().st_mtime_ns for folder in folders for f in sorted(folder.rglob("*")) if f.is_file()
    ]


@dataclass
class PageCache:
    """Each unit's own pages, reused across ``mkdocs serve`` rebuilds while its view (rebuilt only
    when its file changed), its titles and the site-wide data those templates read stay the same."""

    entries: dict[str, tuple[Data, str, dict[str, str]]] = field(default_factory=dict)


def _unit_pages(
    page: Callable[..., str], unit: Data, titles: list[Data], shared: str, cache: PageCache | None
) -> dict[str, str]:
    key = shared + json.dumps(titles, ensure_ascii=False)
    hit = cache.entries.get(unit["id"]) if cache else None
    if hit is not None and hit[0] is unit and hit[1] == key:
        return hit[2]
    src = page_src(unit["id"])
    pages = {
        src: page("unit/page.md.j2", at=src, unit=unit, titles=titles),
        **unit_signage(page, unit),
    }
    if cache is not None:
        cache.entries[unit["id"]] = (unit, key, pages)
    return pages


def bag_pages(page: Callable[..., str], archive: Data, *, with_bundle_hash: bool = True) -> Pages:
    """The archive page of a cycle and the bag's own files, published for anyone to check."""
    rel = f"archive/{archive['id']}"
    src = f"{rel}/index.md"
    pages: Pages = {
        src: page("archive.md.j2", at=src, archive=archive, with_bundle_hash=with_bundle_hash)
    }
    pages.update({f"{rel}/bag/{name}": content for name, content in archive["files"].items()})
    return pages


def render_pages(
    site: Data, project_templates: Path | None = None, cache: PageCache | None = None
) -> Pages:
    """Every generated page, by its path under the docs folder; ``cache`` keeps unit pages for
    the next call (serve)."""
    env = make_environment(project_templates)
    page = page_renderer(site, project_templates)

    pages: Pages = {HOME: _home(env, site), **open_data_files(site)}

    def add(src: str, template: str, **context: Any) -> None:
        pages[src] = page(template, at=src, **context)

    add("units/index.md", "units.md.j2")
    add("sectors/index.md", "sectors.md.j2")
    add("townships/index.md", "townships.md.j2")
    add("policies/index.md", "policies.md.j2")
    add("guide/fields.md", "fields.md.j2")
    add("stats/index.md", "stats.md.j2")
    add("status/index.md", "status.md.j2")
    add(
        "data/index.md",
        "data.md.j2",
        csv_columns=CSV_COLUMNS,
        licence={"name": DATA_LICENCE, "url": DATA_LICENCE_URL},
    )
    add("screens/index.md", "screens.md.j2", kiosk_command=KIOSK_COMMAND)
    add("cycles/index.md", "cycles.md.j2")
    add("archive/index.md", "archives.md.j2")
    for cycle in site["cycles"]:
        add(f"cycles/{cycle['id']}/index.md", "cycle.md.j2", cycle=cycle)
    for archive in site["archives"]:
        pages.update(bag_pages(page, archive))
    # What unit templates read besides the unit; an edited template re-renders every unit page.
    stamp = templates_stamp(project_templates)
    shared = json.dumps(
        [site["policy_titles"], site["county"], site["site_url"], site["directory_urls"], stamp],
        ensure_ascii=False,
    )
    for unit in site["units"]:
        titles = site["titles"].get(unit["id"], [])
        pages.update(_unit_pages(page, unit, titles, shared, cache))
    for sector in site["sectors"]:
        add(f"sectors/{sector['slug']}/index.md", "group.md.j2", group=sector, kind="行业")
    for township in site["townships"]:
        add(f"townships/{township['slug']}/index.md", "group.md.j2", group=township, kind="乡镇")
    for policy in site["policies"]:
        add(f"policies/{policy['id']}.md", "policy.md.j2", policy=policy)
    for task in site["tasks"]:
        add(f"tasks/{task['slug']}/index.md", "task.md.j2", task=task)
    return pages
