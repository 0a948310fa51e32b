"""Index a built site with Pagefind, the county's synonyms written into the pages that need them.

Pagefind indexes only the pages the theme marks for search (``data-pagefind-body``: unit and
policy pages); a site with no marked page (another theme) is indexed whole. The synonyms are
applied here, at build time: a page that contains a word a synonym group ``means`` gets that
group's query words in its hidden ``data-jl-search-terms`` element, so 看病 finds the hospital's
挂号 page with no extra work in the reader's browser. The terms stay in the page (hidden, so
screen readers skip them too): Pagefind's own command then indexes the folder as it is, and
running it again gives the same index. The site folder is untrusted: a page reached through a
link leading out of it stops the indexing, and only ``pagefind/`` inside it is replaced.
"""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from ..county.synonyms import Synonyms
from ..source.files import is_inside

BUNDLE_DIR = "pagefind"
# One Pagefind bundle per group of results, each ranked on its own (units first on the search
# page). Separate bundles rather than a Pagefind filter: Pagefind writes a filter's values in a
# different order on each run, and the build must be byte-identical (tests/test_cycles.py).
EXPANSIONS = "synonyms.json"  # query word → page words, for the search page (assets/search.js)
BUNDLES = {
    "units": "units/*/index.html",
    "tasks": "tasks/*/index.html",  # 我要办事 pages: the units and procedures for one need
    "policies": "policies/{*/index.html,*.html}",
}
BODY_MARK = "data-pagefind-body"
TERMS = re.compile(r"(<p\b[^>]*\bdata-jl-search-terms\b[^>]*>).*?(</p>)", re.S)
TAG = re.compile(r"<[^>]+>")
HEADING = re.compile(r"<h[1-4][^>]*>(.*?)</h[1-4]>", re.S)
# Pagefind's weight for synonyms of words in a heading (a procedure, a section the page is about)
# and of words only mentioned in the text; its own weights run from h1 = 7 down to text = 1.
ABOUT_WEIGHT, MENTION_WEIGHT = 5, 1


@dataclass(frozen=True)
class IndexResult:
    pages: int  # pages in the index
    with_synonyms: int  # of those, pages that have synonym terms


def page_text(page_html: str) -> str:
    """The page's text as a reader sees it (tags dropped, entities decoded), for synonym matching."""
    return html.unescape(TAG.sub(" ", page_html))


def synonym_terms(page_html: str, synonyms: Synonyms) -> dict[int, list[str]]:
    """The query words a page answers, by Pagefind weight: words whose targets stand in a heading
    (the page is about them: 老年人优待证办理) rank above those its text only mentions."""
    text = page_text(page_html)
    headings = page_text(" ".join(HEADING.findall(page_html)))
    about = [w for w in synonyms.extra_terms(headings) if w not in text]
    mentioned = [w for w in synonyms.extra_terms(text) if w not in about]
    return {w: terms for w, terms in ((ABOUT_WEIGHT, about), (MENTION_WEIGHT, mentioned)) if terms}


def with_synonyms(page_html: str, synonyms: Synonyms) -> tuple[str, bool]:
    """The page with the query words its text answers written into its search-terms element
    (whatever an earlier run wrote there is replaced, so indexing twice changes nothing)."""
    match = TERMS.search(page_html)
    if match is None:
        return page_html, False
    bare = page_html[: match.end(1)] + page_html[match.start(2) :]
    terms = synonym_terms(bare, synonyms)
    if not terms:
        return bare, False
    spans = "".join(
        f'<span data-pagefind-weight="{weight}">{html.escape("、".join(words))}。</span>'
        for weight, words in terms.items()
    )
    return bare[: match.end(1)] + "相关说法：" + spans + bare[match.end(1) :], True


class IndexingError(Exception):
    """Why the site could not be indexed, in Chinese."""


def _pages(site: Path) -> list[Path]:
    pages = sorted(p for p in site.rglob("*.html") if BUNDLE_DIR not in p.relative_to(site).parts)
    outside = [p.relative_to(site).as_posix() for p in pages if not is_inside(site, p)]
    if outside:
        raise IndexingError(
            f"网站文件夹里有指向文件夹以外的链接，没有建立搜索索引：{'、'.join(outside[:5])}"
        )
    return pages


def write_synonyms(site: Path, synonyms: Synonyms) -> tuple[int, set[str]]:
    """Write each marked page's synonym terms into it; returns how many pages have terms, and
    the top folders that hold marked pages (units, tasks, policies)."""
    with_terms, folders = 0, set()
    for page in _pages(site):
        text = page.read_text(encoding="utf-8", errors="replace")
        if BODY_MARK not in text:
            continue
        folders.add(page.relative_to(site).parts[0])
        updated, has_terms = with_synonyms(text, synonyms)
        with_terms += has_terms
        if updated != text:
            page.write_text(updated, encoding="utf-8")
    return with_terms, folders


def _run_pagefind(site: Path, bundle: str, pages: str) -> None:
    command = [sys.executable, "-m", "pagefind", "--site", str(site), "--force-language", "zh",
               "--glob", pages, "--output-subdir", f"{BUNDLE_DIR}/{bundle}"]  # fmt: skip
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        output = (done.stderr or done.stdout).strip()[-800:]
        raise IndexingError(
            f"没有建好搜索索引 {site / BUNDLE_DIR / bundle}（网页 {pages}）：建索引的工具 Pagefind "
            f"出错了。请把下面这段 Pagefind 的原始输出（英文）交给维护网站的人。\n{output}"
        )


def indexed_pages(site: Path) -> int:
    """Pages in all bundles (a bundle with no page writes no entry file)."""
    total = 0
    for bundle in BUNDLES:
        entry = site / BUNDLE_DIR / bundle / "pagefind-entry.json"
        if entry.is_file():
            languages = json.loads(entry.read_text(encoding="utf-8"))["languages"]
            total += sum(int(language["page_count"]) for language in languages.values())
    return total


def index_site(site: Path, synonyms: Synonyms) -> IndexResult:
    """Write ``site/pagefind/`` for a built site folder; the previous bundles are replaced."""
    with_terms, marked = write_synonyms(site, synonyms)
    folder = site / BUNDLE_DIR
    if folder.is_symlink() or folder.is_file():
        folder.unlink()
    elif folder.is_dir():
        shutil.rmtree(folder)
    for bundle, pages in BUNDLES.items():
        # A county with no page of this group (no tasks.yml yet) gets no bundle: Pagefind stops
        # on an empty one, and with no marked page it would index the folder's list pages whole.
        # (a bundle is named after the site folder its pages are in).
        if bundle in marked or (not marked and any((site / bundle).glob("**/*.html"))):
            _run_pagefind(site, bundle, pages)
    expansions = json.dumps(synonyms.expansions(), ensure_ascii=False, sort_keys=True)
    folder.mkdir(exist_ok=True)
    (folder / EXPANSIONS).write_text(expansions, encoding="utf-8")
    return IndexResult(indexed_pages(site), with_terms)


def index_after_build(site: Path, synonyms: Synonyms, *, dirty: bool) -> IndexResult | None:
    """The MkDocs hook's call after each build. Under ``mkdocs serve --dirty`` a bundle that is
    already there is kept, so saving a unit shows on its page at once (re-indexing 1,000 units
    takes seconds); search then answers from the last full build until the server restarts."""
    if dirty and (site / BUNDLE_DIR / "units" / "pagefind.js").is_file():
        return None
    return index_site(site, synonyms)  # the synonyms the build read and validated
