"""Lists that grow with the county stay out of the search index: a policy's 「引用本文件的单位」
names every citing unit (34,950 bytes at 1,000 units, over Zensical's 32 KB for one search field),
and each of those units' own pages is indexed anyway. The portal itself indexes units and policies
with Pagefind; these marks serve the builders of `jinglao generate --out` that index every page
(Zensical, plain Material), so the test builds that path with Material's own search."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from jinglao.source.mkdocs_yml import hookless_config

from .conftest import REPO, run_cli
from .test_site_build import mkdocs_build


@pytest.fixture(scope="module")
def demo_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo county as a hookless builder with its own search sees it."""
    root = tmp_path_factory.mktemp("hookless")
    docs = root / "docs"
    code, output = run_cli("generate", "--project", str(REPO), "--out", str(docs))
    assert code == 0, output
    config = hookless_config(REPO, docs, root / "mkdocs.yml", material_search=True)
    result = mkdocs_build(root, root / "site", str(config))
    assert result.returncode == 0, result.stderr
    return root / "site"


POLICY = "policies/yiliao-jigou-laonian-youxian"


def test_a_policys_citing_units_are_shown_but_not_indexed(demo_site: Path) -> None:
    page = (demo_site / POLICY / "index.html").read_text(encoding="utf-8")
    listed = re.search(r'<ul class="jl-unit-list"[^>]*>(.*?)</ul>', page, re.S)
    assert listed is not None
    names = re.findall(r"<a [^>]*>([^<]+)</a>", listed.group(1))
    assert len(names) >= 2, "the page still shows the citing units"
    index = json.loads((demo_site / "search/search_index.json").read_text(encoding="utf-8"))
    section = [d for d in index["docs"] if d["location"] == f"{POLICY}/#cited-by"]
    assert section, "the section's heading is still found"
    text = section[0]["text"].replace("\u200b", "")  # Material cuts Han text into words
    for name in names:
        assert name not in text, name


def _is_list_page(page: str) -> bool:
    """The all-units list, sector and township lists, the status table, the screens list and the
    stats charts (``units/<id>/`` are the units' own pages, which stay searchable)."""
    return page in {"units/", "status/", "screens/", "stats/"} or page.startswith(
        ("sectors/", "townships/")
    )


def test_pages_that_list_every_unit_keep_the_names_out_of_the_index(demo_site: Path) -> None:
    names = [
        match.group(1)
        for file in sorted((REPO / "units").glob("*/unit.yml"))
        if (match := re.search(r"^name: (.+)$", file.read_text(encoding="utf-8"), re.M))
    ]
    assert len(names) >= 12
    index = json.loads((demo_site / "search/search_index.json").read_text(encoding="utf-8"))
    listing = [d for d in index["docs"] if _is_list_page(d["location"].split("#")[0])]
    pages = {d["location"].split("#")[0] for d in listing}
    assert {"units/", "status/", "screens/", "stats/"} <= pages, "their headings are still found"
    for doc in listing:
        text = doc["text"].replace("\u200b", "")
        assert not [n for n in names if n in text], doc["location"]
    searchable = "".join(
        d["title"] + d["text"]
        for d in index["docs"]
        if not _is_list_page(d["location"].split("#")[0])
    )
    assert names[0] in searchable.replace("\u200b", ""), "a unit's name is still found"
