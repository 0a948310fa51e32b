"""What a reader's browser pays for a search on a built site: bytes downloaded and time from
typing to the first result, on a 4× CPU-throttled Chromium; and the time to index the site.

``search_rows(site)`` measures whichever engine the site carries: Pagefind (``pagefind/``, the
search page at ``/search/``) or Material's lunr search (``search/search_index.json``, the header
search). Each query runs in a fresh browser context (cold cache), typed right after the page has
loaded, as a reader does. Bytes are every response from the page's request to the first result,
raw and gzip-compressed (what a server with compression sends; Pagefind's chunks are already
compressed, so the smaller of the two counts). The bench (``bench/run.py``) calls this on its
built county; Playwright and Debian's Chromium are needed, as for the browser tests.
"""

from __future__ import annotations

import gzip
import re
import statistics
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..county.synonyms import load_synonyms
from ..search.index import index_site

Row = tuple[str, str]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run"]  # fmt: skip
THROTTLE = 4
QUERIES = ("上门", "优待证", "看病")  # words of the synthetic county (看病 through the synonyms)
TIMEOUT_S = 120

# (page to open, search field, a result, whether the engine waits for a key-up) per engine
_ENGINES = {
    "pagefind": ("search/", "#jl-search-input", ".jl-result__title", False),
    "material": ("", "input.md-search__input", ".md-search-result__item", True),
}

_FIRST_RESULT_JS = """async ([field, result, query, keyup, timeout]) => {
  const input = document.querySelector(field);
  const start = performance.now();
  input.focus();
  input.value = query;
  input.dispatchEvent(new Event("input", {bubbles: true}));
  if (keyup) input.dispatchEvent(new KeyboardEvent("keyup", {bubbles: true}));
  return await new Promise(resolve => {
    const check = () => {
      const elapsed = performance.now() - start;
      if (document.querySelector(result)) resolve(elapsed);
      else if (elapsed > timeout) resolve(-1);
      else requestAnimationFrame(check);
    };
    check();
  });
}"""


_SEARCH_FILES = re.compile(r"/pagefind/|/search/search_index\.json|/workers/search\.")


@dataclass(frozen=True)
class Probe:
    query: str
    seconds: float | None  # None: no result within TIMEOUT_S
    raw: int
    packed: int
    search_raw: int  # of ``raw``, the search engine's own files (index, worker, wasm, script)


def engine_of(site: Path) -> str:
    if (site / "pagefind" / "units" / "pagefind.js").is_file():
        return "pagefind"
    if (site / "search" / "search_index.json").is_file():
        return "material"
    raise ValueError(f"{site} 里没有搜索索引（pagefind/ 或 search/search_index.json）")


def _packed(body: bytes) -> int:
    return min(len(body), len(gzip.compress(body, compresslevel=6, mtime=0)))


READY = "html[data-jl-search-ready]"  # assets/search.js: every engine has loaded what it needs


def probe(browser: Any, url: str, engine: str, query: str, *, when_ready: bool = False) -> Probe:
    """One cold search: open the page, type ``query`` once it has loaded (``when_ready``: once
    the page says its search engines are loaded, as for a reader who types after reading the
    page), wait for a result."""
    page_path, field, result, keyup = _ENGINES[engine]
    context = browser.new_context()
    page = context.new_page()
    bodies: list[tuple[str, bytes]] = []

    def keep(response: Any) -> None:
        try:
            bodies.append((response.url, response.body()))
        except Exception:  # a redirect or an aborted request has no body
            return

    page.on("response", keep)
    cdp = context.new_cdp_session(page)
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": THROTTLE})
    page.goto(url + page_path, wait_until="load")
    if when_ready:
        page.wait_for_selector(READY, state="attached", timeout=TIMEOUT_S * 1000)
    ms = page.evaluate(_FIRST_RESULT_JS, [field, result, query, keyup, TIMEOUT_S * 1000])
    taken = [body for _, body in bodies]  # what had arrived when the first result showed
    engine_files = sum(len(body) for url, body in bodies if _SEARCH_FILES.search(url))
    context.close()
    seconds = None if ms < 0 else ms / 1000
    return Probe(query, seconds, sum(map(len, taken)), sum(map(_packed, taken)), engine_files)


@contextmanager
def _browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright  # the bench's own dependency, as the tests'

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


@contextmanager
def _served(site: Path) -> Iterator[str]:
    import functools
    import http.server
    import threading

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:
            pass

    class Server(http.server.ThreadingHTTPServer):
        def handle_error(self, request: Any, client_address: Any) -> None:
            pass  # a probe's browser closes with requests in flight (the other group warming up)

    server = Server(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def probes(
    site: Path, engine: str, queries: tuple[str, ...] = QUERIES, *, when_ready: bool = False
) -> list[Probe]:
    with _served(site) as url, _browser() as browser:
        return [probe(browser, url, engine, q, when_ready=when_ready) for q in queries]


def index_seconds(site: Path, project: Path) -> float:
    """Seconds to rewrite the Pagefind index of a built site, with the project's synonyms."""
    start = time.perf_counter()
    index_site(site, load_synonyms(project)[0])
    return time.perf_counter() - start


def _mb(n: float) -> str:
    return f"{n / 1e6:.2f} MB" if n >= 1e5 else f"{n / 1024:.0f} KB"


def search_rows(
    site: Path, project: Path, queries: tuple[str, ...] = QUERIES, engine: str | None = None
) -> list[Row]:
    """The bench's rows for one built site of ``project``: bytes before the first result (raw /
    gzip, the largest over the queries), time to the first result (median, slowest) on a 4×
    CPU-throttled Chromium, and for Pagefind the time to index the site (Material's index is
    written inside the MkDocs build: compare the build times with and without its plugin).
    ``engine`` ("pagefind" or "material") picks one when the site carries both."""
    engine = engine or engine_of(site)
    indexing = (
        [("Pagefind：建立索引", f"{index_seconds(site, project):.1f} s")]
        if engine == "pagefind"
        else []
    )
    found = probes(site, engine, queries)
    label = "Pagefind" if engine == "pagefind" else "Material 搜索"
    worst = max(found, key=lambda p: p.raw)
    rows = [
        (
            f"{label}：第一个结果出现前下载 原始 / gzip（其中搜索文件 原始）",
            f"{_mb(worst.raw)} / {_mb(worst.packed)}（{_mb(worst.search_raw)}）",
        ),
        (f"{label}：输入到第一个结果（CPU 降速 {THROTTLE}×，页面一打开就输入）", _timing(found)),
    ]
    if engine == "pagefind":  # Material's page has no ready mark: its worker loads on its own
        ready = probes(site, engine, queries, when_ready=True)
        rows.append((f"{label}：输入到第一个结果（CPU 降速 {THROTTLE}×，页面准备好后输入）", _timing(ready)))  # fmt: skip
    return rows + indexing


def _timing(found: list[Probe]) -> str:
    """Median and slowest time to the first result, and how many searches found nothing."""
    times = [p.seconds for p in found if p.seconds is not None]
    slowest = f"{max(times):.2f} s" if times else "—"
    return (f"中位数 {statistics.median(times):.2f} s，最慢 {slowest}" if times else "无结果") + (
        f"（{len(found) - len(times)} 次超过 {TIMEOUT_S} s）" if len(times) < len(found) else ""
    )
