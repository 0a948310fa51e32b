"""Every internal link of a built site, and whether it leads to a file that was built.

A link is internal when it is relative, an absolute path, or a full URL under the site's address
(``site_url``). It resolves when it names a file of the site, or — only where the server may add
``index.html`` (directory URLs) — a folder holding one. Links are read from every ``href`` and
``src`` of every HTML file, the search bundles the search page loads (``data-jl-bundle``, under
the site's root that Material's ``__config`` names), and ``sitemap.xml``.
"""

from __future__ import annotations

import json
import posixpath
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

_NOT_LINKS = ("mailto:", "tel:", "data:", "javascript:", "blob:", "about:")


@dataclass(frozen=True)
class Link:
    source: str  # the file it was found in, relative to the site folder
    target: str  # as written


class _LinkParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.targets: list[str] = []
        self.bundles: list[str] = []
        self.config: list[str] = []
        self._in_config = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name in ("href", "src") and value is not None:
                self.targets.append(value)
            if name == "data-jl-bundle" and value is not None:
                self.bundles.append(value)
        self._in_config = tag == "script" and ("id", "__config") in attrs

    def handle_data(self, data: str) -> None:
        if self._in_config:
            self.config.append(data)

    def handle_endtag(self, tag: str) -> None:
        self._in_config = False


def html_links(site: Path, page: Path) -> list[Link]:
    """``href``/``src`` of one page, plus the search bundles and synonyms its search page loads."""
    parser = _LinkParser()
    parser.feed(page.read_text(encoding="utf-8"))
    source = page.relative_to(site).as_posix()
    links = [Link(source, t) for t in parser.targets]
    if parser.config:
        config = json.loads("".join(parser.config))
        base = config["base"].rstrip("/")
        links += [Link(source, f"{base}/pagefind/{b}/pagefind.js") for b in parser.bundles]
        if parser.bundles:
            links.append(Link(source, f"{base}/pagefind/synonyms.json"))
    return links


def all_links(site: Path) -> list[Link]:
    links = [link for page in sorted(site.rglob("*.html")) for link in html_links(site, page)]
    sitemap = site / "sitemap.xml"
    if sitemap.is_file():
        for loc in re.findall(r"<loc>([^<]*)</loc>", sitemap.read_text(encoding="utf-8")):
            links.append(Link("sitemap.xml", loc))
    return links


def broken_links(site: Path, site_url: str, *, directory_urls: bool) -> list[str]:
    """Each internal link that leads nowhere in ``site``, as ``file: target (why)``."""
    return [
        f"{link.source}: {link.target}（{why}）"
        for link in all_links(site)
        if (why := _why_broken(site, site_url, link, directory_urls))
    ]


def _site_path(site_url: str, link: Link) -> str | None:
    """The link's path from the site's root (``..`` when it climbs out, a folder ends in ``/``),
    ``None`` when it leads to another site."""
    base = urlsplit(site_url)
    parts = urlsplit(link.target)
    if not (parts.scheme or parts.netloc or parts.path.startswith("/")):
        joined = (
            posixpath.join(posixpath.dirname(link.source), parts.path)
            if parts.path
            else link.source
        )
        return _normalised(joined, parts.path)
    if (parts.scheme or parts.netloc) and (parts.scheme, parts.netloc) != (
        base.scheme,
        base.netloc,
    ):
        return None  # another site (the site makes no request to another origin: other tests)
    prefix = base.path if base.path.endswith("/") else base.path + "/"
    if not (parts.path + "/").startswith(prefix):
        return f"../（不在网站的地址 {prefix} 之下）"
    return _normalised(parts.path[len(prefix) :], parts.path)


def _normalised(path: str, written: str) -> str:
    clean = posixpath.normpath(unquote(path)) if path else "."
    folder = written.endswith("/") or clean == "."
    return "" if clean == "." else clean + ("/" if folder else "")


def _why_broken(site: Path, site_url: str, link: Link, directory_urls: bool) -> str:
    if link.target.startswith(_NOT_LINKS) or link.target.startswith("#"):
        return ""
    path = _site_path(site_url, link)
    if path is None:
        return ""
    if path == ".." or path.startswith("../"):
        return "跑到网站之外" + path[2:]
    target = site / path
    if path and not path.endswith("/") and target.is_file():
        return ""
    if path == "" or path.endswith("/") or target.is_dir():
        if not directory_urls:
            return "指向文件夹：从磁盘打开时只会显示文件列表"
        return "" if (target / "index.html").is_file() else "文件夹里没有 index.html"
    return "文件不存在"
