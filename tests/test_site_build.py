"""A real ``mkdocs build --strict`` of the demo county, checked page by page."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from jinglao.pipeline import load
from jinglao.schema.vocab import SECTOR_SLUGS

from .conftest import REPO

UNIT_IDS = sorted(p.name for p in (REPO / "units").iterdir() if p.is_dir())


def mkdocs_build(
    project: Path, site: Path, config: str = "mkdocs.yml", *options: str
) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", config, "-d", str(site)]
    return subprocess.run(
        [*command, *options],
        cwd=project,
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )


@pytest.fixture
def site(demo_site: Path) -> Path:
    return demo_site


def read(site: Path, rel: str) -> str:
    return (site / rel).read_text(encoding="utf-8")


ABOVE_COUNTY = {"市级", "省级", "中央驻县"}


def _units_by(key: str) -> dict[str, set[str]]:
    """Unit ids by sector or township name, from the data; a unit with no township is browsed
    under 县直单位, or under 驻县及上级单位 when it is a window of a body above the county."""
    groups: dict[str, set[str]] = {}
    for record in load(REPO).units:
        above = record.unit.level in ABOVE_COUNTY
        name = getattr(record.unit, key) or ("驻县及上级单位" if above else "县直单位")
        groups.setdefault(name, set()).add(record.id)
    return groups


def test_demo_county_has_at_least_twelve_units_and_every_sector() -> None:
    assert len(UNIT_IDS) >= 12
    assert set(_units_by("sector")) == set(SECTOR_SLUGS)


@pytest.mark.parametrize("unit_id", UNIT_IDS)
def test_every_unit_folder_has_a_page_with_its_disclosures(site: Path, unit_id: str) -> None:
    page = read(site, f"units/{unit_id}/index.html")
    for anchor in (
        "commitments",
        "services",
        "procedures",
        "standards",
        "policies",
        "benefits",
        "archive",
    ):
        assert f'id="{anchor}"' in page
    assert 'href="tel:' in page
    assert "承诺时限" in page


def _linked_units(page: str) -> set[str]:
    """Unit pages linked from a list page's article (the menu is left out)."""
    article = page[page.index("<article") : page.index("</article>")]
    return set(re.findall(r'href="\.\./\.\./units/([a-z0-9-]+)/"', article))


def test_sector_and_township_pages_list_exactly_their_units(site: Path) -> None:
    for sector, units in _units_by("sector").items():
        assert _linked_units(read(site, f"sectors/{SECTOR_SLUGS[sector]}/index.html")) == units
    slugs = {
        t["name"]: t["slug"] for t in yaml.safe_load(read(REPO, "units/county.yml"))["townships"]
    }
    slugs["县直单位"] = "xianzhi"
    slugs["驻县及上级单位"] = "zhuxian"
    for township, units in _units_by("township").items():
        assert _linked_units(read(site, f"townships/{slugs[township]}/index.html")) == units


def test_policy_page_lists_the_units_that_cite_it(site: Path) -> None:
    page = read(site, "policies/yiliao-jigou-laonian-youxian/index.html")
    assert "引用本文件的单位" in page
    assert "../../units/anlan-renmin-yiyuan/" in page
    assert "../../units/meikeng-weishengyuan/" in page


def test_navigation_lists_sections_not_units(site: Path) -> None:
    page = read(site, "plan/index.html")  # its content links to no unit: any such link is nav
    assert "全部单位" in page
    assert not any(f"units/{unit_id}/" in page for unit_id in UNIT_IDS)
    assert len(page) < 100_000


def test_the_build_writes_the_search_index(site: Path) -> None:
    entry = json.loads(read(site, "pagefind/units/pagefind-entry.json"))
    assert entry["languages"]["zh"]["page_count"] == len(UNIT_IDS)
    assert (site / "pagefind/policies/pagefind.js").is_file()


def test_no_request_to_another_origin(site: Path) -> None:
    for html in site.rglob("*.html"):
        text = html.read_text(encoding="utf-8")
        assert "fonts.googleapis" not in text and "fonts.gstatic" not in text
        for tag in re.findall(r"<(?:script|link|img|iframe)\b[^>]*>", text):
            if 'rel="canonical"' in tag:
                continue  # names the page's address, loads nothing
            assert not re.search(r'(src|href)="(https?:)?//', tag), (html, tag)


def test_home_page_shows_counts_and_entry_points(site: Path) -> None:
    page = read(site, "index.html")
    assert f"<strong>{len(UNIT_IDS)}</strong> 家单位" in page
    assert "sectors/weisheng/" in page and "townships/chengguan/" in page


def test_consented_name_shown_and_unconsented_staff_by_post_only(site: Path) -> None:
    page = read(site, "units/anlan-renmin-yiyuan/index.html")
    assert "林晓燕" in page  # consent: true in the demo data
    assert "导诊员（门诊大厅导诊台）</li>" in page
