"""Where a docs file ends up on the site, the way MkDocs names it, without importing MkDocs.

MkDocs turns ``units/a/index.md`` into ``units/a/`` (directory URLs, the default) or
``units/a/index.html`` (``use_directory_urls: false`` / ``--no-directory-urls``: the site then
opens from disk, where a folder link shows a file list). Generated pages link to each other with
URLs computed here from their docs paths, relative to the page that links, so the same pages work
in both modes and under any sub-path of ``site_url`` (a preview at ``…/pr/12/``).
``tests/test_links.py`` checks these rules against MkDocs' own ``File.url``.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from urllib.parse import quote

_PAGE_SUFFIX = ".md"
_INDEX_NAMES = ("index", "README")


def _dest(src: str, *, directory_urls: bool) -> str:
    """The built file of a docs file: ``foo.md`` → ``foo/index.html`` or ``foo.html``."""
    if not src.endswith(_PAGE_SUFFIX):
        return src
    parent, filename = posixpath.split(src)
    name = filename[: -len(_PAGE_SUFFIX)]
    if name in _INDEX_NAMES:
        return posixpath.join(parent, "index.html")
    if not directory_urls:
        return posixpath.join(parent, name + ".html")
    return posixpath.join(parent, name, "index.html")


@dataclass(frozen=True)
class SiteAddress:
    """The portal's public address (``site_url``, ending in ``/``, may hold a sub-path; empty
    when unknown) and whether MkDocs writes directory URLs."""

    site_url: str = ""
    directory_urls: bool = True

    def url(self, src: str) -> str:
        """The URL of a docs file from the site's root: ``units/a/`` or ``units/a/index.html``
        (``./`` or ``index.html`` for the home page)."""
        dest = _dest(src, directory_urls=self.directory_urls)
        folder, filename = posixpath.split(dest)
        if self.directory_urls and filename == "index.html":
            return quote((folder or ".") + "/")
        return quote(dest)

    def relative(self, src: str, from_src: str) -> str:
        """The URL of ``src`` as written in the page built from ``from_src``."""
        return _relative_url(self.url(src), self.url(from_src))

    def absolute(self, src: str) -> str:
        """The full address of a docs file, or ``""`` when the portal's address is not set."""
        if not self.site_url:
            return ""
        url = self.url(src)
        return self.site_url + ("" if url == "./" else url)


def _relative_url(url: str, other: str) -> str:
    """``url`` seen from the page at ``other`` (both from the site's root), as MkDocs'
    ``get_relative_url`` writes it: a last part with a dot is a file, not a folder."""
    folder, _, last = other.rpartition("/")
    base = folder if "." in last else other
    base_parts = [p for p in base.split("/") if p not in ("", ".")]
    parts = [p for p in url.split("/") if p not in ("", ".")]
    common = 0
    for a, b in zip(base_parts, parts, strict=False):
        if a != b:
            break
        common += 1
    rel = "/".join([".."] * (len(base_parts) - common) + parts[common:]) or "."
    return rel + "/" if url.endswith("/") else rel
