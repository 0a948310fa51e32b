"""Links that work wherever the site is put: under a sub-path of ``site_url`` (a pull request's
preview at ``…/pr/12/``) and built with ``--no-directory-urls`` (opened from disk, where a link to
a folder shows a file list). One build per mode; every ``href``/``src`` of every HTML file, the
search index and worker, and the sitemap must lead to a file of that build."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from mkdocs.structure.files import File
from mkdocs.utils import get_relative_url

from jinglao.pipeline import build_pages
from jinglao.source.site_urls import SiteAddress

from .conftest import REPO, copy_project, run_cli
from .support.links import all_links, broken_links
from .test_site_build import mkdocs_build

PREVIEW_URL = "https://example.org/pr/12/"
MAIN_HOST = "jinglao.example.org"  # the demo county's own site_url
PREVIEW_CONFIG = "mkdocs-preview.yml"


def preview_config(project: Path, site_url: str) -> str:
    """What the pull-request workflow writes: mkdocs.yml with the preview's address."""
    (project / PREVIEW_CONFIG).write_text(
        f"INHERIT: mkdocs.yml\nsite_url: {site_url}\n", encoding="utf-8"
    )
    return PREVIEW_CONFIG


def assert_whole_site_checked(site: Path) -> None:
    links = all_links(site)
    pages = {
        p.relative_to(site).as_posix()
        for p in site.rglob("*.html")
        if re.search(r"\b(href|src)=", p.read_text(encoding="utf-8"))
    }
    assert {link.source for link in links} >= pages
    assert any(link.target.endswith("pagefind/units/pagefind.js") for link in links)
    assert any(link.source == "sitemap.xml" for link in links)


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_project(REPO, tmp_path_factory.mktemp("links") / "demo")


@pytest.fixture(scope="module")
def preview_site(project: Path) -> Path:
    site = project.parent / "preview-site"
    result = mkdocs_build(project, site, preview_config(project, PREVIEW_URL))
    assert result.returncode == 0, result.stdout + result.stderr
    return site


@pytest.fixture(scope="module")
def file_site(project: Path) -> Path:
    site = project.parent / "file-site"
    result = mkdocs_build(project, site, "mkdocs.yml", "--no-directory-urls")
    assert result.returncode == 0, result.stdout + result.stderr
    return site


def test_every_link_of_a_preview_under_a_sub_path_leads_to_a_file(preview_site: Path) -> None:
    assert broken_links(preview_site, PREVIEW_URL, directory_urls=True) == []
    assert_whole_site_checked(preview_site)


def test_a_preview_points_at_itself_never_at_the_main_site(preview_site: Path) -> None:
    page = (preview_site / "units/anlan-renmin-yiyuan/index.html").read_text(encoding="utf-8")
    assert f'href="{PREVIEW_URL}screens/anlan-renmin-yiyuan/"' in page
    assert f'href="{PREVIEW_URL}print/anlan-renmin-yiyuan/cards/"' in page
    leaks = [p for p in preview_site.rglob("*.html") if MAIN_HOST in p.read_text(encoding="utf-8")]
    assert leaks == []


def test_every_link_of_a_site_without_directory_urls_leads_to_a_file(file_site: Path) -> None:
    assert broken_links(file_site, "https://jinglao.example.org/", directory_urls=False) == []
    assert_whole_site_checked(file_site)
    page = (file_site / "units/anlan-renmin-yiyuan/index.html").read_text(encoding="utf-8")
    assert 'href="../../sectors/weisheng/index.html"' in page
    assert 'href="https://jinglao.example.org/screens/anlan-renmin-yiyuan/index.html"' in page
    policy = (file_site / "policies/laonianren-quanyi-baozhangfa.html").read_text(encoding="utf-8")
    assert 'href="../units/nongshang-chengguan/index.html"' in policy


@pytest.mark.parametrize("directory_urls", [True, False])
def test_page_urls_are_the_ones_mkdocs_gives(directory_urls: bool) -> None:
    """Our URL rules, checked against MkDocs' own for every generated page and between them."""
    pages = sorted(build_pages(REPO).pages)
    files = {p: File(p, str(REPO / "content"), "/site", directory_urls) for p in pages}
    address = SiteAddress("https://example.org/pr/3/", directory_urls)
    for path, file in files.items():
        assert address.url(path) == file.url, path
    units = [p for p in pages if p.startswith("units/")][:3]
    for a in [*units, "index.md", "policies/sheng-youdai-gongzuo-yijian.md", "data/units.csv"]:
        for b in [*units, "index.md", "policies/laonianren-quanyi-baozhangfa.md"]:
            assert address.relative(a, b) == get_relative_url(files[a].url, files[b].url), (a, b)
    home = "https://example.org/pr/3/" + ("" if directory_urls else "index.html")
    assert address.absolute("index.md") == home


def test_generate_follows_mkdocs_yml_without_directory_urls(tmp_path: Path) -> None:
    """Zensical builds what ``jinglao generate`` writes: the links follow mkdocs.yml's setting."""
    project = copy_project(REPO, tmp_path / "p")
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8") + "use_directory_urls: false\n", encoding="utf-8"
    )
    docs = tmp_path / "docs"
    assert run_cli("generate", "--project", str(project), "--out", str(docs))[0] == 0
    page = (docs / "units/anlan-renmin-yiyuan/index.md").read_text(encoding="utf-8")
    assert 'href="../../sectors/weisheng/index.html"' in page
    assert "https://jinglao.example.org/screens/anlan-renmin-yiyuan/index.html" in page


def test_a_preview_opens_searches_and_navigates_under_its_sub_path(
    preview_site: Path, browser: Any, tmp_path: Path
) -> None:
    """What a reviewer does with the link in the pull request, in Chromium: the preview served at
    /pr/12/ (as GitHub Pages serves it), a search, a result, a tag link — no request fails."""
    from playwright.sync_api import expect

    from tests.browser.harness import serve

    (tmp_path / "pr").mkdir()
    (tmp_path / "pr/12").symlink_to(preview_site, target_is_directory=True)
    with serve(tmp_path) as root:
        base = root + "pr/12/"
        context = browser.new_context(viewport={"width": 1366, "height": 768})
        page = context.new_page()
        failed: list[str] = []
        page.on("response", lambda r: failed.append(r.url) if r.status >= 400 else None)
        page.goto(base)
        page.fill("#jl-header-search-input", "挂号")
        page.press("#jl-header-search-input", "Enter")
        expect(page).to_have_url(re.compile(re.escape(base + "search/") + r"\?q="))
        result = page.locator(".jl-result__title", has_text="安澜县人民医院").first
        result.click()
        expect(page).to_have_url(re.compile(re.escape(base + "units/anlan-renmin-yiyuan/")))
        page.locator(".jl-tags a", has_text="卫生系统").click()
        expect(page).to_have_url(base + "sectors/weisheng/")
        expect(page.locator("h1")).to_contain_text("卫生系统")
        context.close()
    assert failed == []
