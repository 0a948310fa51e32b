"""Stage 4: plain site data → Markdown pages (path → text), through Jinja templates in ``theme/pages``.

Text from units is never trusted: in HTML blocks Jinja's autoescape escapes it, and in Markdown
context templates pass it through the ``md`` filter, which also escapes Markdown syntax, so a unit
file cannot add a link, an image, a script or a style to the site.
"""

from __future__ import annotations

import functools
import html
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import segno
from jinja2 import ChoiceLoader, Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from .charts import bar_chart
from .open_data import CSV_COLUMNS, open_data_files
from .signage import unit_signage

# The project's own templates; a project may override any of them in its theme/pages folder.
DEFAULT_TEMPLATES = Path(__file__).resolve().parents[2] / "theme" / "pages"
OVERVIEW_MARKER = "<!-- jinglao:overview -->"

# Python-Markdown's backslash-escapable characters (markdown.Markdown.ESCAPED_CHARS) plus ``|``.
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()>#+\-.!|])")


def md_escape(value: Any) -> Markup:
    """Text that Markdown shows literally: HTML-escaped, Markdown punctuation backslashed."""
    text = " ".join(str(value).split())  # one line: no new paragraphs or list items
    return Markup(_MD_SPECIAL.sub(r"\\\1", html.escape(text, quote=True)))


def yaml_value(value: Any) -> str:
    """A scalar for a YAML file: a JSON string is valid YAML and keeps colons and quotes safe."""
    return json.dumps(str(value), ensure_ascii=False)


def tel_href(number: Any) -> str:
    return "tel:" + re.sub(r"[^0-9+]", "", str(number))


def yaml_string(value: Any) -> Markup:
    """A front-matter scalar: HTML-escaped, because Material puts page titles into the HTML
    unescaped, then double-quoted (a JSON string is valid YAML)."""
    return Markup(json.dumps(html.escape(" ".join(str(value).split())), ensure_ascii=False))


@functools.cache
def _qr_svg(url: str) -> str:
    # A fixed mask pattern: valid for every reader, and 5× faster than scoring all eight masks.
    # A unit's URL never changes, so each code is drawn once per process.
    return str(
        segno.make(url, error="m", mask=4).svg_inline(
            scale=4, dark="#000", light="#fff", omitsize=True
        )
    )


def qr_svg(url: str, label: str = "本页二维码") -> Markup:
    """A QR code of ``url`` as inline SVG, drawn at build time (no script, no other origin)."""
    return Markup(
        _qr_svg(url).replace("<svg ", f'<svg role="img" aria-label="{html.escape(label)}" ', 1)
    )


@functools.cache
def make_environment(project_templates: Path | None = None) -> Environment:
    folders = [p for p in (project_templates, DEFAULT_TEMPLATES) if p is not None and p.is_dir()]
    env = Environment(
        loader=ChoiceLoader([FileSystemLoader(str(p)) for p in folders]),
        # HTML and Markdown pages are escaped; YAML scaffolds, CSS and JS includes are not.
        autoescape=select_autoescape(["html.j2", "md.j2"], default=False, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        # Markdown heading ids are written {#id}: keep Jinja's comments out of their way.
        comment_start_string="{##",
        comment_end_string="##}",
    )
    env.filters.update(
        md=md_escape,
        tel=tel_href,
        yaml_string=yaml_string,
        yaml_value=yaml_value,
        qr_svg=qr_svg,
        bar_chart=bar_chart,
    )
    return env


def _home(env: Environment, site: dict[str, Any]) -> str:
    overview = env.get_template("overview.md.j2").render(site=site)
    text: str = site["home_text"] or env.get_template("home.md.j2").render(site=site)
    if OVERVIEW_MARKER in text:
        return text.replace(OVERVIEW_MARKER, overview)
    return text.rstrip() + "\n\n" + overview


def page_renderer(
    site: dict[str, Any], project_templates: Path | None = None
) -> Callable[..., str]:
    """``page(template, **context)``: renders one template with the site data."""
    env = make_environment(project_templates)

    def page(template: str, **context: Any) -> str:
        return env.get_template(template).render(site=site, **context)

    return page


def _templates_stamp(project_templates: Path | None) -> list[int]:
    folders = [p for p in (project_templates, DEFAULT_TEMPLATES) if p is not None and p.is_dir()]
    return [
        f.stat().st_mtime_ns for folder in folders for f in sorted(folder.rglob("*")) if f.is_file()
    ]


# Each unit's own pages, reused across ``mkdocs serve`` rebuilds while its view (rebuilt only when
# its file changed), its titles and the site-wide data those templates read stay the same.
_UNIT_PAGES: dict[str, tuple[dict[str, Any], str, dict[str, str]]] = {}


def forget_unit_pages() -> None:
    _UNIT_PAGES.clear()


def _unit_pages(page: Callable[..., str], unit: dict[str, Any], shared: str) -> dict[str, str]:
    key = shared + json.dumps(unit["titles"], ensure_ascii=False)
    hit = _UNIT_PAGES.get(unit["id"])
    if hit is not None and hit[0] is unit and hit[1] == key:
        return hit[2]
    pages = {
        f"units/{unit['id']}/index.md": page("unit.md.j2", unit=unit),
        **unit_signage(page, unit),
    }
    _UNIT_PAGES[unit["id"]] = (unit, key, pages)
    return pages


def archive_pages(
    page: Callable[..., str], archive: dict[str, Any], *, with_bundle_hash: bool = True
) -> dict[str, str]:
    """The archive page of a cycle and the bag's own files, published for anyone to check."""
    rel = f"archive/{archive['id']}"
    pages = {
        f"{rel}/index.md": page("archive.md.j2", archive=archive, with_bundle_hash=with_bundle_hash)
    }
    pages.update({f"{rel}/bag/{name}": text for name, text in archive["files"].items()})
    return pages


def render_pages(site: dict[str, Any], project_templates: Path | None = None) -> dict[str, str]:
    """Every generated page, by its path under the docs folder."""
    env = make_environment(project_templates)
    page = page_renderer(site, project_templates)

    pages = {
        "index.md": _home(env, site),
        "units/index.md": page("units.md.j2"),
        "sectors/index.md": page("sectors.md.j2"),
        "townships/index.md": page("townships.md.j2"),
        "policies/index.md": page("policies.md.j2"),
        "guide/fields.md": page("fields.md.j2"),
        "stats/index.md": page("stats.md.j2"),
        "status/index.md": page("status.md.j2"),
        "data/index.md": page("data.md.j2", csv_columns=CSV_COLUMNS),
        **open_data_files(site),
    }
    pages["screens/index.md"] = page("screens.md.j2")
    pages["cycles/index.md"] = page("cycles.md.j2")
    pages["archive/index.md"] = page("archives.md.j2")
    for cycle in site["cycles"]:
        pages[f"cycles/{cycle['id']}/index.md"] = page("cycle.md.j2", cycle=cycle)
    for archive in site["archives"]:
        pages.update(archive_pages(page, archive))
    # What unit templates read besides the unit; an edited template re-renders every unit page.
    stamp = _templates_stamp(project_templates)
    shared = json.dumps(
        [site["policy_titles"], site["county"], site["site_url"], stamp], ensure_ascii=False
    )
    for unit in site["units"]:
        pages.update(_unit_pages(page, unit, shared))
    for sector in site["sectors"]:
        pages[f"sectors/{sector['slug']}/index.md"] = page("group.md.j2", group=sector, kind="行业")
    for township in site["townships"]:
        pages[f"townships/{township['slug']}/index.md"] = page(
            "group.md.j2", group=township, kind="乡镇"
        )
    for policy in site["policies"]:
        pages[f"policies/{policy['id']}.md"] = page("policy.md.j2", policy=policy)
    return pages
