"""The Jinja environment every generated file is rendered with, and the filters that keep unit
text inert: HTML autoescape in HTML blocks, ``md`` in Markdown, ``yaml_string`` in front matter.
Templates live in ``theme/pages`` (a project may override any of them in its own theme/pages)."""

from __future__ import annotations

import functools
import html
import json
import re
from pathlib import Path
from typing import Any

import segno
from jinja2 import (
    ChoiceLoader,
    Environment,
    FileSystemLoader,
    StrictUndefined,
    pass_context,
    select_autoescape,
)
from jinja2.runtime import Context
from markupsafe import Markup

from ..plain import md_escape
from ..source.site_urls import SiteAddress
from .charts import bar_chart
from .speech import unit_speech

DEFAULT_TEMPLATES = Path(__file__).resolve().parents[3] / "theme" / "pages"


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


@pass_context
def page_url(context: Context, src: str) -> str:
    """``{{ "sectors/x/index.md"|url }}``: the docs file's URL relative to the page being
    rendered (its docs path is ``page_path``), as MkDocs names it in this build: ``../../sectors/x/``
    or, built with ``--no-directory-urls``, ``../../sectors/x/index.html``."""
    site = context["site"]
    address = SiteAddress(site["site_url"], site["directory_urls"])
    return address.relative(src, context["page_path"])


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
        qr_svg=qr_svg,
        bar_chart=bar_chart,
        url=page_url,
        speech=unit_speech,
    )
    # ``tojson`` writes Chinese as itself, not as \uXXXX (6 bytes a character instead of 3: the
    # speech sentences alone were 5.8 KB of a unit page); it still escapes < > & ' for HTML.
    env.policies["json.dumps_kwargs"] = {"sort_keys": True, "ensure_ascii": False}
    return env
