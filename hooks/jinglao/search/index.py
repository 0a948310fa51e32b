"""Index a built site with Pagefind, the county's synonyms added to each page that needs them.

Only the pages the theme marks for search (``data-pagefind-body``: unit and policy pages) are
given to Pagefind. The synonyms are applied here, at build time: a page that contains a word a
synonym group ``means`` gets that group's query words in its hidden ``data-jl-search-terms``
element, so 看病 finds the hospital's 挂号 page with no extra work in the reader's browser.
The site folder is untrusted: files reached through a link leading out of it are skipped, and
only ``pagefind/`` inside it is replaced.
"""

from __future__ import annotations

import asyncio
import html
import re
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from pagefind.index import IndexConfig, PagefindIndex

from ..county.synonyms import Synonyms, load_synonyms
from ..source.files import is_inside

BUNDLE_DIR = "pagefind"
BODY_MARK = "data-pagefind-body"
TERMS = re.compile(r"(<[^>]*\bdata-jl-search-terms\b[^>]*>)(</[a-z]+>)")
TAG = re.compile(r"<[^>]+>")
HEADING = re.compile(r"<h[1-4][^>]*>(.*?)</h[1-4]>", re.S)
# Pagefind's weight for synonyms of words in a heading (a procedure, a section the page is about)
# and of words only mentioned in the text; its own weights run from h1 = 7 down to text = 1.
ABOUT_WEIGHT, MENTION_WEIGHT = 5, 1


@dataclass(frozen=True)
class IndexResult:
    pages: int  # pages given to Pagefind
    with_synonyms: int  # of those, pages that got synonym terms


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
    """The page with the query words its text answers written into its search-terms element."""
    match = TERMS.search(page_html)
    if match is None:
        return page_html, False
    terms = synonym_terms(page_html, synonyms)
    if not terms:
        return page_html, False
    spans = "".join(
        f'<span data-pagefind-weight="{weight}">{html.escape("、".join(words))}。</span>'
        for weight, words in terms.items()
    )
    return page_html[: match.end(1)] + "相关说法：" + spans + page_html[match.start(2) :], True


def _pages(site: Path) -> Iterator[tuple[str, str]]:
    """(path inside the site, HTML) of every page to index: the marked ones, or all of them when
    the site was built by a theme that marks none."""
    found = [
        (path.relative_to(site).as_posix(), path)
        for path in sorted(site.rglob("*.html"))
        if path.is_file()
        and is_inside(site, path)
        and BUNDLE_DIR not in path.relative_to(site).parts
    ]
    texts = [(rel, path.read_text(encoding="utf-8", errors="replace")) for rel, path in found]
    marked = [(rel, text) for rel, text in texts if BODY_MARK in text]
    yield from marked or texts


async def _index(site: Path, synonyms: Synonyms) -> IndexResult:
    pages = extra = 0
    config = IndexConfig(force_language="zh", output_path=str(site / BUNDLE_DIR))
    async with PagefindIndex(config=config) as index:
        for rel, text in _pages(site):
            content, changed = with_synonyms(text, synonyms)
            await index.add_html_file(content=content, source_path=rel)
            pages, extra = pages + 1, extra + changed
    return IndexResult(pages, extra)


def index_site(site: Path, synonyms: Synonyms) -> IndexResult:
    """Write ``site/pagefind/`` for a built site folder; the previous bundle is replaced."""
    bundle = site / BUNDLE_DIR
    if bundle.is_symlink() or bundle.is_file():
        bundle.unlink()
    elif bundle.is_dir():
        shutil.rmtree(bundle)
    return asyncio.run(_index(site, synonyms))


def index_after_build(root: Path, site: Path, *, dirty: bool) -> IndexResult | None:
    """The MkDocs hook's call after each build. Under ``mkdocs serve --dirty`` a bundle that is
    already there is kept, so saving a unit shows on its page at once (re-indexing 1,000 units
    takes seconds); search then answers from the last full build until the server restarts."""
    if dirty and (site / BUNDLE_DIR / "pagefind.js").is_file():
        return None
    synonyms, _ = load_synonyms(root)  # its problems are reported by the build's validation
    return index_site(site, synonyms)
